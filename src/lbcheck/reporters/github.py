"""GitHub Actions workflow commands (``::error file=…,line=…,title=…::message``).

GitHub shows at most 10 error and 10 warning annotations per step (50 per job) and drops the
rest silently, so annotations are printed errors first, then warnings, then notices; a closing
log line says how many there are and where the full list is: the job summary (Markdown, the
same review text as ``--format markdown``) that the CLI appends to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from pathlib import PurePath

from lbcheck.i18n import counted, tr, where
from lbcheck.models import Report, Severity
from lbcheck.reporters.base import RenderEnv, Reporter
from lbcheck.reporters.issues import Issue, by_severity, report_issues
from lbcheck.reporters.markdown import MarkdownReporter
from lbcheck.reporters.paths import repo_path
from lbcheck.reporters.safe_text import clean_keeping_lines

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SHOWN_PER_STEP = 10  # errors and warnings each; GitHub drops further annotations
SUMMARY_LIMIT = 1024 * 1024  # bytes GitHub accepts per step summary


def escape_data(text: str) -> str:
    """Escape a command's message (``escapeData`` in ``@actions/core``); other controls
    (escape sequences from a file name or a document) are shown, never sent to the log."""
    text = clean_keeping_lines(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``escapeProperty``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(issue: Issue, base: PurePath | None = None) -> str:
    props = [f"file={escape_property(repo_path(issue.path, base))}"]
    if issue.location is not None and issue.location.line is not None:
        props.append(f"line={issue.location.line}")
    props.append(f"title={escape_property(f'{issue.code} {issue.title}')}")
    message = issue.message
    if issue.location is not None:
        message += "\n" + tr("Fundstelle: {place}", place=where(issue.location))
        if issue.excerpt:
            message += f": „{issue.excerpt}“"
    return f"::{COMMAND[issue.severity]} {','.join(props)}::{escape_data(message)}"


def _closing_line(issues: list[Issue]) -> str:
    counts = {s: sum(1 for i in issues if i.severity is s) for s in Severity}
    names = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
    parts = ", ".join(counted(counts[s], names[s]) for s in Severity)
    line = f"lbcheck: {counted(len(issues), 'Annotation')} ({parts})."
    if counts[Severity.ERROR] > SHOWN_PER_STEP or counts[Severity.WARNING] > SHOWN_PER_STEP:
        line += tr(
            " GitHub zeigt je Schritt nur {n} Fehler und {n} Warnungen an; die vollständige "
            "Liste steht in der Job-Zusammenfassung.",
            n=SHOWN_PER_STEP,
        )
    return line


class GithubReporter(Reporter):
    name = "github"
    extension = ".txt"

    def __init__(self, env: RenderEnv | None = None) -> None:
        self.env = env or RenderEnv()

    @classmethod
    def from_env(cls, env: RenderEnv) -> GithubReporter:
        return cls(env)

    def render(self, report: Report) -> str:
        issues = by_severity(report_issues(report))
        lines = [annotation(i, self.env.working_directory) for i in issues]
        lines.append(_closing_line(issues))
        return "\n".join(lines) + "\n"

    def job_summary(self, report: Report) -> str:
        text = MarkdownReporter().render(report)
        if len(text.encode("utf-8")) <= SUMMARY_LIMIT:
            return text
        note = "\n\n*" + tr("Gekürzt: GitHub nimmt höchstens 1 MiB je Schritt an.") + "*\n"
        budget = SUMMARY_LIMIT - len(note.encode("utf-8"))
        return text.encode("utf-8")[:budget].decode("utf-8", errors="ignore") + note
