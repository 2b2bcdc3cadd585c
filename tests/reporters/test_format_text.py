"""JUnit XML, Markdown review, concise lines and JSON Lines."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from lxml import etree
from markdown_it import MarkdownIt

from lbcheck.models import Report
from lbcheck.reporters import get_reporter

JUNIT_XSD = Path(__file__).with_name("junit_structure.xsd")


def junit(report: Report) -> etree._Element:
    text = get_reporter("junit").render(report)
    root = etree.fromstring(text.encode("utf-8"))
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    assert schema.validate(root), schema.error_log
    return root


def test_junit_structure_and_counts_are_consistent(nasty: Report, scanned: Report) -> None:
    for report in (nasty, scanned):
        root = junit(report)
        suites = root.findall("testsuite")
        assert [s.get("name") for s in suites] == [d.path for d in report.documents]
        for suite in suites:
            cases = suite.findall("testcase")
            assert all(c.get("name") and c.get("classname") for c in cases)
            assert int(suite.get("tests", "")) == len(cases)
            for tag, key in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
                assert int(suite.get(key, "")) == sum(1 for c in cases if c.find(tag) is not None)
            for case in cases:
                outcomes = [c.tag for c in case if c.tag in {"failure", "error", "skipped"}]
                assert len(outcomes) <= 1
        for key in ("tests", "failures", "errors", "skipped"):
            assert int(root.get(key, "")) == sum(int(s.get(key, "")) for s in suites)


def test_junit_outcomes(nasty: Report, scanned: Report) -> None:
    root = junit(nasty)
    md, _, _, bad = root.findall("testsuite")
    cases = {c.get("name", "").split(" ")[0]: c for c in md.findall("testcase")}
    # one test case per catalogue entry that ran, in catalogue order
    assert list(cases) == ["BUE-01", "BUE-02", "BUE-03", "VR-01", "VR-03", "VR-04", "VR-09"]
    assert cases["BUE-01"].find("failure") is not None  # missing, warning
    assert cases["BUE-02"].find("skipped") is not None  # not applicable
    assert cases["BUE-03"].find("failure") is None  # weak: passes, text in system-out
    assert "schwach" in (cases["BUE-03"].findtext("system-out") or "")
    vr01 = cases["VR-01"].find("failure")
    assert vr01 is not None and vr01.get("type") == "VR-01"
    assert "(2 Fundstellen)" in (vr01.get("message") or "")  # German plural
    assert "<script>" in (vr01.text or "")  # escaped by the XML writer, read back intact
    assert cases["VR-04"].find("failure") is None  # info finding
    assert cases["VR-09"].find("failure") is None and len(cases["VR-09"]) == 0
    error = bad.find("testcase/error")
    assert error is not None and error.get("type") == "no-text"
    real = junit(scanned).findall("testsuite")[0]
    assert int(real.get("tests", "")) == len(scanned.rules)


def test_junit_survives_control_characters(nasty: Report) -> None:
    doc = nasty.documents[1]
    finding = replace(doc.findings[0], excerpt="Seite\x0cUmbruch\x00")
    report = Report((replace(doc, findings=(finding,)),), nasty.rules)
    assert "Seite\ufffdUmbruch" in etree.tostring(junit(report), encoding="unicode")


def test_markdown_escapes_document_text(nasty: Report) -> None:
    text = get_reporter("markdown").render(nasty)
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://x.y"' not in html
    assert "<em>fett</em>" not in html and "*fett*" in html
    assert "@vergabe" in html and "&#64;vergabe" in text  # no @-mention in a PR comment
    assert "[Link](https://x.y)" in html
    assert text.startswith("## lbcheck: Prüfbericht\n\n❌ **Nicht bestanden:** 3 Fehler")
    assert "**Besser so:** Das Produkt oder gleichwertig." in text
    assert "**Textbaustein:** Das Produkt oder gleichwertig." in text
    assert "Nicht geprüft (no-text)" in text
    assert "<table>" not in html  # a '|' in a heading did not open a table


def test_markdown_real_report(scanned: Report) -> None:
    text = get_reporter("markdown").render(scanned)
    assert "### examples/lb\\_bueromaterial.md" in text
    assert "Zeile 29: „Als Marker sind ausschließlich Stabilo Boss Original zu liefern.“" in text
    assert "#### Fehlende und schwache Kriterien" in text


def test_concise_one_line_per_issue(nasty: Report) -> None:
    lines = get_reporter("concise").render(nasty).splitlines()
    assert lines[0].startswith("lv/Leistungs beschreibung.md:7: VR-01 error Meldung VR-01")
    assert any(line.startswith("lv/lb.pdf:S.3: VR-03 warning ") for line in lines)
    docx = next(line for line in lines if line.startswith("lv/lb.docx"))
    assert docx.startswith("lv/lb.docx: VR-03 warning ") and docx.endswith("Sp. 3]")
    assert any(
        line.startswith("lv/Leistungs beschreibung.md: BUE-01 warning Kriterium fehlt")
        for line in lines
    )
    assert lines[-1] == "lv/scan.pdf: no-text error Bitte OCR verwenden."
    assert len(lines) == 8


def test_json_lines_are_the_json_documents(scanned: Report) -> None:
    lines = get_reporter("json-lines").render(scanned).splitlines()
    documents = json.loads(get_reporter("json").render(scanned))["documents"]
    assert [json.loads(line) for line in lines] == documents


def test_junit_structure_schema_rejects_broken_reports() -> None:
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    broken = (
        b'<testsuites><testsuite name="a"><testcase name="x"/></testsuite></testsuites>',  # tests
        b'<testsuites><testsuite name="a" tests="1"><testcase/></testsuite></testsuites>',
        b'<testsuites><testsuite name="a" tests="1"><testcase name="x"><failure/><skipped/>'
        b"</testcase></testsuite></testsuites>",
    )
    for xml in broken:
        assert not schema.validate(etree.fromstring(xml))
