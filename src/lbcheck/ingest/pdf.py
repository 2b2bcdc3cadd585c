"""PDF text with PDFium: lines with geometry per page, then layout analysis in pdf_layout."""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.blocks import Extracted
from lbcheck.ingest.characters import SOFT_BREAKS
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits
from lbcheck.ingest.normalize import clean
from lbcheck.ingest.pdf_graph import check_page_work
from lbcheck.ingest.pdf_layout import build_blocks
from lbcheck.ingest.pdf_lines import Line, PageLines
from lbcheck.ingest.quality import is_garbled, text_stats

_LINE_SPLIT = re.compile(r"\r\n|\r|\n|(?<=[\x02\ufffe])")
_DIGITS = re.compile(r"\d+")
_SUPERSCRIPT_RATIO = 0.8
#: Pages read from one PDFium document before it is reopened: memory stays bounded by what
#: PDFium caches for 50 pages (fonts, images) instead of growing with the page count.
REOPEN_EVERY = 50


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Extract the blocks of a PDF given as bytes.

    Raises IngestError ENCRYPTED (user password needed), CORRUPT, NO_TEXT (no text layer),
    GARBLED (text layer with broken font encoding) or TOO_LARGE (more pages than
    ``limits.max_pages``, or a page whose nested forms expand beyond ``limits.max_page_ops``).
    """
    pdf = _open(data)
    try:
        count = len(pdf)
        if count > limits.max_pages:
            raise IngestError(
                IngestCode.TOO_LARGE, f"{count} Seiten, Grenze {limits.max_pages} Seiten"
            )
        check_page_work(data, count, limits.max_page_ops)
        pages = []
        for index in range(count):
            if index and index % REOPEN_EVERY == 0:
                # PDFium keeps every font and image it decoded until the document is closed.
                pdf.close()
                pdf = _open(data)
            pages.append(_page_lines(pdf, index))
    except pdfium.PdfiumError as exc:
        raise IngestError(IngestCode.CORRUPT, f"PDF-Seite nicht lesbar: {exc}") from exc
    finally:
        pdf.close()
    if not pages:
        raise IngestError(IngestCode.EMPTY, "PDF ohne Seiten")
    body = "\n".join(line.text for page in pages for line in page.lines)
    stats = text_stats(body)
    if stats.letters < 5 * len(pages):
        raise IngestError(IngestCode.NO_TEXT, f"{len(pages)} Seite(n) ohne Textebene")
    if is_garbled(body, stats):
        raise IngestError(IngestCode.GARBLED, "Textebene ergibt keine lesbaren Wörter")
    return Extracted(build_blocks(pages), len(pages))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise IngestError(IngestCode.ENCRYPTED, str(exc)) from exc
        raise IngestError(IngestCode.CORRUPT, str(exc)) from exc


class _Chars:
    """Cheap per-character look-ups on one PDFium text page."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str) -> None:
        self.raw = textpage.raw
        self.identity = len(text) == textpage.count_chars()
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()
        self._box = [ctypes.c_double() for _ in range(4)]
        self._matrix = pdfium_c.FS_MATRIX()

    def index(self, text_index: int) -> int:
        if self.identity:
            return text_index
        return int(pdfium_c.FPDFText_GetCharIndexFromTextIndex(self.raw, text_index))

    def size(self, i: int) -> float:
        """Effective font size: Word often sets size 1 and scales with the text matrix."""
        index = i if self.identity else self.index(i)
        size = float(_FONT_SIZE(self.raw, index))
        if _MATRIX(self.raw, index, self._matrix):
            size *= math.hypot(self._matrix.c, self._matrix.d)
        return size

    def origin(self, i: int) -> tuple[float, float]:
        _ORIGIN(self.raw, i if self.identity else self.index(i), self._x, self._y)
        return self._x.value, self._y.value

    def right(self, i: int) -> float:
        left, right, bottom, top = self._box
        _BOX(self.raw, i if self.identity else self.index(i), left, right, bottom, top)
        return right.value


_FONT_SIZE = pdfium_c.FPDFText_GetFontSize
_MATRIX = pdfium_c.FPDFText_GetMatrix
_ORIGIN = pdfium_c.FPDFText_GetCharOrigin
_BOX = pdfium_c.FPDFText_GetCharBox


