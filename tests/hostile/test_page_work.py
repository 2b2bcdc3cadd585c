"""The nested-forms check counts what can exceed the limit and skips what cannot."""

from __future__ import annotations

from typing import Any

import pytest

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import pdf_graph
from lbcheck.ingest.pdf_graph import SMALL_CONTENT, check_page_work
from tests.hostile import pdfs

LIMIT = 500_000


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lengths of the page contents the check counted operators in."""
    calls: list[int] = []
    original = pdf_graph._Counter._cost

    def spy(self: Any, data: bytes, xobjects: dict[str, Any]) -> int:
        calls.append(len(data))
        return original(self, data, xobjects)

    monkeypatch.setattr(pdf_graph._Counter, "_cost", spy)
    return calls


def _ops(size: int) -> bytes:
    return b"q Q " * (size // 4)


def test_form_bomb_is_too_large() -> None:
    with pytest.raises(IngestError) as err:
        check_page_work(pdfs.nested_forms(40), 1, LIMIT)
    assert err.value.code is IngestCode.TOO_LARGE


@pytest.mark.parametrize("subtype", [b"/Form", b"(Form)", b"<466f726d>", b"/F#6frm"])
def test_form_bomb_with_any_spelling_of_the_subtype(subtype: bytes) -> None:
    data = pdfs.nested_forms(40, subtype=subtype)
    with pytest.raises(IngestError) as err:
        check_page_work(data, 1, LIMIT)
    assert err.value.code is IngestCode.TOO_LARGE


def test_page_with_form_is_counted(counted: list[int]) -> None:
    check_page_work(pdfs.image_page(_TEXT_OPS, form=True), 1, LIMIT)
    assert counted  # the page content, then the form's content
    with pytest.raises(IngestError) as err:
        check_page_work(pdfs.image_page(_TEXT_OPS, form=True), 1, 10)
    assert err.value.code is IngestCode.TOO_LARGE


def test_small_page_without_forms_is_not_counted(counted: list[int]) -> None:
    check_page_work(pdfs.image_page(_ops(SMALL_CONTENT - 1000)), 1, LIMIT)
    check_page_work(pdfs.text_only_page(_ops(SMALL_CONTENT + 1000)), 1, LIMIT)  # no XObject
    assert counted == []


def test_large_page_without_forms_is_counted(counted: list[int]) -> None:
    check_page_work(pdfs.image_page(_ops(SMALL_CONTENT + 1000)), 1, LIMIT)
    assert counted and counted[0] > SMALL_CONTENT
    with pytest.raises(IngestError) as err:  # 2 * 275 000 operators
        check_page_work(pdfs.image_page(_ops(1_100_000)), 1, LIMIT)
    assert err.value.code is IngestCode.TOO_LARGE


def test_small_content_above_a_low_limit_is_counted() -> None:
    with pytest.raises(IngestError) as err:
        check_page_work(pdfs.image_page(_ops(4000)), 1, 1000)
    assert err.value.code is IngestCode.TOO_LARGE


_TEXT_OPS = b"BT /F1 12 Tf 72 700 Td (Papier) Tj ET"


def test_form_bomb_in_inherited_resources_is_too_large() -> None:
    # The page names no /Resources of its own: it inherits them from its /Pages node.
    with pytest.raises(IngestError) as err:
        check_page_work(pdfs.nested_forms(40, inherited=True), 1, LIMIT)
    assert err.value.code is IngestCode.TOO_LARGE


def test_form_that_draws_itself_is_corrupt() -> None:
    with pytest.raises(IngestError) as err:
        check_page_work(pdfs.self_drawing_form(), 1, LIMIT)
    assert err.value.code is IngestCode.CORRUPT


def test_content_decoding_beyond_the_cap_is_left_to_pdfium(
    monkeypatch: pytest.MonkeyPatch, counted: list[int]
) -> None:
    monkeypatch.setattr(pdf_graph, "MAX_DECODED", 1_000_000)
    # A compressed page content of 2 MB of spaces: counting it would cost time for nothing.
    check_page_work(pdfs.image_page(b" " * 2_000_000, compress=True), 1, LIMIT)
    assert counted == []
    check_page_work(pdfs.image_page(b" " * 500_000, compress=True), 1, LIMIT)
    assert counted == [500_000 + len(b"\n/Im Do")]
