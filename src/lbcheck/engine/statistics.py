"""The classification the procurement statistics ask of every buyer: which kinds of criteria
(umweltbezogen / sozial) stand at which place of the tender (VergStatVO; eForms-DE BT-DEX-02),
and the eForms fields that follow from the criteria found (BT-06, BT-774, BT-775, BT-805,
BT-754)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lbcheck.models import CriterionResult, EformsHint, Place, Status

_PRESENT = (Status.MET, Status.WEAK)
# eForms field and reason for each relevance code a criterion may carry (``eforms:`` in YAML).
_EFORMS: dict[str, tuple[str, str]] = {
    "circ-econ": ("BT-774", "Kriterien der Kreislaufwirtschaft."),
    "clim-mitig": ("BT-774", "Energieeffizienz, Lebenszykluskosten oder saubere Fahrzeuge."),
    "pollu-prev": ("BT-774", "Begrenzung von Schadstoffen."),
    "work-cond": ("BT-775", "Faire Arbeitsbedingungen (Mindestlohn, ILO-Kernarbeitsnormen)."),
    "hum-right": ("BT-775", "Menschenrechtliche Sorgfalt in der Lieferkette."),
    "national": (
        "BT-805",
        "Umweltzeichen bzw. nationale Kriterien (z. B. Blauer Engel) werden genutzt.",
    ),
    "inc": ("BT-754", "Kriterien der Barrierefreiheit sind enthalten."),
}


def placement(criteria: Sequence[CriterionResult]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each place of the tender, the dimensions of the criteria standing there."""
    by_place: dict[str, set[str]] = {p.value: set() for p in Place}
    for c in criteria:
        if c.status not in _PRESENT:
            continue
        for e in c.evidence:
            by_place[e.place.value].add(c.dimension)
    return tuple((p, tuple(sorted(d))) for p, d in by_place.items())


def eforms_hints(
    criteria: Sequence[CriterionResult], relevance: Mapping[str, Sequence[str]]
) -> tuple[EformsHint, ...]:
    """eForms fields to set, derived from the criteria the tender addresses and the eForms
    relevance each criterion declares."""
    present = [c for c in criteria if c.status in _PRESENT]
    dims = {c.dimension for c in present}
    hints: list[EformsHint] = []
    if "umwelt" in dims:
        hints.append(EformsHint("BT-06", "env-imp", "Umweltbezogene Kriterien sind enthalten."))
    if "sozial" in dims:
        hints.append(EformsHint("BT-06", "soc-obj", "Soziale Kriterien sind enthalten."))
    codes = {code for c in present for code in relevance.get(c.code, ())}
    hints += [EformsHint(f, code, why) for code, (f, why) in _EFORMS.items() if code in codes]
    if present:
        hints.append(EformsHint("BT-777", "text", "Die strategische Beschaffung kurz beschreiben."))
    return tuple(hints)
