"""The shared corpus: every labelled file parses or fails as its label says; layout traps."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from lbcheck.errors import IngestError
from lbcheck.ingest import SUFFIXES, read_document
from lbcheck.models import Block, BlockKind, Document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
LABEL_FILES = {"synthetic": "synthetic-labels.yaml", "real": "real-dev-labels.yaml"}


def _labels() -> list[tuple[str, str, dict[str, object]]]:
    entries: list[tuple[str, str, dict[str, object]]] = []
    for folder, name in LABEL_FILES.items():
        path = CORPUS / name
        if path.is_file():
            for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
                entries.append((folder, str(entry["file"]), entry))
    return entries


LABELS = _labels()


@cache
def _read(folder: str, name: str) -> Document:
    return read_document(CORPUS / folder / name, display_path=f"{folder}/{name}")


def _doc(folder: str, name: str) -> Document:
    if not (CORPUS / folder / name).is_file():
        pytest.skip(f"shared corpus not available at {CORPUS}")
    return _read(folder, name)


def _synthetic(prefix: str) -> Document:
    matches = sorted((CORPUS / "synthetic").glob(f"{prefix}_*")) if CORPUS.is_dir() else []
    if not matches:
        pytest.skip(f"shared corpus not available at {CORPUS}")
    return _read("synthetic", matches[0].name)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("folder", "name", "entry"), LABELS, ids=[f"{f}/{n}" for f, n, _ in LABELS] or None
)
def test_parse_status_matches_label(folder: str, name: str, entry: dict[str, object]) -> None:
    expected = str(entry.get("parse", "ok"))
    if not (CORPUS / folder / name).is_file():
        pytest.skip(f"{name} missing")
    try:
        doc = _read(folder, name)
    except IngestError as err:
        assert err.code.value == expected, err.detail
        return
    assert expected == "ok"
    assert doc.blocks and doc.path == f"{folder}/{name}"


def test_every_corpus_file_is_labelled() -> None:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    files = {
        f"{p.parent.name}/{p.name}"
        for folder in LABEL_FILES
        for p in (CORPUS / folder).iterdir()
        if p.suffix.lower() in SUFFIXES
    }
    assert files == {f"{f}/{n}" for f, n, _ in LABELS}


@pytest.mark.parametrize(
    ("folder", "name", "entry"),
    [item for item in LABELS if item[2].get("parse", "ok") == "ok"],
    ids=[f"{f}/{n}" for f, n, e in LABELS if e.get("parse", "ok") == "ok"] or None,
)
def test_label_evidence_stands_in_one_block(
    folder: str, name: str, entry: dict[str, object]
) -> None:
    """Each quoted evidence is found whole in one block (and on its page/paragraph if given)."""
    doc = _doc(folder, name)
    for group in ("criteria", "rules"):
        for code, label in dict(entry.get(group) or {}).items():  # type: ignore[call-overload]
            # Labels of the second part quote only the first words of a place, ending in "…".
            evidence = _norm(str(label["evidence"]))
            quote = evidence.rstrip("…").rstrip(". ").strip()
            hits = [b for b in doc.blocks if quote in _norm(b.text)]
            assert hits, f"{code}: {quote!r}"
            # The pages of abbreviated labels are approximate (one was two pages off).
            if label.get("page") and not evidence.endswith("…"):
                places = {b.location.page or b.location.paragraph for b in hits}
                assert label["page"] in places, f"{code}: {places}"


def test_heissgetraenke_layout_traps() -> None:
    doc = _synthetic("14")
    sentence = (
        "Der Auftragnehmer verpflichtet sich, für die Befüllungs-, Reinigungs- und "
        "Wartungsfahrten im Stadtgebiet ausschließlich Fahrzeuge mit batterieelektrischem "
        "Antrieb einzusetzen."
    )
    block = next(b for b in doc.blocks if sentence in b.text)
    assert block.kind is BlockKind.PARAGRAPH and block.location.page == 2
    fair = [b for b in doc.blocks if "aus fairem Handel stammen" in b.text]
    assert [b.kind for b in fair] == [BlockKind.HEADER]
    notes = [b.text for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert "Regional erzeugte Milch ist wünschenswert." in notes
    assert len(notes) == 4
    assert not any(re.search(r"Filter\d|2018/8484", b.text) for b in doc.blocks)
    assert not any("Seite 2 von 3" in b.text for b in doc.blocks)


def test_docx_footnote_and_table_cells() -> None:
    doc = _synthetic("01")
    note = next(b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE)
    assert note.text.startswith("Die Angabe einer Höchstmenge ist bei Rahmenvereinbarungen")
    assert note.location.section[-1].startswith("2.2")
    cell = next(b for b in doc.blocks if "ISO 2470" in b.text)
    assert cell.kind is BlockKind.TABLE_CELL
    assert (cell.location.table, cell.location.row, cell.location.column) == (1, 2, 3)
    assert {b.kind for b in doc.blocks} >= {BlockKind.HEADER, BlockKind.FOOTER}


def test_odt_headings_and_list_items() -> None:
    doc = _synthetic("04")
    headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings[0].text == "1 Gegenstand des Auftrags"
    assert any(b.text == "4.2 Anforderungen an Reinigungsmittel" and b.level == 2 for b in headings)
    items = [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert "Anlage 2.2 – Preisblatt Los 2" in items
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells and cells[0].location.table == 1


def test_owner_password_pdf_parses() -> None:
    doc = _synthetic("15")
    assert doc.pages == 1 and len(doc.text) > 1000


def test_markdown_and_text_lines() -> None:
    md = _synthetic("07")
    assert all(b.location.line for b in md.blocks)
    assert any(b.kind is BlockKind.TABLE_CELL for b in md.blocks)
    txt = _synthetic("10")
    heading: Block = next(b for b in txt.blocks if b.text == "4. Papier und Umweltanforderungen")
    assert heading.kind is BlockKind.HEADING and heading.location.line == 61


def test_large_real_pdf_running_heads() -> None:
    doc = _doc("real", "mdz_GU-LV_-PBS_Hallenanbau_mit_Mezzanine.pdf")
    assert doc.pages == 129
    heads = [b.text for b in doc.blocks if b.kind in (BlockKind.HEADER, BlockKind.FOOTER)]
    assert len(heads) < 10
    body = [b for b in doc.blocks if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    assert not any("Druckdatum" in b.text for b in body)
    section = next(b for b in doc.blocks if "1.6.10. Dachabdichtungsarbeiten" in b.text)
    assert section.kind is BlockKind.HEADING and section.level == 3
