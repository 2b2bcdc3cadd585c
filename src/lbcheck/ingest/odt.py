"""ODT (OpenDocument text) with zip + lxml: body, lists, tables, notes, frames, page styles."""

from __future__ import annotations

from lxml import etree

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.blocks import BlockBuilder, Extracted
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits, count_attribute
from lbcheck.ingest.normalize import (
    clean,
    heading_depth,
    is_page_number,
    plausible_heading,
    strip_page_numbers,
)
from lbcheck.ingest.package import Package
from lbcheck.models import BlockKind

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

_P, _H = f"{TEXT}p", f"{TEXT}h"
_LIST, _ITEM, _LIST_HEADER = f"{TEXT}list", f"{TEXT}list-item", f"{TEXT}list-header"
_NOTE, _NOTE_BODY = f"{TEXT}note", f"{TEXT}note-body"
_TABLE = f"{TABLE}table"
_CELL, _COVERED = f"{TABLE}table-cell", f"{TABLE}covered-table-cell"
_ROW_GROUPS = frozenset(
    f"{TABLE}{n}" for n in ("table-header-rows", "table-rows", "table-row-group")
)
_SECTIONS = frozenset(
    {f"{TEXT}section", f"{TEXT}index-body", f"{TEXT}table-of-content", f"{TEXT}alphabetical-index"}
)
# Not part of the visible running text: deletions, annotations, index titles, fields.
_SKIP = frozenset(
    {
        f"{TEXT}tracked-changes",
        f"{OFFICE}annotation",
        f"{OFFICE}annotation-end",
        f"{TEXT}note-citation",
        f"{TEXT}page-number",
        f"{TEXT}page-count",
        f"{TEXT}soft-page-break",
        f"{TEXT}bookmark-ref",
        f"{TEXT}table-of-content-source",
        f"{TEXT}alphabetical-index-source",
    }
)
_TEXT_BOX = f"{DRAW}text-box"
_MAX_SPACES = 64
_ODT_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)


