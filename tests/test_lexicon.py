"""The German lexicon is data: every entry's examples run as tests, and the engine uses it."""

from __future__ import annotations

import pytest

from lbcheck.criteria.lexicon import lexicon, pattern
from lbcheck.ingest.characters import fold

_CASES = [
    (entry.name, text, should)
    for entry in lexicon().entries
    for should, texts in ((True, entry.examples.match), (False, entry.examples.no_match))
    for text in texts
]


@pytest.mark.parametrize(("name", "text", "should"), _CASES)
def test_lexicon_examples(name: str, text: str, should: bool) -> None:
    found = pattern(name).search(fold(text)) is not None
    assert found is should, f"{name}: {'should' if should else 'should not'} match {text!r}"


def test_names_are_unique_and_every_entry_has_examples() -> None:
    names = [e.name for e in lexicon().entries]
    assert len(names) == len(set(names))
    assert all(e.examples.match for e in lexicon().entries)


def test_unknown_entry_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match=r"lexicon\.yaml"):
        pattern("gibt-es-nicht")
