"""GitLab Code Quality report: a JSON array of issues (a subset of the Code Climate format).

GitLab does not display ``check_name``, so the description starts with the code. DOCX, PDF and
ODT have no lines: their issues sit on line 1 and the description names the place. The
fingerprint hashes path, code, section and sentence (never the line), so GitLab's merge request
widget sees the same issue as unchanged when text moves.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from lbcheck.i18n import tr, where
from lbcheck.models import Report, Severity
from lbcheck.reporters.base import RenderEnv, Reporter
from lbcheck.reporters.issues import Issue, IssueKind, report_issues
from lbcheck.reporters.paths import repo_path
from lbcheck.reporters.safe_text import json_escaped

SEVERITY = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
UNREADABLE = "critical"  # the file was not checked at all


def _description(issue: Issue) -> str:
    text = f"{issue.code} {issue.title}: {issue.message}"
    if issue.location is not None:
        text += tr(" (Fundstelle: {place}", place=where(issue.location))
        text += f": „{issue.excerpt}“)" if issue.excerpt else ")"
    return " ".join(text.split())


def gitlab_issue(issue: Issue, base: PurePath | None = None) -> dict[str, Any]:
    line = issue.location.line if issue.location and issue.location.line else 1
    severity = UNREADABLE if issue.kind is IssueKind.UNREADABLE else SEVERITY[issue.severity]
    return {
        "type": "issue",
        "description": _description(issue),
        "check_name": issue.code,
        "fingerprint": issue.fingerprint,
        "severity": severity,
        "location": {"path": repo_path(issue.path, base), "lines": {"begin": line}},
    }


class GitlabReporter(Reporter):
    name = "gitlab"
    extension = ".json"

    def __init__(self, env: RenderEnv | None = None) -> None:
        self.env = env or RenderEnv()

    @classmethod
    def from_env(cls, env: RenderEnv) -> GitlabReporter:
        return cls(env)

    def render(self, report: Report) -> str:
        base = self.env.working_directory
        issues = [gitlab_issue(i, base) for i in report_issues(report)]
        return json_escaped(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
