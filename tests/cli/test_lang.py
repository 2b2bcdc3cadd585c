"""``--lang en`` / ``LBCHECK_LANG=en``: lbcheck's own texts in English, German by default."""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
import string
from pathlib import Path

import lxml.html
import pytest

from lbcheck.errors import IngestCode
from lbcheck.i18n import english
from tests.cli.helpers import EXAMPLE, ROOT, run

SRC = ROOT / "src" / "lbcheck"


def _calls(name: str) -> list[tuple[Path, int, ast.Call]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                found.append((path, node.lineno, node))
    return found


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def test_every_text_has_an_english_entry_with_the_same_fields() -> None:
    messages = english()["messages"]
    calls = _calls("tr")
    assert len(calls) > 90
    for path, line, call in calls:
        first = call.args[0]
        assert isinstance(first, ast.Constant), f"{path}:{line}: tr() needs a literal"
        assert first.value in messages, f"{path}:{line}: no English for {first.value!r}"
        assert _fields(messages[first.value]) == _fields(first.value), f"{path}:{line}"
        assert {k.arg for k in call.keywords} == _fields(first.value), f"{path}:{line}"


TEMPLATES = SRC / "reporters" / "html" / "templates"
_TEMPLATE_TR = re.compile(r"""\btr\("([^"]*)"(.*?)\)\s*\}\}""")


def test_every_template_text_has_an_english_entry_with_the_same_fields() -> None:
    """The HTML templates call ``tr("…", name=…)`` too; the same table covers them."""
    messages = english()["messages"]
    found = 0
    for path in sorted(TEMPLATES.glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        for m in _TEMPLATE_TR.finditer(text):
            found += 1
            german, rest = m.group(1), m.group(2)
            assert german in messages, f"{path.name}: no English for {german!r}"
            assert _fields(messages[german]) == _fields(german), f"{path.name}: {german!r}"
            # every field of the text is passed by name (``name=``), nothing else
            passed = set(re.findall(r"[,(]\s*(\w+)=(?!=)", "," + rest))
            assert passed == _fields(german), f"{path.name}: {german!r} gets {passed}"
    assert found > 40
    # The report page's script: its German words are keys of the same table.
    for literal in re.findall(r'"([^"]*[a-zäöü][^"]*\.)"', (TEMPLATES / "report.js").read_text()):
        assert literal in messages, f"report.js: no English for {literal!r}"


def test_every_counted_noun_and_error_code_has_english() -> None:
    nouns = english()["nouns"]
    for path, line, call in _calls("counted"):
        noun = call.args[1] if len(call.args) > 1 else None
        if isinstance(noun, ast.Constant):
            assert noun.value in nouns, f"{path}:{line}: no English noun {noun.value!r}"
    assert set(english()["ingest"]) == {c.value for c in IngestCode}
    # every eForms hint the engine makes has an English reason
    from lbcheck.engine.statistics import _EFORMS

    assert set(english()["eforms_reason"]) == {*_EFORMS, "env-imp", "soc-obj", "text"}


def test_german_stays_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scan", str(EXAMPLE))
    assert code == 1
    assert "Fazit:" in out and "1 Dokument geprüft" in out and "Verdict" not in out


def test_terminal_report_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"not a zip")
    code, out, _ = run(capsys, "scan", "--lang", "en", str(EXAMPLE), str(broken))
    assert code == 1
    text = " ".join(out.split())
    for english_text in (
        "Verdict: change 2 places, add 7 criteria, tighten 3 wordings.",
        "Change: 2 places",
        "Add: 7 criteria missing",
        "Legal basis:",
        "Model clause:",
        "(specification)",
        "section 3 Schreibgeräte und Kunststoffartikel, line 29",
        "Not checked [corrupt]: The file is damaged",
        "2 documents checked, 1 not readable: 3 errors, 10 warnings, 0 notes "
        "(5 findings, 7 missing criteria, 1 unreadable file).",
    ):
        assert english_text in text, english_text
    for german in ("Fazit", "Ändern:", "Rechtsgrundlage", "geprüft", "Abschnitt"):
        assert german not in text, german
    assert "Stabilo Boss Original" in text  # the document's own text is never translated


def test_environment_variable_and_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LBCHECK_LANG", "en_GB.UTF-8")
    _, out, _ = run(capsys, "scan", "--statistics", str(EXAMPLE))
    assert "in total in 1 document" in out and "finding" in out
    _, out, _ = run(capsys, "scan", "--lang", "de", "--statistics", str(EXAMPLE))
    assert "insgesamt in 1 Dokument" in out  # the option wins over the environment
    _, out, _ = run(capsys, "--lang", "de", "criteria", "list", "--set", "ilo")
    assert "Kriterium" in out
    monkeypatch.delenv("LBCHECK_LANG")
    _, out, _ = run(capsys, "--lang", "en", "criteria", "list", "--set", "ilo")
    assert "Criterion" in out and "Kriterium " not in out


def test_usage_errors_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "scan", "--lang", "en", str(tmp_path / "fehlt.md"))
    assert code == 2 and "does not exist. Please check the path" in err
    code, _, err = run(capsys, "scan", "--lang", "en", "-f", "pdf", str(EXAMPLE))
    assert code == 2 and "unknown format" in err
    config = tmp_path / "lbcheck.toml"
    config.write_text('sets = ["ilo"]\nfail-onn = "error"\n', encoding="utf-8")
    doc = tmp_path / "lb.md"
    doc.write_text("# LB\n\nPapier.\n", encoding="utf-8")
    code, _, err = run(capsys, "scan", "--lang", "en", str(doc))
    assert code == 2 and "unknown key 'fail_onn'; allowed are:" in err


