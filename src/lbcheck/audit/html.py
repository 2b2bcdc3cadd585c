"""PLACEHOLDER from feat/audit so its tests run; feat/auditreport's version replaces it."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from lbcheck.audit.summary import AuditSummary
from lbcheck.reporters.json_model import JsonDocument


def render_audit_html(summary: AuditSummary, documents: Iterable[JsonDocument]) -> str:
    rows = "".join(
        f"<tr><td>{escape(d.path)}</td><td>{escape(d.status)}</td></tr>" for d in documents
    )
    return (
        '<!doctype html><html lang="de"><meta charset="utf-8"><title>lbcheck-Audit</title>'
        f"<p>{summary.documents} Dokumente</p><table>{rows}</table></html>\n"
    )
