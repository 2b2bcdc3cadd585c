"""JUnit XML: one test suite per document, one test case per document and catalogue entry.

A criterion passes when met, weak or missing at ``info`` level (its text goes to
``system-out``), is skipped when it does not apply, and fails when missing at ``error`` or
``warning`` level. A rule fails when it has findings at ``error`` or ``warning`` level. An
unreadable file is one test case with an ``error``. No times or host names: the output is
deterministic.
"""

from __future__ import annotations

import regex
from lxml import etree

from lbcheck.i18n import counted, label, tr, where
from lbcheck.models import DocumentReport, Report, RuleInfo, Severity, Status
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.issues import Issue, IssueKind, document_issues
from lbcheck.reporters.labels import SEVERITY_DE, STATUS_DE

_FAILS = (Severity.ERROR, Severity.WARNING)
# C1 controls (\x80-\x9f) are legal XML but "discouraged", and \x9b starts a terminal escape.
_NOT_XML = regex.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    """Text without the characters XML 1.0 cannot carry (control characters from a file)."""
    return _NOT_XML.sub("\ufffd", text)


def _severity(value: str) -> str:
    return label("severity", value, SEVERITY_DE)


def _describe(issue: Issue) -> str:
    place = where(issue.location) if issue.location else tr("Dokument")
    text = f"{place}: {issue.message}"
    return _x(text + (f"\n„{issue.excerpt}“" if issue.excerpt else ""))


def _entries(report: Report, doc: DocumentReport) -> list[RuleInfo | str]:
    """The entries that ran, or (for a report without catalogue) the codes seen."""
    if report.rules:
        return list(report.rules)
    seen = [c.code for c in doc.criteria] + [f.code for f in doc.findings]
    return list(dict.fromkeys(seen))


def _case(suite: etree._Element, doc: DocumentReport, code: str, title: str) -> etree._Element:
    return etree.SubElement(suite, "testcase", classname=_x(doc.path), name=_x(f"{code} {title}"))


def _fill_case(case: etree._Element, issues: list[Issue], status: Status | None) -> str:
    """Add failure/skipped/system-out; return 'failures', 'skipped' or '' for the counts."""
    if status is Status.NOT_APPLICABLE:
        # Reason as text, not as attribute: the older Jenkins schema allows no attributes here.
        etree.SubElement(case, "skipped").text = tr("gilt nicht für diesen Gegenstand")
        return "skipped"
    failing = [i for i in issues if i.severity in _FAILS and i.kind is not IssueKind.WEAK]
    if failing:
        worst = max(failing, key=lambda i: i.severity.rank)
        found = worst.kind is IssueKind.FINDING
        count = counted(len(failing), "Fundstelle") if found else tr("fehlt")
        failure = etree.SubElement(
            case,
            "failure",
            message=_x(
                f"{label('severity', worst.severity.value, SEVERITY_DE)}: {worst.title} ({count})"
            ),
            type=worst.code,
        )
        failure.text = "\n\n".join(_describe(i) for i in failing)
        return "failures"
    notes = [_describe(i) for i in issues]
    if status is not None:
        notes.insert(0, f"Status: {label('status', status.value, STATUS_DE)}")
    if notes:
        etree.SubElement(case, "system-out").text = "\n\n".join(notes)
    return ""


def _suite(root: etree._Element, report: Report, doc: DocumentReport) -> None:
    suite = etree.SubElement(root, "testsuite", name=_x(doc.path))
    issues = document_issues(report, doc)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if doc.status != "ok":
        issue = issues[0]
        case = _case(suite, doc, issue.code, issue.title)
        error = etree.SubElement(case, "error", message=issue.message, type=issue.code)
        error.text = _x(doc.error.detail if doc.error and doc.error.detail else issue.message)
        counts["tests"], counts["errors"] = 1, 1
    else:
        statuses = {c.code: c.status for c in doc.criteria}
        titles = {i.code: i.title for i in issues}
        for entry in _entries(report, doc):
            code = entry if isinstance(entry, str) else entry.code
            title = titles.get(code, code) if isinstance(entry, str) else entry.advice.title
            mine = [i for i in issues if i.code == code]
            outcome = _fill_case(_case(suite, doc, code, title), mine, statuses.get(code))
            counts["tests"] += 1
            if outcome:
                counts[outcome] += 1
    for key, value in counts.items():
        suite.set(key, str(value))


class JunitReporter(Reporter):
    name = "junit"
    extension = ".xml"

    def render(self, report: Report) -> str:
        root = etree.Element("testsuites", name="lbcheck")
        for doc in report.documents:
            _suite(root, report, doc)
        for key in ("tests", "failures", "errors", "skipped"):
            root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
        xml: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
        return xml.decode("utf-8")
