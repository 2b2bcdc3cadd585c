"""The place of a sentence in the tender, from its heading path."""

from __future__ import annotations

import pytest

from lbcheck.engine.places import place_of
from lbcheck.models import Place


@pytest.mark.parametrize(
    ("section", "sentence", "expected"),
    [
        (("3 Leistungsumfang", "3.2 Papier"), "", Place.LEISTUNG),
        (("9 Zuschlagskriterien",), "", Place.ZUSCHLAG),
        (("B Angebotswertung",), "", Place.ZUSCHLAG),
        (("4 Rücknahme und Verwertung der Leerkartuschen",), "", Place.LEISTUNG),
        (("2 Eignung", "2.3 Technische Leistungsfähigkeit"), "", Place.EIGNUNG),
        (("7 Besondere Vertragsbedingungen",), "", Place.AUSFUEHRUNG),
        (("7 Vertragsbedingungen", "7.4 Zuschlagskriterien"), "", Place.ZUSCHLAG),
        (("3 Leistung",), "Der Rezyklatanteil fließt in die Wertung ein.", Place.ZUSCHLAG),
        (
            (
                "Teil C Mindestanforderungen, Zuschlagskriterien und Wertungsmatrix",
                "C.2 Mindestanforderungen",
            ),
            "",
            Place.LEISTUNG,
        ),
        (
            (
                "Teil C Mindestanforderungen, Zuschlagskriterien und Wertungsmatrix",
                "C.3 Wertungsmatrix",
            ),
            "",
            Place.ZUSCHLAG,
        ),
        (("6 Muster und Zuschlag", "6.4 Anlagen"), "", Place.LEISTUNG),
    ],
)
def test_place_of(section: tuple[str, ...], sentence: str, expected: Place) -> None:
    assert place_of(section, sentence) is expected
