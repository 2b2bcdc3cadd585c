"""PDF: a highlight over each sentence (its lines as quad points, found with PDFium's character
boxes) carrying the advice as its note; a sticky note on the page where a sentence cannot be
found, and one on the first page with the missing criteria. Pages are not rewritten: pypdf only
adds annotations."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfWriter
from pypdf.annotations import Highlight, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from lbcheck.annotate.notes import AUTHOR, Note, Notes, Placed
from lbcheck.annotate.textmap import find, find_across

_COLOUR = {"error": "ff8a80", "warning": "ffe066", "info": "9fd3ff"}
Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True, slots=True)
class _PageText:
    """A page's characters (index = PDFium char index); boxes are asked for a found span only."""

    text: str
    textpage: pdfium.PdfTextPage

    def boxes(self, start: int, end: int) -> list[Box]:
        return [self.textpage.get_charbox(i, loose=True) for i in range(start, end)]


def _page_text(page: pdfium.PdfPage) -> _PageText:
    textpage = page.get_textpage()
    n = textpage.count_chars()
    chars = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32) for i in range(n))
    return _PageText(chars, textpage)


def _lines(boxes: list[Box]) -> list[Box]:
    """Character boxes joined into one box per line of text."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if right <= left or top <= bottom:
            continue  # spaces and line breaks PDFium inserts have no box
        if lines:
            cur = lines[-1]
            same_line = cur[1] <= (bottom + top) / 2 <= cur[3] and left >= cur[0] - 1
            if same_line:
                cur[1], cur[2], cur[3] = min(cur[1], bottom), max(cur[2], right), max(cur[3], top)
                continue
        lines.append([left, bottom, right, top])
    return [(a, b, c, d) for a, b, c, d in lines]


def _highlight(lines: list[Box], note: Note) -> Highlight:
    quads: list[float] = []
    for left, bottom, right, top in lines:
        quads += [left, top, right, top, left, bottom, right, bottom]
    rect = (
        min(b[0] for b in lines),
        min(b[1] for b in lines),
        max(b[2] for b in lines),
        max(b[3] for b in lines),
    )
    annotation = Highlight(
        rect=rect,
        quad_points=ArrayObject(FloatObject(q) for q in quads),
        highlight_color=_COLOUR.get(note.severity, "ffe066"),
        printing=True,
        title_bar=AUTHOR,
    )
    annotation[NameObject("/Contents")] = TextStringObject("\n".join(note.lines))
    return annotation


def _sticky(page: pdfium.PdfPage, lines: tuple[str, ...], slot: int, right: bool) -> Text:
    width, height = page.get_size()
    x = width - 30 if right else 8
    y = height - 30 - 24 * slot
    return Text(rect=(x, y, x + 20, y + 20), text="\n".join(lines), title_bar=AUTHOR)


def _across_pages(
    text_of: Callable[[int], _PageText], home: int, n_pages: int, note: Note
) -> list[tuple[int, list[Box]]]:
    """The lines of a sentence cut by a page break (from its page onto the next, or from the
    page before onto its page), one list per page; empty when it is not found that way."""
    for first in (home, home - 1):
        if not 0 <= first < n_pages - 1:
            continue
        a, b = text_of(first), text_of(first + 1)
        spans = find_across(a.text, b.text, note.excerpt)
        if spans is None:
            continue
        head, rest = spans
        parts = [(first, _lines(a.boxes(*head)))]
        if rest is not None:
            parts.append((first + 1, _lines(b.boxes(*rest))))
        if all(lines for _, lines in parts):
            return parts
    return []


def annotate_pdf(data: bytes, notes: Notes) -> tuple[bytes, Placed]:
    source = pdfium.PdfDocument(data)
    writer = PdfWriter(clone_from=io.BytesIO(data))
    placed = Placed()
    texts: dict[int, _PageText] = {}
    stickies: dict[int, int] = {}
    try:
        n_pages = len(source)

        def text_of(index: int) -> _PageText:
            if index not in texts:
                texts[index] = _page_text(source[index])
            return texts[index]

        for note in notes.sentences:
            page_no = note.location.page
            home = page_no - 1 if page_no and 0 < page_no <= n_pages else 0
            order = [home, *(i for i in range(n_pages) if i != home)]
            for index in order:
                page = text_of(index)
                span = find(page.text, note.excerpt)
                lines = _lines(page.boxes(*span)) if span else []
                if lines:
                    writer.add_annotation(index, _highlight(lines, note))
                    placed.exact.append(note.codes)
                    break
            else:
                parts = _across_pages(text_of, home, n_pages, note)
                if parts:
                    for index, lines in parts:
                        writer.add_annotation(index, _highlight(lines, note))
                    placed.exact.append(note.codes)
                    continue
                slot = stickies.get(home, 0)
                stickies[home] = slot + 1
                writer.add_annotation(home, _sticky(source[home], note.lines, slot, right=False))
                placed.approximate.append(note.codes)
        if notes.title and n_pages:
            writer.add_annotation(0, _sticky(source[0], notes.title, 0, right=True))
            placed.title = True
    finally:
        for page_text in texts.values():
            page_text.textpage.close()
        source.close()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), placed
