"""What a tender buys: subjects from CPV codes where the text has them, else from vocabulary.

The vocabulary counts where it stands: a line that names the purchasing object ("Gegenstand
der Ausschreibung: …", "Vergabeverfahren: …") counts most, headings and the document title
more than running text, where words are often incidental ("wie bei der Reinigung üblich").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


def vocabulary_scores(sentences: Sequence[Sentence], title: str = "") -> VocabularyScores:
    """Weighted vocabulary hits per subject, and where they stand."""
    scores = Counter[str]()
    anchored: set[str] = set()
    views = [(s.lemmas, _weight(s)) for s in sentences]
    views.append((" " + title.lower().replace("_", " ").replace("-", " ") + " ", _WEIGHT_HEADING))
    for subject in subject_table().subjects:
        for lemmas, weight in views:
            hits = sum(lemmas.count(" " + w) for w in subject.vocabulary)
            if hits:
                scores[subject.name] += hits * weight
                if weight > _WEIGHT_BODY:
                    anchored.add(subject.name)
    on_object = False
    for lemmas, weight in views:
        if weight == _WEIGHT_OBJECT and any(
            " " + w in lemmas for subject in subject_table().subjects for w in subject.vocabulary
        ):
            on_object = True
            break
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
