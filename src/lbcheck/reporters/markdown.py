"""A review comment a person reads (German Markdown, e.g. for a pull request or job summary).

Every text taken from a document or a path is escaped, so a tender cannot inject Markdown,
HTML, links or @-mentions into the comment.
"""

from __future__ import annotations

import regex

from lbcheck.i18n import counted, label, tr, where
from lbcheck.models import DocumentReport, Report, Severity
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.issues import Issue, IssueKind, document_issues
from lbcheck.reporters.labels import SEVERITY_DE, STATUS_DE
from lbcheck.reporters.safe_text import clean

_INLINE = regex.compile(r"([\\`*_\[\]#|~])")  # with [ ] escaped, ( ) ! cannot make a link
_LINE_START = regex.compile(r"^(?:(\d+)([.)])|([-+=]))")
_ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}


def md(text: str) -> str:
    """``text`` as literal Markdown on one line: specials escaped, HTML and mentions defused."""
    one_line = " ".join(clean(text).split())
    html_safe = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _INLINE.sub(r"\\\1", html_safe).replace("@", "&#64;")
    # Only at the start can "1." or "-" turn the text into a list or a heading underline.
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _severity(value: str) -> str:
    return label("severity", value, SEVERITY_DE)


def _count(issues: list[Issue], severity: Severity) -> int:
    return sum(1 for i in issues if i.severity is severity and i.kind is not IssueKind.WEAK)


def _verdict(issues: list[Issue]) -> str:
    errors, warnings = _count(issues, Severity.ERROR), _count(issues, Severity.WARNING)
    counts = f"{counted(errors, 'Fehler')}, {counted(warnings, 'Warnung')}."
    if errors:
        return f"❌ **{tr('Nicht bestanden:')}** {counts}"
    if warnings:
        return f"⚠️ **{tr('Bestanden mit Warnungen:')}** {counts}"
    return f"✅ **{tr('Bestanden:')}** {tr('keine Fehler und keine Warnungen.')}"


def _finding_group(group: list[Issue]) -> list[str]:
    first = group[0]
    icon = _ICON[first.severity]
    lines = [
        f"- {icon} **{first.code} {md(first.title)}** ({_severity(first.severity.value)}, "
        f"{counted(len(group), 'Fundstelle')})  ",
        f"  {md(first.message)}",
    ]
    for issue in group:
        place = md(where(issue.location)) if issue.location else tr("Dokument")
        lines.append(f"  - {place}: „{md(issue.excerpt)}“")
    if first.advice is not None:
        lines.append(f"\n  **{tr('Besser so')}:** {md(first.advice.model_clause)}")
    return lines


def _criterion(issue: Issue) -> list[str]:
    state = label("status", "weak" if issue.kind is IssueKind.WEAK else "missing", STATUS_DE)
    detail = issue.advice.message if issue.advice is not None else issue.message
    lines = [
        f"- {_ICON[issue.severity]} **{issue.code} {md(issue.title)}** ({state}, "
        f"{_severity(issue.severity.value)})  ",
        f"  {md(detail)}",
    ]
    if issue.location is not None:
        lines.append(f"  - {md(where(issue.location))}: „{md(issue.excerpt)}“")
    if issue.advice is not None:
        lines.append(f"\n  **{tr('Textbaustein')}:** {md(issue.advice.model_clause)}")
        if issue.advice.proof:
            lines.append(f"\n  **{tr('Nachweis')}:** {md(issue.advice.proof)}")
    return lines


def _document(report: Report, doc: DocumentReport) -> list[str]:
    lines = [f"### {md(doc.path)}", ""]
    issues = document_issues(report, doc)
    if doc.status != "ok":
        issue = issues[0]
        head = tr("Nicht geprüft ({code}):", code=md(issue.code))
        return [*lines, f"🔴 **{head}** {md(issue.message)}", ""]
    met = sum(1 for c in doc.criteria if c.status.value == "met")
    weak = sum(1 for i in issues if i.kind is IssueKind.WEAK)
    missing = sum(1 for i in issues if i.kind is IssueKind.MISSING)
    lines += [
        tr(
            "Kriterien: {met} erfüllt, {weak} schwach, {missing} fehlen.",
            met=met,
            weak=weak,
            missing=missing,
        ),
        "",
    ]
    findings = [i for i in issues if i.kind is IssueKind.FINDING]
    if findings:
        lines += [tr("#### Befunde zur Formulierung ({n})", n=len(findings)), ""]
        by_code: dict[str, list[Issue]] = {}
        for f in findings:
            by_code.setdefault(f.code, []).append(f)
        for code in sorted(by_code, key=lambda c: (-by_code[c][0].severity.rank, c)):
            lines += [*_finding_group(by_code[code]), ""]
    unmet = [i for i in issues if i.kind in (IssueKind.MISSING, IssueKind.WEAK)]
    if unmet:
        lines += [tr("#### Fehlende und schwache Kriterien"), ""]
        for issue in sorted(unmet, key=lambda i: -i.severity.rank):
            lines += [*_criterion(issue), ""]
    if not findings and not unmet:
        lines += [tr("Keine Befunde."), ""]
    return lines


class MarkdownReporter(Reporter):
    name = "markdown"
    extension = ".md"

    def render(self, report: Report) -> str:
        issues = [i for d in report.documents for i in document_issues(report, d)]
        lines = [tr("## lbcheck: Prüfbericht"), "", _verdict(issues), ""]
        for doc in report.documents:
            lines += _document(report, doc)
        return "\n".join(lines).rstrip() + "\n"
