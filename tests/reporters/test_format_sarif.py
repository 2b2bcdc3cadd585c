"""SARIF: valid against the official 2.1.0 schema and within GitHub code scanning's rules."""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from lbcheck.models import Report
from lbcheck.reporters import RenderEnv, get_reporter
from lbcheck.reporters.sarif_rules import heading_anchor

ROOT = Path(__file__).resolve().parents[2]
# The official schema, vendored (licence and source in schemas/NOTICE.md), so the test always runs.
SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"


def sarif(report: Report, env: RenderEnv | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(get_reporter("sarif", env).render(report))
    return data


def validate(data: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker()
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]


def check_github_rules(data: dict[str, Any]) -> None:
    """What GitHub code scanning requires beyond the schema (docs: SARIF support)."""
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        for key in ("shortDescription", "fullDescription"):
            assert 0 < len(rule[key]["text"]) <= 1024
        assert rule["help"]["text"]
    for result in run["results"]:
        assert result["ruleId"] == rules[result["ruleIndex"]]["id"]
        assert result["message"]["text"]
        assert result["partialFingerprints"]["primaryLocationLineHash"]
        assert 1 <= len(result["locations"]) <= 10
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert not uri.startswith(("/", "file:")) and "\\" not in uri and " " not in uri
        assert physical["region"]["startLine"] >= 1


def test_real_scan_validates_against_official_schema(scanned: Report) -> None:
    validate(sarif(scanned, RenderEnv(working_directory=ROOT, command_line=("lbcheck", "scan"))))


def test_real_scan_meets_github_rules(scanned: Report) -> None:
    data = sarif(scanned, RenderEnv(working_directory=ROOT, command_line=("lbcheck", "scan")))
    check_github_rules(data)
    run = data["runs"][0]
    assert run["invocations"][0]["workingDirectory"]["uri"] == ROOT.as_uri() + "/"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    assert len(run["tool"]["driver"]["rules"]) >= 41  # the whole catalogue, plus not-found


def test_nasty_report_validates(nasty: Report) -> None:
    validate(sarif(nasty))


def test_nasty_report_meets_github_rules(nasty: Report) -> None:
    data = sarif(nasty)
    check_github_rules(data)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in data["runs"][0]["results"]
    }
    assert "lv/Leistungs%20beschreibung.md" in uris


def test_every_finding_and_missing_criterion_is_a_result(scanned: Report) -> None:
    results = sarif(scanned)["runs"][0]["results"]
    md = [
        r
        for r in results
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "examples/lb_bueromaterial.md"
    ]
    doc = scanned.documents[0]
    missing = [c.code for c in doc.criteria if c.status.value == "missing"]
    assert [r["ruleId"] for r in md if r["properties"]["kind"] == "finding"] == [
        f.code for f in doc.findings
    ]
    assert [r["ruleId"] for r in md if r["properties"]["kind"] == "missing"] == missing
    vr01 = next(r for r in md if r["ruleId"] == "VR-01")
    assert vr01["level"] == "error"
    assert vr01["locations"][0]["physicalLocation"]["region"]["startLine"] == 29
    assert "Stabilo" in vr01["message"]["text"]


