"""HTML reporter: the buyer's report as one self-contained page (same content as the terminal)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lbcheck.models import DocumentReport, Report
from lbcheck.reporters import labels
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.digest import Digest, digest, summary_line
from lbcheck.reporters.german import counted
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
    meta = (doc.format or "").upper()
    if doc.pages:
        meta += f", {counted(doc.pages, 'Seite')}"
    meta += " · Gegenstand: " + labels.subjects_text(doc.subject, doc.subject_certain)
    applies = [labels.SET_DE.get(n, n) for n, a in doc.sets if a]
    not_applies = [labels.SET_DE.get(n, n) for n, a in doc.sets if not a]
    sets = f"Geprüft nach: {', '.join(applies) or '–'}."
    if not_applies:
        sets += f" Gilt nicht für diesen Gegenstand: {', '.join(not_applies)}."
    return DocumentView(doc, digest(doc), meta, sets)


def report_context(report: Report) -> dict[str, Any]:
    """What ``report_body.html.j2`` needs; pages that include it pass this on."""
    return {
        "documents": [_view(d) for d in report.documents],
        "summary": summary_line(report),
        "labels": labels,
        "counted": counted,
        "eforms_label": labels.eforms_label,
    }


class HtmlReporter(Reporter):
    name = "html"
    extension = ".html"

    def render(self, report: Report) -> str:
        return render_page("report.html.j2", **report_context(report))
