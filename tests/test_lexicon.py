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


def test_one_abbreviation_list_for_line_joining_and_sentence_splitting() -> None:
    """The reader and the sentence splitter once had drifting copies ("Ziff." split sentences)."""
    from lbcheck.ingest.normalize import ends_sentence
    from lbcheck.nlp import split_sentences

    assert "ziff" in lexicon().abbreviations
    assert not ends_sentence("Die Leistung erfolgt nach Ziff.")
    text = "Die Leistung erfolgt nach Ziff. 4 der Anlage. Der Auftragnehmer muss liefern."
    (spans,) = split_sentences([text])
    assert len(spans) == 2
