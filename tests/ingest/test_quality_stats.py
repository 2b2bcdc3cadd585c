"""text_stats counts each distinct word once: the figures equal a count over every word."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lbcheck.ingest.quality import _FUNCTION_WORDS, TextStats, text_stats

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_VOWEL = re.compile("[aeiouäöüyAEIOUÄÖÜY]")


def _per_word(text: str) -> TextStats:
    """The straightforward count (one look per word occurrence)."""
    words = _WORD.findall(text)
    if not words:
        return TextStats(0, 0, 0.0, 0.0, 0.0, 0.0)
    joined = "".join(words)
    letters = len(joined)
    function = sum(w.lower() in _FUNCTION_WORDS for w in words)
    vowels = len(_VOWEL.findall(joined))
    odd = sum(len(w) > 3 and bool(re.search(r"[a-zäöü][A-ZÄÖÜ]", w[1:])) for w in words)
    return TextStats(
        letters,
        len(words),
        function / len(words),
        vowels / letters,
        letters / len(words),
        odd / len(words),
    )


_PIECES = st.sampled_from(
    ["der", "Die", "UND", "für", "Papier", "aBcD", "xQxQx", "Öl", "ÄöÜ", "y", "ß", "É", "ﬁ",
     "ı", "İ", "K", "é", "_", "1", "3,5", " ", "\n", "-", "·", "é"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60))
def test_distinct_word_counts_equal_per_word_counts(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert text_stats(text) == _per_word(text)


def test_sample_sentence() -> None:
    text = "Der Auftragnehmer liefert Recyclingpapier und der Auftraggeber prüft es. QxQxQx 12"
    stats = text_stats(text)
    assert stats == _per_word(text)
    assert (stats.words, stats.letters) == (10, 69)
