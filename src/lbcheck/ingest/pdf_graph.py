"""Bounding the work a PDF page can ask for before PDFium renders its text.

A form XObject may draw other forms, each several times: forty nested forms that each draw
the next one twice expand to 2**40 text operations from a file of a few kilobytes, and PDFium
expands them all. This module walks the XObject graph once (memoised, so linear in its size)
and counts how many content operations each page expands to.

Counting is skipped where it cannot reach the limit: a page without form XObjects expands to
no more operations than its content stream has bytes (every operator takes at least one
byte, every ``/Name Do`` five), so a content stream of at most ``SMALL_CONTENT`` bytes (and at
most the limit) is not parsed.
"""

from __future__ import annotations

import io
import logging
from typing import Any

import regex

from lbcheck.errors import IngestCode, IngestError

log = logging.getLogger(__name__)

# A content-stream operator: "/Name Do" invokes an XObject; every other operator is one op.
_DO = regex.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b")
_OPERATOR = regex.compile(rb"(?<![/\w])[A-Za-z'\"][A-Za-z*'\"]{0,2}(?![\w])")
#: Content bytes up to which a page without forms is not counted (see the module docstring).
SMALL_CONTENT = 250_000


def check_page_work(data: bytes, pages: int, limit: int) -> None:
    """Raise TOO_LARGE when a page expands to more than ``limit`` content operations.

    Pages without form XObjects cost nothing here. PDFs that pypdf cannot parse are left to
    PDFium (the per-document time budget of the worker is the last line of defence).
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # only PDFs with an empty user password get this far
        counter = _Counter(limit)
        for index in range(pages):
            counter.page(reader.pages[index], index + 1)
    except IngestError:
        raise
    except Exception as exc:  # best effort: what pypdf cannot parse is left to PDFium
        log.debug("XObject graph not checked: %s", exc)


class _Counter:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.expanded: dict[int, int] = {}
        self.active: set[int] = set()

    def page(self, page: Any, number: int) -> None:
        xobjects = _xobjects(page)
        if not xobjects:
            return
        content = page.get_contents()
        data = content.get_data() if content is not None else b""
        if len(data) <= min(SMALL_CONTENT, self.limit) and not any(
            _may_be_form(ref) for ref in xobjects.values()
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
            ref = xobjects.get("/" + match.group(1).decode("latin-1"))
            if ref is not None:
                total += self._form(ref)
            if total > self.limit:
                break  # already too much: no need to count the rest
        return total

    def _form(self, ref: Any) -> int:
        key = id(ref.get_object()) if not hasattr(ref, "idnum") else int(ref.idnum)
        if key in self.expanded:
            return self.expanded[key]
        if key in self.active:
            raise IngestError(IngestCode.CORRUPT, "Formular zeichnet sich selbst (Zyklus)")
        form = ref.get_object()
        if not _is_form(form):
            return 1
        self.active.add(key)
        try:
            cost = 1 + self._cost(form.get_data(), _xobjects(form))
        finally:
            self.active.discard(key)
        self.expanded[key] = cost
        return cost


def _is_form(xobject: Any) -> bool:
    # PDFium reads the subtype as a name or a string: "/Subtype (Form)" draws a form too.
    return xobject.get("/Subtype") in ("/Form", "Form")


def _may_be_form(ref: Any) -> bool:
    """False only for an XObject that resolves to a dictionary whose subtype is not a form."""
    try:
        return _is_form(ref.get_object())
    except Exception:  # unresolvable: let the full count decide, as before
        return True


def _xobjects(holder: Any) -> dict[str, Any]:
    resources = holder.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    if not resources or "/XObject" not in resources:
        return {}
    xobjects = resources["/XObject"].get_object()
    return {str(k): xobjects.raw_get(k) for k in xobjects}
