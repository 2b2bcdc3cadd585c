"""PDFium is reopened every few pages: the text read is the same as in one go."""

from __future__ import annotations

import pytest

from lbcheck.ingest import pdf
from tests.ingest.pdf_factory import build_pdf, text_page


def test_reopening_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [
        text_page([f"Abschnitt {n}: Der Auftragnehmer liefert Recyclingpapier.", "Weiter so."])
        for n in range(7)
    ]
    data = build_pdf(pages)
    whole = pdf.read_pdf(data)
    monkeypatch.setattr(pdf, "REOPEN_EVERY", 2)
    opened: list[int] = []
    original = pdf._open

    def counting(raw: bytes) -> object:
        opened.append(1)
        return original(raw)

    monkeypatch.setattr(pdf, "_open", counting)
    chunked = pdf.read_pdf(data)
    assert len(opened) == 4  # pages 0-1, 2-3, 4-5, 6
    assert chunked == whole
    assert chunked.pages == 7


def test_empty_last_line_before_a_page_break_is_no_continuation() -> None:
    """Real pages end with lines that clean to nothing; that was an IndexError (18 of 150
    benchmark documents built from corpus pages failed as internal errors)."""
    from lbcheck.ingest.pdf_layout import _continues
    from lbcheck.ingest.pdf_lines import Line, Para

    prev = Para([Line("Der Auftragnehmer liefert", 72, 300, 100, 10), Line("", 72, 72, 88, 10)])
    nxt = Para([Line("weiter im Text", 72, 200, 760, 10)])
    assert _continues(prev, nxt, "weiter im Text") is False