def _page_lines(pdf: pdfium.PdfDocument, index: int) -> PageLines:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        width, height = page.get_size()
        text = textpage.get_text_range()
        chars = _Chars(textpage, text)
        removed, markers = _superscripts(text, chars)
        lines = list(_lines(text, chars, removed, markers))
    finally:
        textpage.close()
        page.close()
    return PageLines(index + 1, width, height, _merge_same_baseline(lines))


def _superscripts(text: str, chars: _Chars) -> tuple[set[int], dict[int, str]]:
    """Find footnote reference digits (small, raised) and return their text indices.

    ``markers`` maps the index of the first removed digit to the reference number.
    """
    removed: set[int] = set()
    markers: dict[int, str] = {}
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        after = text[end : end + 2]
        if len(after) == 2 and after[0] in ".,/" and after[1].isdigit():
            continue  # inside 3.000,00 or 2018/848: never a reference by itself
        ref = start - 1
        while ref >= 0 and text[ref] == " ":
            ref -= 1
        if ref < 0 or text[ref] in "\r\n" or (end - start > 3 and ref < start - 1):
            continue
        ref_size = chars.size(ref)
        first = end
        while first > start and chars.size(first - 1) < _SUPERSCRIPT_RATIO * ref_size:
            first -= 1
        if first < end and end - first <= 3:
            _, y_ref = chars.origin(ref)
            _, y_sup = chars.origin(end - 1)
            if y_sup > y_ref + 0.15 * ref_size:
                removed.update(range(first, end))
                markers[first] = text[first:end]
    return removed, markers


def _lines(text: str, chars: _Chars, removed: set[int], markers: dict[int, str]) -> list[Line]:
    out: list[Line] = []
    pos = 0
    blank = False
    ordered = sorted(removed)  # looked up by bisection: linear in lines plus removed digits
    for part in _LINE_SPLIT.split(text):
        start = pos
        pos += len(part)
        while pos < len(text) and text[pos] in "\r\n":
            pos += 1
        end = start + len(part)
        gone = ordered[bisect_left(ordered, start) : bisect_left(ordered, end)]
        if gone:
            solid = [i for i in range(start, end) if not text[i].isspace() and i not in removed]
            if not solid:
                continue
            first, last, mid = solid[0], solid[-1], solid[len(solid) // 2]
        else:
            body = part.strip()
            if not body:
                blank = True
                continue
            first = start + len(part) - len(part.lstrip())
            last = start + len(part.rstrip()) - 1
            mid = first + len(body) // 2
            while mid > first and text[mid].isspace():
                mid -= 1
        if text[last] in SOFT_BREAKS and last > first:
            last -= 1
        size = _line_size(chars, first, mid, last)
        x0, y = chars.origin(first)
        refs = [markers[i] for i in gone if i in markers]
        line_text = (
            part if not gone else "".join(c for i, c in enumerate(part, start) if i not in removed)
        )
        spaces = (part[:1].isspace(), part[-1:].isspace())
        out.append(Line(clean(line_text), x0, chars.right(last), y, size, blank, refs, spaces))
        blank = False
    return out


def _line_size(chars: _Chars, first: int, mid: int, last: int) -> float:
    """The median font size of the first, middle and last character (sizes <= 1.5 left out).

    When first and last agree, the median is theirs whatever the middle is: it is not read.
    """
    head, tail = chars.size(first), chars.size(last)
    if head == tail and head > 1.5:
        return head
    sizes = [s for s in (head, chars.size(mid), tail) if s > 1.5]
    return median(sizes) if sizes else 0.0


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Re-join pieces PDFium split off one visual line (e.g. after a raised footnote mark)."""
    merged: list[Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and abs(prev.y - line.y) < 0.25 * max(prev.size, 1.0)
            and line.x0 >= prev.x1 - 2
            and not line.blank_before
        ):
            tight = not (prev.space_around[1] or line.space_around[0])
            glued = tight and line.x0 - prev.x1 < 0.5 * max(prev.size, 1.0)
            joiner = "" if glued or prev.text.endswith(tuple(SOFT_BREAKS)) else " "
            prev.text = prev.text + joiner + line.text
            prev.x1 = line.x1
            prev.refs.extend(line.refs)
        else:
            merged.append(line)
    return merged
