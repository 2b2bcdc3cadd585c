"""``classify`` and ``is_scored`` behind the literal filter decide exactly as trying every
pattern in turn."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lbcheck.criteria.lexicon import lexicon, pattern
from lbcheck.engine import modality
from lbcheck.engine.modality import classify, is_scored
from lbcheck.ingest.normalize import clean
from lbcheck.models import Modality
from tests.conftest import corpus_or_skip


def _classify_before(text: str) -> Modality:
    """The order of tests before the filter, every pattern tried."""
    if pattern("optional-item").search(text):
        return Modality.WEAK
    if pattern("prohibition").search(text) or pattern("prohibition-zu").search(text):
        return Modality.BINDING
    if pattern("negation").search(text):
        return Modality.NEGATED
    if pattern("weak").search(text) or pattern("effort").search(text):
        return Modality.WEAK
    if pattern("binding").search(pattern("purpose").sub(" ", text)):
        return Modality.BINDING
    if pattern("ambiguous").search(text):
        return Modality.AMBIGUOUS
    if pattern("duty-subject").search(text) or pattern("applies").search(text):
        return Modality.BINDING
    return Modality.STATEMENT


def _lexicon_examples() -> list[str]:
    return [
        text
        for entry in lexicon().entries
        for text in (*entry.examples.match, *entry.examples.no_match)
    ]


def test_filter_covers_every_entry_it_guards() -> None:
    f = modality._literal_filter()
    assert set(f.guarded) | set(f.free) == set(modality._FILTERED)
    assert "weak" in f.guarded and "weak" in f.free  # split: "..., ob" has no literal


def _same(text: str) -> None:
    assert classify(text) == _classify_before(text)
    assert is_scored(text) == bool(pattern("scored").search(text))


@pytest.mark.parametrize("text", _lexicon_examples())
def test_lexicon_examples_classify_as_before(text: str) -> None:
    _same(text)
    _same(text.upper())


# Words of the lexicon's examples, shuffled into new sentences: near misses and mixtures.
_WORDS = sorted({w for text in _lexicon_examples() for w in text.split()})


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
@example(["İn", "der", "Regel", "muss", "geliefert", "werden."])  # "İ".lower() is longer
@example(["Um", "Abfall", "zu", "vermeiden,", "muss", "geliefert", "werden."])
def test_word_mixtures_classify_as_before(words: list[str]) -> None:
    _same(" ".join(words))


def test_length_changing_lower_case_tests_every_pattern() -> None:
    assert classify("Die Lieferung muss erfolgen (İstanbul).") is Modality.BINDING


def test_corpus_sentences_classify_as_before() -> None:
    lines = [
        clean(line)
        for sub in ("real", "synthetic")
        for path in sorted(corpus_or_skip(sub).iterdir())
        if path.suffix in {".txt", ".md"}
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines = [line for line in lines if line]
    assert len(lines) > 300
    assert [classify(t) for t in lines] == [_classify_before(t) for t in lines]
    assert [is_scored(t) for t in lines] == [bool(pattern("scored").search(t)) for t in lines]
