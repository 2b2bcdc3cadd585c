"""GitHub workflow commands and GitLab Code Quality: escaping, limits, published structure."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import jsonschema
import pytest

from lbcheck.models import DocumentReport, Finding, Location, Report, Severity
from lbcheck.reporters import get_reporter
from lbcheck.reporters.github import escape_data, escape_property

# GitLab's documented Code Quality report: an array of issues with these required fields
# (docs.gitlab.com, "Code Quality report format"; severity values as listed there).
GITLAB_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_escaping_follows_actions_toolkit() -> None:
    assert escape_data("50 %\r\nneu: a,b") == "50 %25%0D%0Aneu: a,b"
    assert escape_property("50 %\r\nneu: a,b") == "50 %25%0D%0Aneu%3A a%2Cb"


def test_github_annotations_escaped_and_ordered_by_severity(nasty: Report) -> None:
    lines = get_reporter("github").render(nasty).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    kinds = [c.split(" ", 1)[0] for c in commands]
    assert kinds == sorted(kinds, key=["::error", "::warning", "::notice"].index)
    first = commands[0]
    props, message = first[2:].split("::", 1)
    assert props.startswith("error file=lv/Leistungs beschreibung.md,line=7,title=VR-01 ")
    assert "\n" not in message and "\r" not in message and "%0D%0A" in message
    assert "50 %25%3A ok" not in message and "50 %25: ok" in message  # data keeps ':'
    for command in commands:
        props = command[2:].split("::", 1)[0].split(" ", 1)[1]
        for prop in props.split(","):
            key, value = prop.split("=", 1)
            assert key in {"file", "line", "title"} and ":" not in value
    docx = next(c for c in commands if "lb.docx" in c)
    assert ",line=" not in docx  # no invented line for DOCX
    assert "Tabelle 1 Z. 2 Sp. 3" in docx
    assert lines[-1] == "lbcheck: 8 Annotationen (3 Fehler, 3 Warnungen, 2 Hinweise)."


def test_github_says_so_when_annotations_exceed_the_limit(nasty: Report) -> None:
    doc = nasty.documents[0]
    many = tuple(
        Finding("VR-01", "vr", Severity.ERROR, "M", Location(line=n), "x", 0.9, f"f{n}")
        for n in range(1, 13)
    )
    report = Report((replace(doc, findings=many),), nasty.rules)
    out = get_reporter("github").render(report)
    assert out.count("::error ") == 12  # all are emitted, none dropped by lbcheck
    assert "nur 10 Fehler und 10 Warnungen" in out.splitlines()[-1]


def test_github_job_summary_is_the_markdown_review(nasty: Report) -> None:
    reporter = get_reporter("github")
    assert reporter.job_summary(nasty) == get_reporter("markdown").render(nasty)
    assert get_reporter("sarif").job_summary(nasty) is None


def gitlab(report: Report) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(get_reporter("gitlab").render(report))
    jsonschema.validate(data, GITLAB_SCHEMA)
    return data


def test_gitlab_structure_and_fingerprints(nasty: Report, scanned: Report) -> None:
    for report in (nasty, scanned):
        issues = gitlab(report)
        prints = [i["fingerprint"] for i in issues]
        assert len(prints) == len(set(prints))
    issues = gitlab(nasty)
    assert issues[0]["description"].startswith("VR-01 ")
    assert issues[0]["location"] == {
        "path": "lv/Leistungs beschreibung.md",
        "lines": {"begin": 7},
    }
    by_code = {i["check_name"]: i for i in issues}
    assert by_code["no-text"]["severity"] == "critical"
    assert by_code["VR-04"]["severity"] == "info"
    assert by_code["BUE-01"]["severity"] == "minor"  # missing criterion, warning
    pdf = next(i for i in issues if i["location"]["path"] == "lv/lb.pdf")
    assert pdf["location"]["lines"]["begin"] == 1  # PDF/DOCX have no lines
    assert "Fundstelle: S. 3, Abschnitt 3.1 Unter: Punkt, Komma, Abs. 2" in pdf["description"]
    assert "\n" not in issues[0]["description"]


@pytest.mark.parametrize("shift", [1, 25])
def test_gitlab_fingerprint_ignores_lines(nasty: Report, shift: int) -> None:
    doc: DocumentReport = nasty.documents[0]
    moved = replace(
        doc,
        findings=tuple(
            replace(f, location=replace(f.location, line=(f.location.line or 0) + shift))
            for f in doc.findings
        ),
    )
    before = [i["fingerprint"] for i in gitlab(nasty)]
    after = [i["fingerprint"] for i in gitlab(Report((moved, *nasty.documents[1:]), nasty.rules))]
    assert before == after


def test_gitlab_same_sentence_in_two_files_differs(nasty: Report) -> None:
    doc = nasty.documents[1]
    twin = replace(doc, path="lv/lb2.pdf")
    prints = [i["fingerprint"] for i in gitlab(Report((doc, twin), nasty.rules))]
    assert len(set(prints)) == 2


def test_github_job_summary_stays_within_one_mebibyte(nasty: Report) -> None:
    doc = nasty.documents[0]
    long = "Sehr langer Satz über Papier. " * 40
    many = tuple(
        Finding("VR-01", "vr", Severity.ERROR, "M", Location(line=n), long, 0.9, f"f{n}")
        for n in range(1, 1200)
    )
    report = Report((replace(doc, findings=many),), nasty.rules)
    summary = get_reporter("github").job_summary(report)
    assert summary is not None
    assert len(get_reporter("markdown").render(report).encode("utf-8")) > 1024 * 1024
    assert len(summary.encode("utf-8")) <= 1024 * 1024
    assert summary.endswith("*Gekürzt: GitHub nimmt höchstens 1 MiB je Schritt an.*\n")