def test_docx_region_carries_paragraph_and_section(scanned: Report) -> None:
    results = sarif(scanned)["runs"][0]["results"]
    vr03 = next(
        r
        for r in results
        if r["ruleId"] == "VR-03"
        and "docx" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    )
    location = vr03["locations"][0]
    region = location["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["properties"] == {"paragraph": 16}
    assert region["message"]["text"] == "Abschnitt 5 Eignung, Abs. 16"
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "5 Eignung"


def test_pdf_region_carries_page(nasty: Report) -> None:
    results = sarif(nasty)["runs"][0]["results"]
    pdf = next(r for r in results if r["ruleId"] == "VR-03")
    region = pdf["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"page": 3, "paragraph": 2}
    logical = pdf["locations"][0]["logicalLocations"][0]
    assert logical["fullyQualifiedName"] == "3 Kapitel | mit *Stern* > 3.1 Unter: Punkt, Komma"


def test_unreadable_file_is_a_result_and_a_notification(scanned: Report) -> None:
    run = sarif(scanned)["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "not-found")
    assert result["level"] == "error" and "Bitte" in result["message"]["text"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["not-found"]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_fingerprints_stable_when_lines_move_and_distinct_for_repeats(nasty: Report) -> None:
    from dataclasses import replace

    def prints(report: Report) -> list[str]:
        return [
            r["partialFingerprints"]["primaryLocationLineHash"]
            for r in sarif(report)["runs"][0]["results"]
        ]

    md = nasty.documents[0]
    moved = replace(
        md,
        findings=tuple(
            replace(f, location=replace(f.location, line=(f.location.line or 0) + 40))
            for f in md.findings
        ),
    )
    shifted = Report((moved, *nasty.documents[1:]), nasty.rules)
    assert prints(nasty) == prints(shifted)
    first, second = prints(nasty)[:2]  # the same sentence twice in one section
    assert first != second


def test_rules_carry_help_and_a_uri_to_their_docs_heading(scanned: Report) -> None:
    rules = sarif(scanned)["runs"][0]["tool"]["driver"]["rules"]
    vr01 = next(r for r in rules if r["id"] == "VR-01")
    assert "Besser so" in vr01["help"]["text"] and "oder gleichwertig" in vr01["help"]["text"]
    assert vr01["defaultConfiguration"]["level"] == "error"
    page = vr01["helpUri"].split("/docs/criteria/")[1]
    name, anchor = page.split("#")
    headings = re.findall(
        r"^## (.+)$", (ROOT / "docs" / "criteria" / name).read_text(encoding="utf-8"), re.M
    )
    assert anchor in {heading_anchor(h.replace("`", "")) for h in headings}
    bue01 = next(r for r in rules if r["id"] == "BUE-01")
    assert "Textbaustein" in bue01["help"]["text"]


def test_severity_override_changes_default_level(tmp_path: Path) -> None:
    from lbcheck.config import Settings
    from lbcheck.runner import scan

    doc = tmp_path / "lb.md"
    doc.write_text("# LB\n\nEs ist Papier der Marke Xerox zu liefern.\n", encoding="utf-8")
    settings = Settings(jobs=1, sets=("vergaberecht",), severity=(("VR-01", _info()),))
    rules = sarif(scan([str(doc)], settings))["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {f"VR-0{n}" for n in range(1, 10)}
    assert next(r for r in rules if r["id"] == "VR-01")["defaultConfiguration"]["level"] == "note"


def _info() -> Any:
    from lbcheck.models import Severity

    return Severity.INFO


def test_absolute_paths_become_relative_to_working_directory(nasty: Report) -> None:
    from dataclasses import replace

    base = PurePosixPath("/repo")
    doc = replace(nasty.documents[1], path="/repo/lv/lb.pdf")
    data = sarif(Report((doc,), nasty.rules), RenderEnv(working_directory=base))
    uri = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "lv/lb.pdf"


def test_schema_check_can_fail(scanned: Report) -> None:
    """The vendored schema really constrains: a made-up level is rejected."""
    data = sarif(scanned)
    data["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="fatal"):
        validate(data)


def test_every_help_uri_is_a_heading_of_a_real_catalogue_page(scanned: Report) -> None:
    """helpUri = pyproject's Repository + /blob/main/docs/criteria/<set>.md#<heading>."""
    import tomllib

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    base = urls["Repository"].rstrip("/") + "/blob/main/docs/criteria/"
    rules = sarif(scanned)["runs"][0]["tool"]["driver"]["rules"]
    catalogue = [r for r in rules if r["id"] in {x.code for x in scanned.rules}]
    assert len(catalogue) >= 40
    for rule in catalogue:
        assert rule["helpUri"].startswith(base), rule["helpUri"]
        name, anchor = rule["helpUri"][len(base) :].split("#")
        page = (ROOT / "docs" / "criteria" / name).read_text(encoding="utf-8")
        headings = re.findall(r"^## (.+)$", page, re.M)
        assert anchor in {heading_anchor(h.replace("`", "")) for h in headings}, rule["id"]


def test_help_uri_base_is_configurable(scanned: Report) -> None:
    env = RenderEnv(docs_url="https://git.example.org/vergabe/lbcheck/-/blob/v1/docs/criteria")
    rules = sarif(scanned, env)["runs"][0]["tool"]["driver"]["rules"]
    vr01 = next(r for r in rules if r["id"] == "VR-01")
    assert vr01["helpUri"].startswith(
        "https://git.example.org/vergabe/lbcheck/-/blob/v1/docs/criteria/vergaberecht.md#vr-01-"
    )
