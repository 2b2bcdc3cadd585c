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
# VergStatVO asks for environmental, social and innovative aspects by these words.
DIMENSION_DE = {
    "umwelt": "umweltbezogen",
    "sozial": "sozial",
    "innovation": "innovativ",
    "recht": "vergaberechtlich",
    "umwelt-sozial": "umweltbezogen und sozial",
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


# eForms fields and codes as the German eForms-DE documentation names them.
EFORMS_FIELD_DE = {
    "BT-06": "Strategische Beschaffung",
    "BT-774": "Umweltauswirkung",
    "BT-775": "Soziales Ziel",
    "BT-805": "Kriterien für umweltfreundliche Beschaffung",
    "BT-754": "Barrierefreiheit",
    "BT-777": "Beschreibung der strategischen Beschaffung",
}
EFORMS_CODE_DE = {
    "env-imp": "Verringerung der Umweltauswirkungen",
    "soc-obj": "Verfolgung sozialer Ziele",
    "circ-econ": "Übergang zu einer Kreislaufwirtschaft",
    "clim-mitig": "Klimaschutz",
    "pollu-prev": "Vermeidung und Verminderung der Umweltverschmutzung",
    "work-cond": "Arbeitsbedingungen",
    "hum-right": "Menschenrechte",
    "national": "nationale Kriterien für umweltfreundliche Beschaffung",
    "inc": "Kriterien der Barrierefreiheit berücksichtigt",
    "text": "Freitext",
}


def eforms_label(field: str, code: str) -> str:
    """``BT-774 Umweltauswirkung = circ-econ (Übergang zu einer Kreislaufwirtschaft)``."""
    from lbcheck.i18n import label

    name = label("eforms_field", field, EFORMS_FIELD_DE) if field in EFORMS_FIELD_DE else ""
    meaning = label("eforms_code", code, EFORMS_CODE_DE) if code in EFORMS_CODE_DE else ""
    head = f"{field} {name}".strip()
    return f"{head} = {code} ({meaning})" if meaning else f"{head} = {code}"


def subjects_text(subjects: tuple[str, ...], certain: bool) -> str:
    """``Möbel`` or ``Sonstiges (unsicher: …)``: the subjects in German, with a warning."""
    from lbcheck.criteria.subjects import subject_label
    from lbcheck.i18n import tr

    text = ", ".join(subject_label(s) for s in subjects)
    if not certain:
        text += tr(" (unsicher: der Text sagt wenig über den Gegenstand; Sets prüfen)")
    return text
