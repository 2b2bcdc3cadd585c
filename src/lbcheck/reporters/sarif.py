"""SARIF 2.1.0 as GitHub code scanning accepts it.

Every result has a physical location: text formats a line region; DOCX, PDF and ODT have no
lines, so the region is ``startLine: 1`` (GitHub's "the file") and carries what is known (page,
paragraph, table cell) in its ``properties`` and its message; the heading path is the logical
location. Missing criteria are results on the document (line 1); unreadable files are results
of a rule named by their error code and tool execution notifications.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from lbcheck import __version__
from lbcheck.i18n import current, tr, where
from lbcheck.models import Location, Report, RuleInfo
from lbcheck.reporters.base import RenderEnv, Reporter
from lbcheck.reporters.issues import Issue, IssueKind, report_issues
from lbcheck.reporters.paths import uri_reference
from lbcheck.reporters.safe_text import json_escaped
from lbcheck.reporters.sarif_rules import LEVEL, file_error_descriptor, rule_descriptor

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_SRCROOT = "%SRCROOT%"


def _region(issue: Issue) -> dict[str, Any]:
    loc = issue.location
    if loc is not None and loc.line is not None:
        region: dict[str, Any] = {"startLine": loc.line}
    else:
        region = {"startLine": 1}
    if loc is None:
        region["message"] = {"text": tr("Dokument")}
        return region
    region["message"] = {"text": where(loc)}
    known = {
        k: v
        for k, v in (
            ("page", loc.page),
            ("paragraph", loc.paragraph),
            ("line", loc.line),
            ("table", loc.table),
            ("row", loc.row),
            ("column", loc.column),
        )
        if v is not None
    }
    if known:
        region["properties"] = known
    return region


def _logical(loc: Location | None) -> list[dict[str, str]]:
    if loc is None or not loc.section:
        return []
    return [
        {"name": loc.section[-1], "fullyQualifiedName": " > ".join(loc.section), "kind": "section"}
    ]


def _message(issue: Issue) -> str:
    text = issue.message
    if issue.location is not None:
        text += "\n" + tr("Fundstelle: {place}", place=where(issue.location))
        if issue.excerpt:
            text += f": „{issue.excerpt}“"
    return text


def _result(issue: Issue, base: PurePath | None, index: dict[str, int]) -> dict[str, Any]:
    physical = {
        "artifactLocation": {"uri": uri_reference(issue.path, base), "uriBaseId": _SRCROOT},
        "region": _region(issue),
    }
    location: dict[str, Any] = {"physicalLocation": physical}
    logical = _logical(issue.location)
    if logical:
        location["logicalLocations"] = logical
    properties: dict[str, Any] = {"kind": issue.kind.value}
    if issue.location is not None:
        properties["place"] = where(issue.location)
    return {
        "ruleId": issue.code,
        "ruleIndex": index[issue.code],
        "level": LEVEL[issue.severity],
        "message": {"text": _message(issue)},
        "locations": [location],
        "partialFingerprints": {
            "primaryLocationLineHash": f"{issue.key}:{issue.occurrence}",
            "lbcheck/v1": issue.fingerprint,
        },
        "properties": properties,
    }


def _descriptors(report: Report, issues: list[Issue], docs_url: str | None) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = [rule_descriptor(r, docs_url) for r in report.rules]
    known = {r.code for r in report.rules}
    for issue in issues:
        if issue.code in known:
            continue
        known.add(issue.code)
        if issue.kind is IssueKind.UNREADABLE:
            rules.append(file_error_descriptor(issue.code))
        elif issue.advice is not None:  # a report built without its catalogue
            kind = "rule" if issue.kind is IssueKind.FINDING else "criterion"
            info = RuleInfo(issue.code, issue.name, "", kind, "", issue.severity, issue.advice)
            rules.append(rule_descriptor(info, docs_url))
        else:
            short = {"text": issue.title}
            rules.append({"id": issue.code, "shortDescription": short, "fullDescription": short})
    return rules


def _notification(issue: Issue, base: PurePath | None) -> dict[str, Any]:
    uri = uri_reference(issue.path, base)
    return {
        "level": "error",
        "message": {"text": f"{issue.path}: {issue.message}"},
        "descriptor": {"id": issue.code},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
    }


class SarifReporter(Reporter):
    name = "sarif"
    extension = ".sarif"

    def __init__(self, env: RenderEnv | None = None) -> None:
        self.env = env or RenderEnv()

    @classmethod
    def from_env(cls, env: RenderEnv) -> SarifReporter:
        return cls(env)

    def _invocation(self, issues: list[Issue]) -> dict[str, Any]:
        bad = [i for i in issues if i.kind is IssueKind.UNREADABLE]
        base = self.env.working_directory
        invocation: dict[str, Any] = {
            "executionSuccessful": not any(i.code == "internal" for i in bad),
            "toolExecutionNotifications": [_notification(i, base) for i in bad],
        }
        if self.env.command_line:
            invocation["arguments"] = list(self.env.command_line)
        if self.env.working_directory is not None:
            invocation["workingDirectory"] = {"uri": _dir_uri(self.env.working_directory)}
        return invocation

    def render(self, report: Report) -> str:
        base = self.env.working_directory
        issues = report_issues(report)
        rules = _descriptors(report, issues, self.env.docs_url)
        index = {r["id"]: n for n, r in enumerate(rules)}
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "lbcheck",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "language": "en-US" if current() == "en" else "de-DE",
                    "rules": rules,
                }
            },
            "invocations": [self._invocation(issues)],
            "results": [_result(i, base, index) for i in issues],
            "columnKind": "unicodeCodePoints",
        }
        if base is not None:
            run["originalUriBaseIds"] = {_SRCROOT: {"uri": _dir_uri(base)}}
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return json_escaped(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def _dir_uri(path: PurePath) -> str:
    uri = path.as_uri() if path.is_absolute() else path.as_posix()
    return uri if uri.endswith("/") else uri + "/"
