"""DOCX extraction: body order, headings, lists, merged cells, notes, boxes, revisions."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx_factory import build_docx, write
from lxml import etree

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import read_document
from lbcheck.ingest.docx_styles import Numbering
from lbcheck.models import Block, BlockKind, Document


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Document]:
    path = write(tmp_path_factory.mktemp("docx") / "lb.docx", build_docx())
    return path, read_document(path)


def _find(doc: Document, text: str) -> Block:
    return next(b for b in doc.blocks if text in b.text)


def test_paragraph_index_matches_python_docx(built: tuple[Path, Document]) -> None:
    path, doc = built
    paragraphs = docx.Document(str(path)).paragraphs
    kinds = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM)
    checked = 0
    for block in doc.blocks:
        index = block.location.paragraph
        if block.kind in kinds and index is not None and "@@" not in paragraphs[index - 1].text:
            assert block.text[:10] == paragraphs[index - 1].text.strip()[:10]
            checked += 1
    assert checked >= 8
    assert _find(doc, "Erster Punkt").location.paragraph == 6  # the empty paragraph counts


def test_headings_sections_and_lists(built: tuple[Path, Document]) -> None:
    _, doc = built
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("3 Leistungsumfang", 1), ("3.2 Papier", 2), ("4 Abrechnung", 1)]
    assert _find(doc, "Altpapier bestehen").location.section == ("3 Leistungsumfang", "3.2 Papier")
    items = [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["Erster Punkt", "Zweiter Punkt"]
    assert _find(doc, "monatlich").location.section == ("4 Abrechnung",)


def test_footnote_after_its_paragraph(built: tuple[Path, Document]) -> None:
    _, doc = built
    texts = [b.text for b in doc.blocks]
    note = _find(doc, "Gütezeichen werden anerkannt")
    assert note.kind is BlockKind.FOOTNOTE
    assert note.text == "Gleichwertige Gütezeichen werden anerkannt."
    assert note.location.section == ("3 Leistungsumfang", "3.2 Papier")
    assert texts.index(note.text) == texts.index("Papier muss aus Altpapier bestehen.") + 1


def test_table_cells_with_merges(built: tuple[Path, Document]) -> None:
    _, doc = built
    cells = {
        (b.location.table, b.location.row, b.location.column): b.text
        for b in doc.blocks
        if b.kind is BlockKind.TABLE_CELL
    }
    assert cells == {
        (1, 1, 1): "Pos.",
        (1, 1, 2): "Artikel",
        (1, 1, 3): "Menge",
        (1, 2, 1): "1.01",
        (1, 2, 2): "Kopierpapier A4, 100 % Altpapier",
        (1, 3, 2): "Ordner",
        (1, 3, 3): "40",
    }
    assert all(b.location.paragraph is None for b in doc.blocks if b.kind is BlockKind.TABLE_CELL)


def test_tracked_changes_and_special_characters(built: tuple[Path, Document]) -> None:
    _, doc = built
    assert _find(doc, "Änderungen").text == "Änderungen: eingefügter Text verschoben hin"
    assert "gelöscht" not in doc.text and "verschoben weg" not in doc.text
    chars = _find(doc, "trennbar")
    assert chars.text == "Nicht-trennbar, Silbentrennung, Tab und Feld\nZeile zwei"
    assert "VERSTECKT" not in doc.text and "PAGE" not in doc.text


def test_text_box_once(built: tuple[Path, Document]) -> None:
    _, doc = built
    boxes = [b for b in doc.blocks if "Textfeld" in b.text]
    assert [b.kind for b in boxes] == [BlockKind.TEXTBOX]
    assert _find(doc, "Siehe Kasten").text == "Siehe Kasten."


def test_header_and_footer_without_page_numbers(built: tuple[Path, Document]) -> None:
    _, doc = built
    assert doc.blocks[0].kind is BlockKind.HEADER
    assert doc.blocks[0].text == "Stadt Musterstadt · Vergabestelle"
    footers = [b.text for b in doc.blocks if b.kind is BlockKind.FOOTER]
    assert footers == ["Stand 01.2026"]


def test_numbering_rebuilds_heading_numbers() -> None:
    xml = b"""<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
        <w:lvlText w:val="%1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
        <w:lvlText w:val="%1.%2"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
        <w:lvlText w:val="%3)"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    </w:numbering>"""
    numbering = Numbering(etree.fromstring(xml))
    labels = [numbering.label("3", lvl) for lvl in (0, 1, 1, 0, 1, 2, 2)]
    assert labels == ["1", "1.1", "1.2", "2", "2.1", "a)", "b)"]
    assert numbering.label("99", 0) is None


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in entries.items():
            z.writestr(name, body)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"this is not a zip file", IngestCode.CORRUPT),
        (_zip({"hello.txt": b"x"}), IngestCode.CORRUPT),
        (_zip({"word/document.xml": b"<w:document><broken"}), IngestCode.CORRUPT),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 64
            + "EncryptionInfo".encode("utf-16-le"),
            IngestCode.ENCRYPTED,
        ),
        (OLE + b"\x00" * 64, IngestCode.UNSUPPORTED),
    ],
)
def test_broken_docx(tmp_path: Path, data: bytes, code: IngestCode) -> None:
    with pytest.raises(IngestError) as err:
        read_document(write(tmp_path / "x.docx", data))
    assert err.value.code is code


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(IngestError) as err:
        read_document(write(tmp_path / "leer.docx", out.getvalue()))
    assert err.value.code is IngestCode.EMPTY
