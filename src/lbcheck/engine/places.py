"""Where in a tender a sentence stands: Leistungsbeschreibung, Eignung, Zuschlag or
Ausführungsbedingung (the four places of VergStatVO and eForms-DE BT-DEX-02), read from the
heading path, innermost heading first."""

from __future__ import annotations

import regex

from lbcheck.models import Place

_F = regex.IGNORECASE | regex.UNICODE

_HEADING_RULES: tuple[tuple[regex.Pattern[str], Place], ...] = (
    (
        regex.compile(
            r"\bzuschlag|\b(?:be|angebots|gesamt)?wertung|\bwertungs|\bbewertungs"
            r"|wirtschaftlichste|preis-leistung|leistungspunkte",
            _F,
        ),
        Place.ZUSCHLAG,
    ),
    (
        regex.compile(
            r"eignung|teilnahmebedingung|teilnahmeantrag|ausschlussgr[üu]nde|leistungsfähigkeit"
            r"|fachkunde|referenzen|qualifikation des bieters",
            _F,
        ),
        Place.EIGNUNG,
    ),
    (
        regex.compile(
            r"ausführungsbedingung|auftragsausführung|ausführung des auftrag|vertragsbedingung"
            r"|vertragsbestimmung|einkaufsbedingung|vertragsstrafe|evb|zvb|\bagb\b|\baeb\b"
            r"|kündigung|vertragslaufzeit|vertragspflichten|pflichten des auftragnehmers"
            r"|soziale kriterien|tariftreue|mindestlohn|kernarbeitsnorm",
            _F,
        ),
        Place.AUSFUEHRUNG,
    ),
)

# Headings that close an award or contract section: minimum requirements, annexes, the
# specification itself.
_LEISTUNG_HEADING = regex.compile(
    r"mindestanforderung|ausschlusskriteri|\banlagen?\b|\banhang|\banhänge|leistungsbeschreibung"
    r"|leistungsumfang|leistungsverzeichnis|technische\s+(?:spezifikation|anforderung)",
    _F,
)

_SENTENCE_AWARD = regex.compile(
    r"\bZuschlagskriteri\w*|\bWertungskriteri\w*|\bin\s+die\s+(?:Angebots)?wertung\b"
    r"|\bfließ(?:t|en)\b[^;]{0,200}?\w*wertung\b|\bwird\b[^.]{0,60}\bgewertet\b"
    r"|\bwerden\b[^.]{0,60}\bgewertet\b|\b(?:bei|in)\s+der\s+(?:Angebots)?wertung\b"
    r"|\bim\s+Rahmen\s+der\s+(?:Angebots)?wertung\b",
    _F,
)


def announces_award(sentence: str) -> bool:
    """The sentence itself says it is used in the award ("fließt in die Wertung ein")."""
    return bool(_SENTENCE_AWARD.search(sentence))


def place_of(section: tuple[str, ...], sentence: str = "") -> Place:
    """The place of a sentence with this heading path (innermost matching heading wins)."""
    if sentence and _SENTENCE_AWARD.search(sentence):
        return Place.ZUSCHLAG
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