@pytest.mark.parametrize("value", ["fr", "", "deutsch"])
def test_unknown_language_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    code, _, err = run(capsys, "scan", "--lang", value or "xx", str(EXAMPLE))
    assert code == 2 and "--lang" in err and "de" in err and "en" in err
    if value:
        monkeypatch.setenv("LBCHECK_LANG", value)
        code, _, err = run(capsys, "scan", str(EXAMPLE))
        assert code == 2 and "LBCHECK_LANG" in err


def test_markdown_and_sarif_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "scan", "--lang", "en", "--exit-zero", "-f", "markdown", str(EXAMPLE))
    assert out.startswith("## lbcheck: review") and "**Failed:** 2 errors, 10 warnings." in out
    assert "Model clause:" in out and "Textbaustein" not in out
    _, out, _ = run(capsys, "scan", "--lang", "en", "--exit-zero", "-f", "sarif", str(EXAMPLE))
    run_ = json.loads(out)["runs"][0]
    assert run_["tool"]["driver"]["language"] == "en-US"
    vr01 = next(r for r in run_["tool"]["driver"]["rules"] if r["id"] == "VR-01")
    assert vr01["shortDescription"]["text"].startswith("Rule: ")
    assert "Legal basis:" in vr01["help"]["text"]
    result = next(r for r in run_["results"] if r["ruleId"] == "VR-01")
    assert "Found at: section 3" in result["message"]["text"]


