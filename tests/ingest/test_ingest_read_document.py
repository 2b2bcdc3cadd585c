"""read_document dispatch and failures; the shared text helpers and the garbled detector."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import SUFFIXES, read_document
from lbcheck.ingest.normalize import (
    clean,
    ends_sentence,
    is_page_number,
    join_hyphenated,
    list_marker,
    numbered_heading_level,
    strip_page_numbers,
    unwrap,
)
from lbcheck.ingest.quality import is_garbled


def _code(path: Path, max_bytes: int = 50 * 1024 * 1024) -> IngestCode:
    with pytest.raises(IngestError) as err:
        read_document(path, max_bytes=max_bytes)
    assert err.value.message  # every code has a German message
    return err.value.code


def test_suffixes() -> None:
    assert {".docx", ".pdf", ".odt", ".md", ".markdown", ".txt", ".text"} == SUFFIXES


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "a.doc"
    path.write_bytes(b"x")
    assert _code(path) is IngestCode.UNSUPPORTED


def test_missing_and_directory(tmp_path: Path) -> None:
    assert _code(tmp_path / "fehlt.pdf") is IngestCode.NOT_FOUND
    folder = tmp_path / "ordner.md"
    folder.mkdir()
    assert _code(folder) is IngestCode.NOT_FOUND


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Text")
    path.chmod(0)
    assert _code(path) is IngestCode.UNREADABLE


def test_too_large_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "gross.txt"
    path.write_bytes(b"a" * 2048)
    assert _code(path, max_bytes=1024) is IngestCode.TOO_LARGE


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leer.pdf"
    path.write_bytes(b"")
    assert _code(path) is IngestCode.EMPTY


def test_display_path_and_upper_case_suffix(tmp_path: Path) -> None:
    path = tmp_path / "LB.TXT"
    path.write_text("Text der Leistungsbeschreibung.", encoding="utf-8")
    assert read_document(path).path == str(path)
    doc = read_document(path, display_path="LB.TXT")
    assert (doc.path, doc.format, doc.pages) == ("LB.TXT", "text", None)


def test_docx_that_is_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"%PDF-1.4\n...")
    assert _code(path) is IngestCode.UNSUPPORTED


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Verpackungs\x02", "material", "Verpackungsmaterial"),
        ("REACH\ufffe", "Verordnung", "REACH-Verordnung"),
        ("TM\ufffe", "300", "TM-300"),
        ("Verpackungs-", "material", "Verpackungsmaterial"),
        ("Dach-", "und Wandbleche", "Dach- und Wandbleche"),
        ("Kaffee-,", "Tee-", "Kaffee-, Tee-"),
        ("REACH-", "Verordnung", "REACH- Verordnung"),
    ],
)
def test_join_hyphenated(left: str, right: str, joined: str) -> None:
    assert join_hyphenated(left, right) == joined


def test_clean_and_unwrap() -> None:
    assert clean("Auf\ufb01ndung\xa0 der  Sto\ufb00e, Silben\xadtrennung\u200b") == (
        "Auffindung der Stoffe, Silbentrennung"
    )
    assert clean("e\u0301 \uf0b7 x") == "é • x"
    assert unwrap(["Ein Satz, der", "  weitergeht und ", "endet."]) == (
        "Ein Satz, der weitergeht und endet."
    )


def test_line_shapes() -> None:
    assert numbered_heading_level("3.2 Papier") == 2
    assert numbered_heading_level("1.6.10. Dachabdichtungsarbeiten") == 3
    assert numbered_heading_level("3 Stück werden geliefert.") is None
    assert numbered_heading_level("14.3 Der AN verpflichtet sich ferner, die in den") is None
    assert numbered_heading_level("20.05.22 Druckdatum") is None
    assert list_marker("- Punkt") == 2 and list_marker("a) Punkt") == 3
    assert list_marker("Punkt") == 0
    assert all(is_page_number(t) for t in ("3", "- 3 -", "Seite 3 von 12", "S. 4", "3/12"))
    assert not is_page_number("3 Gegenstand")
    assert strip_page_numbers("ZVS-1 · Leistungsbeschreibung Seite 1 von 3") == (
        "ZVS-1 · Leistungsbeschreibung"
    )
    assert strip_page_numbers("16/21 Architekten mbH") == "Architekten mbH"
    assert ends_sentence("Ende.") and not ends_sentence("ca.") and not ends_sentence("offen")


GERMAN = (
    "Der Auftragnehmer verpflichtet sich, für die Befüllungs-, Reinigungs- und Wartungsfahrten "
    "im Stadtgebiet ausschließlich Fahrzeuge mit batterieelektrischem Antrieb einzusetzen. "
) * 5
TABLE = "Pos. 1.1 Stück 12,00 EUR DIN EN 795 Typ C Menge 3.000,00 m² Fabrikat ABS Lock " * 10


def test_garbled_detector() -> None:
    garbled = "3ODQXQJVEUR/LFKWH :*6:RKQXQJVJHVHOOVFKDIW6|PPHUGDPE+ +DXSWVWUDH " * 10
    assert is_garbled(garbled)
    assert not is_garbled(GERMAN)
    assert not is_garbled(GERMAN[:200].replace(" ", ""))  # too short to judge
    assert not is_garbled(TABLE + GERMAN[:400])
