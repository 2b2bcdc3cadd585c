"""What a tender buys: subjects from CPV codes where the text has them, else from vocabulary.

The vocabulary counts where it stands: a line that names the purchasing object ("Gegenstand
der Ausschreibung: …", "Vergabeverfahren: …") counts most, headings and the document title
more than running text, where words are often incidental ("wie bei der Reinigung üblich").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from lbcheck.criteria.lexicon import pattern
from lbcheck.criteria.subjects import combine, subject_table
from lbcheck.models import BlockKind, Sentence

_CPV = regex.compile(r"\b(\d{8})-\d\b")
_OBJECT = pattern("object-line")
_WEIGHT_OBJECT, _WEIGHT_HEADING, _WEIGHT_BODY = 5, 3, 1
_MIN_SCORE = 4
_MIN_SHARE = 0.18
_SECOND = 0.4
# Evidence below this (without a CPV code or an object line) leaves the subject uncertain.
_CERTAIN = 12


@dataclass(frozen=True, slots=True)
class Subjects:
    """The subjects found, and whether the evidence is strong enough to switch sets off."""

    names: tuple[str, ...]
    certain: bool


def subjects_from_cpv(text: str) -> list[str]:
    prefixes = [(p, s.name) for s in subject_table().subjects for p in s.cpv]
    found: list[str] = []
    for code in _CPV.findall(text):
        best = max(
            ((p, s) for p, s in prefixes if code.startswith(p)),
            key=lambda ps: len(ps[0]),
            default=None,
        )
        if best and best[1] not in found:
            found.append(best[1])
    return found


def _weight(s: Sentence) -> int:
    if _OBJECT.search(s.view):
        return _WEIGHT_OBJECT
    if s.kind is BlockKind.HEADING:
        return _WEIGHT_HEADING
    return _WEIGHT_BODY


@dataclass(frozen=True, slots=True)
class VocabularyScores:
    """Weighted vocabulary hits per subject; the subjects named in a title, heading or object
    line; and whether an object line named any."""

    scores: Counter[str]
    anchored: frozenset[str]
    on_object: bool


class VocabularyCounter:
    """Vocabulary hits per subject in one Aho-Corasick pass per text.

    The counts are those of ``sum(text.count(" " + w) for w in vocabulary)``: occurrences of
    one word do not overlap (counted leftmost first, like ``str.count``), a word listed twice
    counts twice, and a word that starts another word counts inside it too.
    """

    def __init__(self, vocabularies: Sequence[Sequence[str]]) -> None:
        import ahocorasick

        owners: dict[str, Counter[int]] = defaultdict(Counter)
        for index, vocabulary in enumerate(vocabularies):
            for word in vocabulary:
                owners[" " + word][index] += 1
        self.size = len(vocabularies)
        self._automaton: Any = ahocorasick.Automaton()
        for key, counts in owners.items():
            self._automaton.add_word(key, (len(key) - 1, key, tuple(counts.items())))
        if owners:
            self._automaton.make_automaton()

    def counts(self, text: str) -> list[int]:
        """Hits per vocabulary (in the order given) in ``text``."""
        hits = [0] * self.size
        if not len(self._automaton):
            return hits
        # End of the last counted occurrence per word: a later one must start after it.
        last_end: dict[str, int] = {}
        for end, (back, key, owners) in self._automaton.iter(text):
            if end - back <= last_end.get(key, -1):
                continue
            last_end[key] = end
            for index, times in owners:
                hits[index] += times
        return hits


@cache
def _subject_counter() -> VocabularyCounter:
    return VocabularyCounter([s.vocabulary for s in subject_table().subjects])


def vocabulary_scores(sentences: Sequence[Sentence], title: str = "") -> VocabularyScores:
    """Weighted vocabulary hits per subject, and where they stand."""
    names = [s.name for s in subject_table().subjects]
    counter = _subject_counter()
    totals = [0] * len(names)
    anchored: set[str] = set()
    on_object = False
    title_view = " " + title.lower().replace("_", " ").replace("-", " ") + " "
    views: list[tuple[str, Sentence | None]] = [(s.lemmas, s) for s in sentences]
    views.append((title_view, None))
    for lemmas, sentence in views:
        hits = counter.counts(lemmas)
        if not any(hits):
            continue
        # Weighing (a regex search) only where the vocabulary occurs.
        weight = _WEIGHT_HEADING if sentence is None else _weight(sentence)
        on_object = on_object or weight == _WEIGHT_OBJECT
        for index, n in enumerate(hits):
            if n:
                totals[index] += n * weight
                if weight > _WEIGHT_BODY:
                    anchored.add(names[index])
    # Subjects in table order, as before: ``most_common`` breaks ties by insertion order.
    scores = Counter[str]({name: n for name, n in zip(names, totals, strict=True) if n})
    return VocabularyScores(scores, frozenset(anchored), on_object)


def detect_subjects(sentences: Sequence[Sentence], title: str = "") -> Subjects:
    """Subjects sorted by name: CPV codes first, else the one or two strongest vocabularies."""
    cpv = subjects_from_cpv("\n".join(s.view for s in sentences))
    if cpv:
        return Subjects(tuple(sorted(cpv)), True)
    found = vocabulary_scores(sentences, title)
    scores = found.scores
    total = sum(scores.values())
    if total < _MIN_SCORE:
        return Subjects(("sonstiges",), False)
    ranked = scores.most_common(2)
    top = ranked[0][1]
    chosen = [s for s, n in ranked[:1] if n >= _MIN_SCORE and n / total >= _MIN_SHARE]
    # A second subject needs to be named where the purchase is described (title, heading,
    # object line), to be one usually bought with the first, or to carry strong evidence of its
    # own: a platform that lists "Events" does not buy an event, a standard form that mentions
    # "Bauleistung" does not buy a building.
    chosen += [
        s
        for s, n in ranked[1:]
        if chosen
        and n / total >= _MIN_SHARE
        and (
            (n >= _SECOND * top and (s in found.anchored or combine(chosen[0], s))) or n >= _CERTAIN
        )
    ]
    if not chosen:
        return Subjects(("sonstiges",), False)
    return Subjects(tuple(sorted(chosen)), found.on_object or top >= _CERTAIN)
