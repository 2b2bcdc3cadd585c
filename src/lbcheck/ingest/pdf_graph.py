"""Bounding the work a PDF page can ask for before PDFium renders its text.

A form XObject may draw other forms, each several times: forty nested forms that each draw
the next one twice expand to 2**40 text operations from a file of a few kilobytes, and PDFium
expands them all. This module walks the XObject graph once (memoised, so linear in its size)
and counts how many content operations each page expands to.

Counting is skipped where it cannot reach the limit: a page without form XObjects expands to
no more operations than its content stream has bytes (every operator takes at least one
byte, every ``/Name Do`` five), so a content stream of at most ``SMALL_CONTENT`` bytes (and at
most the limit) is not parsed.

The graph is read with pikepdf (qpdf, C++): the same walk with pypdf cost about 10 ms of a
30-page document, mostly parsing every page dictionary in Python; with qpdf about 1.5 ms.
"""

from __future__ import annotations

import io
import logging
import zlib
from typing import Any

import pikepdf
import regex

from lbcheck.errors import IngestCode, IngestError

log = logging.getLogger(__name__)

# A content-stream operator: "/Name Do" invokes an XObject; every other operator is one op.
_DO = regex.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b")
_OPERATOR = regex.compile(rb"(?<![/\w])[A-Za-z'\"][A-Za-z*'\"]{0,2}(?![\w])")
#: Content bytes up to which a page without forms is not counted (see the module docstring).
SMALL_CONTENT = 250_000
#: Decoded bytes of one content stream beyond which the page is left to PDFium uncounted (as
#: pypdf's own cap did): a compressed stream of spaces must not cost seconds of counting.
MAX_DECODED = 75_000_000


class _UncheckedError(Exception):
    """A stream too large to count: the document is left to PDFium and the time budget."""


def check_page_work(data: bytes, pages: int, limit: int) -> None:
    """Raise TOO_LARGE when a page expands to more than ``limit`` content operations.

    Pages without form XObjects cost nothing here. PDFs that qpdf cannot open are left to
    PDFium (the per-document time budget of the worker is the last line of defence).
    """
    try:
        # The empty user password, as PDFium opens it; a PDF needing another fails here.
        pdf = pikepdf.open(io.BytesIO(data), password="")
    except Exception as exc:  # best effort: what qpdf cannot open is left to PDFium
        log.debug("XObject graph not checked: %s", exc)
        return
    try:
        counter = _Counter(limit)
        for index in range(pages):
            counter.page(pdf.pages[index].obj, index + 1)
    except IngestError:
        raise
    except Exception as exc:  # best effort: what qpdf cannot parse is left to PDFium
        log.debug("XObject graph not checked: %s", exc)
    finally:
        pdf.close()


class _Counter:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.expanded: dict[tuple[int, int], int] = {}
        self.active: set[tuple[int, int]] = set()

    def page(self, page: Any, number: int) -> None:
        # qpdf's page list carries inherited attributes (/Resources of a /Pages node) down to
        # each page (tests/hostile/test_page_work.py).
        xobjects = _xobjects(page.get("/Resources"))
        if not xobjects:
            return
        data = _contents(page.get("/Contents"))
        if len(data) <= min(SMALL_CONTENT, self.limit) and not any(
            _is_form(x) for x in xobjects.values()
        ):
            return
        if self._cost(data, xobjects) > self.limit:
            raise IngestError(
                IngestCode.TOO_LARGE,
                f"Seite {number}: verschachtelte Formulare ergeben mehr als {self.limit} "
                "Zeichenbefehle",
            )

    def _cost(self, data: bytes, xobjects: dict[str, Any]) -> int:
        total = len(_OPERATOR.findall(data))
        for match in _DO.finditer(data):
            xobject = xobjects.get("/" + match.group(1).decode("latin-1"))
            if xobject is not None:
                total += self._form(xobject)
            if total > self.limit:
                break  # already too much: no need to count the rest
        return total

    def _form(self, xobject: Any) -> int:
        if not _is_form(xobject):
            return 1
        key = xobject.objgen  # a stream is always an indirect object: (number, generation)
        if key in self.expanded:
            return self.expanded[key]
        if key in self.active:
            raise IngestError(IngestCode.CORRUPT, "Formular zeichnet sich selbst (Zyklus)")
        self.active.add(key)
        try:
            cost = 1 + self._cost(_decoded(xobject), _xobjects(xobject.get("/Resources")))
        finally:
            self.active.discard(key)
        self.expanded[key] = cost
        return cost


def _is_form(xobject: Any) -> bool:
    # PDFium draws only streams, and reads the subtype as a name or a string: "/Subtype (Form)"
    # draws a form too (qpdf has already decoded "/F#6frm" and "<466f726d>").
    if not isinstance(xobject, pikepdf.Stream):
        return False
    subtype = xobject.get("/Subtype")
    if isinstance(subtype, pikepdf.Name):
        return str(subtype) == "/Form"
    return isinstance(subtype, pikepdf.String) and str(subtype) == "Form"


def _contents(contents: Any) -> bytes:
    """A page's content streams, decoded and joined (an array is one content stream)."""
    if isinstance(contents, pikepdf.Stream):
        return _decoded(contents)
    if isinstance(contents, pikepdf.Array):
        return b"\n".join(_decoded(part) for part in contents if isinstance(part, pikepdf.Stream))
    return b""


def _decoded(stream: Any) -> bytes:
    """The stream's decoded bytes, at most MAX_DECODED (else _UncheckedError)."""
    if stream.get("/Filter") == pikepdf.Name.FlateDecode and "/DecodeParms" not in stream:
        inflate = zlib.decompressobj()
        data = inflate.decompress(stream.read_raw_bytes(), MAX_DECODED + 1)
    else:  # other filters, chains and predictors: qpdf decodes them
        data = bytes(stream.read_bytes())
    if len(data) > MAX_DECODED:
        raise _UncheckedError(f"content stream over {MAX_DECODED} bytes")
    return data


def _xobjects(resources: Any) -> dict[str, Any]:
    if not isinstance(resources, pikepdf.Dictionary):
        return {}
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return {}
    return {str(key): xobjects.get(key) for key in xobjects.keys()}  # noqa: SIM118
