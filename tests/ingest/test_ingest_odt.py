"""ODT extraction on a package zipped from hand-written XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import read_document
from lbcheck.models import Block, BlockKind, Document

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)

CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}><office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
<text:p>Gelöschter Satz.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:p text:style-name="Title">Leistungsbeschreibung</text:p>
<text:h text:outline-level="1">3 Leistungsumfang</text:h>
<text:h text:outline-level="2">3.2 Papier</text:h>
<text:p>Papier muss<text:s text:c="3"/>aus Altpapier<text:tab/>bestehen<text:note text:id="n1"
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
<text:p>Gleichwertige Gütezeichen werden anerkannt.</text:p></text:note-body></text:note
>.<text:change
 text:change-id="c1"/><text:soft-page-break/> Neu<text:line-break/>Zeile</text:p>
<text:p/>
<text:list><text:list-item><text:p>Erster Punkt</text:p>
<text:list><text:list-item><text:p>Unterpunkt</text:p></text:list-item></text:list>
</text:list-item></text:list>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row>
<table:table-cell><text:p>Pos.</text:p></table:table-cell>
<table:table-cell table:number-columns-spanned="2"><text:p>Artikel und Menge</text:p>
</table:table-cell>
<table:covered-table-cell/></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>1.01</text:p></table:table-cell>
<table:table-cell><text:p>Ordner</text:p></table:table-cell>
<table:table-cell><text:p>40</text:p><text:p>Stück</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Siehe Kasten.<draw:frame><draw:text-box><text:p>Mehrweg ist Pflicht.</text:p>
</draw:text-box></draw:frame></text:p>
<text:h text:outline-level="1">4 Abrechnung</text:h>
<text:p>Die Abrechnung erfolgt monatlich.</text:p>
</office:text></office:body></office:document-content>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}><office:master-styles><style:master-page style:name="Standard">
<style:header><text:p>Stadt Musterstadt · Vergabestelle</text:p></style:header>
<style:footer><text:p>Seite <text:page-number>1</text:page-number> von
 <text:page-count>2</text:page-count></text:p><text:p>Stand 01.2026</text:p></style:footer>
</style:master-page></office:master-styles></office:document-styles>"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{extra}
</manifest:file-entry></manifest:manifest>"""

ENCRYPTION = (
    '<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x">'
    '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
    'manifest:initialisation-vector="x"/>'
    "</manifest:encryption-data>"
)


def odt(content: str = CONTENT, manifest_extra: str = "", styles: str = STYLES) -> bytes:
    """Zip an ODT package (mimetype stored first, as the format asks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
        z.writestr("META-INF/manifest.xml", MANIFEST.format(extra=manifest_extra))
    return out.getvalue()


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("odt") / "lb.odt"
    path.write_bytes(odt())
    return read_document(path)


def _find(doc: Document, text: str) -> Block:
    return next(b for b in doc.blocks if text in b.text)


def test_headings_and_sections(doc: Document) -> None:
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("3 Leistungsumfang", 1), ("3.2 Papier", 2), ("4 Abrechnung", 1)]
    assert _find(doc, "Altpapier").location.section == ("3 Leistungsumfang", "3.2 Papier")


def test_inline_spaces_notes_and_changes(doc: Document) -> None:
    body = _find(doc, "Altpapier")
    assert body.text == "Papier muss aus Altpapier bestehen. Neu\nZeile"
    assert body.location.paragraph == 4
    note = _find(doc, "Gütezeichen")
    assert note.kind is BlockKind.FOOTNOTE
    assert note.location.section == ("3 Leistungsumfang", "3.2 Papier")
    assert "Gelöschter" not in doc.text


def test_list_items_with_levels(doc: Document) -> None:
    items = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("Erster Punkt", 1), ("Unterpunkt", 2)]
    assert _find(doc, "Erster Punkt").location.paragraph == 6  # the empty text:p counts


def test_table_cells_skip_covered(doc: Document) -> None:
    cells = [
        (b.location.table, b.location.row, b.location.column, b.text)
        for b in doc.blocks
        if b.kind is BlockKind.TABLE_CELL
    ]
    assert cells == [
        (1, 1, 1, "Pos."),
        (1, 1, 2, "Artikel und Menge"),
        (1, 2, 1, "1.01"),
        (1, 2, 2, "Ordner"),
        (1, 2, 3, "40\nStück"),
    ]


def test_text_box_and_page_styles(doc: Document) -> None:
    assert _find(doc, "Mehrweg").kind is BlockKind.TEXTBOX
    assert _find(doc, "Siehe Kasten").text == "Siehe Kasten."
    assert [b.text for b in doc.blocks if b.kind is BlockKind.HEADER] == [
        "Stadt Musterstadt · Vergabestelle"
    ]
    assert [b.text for b in doc.blocks if b.kind is BlockKind.FOOTER] == ["Stand 01.2026"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (odt(manifest_extra=ENCRYPTION), IngestCode.ENCRYPTED),
        (odt(content=CONTENT[:300]), IngestCode.CORRUPT),
        (
            odt(content=CONTENT.replace("<office:text>", "<office:spreadsheet>", 1)),
            IngestCode.CORRUPT,
        ),
        (b"not a zip", IngestCode.CORRUPT),
    ],
)
def test_broken_odt(tmp_path: Path, data: bytes, code: IngestCode) -> None:
    path = tmp_path / "x.odt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert err.value.code is code


def test_odt_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "leer.odt"
    content = (
        f"<office:document-content {NS}><office:body><office:text><text:p/>"
        "</office:text></office:body></office:document-content>"
    )
    path.write_bytes(odt(content=content, styles=f"<office:document-styles {NS}/>"))
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert err.value.code is IngestCode.EMPTY
