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
