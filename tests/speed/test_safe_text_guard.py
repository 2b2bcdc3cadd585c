"""The quick path of the control-character filter returns what the character loop returns."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lbcheck.reporters.safe_text import _BIDI, _shown_each, clean, clean_keeping_lines

_ALPHABET = "".join(sorted(_BIDI)) + "\x00\x1b\t\n\r\x7f\x85\x9b\u2028ab äß€ \u00a0\u200b"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=20) | st.text(max_size=20))
@example("Recyclingpapier nach Blauer Engel")
@example("\u202eevil\u202c")
def test_clean_equals_former(text: str) -> None:
    assert clean(text) == _shown_each(text, "\t\n\r")
    assert clean_keeping_lines(text) == _shown_each(text, "\t")
