"""One line per issue: ``path:line-or-page: CODE severity message``.

Text formats give the line (``lb.md:29:``), PDFs the page (``lb.pdf:S.3:``); DOCX and ODT have
neither, so the path stands alone and the place follows the message in brackets. Missing
criteria and unreadable files concern the whole document and have no place.
"""

from __future__ import annotations

from lbcheck.i18n import where
from lbcheck.models import Report
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.issues import Issue, report_issues
from lbcheck.reporters.safe_text import clean


def concise_line(issue: Issue) -> str:
    loc = issue.location
    head = clean(issue.path.replace("\r", "\\r").replace("\n", "\\n"))
    if loc is not None and loc.line is not None:
        head += f":{loc.line}"
    elif loc is not None and loc.page is not None:
        head += f":S.{loc.page}"
    text = issue.message
    if loc is not None:
        text += f" [{where(loc)}]"
    text = " ".join(clean(text).split())
    return f"{head}: {issue.code} {issue.severity.value} {text}"


class ConciseReporter(Reporter):
    name = "concise"
    extension = ".txt"

    def render(self, report: Report) -> str:
        return "".join(concise_line(i) + "\n" for i in report_issues(report))
