"""The classification the procurement statistics ask of every buyer: which kinds of criteria
(umweltbezogen / sozial) stand at which place of the tender (VergStatVO; eForms-DE BT-DEX-02),
and the eForms fields that follow from the criteria found (BT-06, BT-774, BT-775, BT-805,
BT-754)."""

from __future__ import annotations

from collections.abc import Sequence

from lbcheck.models import CriterionResult, EformsHint, Place, Status

_PRESENT = (Status.MET, Status.WEAK)
_CIRCULAR = {f"KRW-0{i}" for i in range(1, 8)} | {"BUE-01", "BUE-02", "BUE-03", "BUE-04", "BUE-05"}
_CLIMATE = {"KRW-08", "KRW-10", "DL-05", "DL-08"}
_POLLUTION = {"KRW-09", "DL-03"}
_WORK = {"DL-02", "ILO-01", "ILO-05"}
_HUMAN_RIGHTS = {"ILO-01", "ILO-02", "ILO-03", "ILO-04"}
_LABELS = {"BUE-07", "BUE-01", "BUE-06", "DL-03"}


def placement(criteria: Sequence[CriterionResult]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each place of the tender, the dimensions of the criteria standing there."""
    by_place: dict[str, set[str]] = {p.value: set() for p in Place}
    for c in criteria:
        if c.status not in _PRESENT:
            continue
        for e in c.evidence:
            by_place[e.place.value].add(c.dimension)
    return tuple((p, tuple(sorted(d))) for p, d in by_place.items())


def eforms_hints(criteria: Sequence[CriterionResult]) -> tuple[EformsHint, ...]:
    """eForms fields to set, derived from the criteria the tender addresses."""
    present = {c.code for c in criteria if c.status in _PRESENT}
    dims = {c.dimension for c in criteria if c.status in _PRESENT}
    hints: list[EformsHint] = []
    if "umwelt" in dims:
        hints.append(EformsHint("BT-06", "env-imp", "Umweltbezogene Kriterien sind enthalten."))
    if "sozial" in dims:
        hints.append(EformsHint("BT-06", "soc-obj", "Soziale Kriterien sind enthalten."))
    if present & _CIRCULAR:
        hints.append(EformsHint("BT-774", "circ-econ", "Kriterien der Kreislaufwirtschaft."))
    if present & _CLIMATE:
        hints.append(
            EformsHint(
                "BT-774",
                "clim-mitig",
                "Energieeffizienz, Lebenszykluskosten oder saubere Fahrzeuge.",
            )
        )
    if present & _POLLUTION:
        hints.append(EformsHint("BT-774", "pollu-prev", "Begrenzung von Schadstoffen."))
    if present & _WORK:
        hints.append(
            EformsHint(
                "BT-775",
                "work-cond",
                "Faire Arbeitsbedingungen (Mindestlohn, ILO-Kernarbeitsnormen).",
            )
        )
    if present & _HUMAN_RIGHTS:
        hints.append(
            EformsHint("BT-775", "hum-right", "Menschenrechtliche Sorgfalt in der Lieferkette.")
        )
    if present & _LABELS:
        hints.append(
            EformsHint(
                "BT-805",
                "national",
                "Umweltzeichen bzw. nationale Kriterien (z. B. Blauer Engel) werden genutzt.",
            )
        )
    if "DL-10" in present:
        hints.append(EformsHint("BT-754", "inc", "Kriterien der Barrierefreiheit sind enthalten."))
    if present:
        hints.append(EformsHint("BT-777", "text", "Die strategische Beschaffung kurz beschreiben."))
    return tuple(hints)
