"""Where in a tender a sentence stands: Leistungsbeschreibung, Eignung, Zuschlag or
Ausführungsbedingung (the four places of VergStatVO and eForms-DE BT-DEX-02), read from the
heading path, innermost heading first."""

from __future__ import annotations

from functools import lru_cache

import regex

from lbcheck.criteria.lexicon import pattern
from lbcheck.models import Place

_HEADING_RULES: tuple[tuple[regex.Pattern[str], Place], ...] = (
    (pattern("place-zuschlag"), Place.ZUSCHLAG),
    (pattern("place-eignung"), Place.EIGNUNG),
    (pattern("place-ausfuehrung"), Place.AUSFUEHRUNG),
)
# Headings that close an award or contract section: minimum requirements, annexes, the
# specification itself.
_LEISTUNG_HEADING = pattern("place-leistung")
_SENTENCE_AWARD = pattern("award-sentence")


def announces_award(sentence: str) -> bool:
    """The sentence itself says it is used in the award ("fließt in die Wertung ein")."""
    return bool(_SENTENCE_AWARD.search(sentence))


def place_of(section: tuple[str, ...], sentence: str = "") -> Place:
    """The place of a sentence with this heading path (innermost matching heading wins)."""
    if sentence and _SENTENCE_AWARD.search(sentence):
        return Place.ZUSCHLAG
    return _section_place(section)


@lru_cache(maxsize=4096)
def _section_place(section: tuple[str, ...]) -> Place:
    # A document repeats the same heading path for all its sentences.
    for heading in reversed(section):
        places = {place for rx, place in _HEADING_RULES if rx.search(heading)}
        closes = bool(_LEISTUNG_HEADING.search(heading))
        # A heading naming several places ("Mindestanforderungen, Zuschlagskriterien und
        # Wertungsmatrix") decides nothing; "Mindestanforderungen", "Anlagen" close a section.
        if len(places) == 1 and not closes:
            return places.pop()
        if closes and not places:
            return Place.LEISTUNG
    return Place.LEISTUNG


def forget_places() -> None:
    """Drop the remembered heading paths (see :mod:`lbcheck.learnt`)."""
    _section_place.cache_clear()
