"""The lead-in test on a paragraph's last character says what the former regex said."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lbcheck.engine.segments import _ends_as_lead_in

# The former test: ends with ":" or without a sentence end, trailing whitespace allowed.
_FORMER = regex.compile(r"(?::|[^.!?;])\s*$")
_ALPHABET = "ab .!?;:,\n\t\u00a0\u2028\x1f"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=8) | st.text(max_size=8))
@example("Wünschenswert sind:")
@example("Die Lieferung erfolgt frei Haus.")
@example("")
def test_lead_in_equals_former_regex(text: str) -> None:
    assert _ends_as_lead_in(text) == bool(_FORMER.search(text))
