"""DOCX (WordprocessingML) with zip + lxml: body, tables, notes, text boxes, headers, footers."""

from __future__ import annotations

import posixpath

from lxml import etree

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.blocks import BlockBuilder, Extracted
from lbcheck.ingest.docx_parts import heads, join, main_part, relations
from lbcheck.ingest.docx_styles import Numbering, Styles, W, val
from lbcheck.ingest.docx_text import (
    TBL,
    P,
    box_paragraphs,
    paragraph_text,
)
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits
from lbcheck.ingest.normalize import (
    clean,
    heading_depth,
    plausible_heading,
)
from lbcheck.ingest.package import Package
from lbcheck.models import BlockKind

_CONTAINERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"})
_NOTE_SKIP = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Extract the blocks of a DOCX package given as bytes (CORRUPT / EMPTY on failure)."""
    pkg = Package(data, "DOCX", limits)
    main = main_part(pkg)
    rels = relations(pkg, main)
    folder = posixpath.dirname(main)

    def part(kind: str) -> etree._Element | None:
        target = next((t for t, k in rels.values() if k == kind), None)
        return pkg.xml_optional(join(folder, target)) if target else None

    root = pkg.xml(main)
    body = root.find(f"{W}body")
    if body is None:
        raise IngestError(IngestCode.CORRUPT, "DOCX: w:body fehlt")
    reader = _BodyReader(
        Styles(part("styles")),
        Numbering(part("numbering")),
        {"footnote": _notes(part("footnotes")), "endnote": _notes(part("endnotes"))},
    )
    found_heads = heads(pkg, root, rels, folder)
    for text in found_heads[BlockKind.HEADER]:
        reader.out.add(BlockKind.HEADER, text, section=())
    reader.body(body)
    reader.unreferenced_notes()
    for text in found_heads[BlockKind.FOOTER]:
        reader.out.add(BlockKind.FOOTER, text, section=())
    return reader.out.result()


class _BodyReader:
    def __init__(self, styles: Styles, numbering: Numbering, notes: dict[str, dict[str, str]]):
        self.styles = styles
        self.numbering = numbering
        self.notes = notes
        self.used: set[tuple[str, str]] = set()
        self.out = BlockBuilder()
        self.paragraphs = 0
        self.tables = 0

    def body(self, el: etree._Element, top: bool = True) -> None:
        for child in el:
            if child.tag == P:
                # Only w:p directly in w:body count, as in python-docx Document.paragraphs.
                if top:
                    self.paragraphs += 1
                self.paragraph(child, self.paragraphs if top else None)
            elif child.tag == TBL:
                self.table(child)
            elif child.tag in _CONTAINERS:
                self.body(child, top=False)

    def paragraph(self, p: etree._Element, index: int | None) -> None:
        found = paragraph_text(p)
        text = clean(found.text)
        ppr = p.find(f"{W}pPr")
        style = val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        level = self.styles.heading_level(style)
        outline = val(ppr.find(f"{W}outlineLvl")) if ppr is not None else None
        if outline is not None and outline.isdigit():
            level = int(outline) + 1 if int(outline) < 9 else None
        label, ilvl = self._number(ppr, style)
        if level is not None and text and plausible_heading(text):
            if label and not text.startswith(label):
                text = f"{label} {text}"
            self.out.heading(text, heading_depth(text, level), paragraph=index)
        elif ilvl is not None or self.styles.is_list(style):
            self.out.add(BlockKind.LIST_ITEM, text, level=(ilvl or 0) + 1, paragraph=index)
        else:
            self.out.add(BlockKind.PARAGRAPH, text, paragraph=index)
        self._attachments(found.notes, found.boxes, paragraph=index)

    def _number(self, ppr: etree._Element | None, style: str | None) -> tuple[str, int | None]:
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id: str | None = None
        ilvl_text: str | None = None
        if num_pr is not None:
            num_id = val(num_pr.find(f"{W}numId"))
            ilvl_text = val(num_pr.find(f"{W}ilvl"))
        if num_id is None:
            from_style = self.styles.numbering(style)
            if from_style is None:
                return "", None
            num_id, style_ilvl = from_style
            ilvl_text = ilvl_text or style_ilvl
        if not num_id or num_id == "0":
            return "", None
        if ilvl_text is not None and ilvl_text.isdigit():
            ilvl = int(ilvl_text)
        else:
            ilvl = self.numbering.level_for_style(num_id, style) or 0
        return self.numbering.label(num_id, ilvl) or "", ilvl

    def _attachments(
        self,
        refs: list[tuple[str, str]],
        boxes: list[etree._Element],
        **where: int | None,
    ) -> None:
        section = self.out.section
        for kind, note_id in refs:
            text = self.notes[kind].get(note_id)
            if text is not None and (kind, note_id) not in self.used:
                self.used.add((kind, note_id))
                block = BlockKind.FOOTNOTE if kind == "footnote" else BlockKind.ENDNOTE
                self.out.add(block, text, section=section, paragraph=where.get("paragraph"))
        for box in boxes:
            lines = [clean(paragraph_text(p).text) for p in box_paragraphs(box)]
            text = "\n".join(x for x in lines if x)
            self.out.add(BlockKind.TEXTBOX, text, paragraph=where.get("paragraph"))

    def table(self, tbl: etree._Element) -> None:
        self.tables += 1
        number = self.tables
        for row_no, tr in enumerate(_children(tbl, f"{W}tr"), start=1):
            trpr = tr.find(f"{W}trPr")
            before = val(trpr.find(f"{W}gridBefore"), "0") if trpr is not None else "0"
            column = int(before) if before and before.isdigit() else 0
            for tc in _children(tr, f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span_val = val(tcpr.find(f"{W}gridSpan"), "1") if tcpr is not None else "1"
                start = column + 1
                column += int(span_val) if span_val and span_val.isdigit() else 1
                merge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                if merge is not None and val(merge, "continue") == "continue":
                    continue  # the text stands in the cell that starts the merge
                self._cell(tc, number, row_no, start)

    def _cell(self, tc: etree._Element, table: int, row: int, column: int) -> None:
        texts: list[str] = []
        refs: list[tuple[str, str]] = []
        boxes: list[etree._Element] = []
        nested: list[etree._Element] = []
        for child in _children(tc, P, TBL):
            if child.tag == TBL:
                nested.append(child)
                continue
            found = paragraph_text(child)
            texts.append(clean(found.text))
            refs.extend(found.notes)
            boxes.extend(found.boxes)
        text = "\n".join(t for t in texts if t)
        self.out.add(BlockKind.TABLE_CELL, text, table=table, row=row, column=column)
        self._attachments(refs, boxes)
        for inner in nested:
            self.table(inner)

    def unreferenced_notes(self) -> None:
        for kind, notes in self.notes.items():
            block = BlockKind.FOOTNOTE if kind == "footnote" else BlockKind.ENDNOTE
            for note_id, text in notes.items():
                if (kind, note_id) not in self.used:
                    self.out.add(block, text, section=())


def _children(el: etree._Element, *tags: str) -> list[etree._Element]:
    """Children with one of ``tags``, looking through content controls and custom XML."""
    found: list[etree._Element] = []
    for child in el:
        if child.tag in tags:
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(_children(child, *tags))
    return found


def _notes(root: etree._Element | None) -> dict[str, str]:
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root:
        if not isinstance(note.tag, str) or note.get(f"{W}type") in _NOTE_SKIP:
            continue
        texts = [clean(paragraph_text(p).text) for p in note.iter(P)]
        notes[note.get(f"{W}id", "")] = " ".join(t for t in texts if t)
    return notes
