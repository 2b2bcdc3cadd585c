"""``lbcheck audit --lang en``: the report page, the summary line and usage errors in English;
German stays the default."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from lbcheck.cli import main
from lbcheck.pool import TEST_HOOK_ENV

from .conftest import make_tenders

# Words of lbcheck's own German texts on the audit page (never in the catalogue's titles).
GERMAN_UI = (
    "Auditbericht",
    "Überblick",
    "Abdeckung der Kriterien",
    "Häufigste Befunde",
    "Alle Dokumente",
    "Befunde je Dokument",
    "Textbausteine",
    "Weitere anzeigen",
    "Gegenstand:",
    "Fehlende Kriterien",
    "nicht lesbar",
    "Zeile",
    "Leistungsbeschreibung)",
)


def _page_text(html: str) -> str:
    page = lxml.html.document_fromstring(html)
    for node in page.xpath("//script | //style"):
        node.drop_tree()
    return " ".join(page.text_content().split())


def _audit(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[str, str]:
    folder = tmp_path / "in"
    if not folder.exists():
        make_tenders(folder, 2)
        (folder / "kaputt.docx").write_bytes(b"not a zip")
    out = tmp_path / f"out{len(extra)}"
    code = main(["audit", str(folder), "-o", str(out), "-j", "1", "--no-cache", *extra])
    assert code == 0
    err = capsys.readouterr().err
    return (out / "report.html").read_text(encoding="utf-8"), err


def test_audit_in_english_and_german_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker checking the DOCX kills itself: the pool's crash message, in the run's language.
    monkeypatch.setenv(TEST_HOOK_ENV, "crash:Reinigung_Büro_Ä.docx")
    html, err = _audit(tmp_path, capsys, "--lang", "en")
    assert lxml.html.document_fromstring(html).get("lang") == "en"
    text = _page_text(html)
    for english in (
        "lbcheck audit report",
        "3 documents, 1 of them checked and 2 unreadable files",
        "Not checked [crashed] The process checking this file ended unexpectedly",
        "Coverage of the criteria",
        "Most frequent findings",
        "All documents",
        "Findings per document",
        "Model clauses",
        "Not checked [corrupt] The file is damaged",
        "(specification)",
        "Subject:",
        "line ",
    ):
        assert english in text, english
    for german in GERMAN_UI:
        assert german not in text, german
    script = lxml.html.document_fromstring(html).xpath("string(//script)")
    assert "documents shown" in script and "Dokumenten angezeigt" not in script
    assert "lbcheck: 3 documents in" in err and "checked" in err and "Ergebnisse" not in err
    assert re.search(r"3 documents in \d+\.\d s \(\d checked, \d+\.\d files/s", err), err
    rows = [json.loads(line) for line in (tmp_path / "out2").joinpath("documents.jsonl").open()]
    crashed = next(r["error"] for r in rows if r["path"].endswith("Ä.docx"))
    assert crashed["code"] == "crashed" and crashed["detail"].startswith("exit code ")

    html, err = _audit(tmp_path, capsys)
    text = _page_text(html)
    assert lxml.html.document_fromstring(html).get("lang") == "de"
    for german in (
        "lbcheck-Auditbericht",
        "Abdeckung der Kriterien",
        "Gegenstand:",
        "Zeile",
        "Der Prüfprozess für diese Datei wurde unerwartet beendet",
    ):
        assert german in text, german
    assert "Coverage" not in text and "Findings per document" not in text
    assert "lbcheck: 3 Dokumente in" in err and "Ergebnisse in" in err
    # German writes a decimal comma.
    assert re.search(r"3 Dokumente in \d+,\d s \(\d geprüft, \d+,\d Dateien/s", err), err


def test_audit_usage_errors_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = main(["audit", str(tmp_path), "-o", str(tmp_path / "o"), "--lang", "en", "-j", "-1"])
    assert code == 2
    assert "--jobs expects 0 (all cores)" in capsys.readouterr().err
    monkeypatch.setenv("LBCHECK_LANG", "en")
    code = main(["audit", str(tmp_path), "-o", str(tmp_path / "o"), "--timeout", "0"])
    assert code == 2
    assert "--timeout expects a number greater than 0" in capsys.readouterr().err
    code = main(["audit", str(tmp_path), "-o", str(tmp_path / "o"), "--executor", "ray"])
    assert "--executor expects local or dask." in capsys.readouterr().err


def test_audit_folder_and_path_errors_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The output folder and input path checks speak the run's language; German by default."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "lb.md").write_text("# Reinigung\n\nDie Fenster sind zu reinigen.\n")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    missing = str(tmp_path / "nowhere")
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    for out, wanted_en, wanted_de in (
        (busy, "is not empty. lbcheck does not write over it", "liegt bereits etwas"),
        (a_file, "is a file. Please name a folder.", "ist eine Datei."),
    ):
        assert main(["audit", str(tmp_path / "in"), "-o", str(out), "--lang", "en"]) == 2
        assert wanted_en in capsys.readouterr().err
        assert main(["audit", str(tmp_path / "in"), "-o", str(out)]) == 2
        assert wanted_de in capsys.readouterr().err
    assert (busy / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert main(["audit", missing, "-o", str(tmp_path / "o"), "--lang", "en"]) == 2
    assert "does not exist. Please check the path" in capsys.readouterr().err


def test_criteria_safety_messages_in_english(tmp_path: Path) -> None:
    from lbcheck.criteria.safety import MAX_ALIASES, check_yaml_size
    from lbcheck.errors import CriteriaError
    from lbcheck.i18n import use

    bomb = "a: &a [x, x]\n" + "".join(
        f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n"
        for i in range(MAX_ALIASES + 5)
    )
    import yaml

    with use("en"), pytest.raises(CriteriaError) as caught:
        check_yaml_size(yaml.compose(bomb), "bomb.yaml")
    assert "expands to too many values through anchors and aliases" in str(caught.value)
