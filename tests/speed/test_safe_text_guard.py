"""The quick path of the control-character filter returns what the full loop returns."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lbcheck.reporters.safe_text import _BIDI, _visible, clean, clean_keeping_lines


def _shown_before(text: str, as_space: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in as_space:
            out.append(" ")
        elif ch in "\n\r":
            out.append(ch)
        elif ch in _BIDI or unicodedata.category(ch) == "Cc":
            out.append(_visible(ch))
        else:
            out.append(ch)
    return "".join(out)


_ALPHABET = "".join(sorted(_BIDI)) + "\x00\x1b\t\n\r\x7f\x85\x9b\u2028ab äß€ \u00a0\u200b"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=20) | st.text(max_size=20))
@example("Recyclingpapier nach Blauer Engel")
@example("\u202eevil\u202c")
def test_clean_equals_former(text: str) -> None:
    assert clean(text) == _shown_before(text, "\t\n\r")
    assert clean_keeping_lines(text) == _shown_before(text, "\t")
