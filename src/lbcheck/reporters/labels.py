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
