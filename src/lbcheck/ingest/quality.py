"""Detecting a text layer that is not readable language (broken PDF font encodings)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lbcheck.ingest.normalize import word_set

# Frequent German (and a few English) function words; real prose of any register has many.
_FUNCTION_WORDS = word_set(
    """
    der die das den dem des ein eine einer einen einem eines und oder in im ist sind zu zur zum
    von vom mit für auf an am bei nach aus als auch nicht wird werden wurde kann können muss
    müssen sich es sie er wir ihr ich über unter durch bis je pro nur sowie bzw ggf gem inkl
    ca dass daß wenn so um vor hat haben sein soll sollen alle einschl oder
    the of and to is for on with by be are
    """
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_VOWELS = "aeiouäöüyAEIOUÄÖÜY"
_ODD_CASE = re.compile(r"[a-zäöü][A-ZÄÖÜ]")
_MIN_LETTERS = 300


@dataclass(frozen=True, slots=True)
class TextStats:
    """Figures used to judge a text layer."""

    letters: int
    words: int
    function_share: float
    vowel_share: float
    mean_word_length: float
    odd_case_share: float


def text_stats(text: str) -> TextStats:
    """Count letters, words, function words, vowels and words with odd inner capitals."""
    # Each distinct word is judged once: a 30-page tender has about 8 000 words, 2 000 distinct.
    counts = Counter(_WORD.findall(text))
    if not counts:
        return TextStats(0, 0, 0.0, 0.0, 0.0, 0.0)
    words = letters = function = odd = 0
    for word, n in counts.items():
        words += n
        letters += n * len(word)
        if word.lower() in _FUNCTION_WORDS:
            function += n
        # "QXQJVEUR"-like runs: lower case directly followed by upper case inside a long word.
        if len(word) > 3 and _ODD_CASE.search(word, 1):
            odd += n
    # Every vowel is a letter and every letter is inside a word: counted on the whole text.
    vowels = sum(map(text.count, _VOWELS))
    return TextStats(
        letters=letters,
        words=words,
        function_share=function / words,
        vowel_share=vowels / letters,
        mean_word_length=letters / words,
        odd_case_share=odd / words,
    )


def is_garbled(text: str, stats: TextStats | None = None) -> bool:
    """True when ``text`` is long enough to judge and does not read as natural language.

    Short texts and table-heavy documents (few function words, many numbers) are never
    flagged on the function-word share alone: a second signal (few vowels, very long
    "words" because spaces are missing, or many odd inner capitals) must agree.
    """
    stats = stats or text_stats(text)
    if stats.letters < _MIN_LETTERS:
        return False
    if stats.function_share >= 0.04:
        return False
    signals = (
        stats.vowel_share < 0.22,
        stats.mean_word_length > 11.0,
        stats.odd_case_share > 0.15,
    )
    return sum(signals) >= 1 if stats.function_share < 0.01 else sum(signals) >= 2
