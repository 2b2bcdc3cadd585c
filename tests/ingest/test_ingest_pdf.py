"""PDF extraction on PDFs written by pdf_factory: layout, running heads, notes, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import Page, Run, TextLine, build_pdf, encrypt, line, text_page

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import read_document
from lbcheck.models import Block, BlockKind, Document

HEADER = "Stadt Musterstadt · Zentrale Vergabestelle · Fairer Kaffee ist Pflicht"


def _page(number: int, body: list[TextLine]) -> Page:
    head = line(800, HEADER, size=8)
    foot = line(40, f"LB Reinigung Seite {number} von 2", size=8, x=380)
    return Page([head, *body, foot])


def _sample() -> bytes:
    page1 = _page(
        1,
        [
            line(740, "1 Gegenstand", size=14),
            line(716, "Der Auftragnehmer reinigt die Gebäude der Stadt. Die Reinigung umfasst"),
            line(703, "Büroräume, Flure und Sanitärbereiche mit insgesamt 12.000 m² Fläche."),
            line(670, "2 Anforderungen", size=14),
            line(646, "Das Verpackungs-"),
            line(633, "material ist zurückzunehmen; die REACH-"),
            line(620, "Verordnung ist einzuhalten."),
            TextLine(
                596,
                (Run("Reinigungsmittel müssen das Umweltzeichen tragen"), Run("1", 6, 4), Run(".")),
            ),
            line(572, "• Mikrofasertücher sind wiederverwendbar."),
            line(559, "• Einwegtücher sind nicht zugelassen."),
            line(535, "Der Auftragnehmer verpflichtet sich, für alle Fahrten ausschließlich"),
            line(90, "1 Gleichwertige Gütezeichen werden anerkannt.", size=8),
        ],
    )
    page2 = _page(
        2,
        [
            line(760, "Fahrzeuge mit batterieelektrischem Antrieb einzusetzen."),
            line(730, "3 Vergütung", size=14),
            line(706, "Die Vergütung erfolgt monatlich nach Aufmaß."),
        ],
    )
    return build_pdf([page1, page2])


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("pdf") / "lb.pdf"
    path.write_bytes(_sample())
    return read_document(path, display_path="unterlagen/lb.pdf")


def _find(doc: Document, text: str) -> Block:
    return next(b for b in doc.blocks if text in b.text)


def _write(tmp_path: Path, data: bytes, name: str = "x.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_document_values(sample: Document) -> None:
    assert sample.path == "unterlagen/lb.pdf"
    assert sample.format == "pdf"
    assert sample.pages == 2


def test_running_header_and_footer_once(sample: Document) -> None:
    headers = [b for b in sample.blocks if b.kind is BlockKind.HEADER]
    footers = [b for b in sample.blocks if b.kind is BlockKind.FOOTER]
    assert [b.text for b in headers] == [HEADER]
    assert [b.text for b in footers] == ["LB Reinigung"]
    assert sum(HEADER in b.text for b in sample.blocks) == 1
    assert not any("Seite 1" in b.text for b in sample.blocks)


def test_headings_and_sections(sample: Document) -> None:
    headings = [(b.text, b.level) for b in sample.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("1 Gegenstand", 1), ("2 Anforderungen", 1), ("3 Vergütung", 1)]
    block = _find(sample, "Büroräume")
    assert block.location.section == ("1 Gegenstand",)
    assert block.location.page == 1
    assert block.location.paragraph == 2


def test_lines_unwrapped_and_hyphenation(sample: Document) -> None:
    block = _find(sample, "Verpackungsmaterial")
    assert block.text == (
        "Das Verpackungsmaterial ist zurückzunehmen; die REACH-Verordnung ist einzuhalten."
    )
    assert _find(sample, "Büroräume").text.startswith("Der Auftragnehmer reinigt")


def test_footnote_mark_removed_and_footnote_block(sample: Document) -> None:
    body = _find(sample, "Reinigungsmittel müssen")
    assert body.text == "Reinigungsmittel müssen das Umweltzeichen tragen."
    note = _find(sample, "Gleichwertige Gütezeichen")
    assert note.kind is BlockKind.FOOTNOTE
    assert note.text == "Gleichwertige Gütezeichen werden anerkannt."
    assert note.location.section == ("2 Anforderungen",)


def test_list_items(sample: Document) -> None:
    items = [b.text for b in sample.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        "Mikrofasertücher sind wiederverwendbar.",
        "Einwegtücher sind nicht zugelassen.",
    ]


def test_paragraph_continued_across_page_break(sample: Document) -> None:
    block = _find(sample, "ausschließlich")
    assert block.text == (
        "Der Auftragnehmer verpflichtet sich, für alle Fahrten ausschließlich "
        "Fahrzeuge mit batterieelektrischem Antrieb einzusetzen."
    )
    assert block.location.page == 1
    page2 = [b for b in sample.blocks if b.location.page == 2 and b.kind is BlockKind.HEADING]
    assert page2[0].location.paragraph == 1


def test_owner_password_only_is_readable(tmp_path: Path) -> None:
    data = encrypt(_sample(), user_password="", owner_password="owner")
    doc = read_document(_write(tmp_path, data))
    assert any("Verpackungsmaterial" in b.text for b in doc.blocks)


def test_user_password_is_encrypted(tmp_path: Path) -> None:
    data = encrypt(_sample(), user_password="secret", owner_password="owner")
    with pytest.raises(IngestError) as err:
        read_document(_write(tmp_path, data))
    assert err.value.code is IngestCode.ENCRYPTED


@pytest.mark.parametrize("keep", [0.3, 0.55, 0.9])
def test_truncated_is_corrupt(tmp_path: Path, keep: float) -> None:
    data = _sample()
    with pytest.raises(IngestError) as err:
        read_document(_write(tmp_path, data[: int(len(data) * keep)]))
    assert err.value.code is IngestCode.CORRUPT


def test_page_without_text_layer(tmp_path: Path) -> None:
    scan = Page(graphics="0.5 g 72 72 400 600 re f")
    with pytest.raises(IngestError) as err:
        read_document(_write(tmp_path, build_pdf([scan, scan])))
    assert err.value.code is IngestCode.NO_TEXT


def _shift(text: str) -> str:
    # What a PDF with a broken font encoding yields: every letter moved, spaces lost.
    return "".join(
        chr(ord(c) - 29) if c.isalpha() and ord(c) < 128 else c for c in text if c != " "
    )


def test_garbled_text_layer(tmp_path: Path) -> None:
    texts = [
        "Planungsbüro Lichte Wohnungsgesellschaft Sömmerda Hauptstraße",
        "Lieferung und Einbau von Edelstahlseil für Seilsicherungssysteme",
        "Leitprodukt geprüft nach EN und mit allgemeiner bauaufsichtlicher Zulassung",
    ] * 4
    data = build_pdf([text_page([_shift(t) for t in texts])])
    with pytest.raises(IngestError) as err:
        read_document(_write(tmp_path, data))
    assert err.value.code is IngestCode.GARBLED


def test_short_real_text_is_not_garbled(tmp_path: Path) -> None:
    data = build_pdf([text_page(["Pos. 1.1 Stück 12 EUR", "DIN EN 795 Typ C"])])
    doc = read_document(_write(tmp_path, data))
    assert doc.blocks


def test_pdf_that_is_a_zip(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        read_document(_write(tmp_path, b"PK\x03\x04" + b"\x00" * 100))
    assert err.value.code is IngestCode.UNSUPPORTED


def test_pdf_without_header_is_corrupt(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        read_document(_write(tmp_path, b"hello world, not a pdf at all"))
    assert err.value.code is IngestCode.CORRUPT
