"""Which files are read: empty selections are usage errors, lock and temp files are skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lbcheck.app.inputs import is_temporary
from tests.cli.helpers import run

TENDER = "# LB\n\nKopierpapier muss aus 100 % Altpapier bestehen.\n"


@pytest.mark.parametrize(
    ("make", "arg", "words"),
    [
        (None, "fehlt.docx", "gibt es nicht"),
        (None, "lv/*.pdf", "passt auf keine Datei"),
        ("empty-folder", "lv", "keine prüfbaren Dateien"),
        ("only-images", "lv", "keine prüfbaren Dateien"),
        ("only-locks", "lv", "keine prüfbaren Dateien"),
        (None, "", "leerer Pfad"),
    ],
)
def test_empty_selection_is_a_usage_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make: str | None,
    arg: str,
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lv").mkdir()
    if make == "only-images":
        (tmp_path / "lv" / "foto.png").write_bytes(b"\x89PNG")
    if make == "only-locks":
        (tmp_path / "lv" / "~$bericht.docx").write_bytes(b"\x00" * 162)
    code, out, err = run(capsys, "scan", "-f", "json", arg)
    assert code == 2 and out == ""
    assert words in err and "Bitte" in err


def test_one_missing_path_among_good_ones_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.md"
    good.write_text(TENDER, encoding="utf-8")
    code, _, err = run(capsys, "scan", str(good), str(tmp_path / "tippfehler.md"))
    assert code == 2 and "tippfehler.md" in err


@pytest.mark.parametrize(
    "name", ["~$ausschreibung.docx", ".~lock.ausschreibung.odt#", "~WRL0001.tmp", "lb.md~"]
)
def test_lock_and_temp_names(name: str) -> None:
    assert is_temporary(Path(name))


@pytest.mark.parametrize("name", ["ausschreibung.docx", "lb.md", "a~b.pdf"])
def test_ordinary_names_are_not_temporary(name: str) -> None:
    assert not is_temporary(Path(name))


def test_lock_files_are_skipped_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "lb.md").write_text(TENDER, encoding="utf-8")
    (tmp_path / "~$lb.docx").write_bytes(b"\x05Maria" + b"\x00" * 150)  # Word owner file
    (tmp_path / ".~lock.lb.odt#").write_text(",maria,host,04.12.2026;", encoding="utf-8")
    code, out, err = run(capsys, "scan", "-f", "json", "--fail-on", "never", str(tmp_path))
    names = [Path(d["path"]).name for d in json.loads(out)["documents"]]
    assert code == 0 and names == ["lb.md"] and err == ""
    code, out, _ = run(
        capsys,
        "scan",
        "-f",
        "json",
        "--fail-on",
        "never",
        str(tmp_path / "*.docx"),
        str(tmp_path / "lb.md"),
    )
    assert [Path(d["path"]).name for d in json.loads(out)["documents"]] == ["lb.md"]


def test_same_file_twice_is_checked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "lb.md").write_text(TENDER, encoding="utf-8")
    _, out, _ = run(
        capsys,
        "scan",
        "-f",
        "json",
        "--fail-on",
        "never",
        str(tmp_path),
        str(tmp_path / "lb.md"),
    )
    assert len(json.loads(out)["documents"]) == 1
