"""HTML reporter: the buyer's report as one self-contained page (same content as the terminal)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lbcheck.i18n import counted
from lbcheck.models import DocumentReport, Report
from lbcheck.reporters import labels
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.digest import (
    Digest,
    digest,
    meta_line,
    placement_rows,
    sets_line,
    shown_evidence,
    summary_line,
    weak_reason,
)
from lbcheck.reporters.html.render import render_page


@dataclass(frozen=True, slots=True)
class DocumentView:
    report: DocumentReport
    digest: Digest | None
    meta: str
    sets: str


def _view(doc: DocumentReport) -> DocumentView:
    if doc.status != "ok":
        return DocumentView(doc, None, "", "")
    return DocumentView(doc, digest(doc), meta_line(doc), sets_line(doc))


def report_context(report: Report) -> dict[str, Any]:
    """What ``report_body.html.j2`` needs; pages that include it pass this on."""
    return {
        "documents": [_view(d) for d in report.documents],
        "summary": summary_line(report),
        "labels": labels,
        "counted": counted,
        "eforms_label": labels.eforms_label,
        "weak_reason": weak_reason,
        "shown_evidence": shown_evidence,
        "placement_rows": placement_rows,
    }


class HtmlReporter(Reporter):
    name = "html"
    extension = ".html"

    def render(self, report: Report) -> str:
        return render_page("report.html.j2", **report_context(report))