def read_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Extract the blocks of an ODT package given as bytes."""
    pkg = Package(data, "ODT", limits)
    manifest = pkg.xml_optional("META-INF/manifest.xml")
    if manifest is not None and next(manifest.iter(f"{MANIFEST}encryption-data"), None) is not None:
        raise IngestError(IngestCode.ENCRYPTED, "ODT mit Kennwort verschlüsselt")
    if pkg.has("mimetype"):
        mimetype = pkg.read("mimetype").decode("ascii", "replace").strip()
        if mimetype and mimetype not in _ODT_TYPES:
            raise IngestError(IngestCode.UNSUPPORTED, f"kein Textdokument: {mimetype}")
    body = pkg.xml("content.xml").find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise IngestError(IngestCode.CORRUPT, "ODT: office:text fehlt")
    reader = _Reader()
    heads = _page_styles(pkg.xml_optional("styles.xml"))
    for text in heads[BlockKind.HEADER]:
        reader.out.add(BlockKind.HEADER, text, section=())
    reader.flow(body, list_depth=0)
    for text in heads[BlockKind.FOOTER]:
        reader.out.add(BlockKind.FOOTER, text, section=())
    return reader.out.result()


class _Reader:
    def __init__(self) -> None:
        self.out = BlockBuilder()
        self.paragraphs = 0
        self.tables = 0

    def flow(self, el: etree._Element, list_depth: int) -> None:
        for child in el:
            tag = child.tag
            if tag in (_P, _H):
                self.paragraphs += 1
                self.paragraph(child, list_depth)
            elif tag == _LIST:
                self.flow(child, list_depth + 1)
            elif tag in (_ITEM, _LIST_HEADER):
                self.flow(child, list_depth if tag == _ITEM else 0)
            elif tag == _TABLE:
                self.table(child)
            elif tag in _SECTIONS:
                self.flow(child, list_depth)

    def paragraph(self, el: etree._Element, list_depth: int) -> None:
        parts: list[str] = []
        notes: list[etree._Element] = []
        boxes: list[etree._Element] = []
        _inline(el, parts, notes, boxes)
        text = clean("".join(parts))
        index = self.paragraphs
        if el.tag == _H and text and plausible_heading(text):
            level = el.get(f"{TEXT}outline-level", "1")
            number = el.find(f"{TEXT}number")  # the rendered number LibreOffice caches
            if number is not None and number.text and not text.startswith(number.text.strip()):
                text = f"{number.text.strip()} {text}"
            default = int(level) if level.isdigit() else 1
            self.out.heading(text, heading_depth(text, default), paragraph=index)
        elif list_depth:
            self.out.add(BlockKind.LIST_ITEM, text, level=list_depth, paragraph=index)
        else:
            self.out.add(BlockKind.PARAGRAPH, text, paragraph=index)
        self.attachments(notes, boxes, index)

    def attachments(
        self, notes: list[etree._Element], boxes: list[etree._Element], index: int | None
    ) -> None:
        for note in notes:
            kind = BlockKind.ENDNOTE if note.get(f"{TEXT}note-class") == "endnote" else None
            body = note.find(_NOTE_BODY)
            if body is not None:
                self.out.add(kind or BlockKind.FOOTNOTE, _plain(body), paragraph=index)
        for box in boxes:
            self.out.add(BlockKind.TEXTBOX, _plain(box), paragraph=index)

    def table(self, table: etree._Element) -> None:
        self.tables += 1
        number = self.tables
        for row_no, row in enumerate(_rows(table), start=1):
            column = 0
            for cell in row:
                if cell.tag not in (_CELL, _COVERED):
                    continue
                repeat = cell.get(f"{TABLE}number-columns-repeated", "1")
                start = column + 1
                column += int(repeat) if repeat.isdigit() else 1
                if cell.tag == _COVERED:
                    continue  # merged away: its text is in the spanning cell
                parts: list[str] = []
                notes: list[etree._Element] = []
                boxes: list[etree._Element] = []
                nested: list[etree._Element] = []
                for child in cell:
                    if child.tag == _TABLE:
                        nested.append(child)
                    else:
                        _block_text(child, parts, notes, boxes)
                text = "\n".join(clean(p) for p in parts if clean(p))
                self.out.add(BlockKind.TABLE_CELL, text, table=number, row=row_no, column=start)
                self.attachments(notes, boxes, None)
                for inner in nested:
                    self.table(inner)


def _rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == f"{TABLE}table-row":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows.extend(_rows(child))
    return rows


def _block_text(
    el: etree._Element, parts: list[str], notes: list[etree._Element], boxes: list[etree._Element]
) -> None:
    """Paragraph texts of a block element (p, h, list, section) appended to ``parts``."""
    if el.tag in (_P, _H):
        inline: list[str] = []
        _inline(el, inline, notes, boxes)
        parts.append("".join(inline))
    elif isinstance(el.tag, str) and el.tag not in _SKIP:
        for child in el:
            _block_text(child, parts, notes, boxes)


def _inline(
    el: etree._Element, parts: list[str], notes: list[etree._Element], boxes: list[etree._Element]
) -> None:
    # ODF collapses white space in text; explicit breaks are text:line-break elements.
    if el.text:
        parts.append(el.text.replace("\n", " "))
    for child in el:
        tag = child.tag
        if tag == f"{TEXT}s":
            # Runs of spaces collapse to one in clean() anyway; the count only has to be bounded.
            parts.append(" " * count_attribute(child.get(f"{TEXT}c"), 1, _MAX_SPACES))
        elif tag == f"{TEXT}tab":
            parts.append(" ")
        elif tag == f"{TEXT}line-break":
            parts.append("\n")
        elif tag == _NOTE:
            notes.append(child)
        elif tag == _TEXT_BOX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _SKIP and tag != f"{TEXT}number":
            _inline(child, parts, notes, boxes)
        if child.tail:
            parts.append(child.tail.replace("\n", " "))


def _plain(el: etree._Element) -> str:
    parts: list[str] = []
    for child in el:
        _block_text(child, parts, [], [])
    return "\n".join(t for t in (clean(p) for p in parts) if t)


def _page_styles(root: etree._Element | None) -> dict[BlockKind, list[str]]:
    """Distinct header/footer lines of the master pages, page-number fields left out."""
    found: dict[BlockKind, list[str]] = {BlockKind.HEADER: [], BlockKind.FOOTER: []}
    if root is None:
        return found
    for master in root.iter(f"{STYLE}master-page"):
        for child in master:
            tag = child.tag if isinstance(child.tag, str) else ""
            kind = BlockKind.HEADER if tag.startswith(f"{STYLE}header") else None
            kind = BlockKind.FOOTER if tag.startswith(f"{STYLE}footer") else kind
            if kind is None:
                continue
            parts: list[str] = []
            for block in child:
                _block_text(block, parts, [], [])
            for part in parts:
                line = clean(part)
                text = "" if is_page_number(line) else strip_page_numbers(line)
                if text and text not in found[kind]:
                    found[kind].append(text)
    return found