def test_html_report_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"not a zip")
    args = ("scan", "--exit-zero", "-f", "html", str(EXAMPLE), str(broken))
    _, out, _ = run(capsys, "--lang", "en", *args)
    page = lxml.html.document_fromstring(out)
    assert page.get("lang") == "en"
    assert page.findtext(".//title") == "lbcheck report"
    text = " ".join(page.text_content().split())
    for english_text in (
        "Skip to content",
        "2 documents checked, 1 not readable",
        "Verdict: change 2 places, add 7 criteria, tighten 3 wordings.",
        "Change: 2 places",
        "Add: 7 criteria missing",
        "Why? Legal basis",
        "Copy Model clause",
        "Not checked [corrupt] The file is damaged",
        "Stage of the procedure",
        "section 3 Schreibgeräte und Kunststoffartikel, line 29 (specification)",
        "no substitute for advice on procurement law",
    ):
        assert english_text in text, english_text
    for german in (
        "Fazit",
        "Ändern:",
        "Ergänzen:",
        "Schärfen:",
        "In Ordnung:",
        "Rechtsgrundlage",
        "geprüft",
        "Abschnitt",
        "Zeile",
        "kopieren",
        "Nicht geprüft",
        "Leistungsbeschreibung)",
        "Zum Inhalt",
        "Erstellt mit",
    ):
        assert german not in text, german
    script = page.findtext(".//script")
    assert '"Copied."' in script and "Kopiert" not in script
    # The page's policy admits the English script (its hash), not the German one.
    csp = page.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    assert base64.b64encode(digest).decode() in csp
    assert "Stabilo Boss Original" in text  # the document's own words stay as they are
    _, german_page, _ = run(capsys, *args)  # and German stays the default
    assert "Fazit:" in german_page and "Verdict" not in german_page and 'lang="de"' in german_page


def test_json_location_text_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "scan", "--lang", "en", "--exit-zero", "-f", "json", str(EXAMPLE))
    texts = [f["location"]["text"] for f in json.loads(out)["documents"][0]["findings"]]
    assert texts and all("Abschnitt" not in t and "Zeile" not in t for t in texts)
    assert any(t.startswith("section 3 ") and ", line " in t for t in texts)
    reasons = [h["reason"] for h in json.loads(out)["documents"][0]["eforms"]]
    assert "Criteria of the circular economy." in reasons
    assert "Kriterien der Kreislaufwirtschaft." not in reasons
    _, out, _ = run(capsys, "scan", "--exit-zero", "-f", "json", str(EXAMPLE))
    texts = [f["location"]["text"] for f in json.loads(out)["documents"][0]["findings"]]
    assert any(t.startswith("Abschnitt 3 ") and ", Zeile " in t for t in texts)
    reasons = [h["reason"] for h in json.loads(out)["documents"][0]["eforms"]]
    assert "Kriterien der Kreislaufwirtschaft." in reasons


def test_language_ends_with_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    """main() is called many times in one process (tests, tools): no language leaks out."""
    from lbcheck.i18n import current

    run(capsys, "--lang", "en", "criteria", "list", "--set", "ilo")
    assert current() == "de"


def test_explain_labels_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "explain", "VR-03")
    assert code == 0
    for english_text in ("Kind: rule (places found)", "Severity: error", "Message: ", "Why: "):
        assert english_text in out, english_text
    assert "Legal basis:" in out and "Examples – trigger the rule:" in out
    for german in ("Art:", "Schweregrad", "Meldung:", "Warum:", "Rechtsgrundlage", "Beispiele"):
        assert german not in out, german
    assert "Gütezeichen" in out  # the catalogue's own text stays German
    _, out, _ = run(capsys, "explain", "VR-03")
    assert "Schweregrad: Fehler (error)" in out and "Beispiele – Löst aus:" in out


def test_every_template_tr_call_and_audit_script_word_has_english() -> None:
    """Also ``tr("…")`` inside expressions (legends, macro arguments), which the test above
    does not see, and the audit page script's words."""
    messages = english()["messages"]
    found = 0
    for path in sorted(TEMPLATES.glob("*.j2")):
        for german in re.findall(r'\btr\("([^"]*)"', path.read_text(encoding="utf-8")):
            found += 1
            assert german in messages, f"{path.name}: no English for {german!r}"
    assert found > 100
    script = (TEMPLATES / "audit.js").read_text(encoding="utf-8")
    code = re.sub(r"//.*", "", script)  # comments are not shown
    words = [s for s in re.findall(r'"([^"\\\n]*)"', code) if re.search(r"[a-zäöü] |^ ", s)]
    assert words
    for literal in words:
        assert literal in messages, f"audit.js: no English for {literal!r}"
