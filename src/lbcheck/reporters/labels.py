"""German labels for codes shown to buyers."""

from __future__ import annotations

STATUS_DE = {
    "met": "erfüllt",
    "weak": "schwach",
    "missing": "fehlt",
    "not_applicable": "nicht anwendbar",
}
SEVERITY_DE = {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"}
PLACE_DE = {
    "leistungsbeschreibung": "Leistungsbeschreibung",
    "eignung": "Eignung",
    "zuschlag": "Zuschlag",
    "ausfuehrungsbedingung": "Ausführungsbedingung",
}
PLACE_SHORT = {
    "leistungsbeschreibung": "Leistung",
    "eignung": "Eignung",
    "zuschlag": "Zuschlag",
    "ausfuehrungsbedingung": "Ausführung",
}
SET_DE = {
    "ilo": "ILO-Kernarbeitsnormen",
    "kreislauf": "Kreislaufwirtschaft",
    "buero": "Büromaterial",
    "dienstleistungen": "Dienstleistungen",
    "vergaberecht": "Vergaberecht",
}
_SEVERITY_PLURAL_DE = {"error": "Fehler", "warning": "Warnungen", "info": "Hinweise"}


def severity_count(n: int, severity: str) -> str:
    """``1 Warnung``, ``2 Warnungen``, ``0 Fehler``."""
    return f"{n} {SEVERITY_DE[severity] if n == 1 else _SEVERITY_PLURAL_DE[severity]}"
