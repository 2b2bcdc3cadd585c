"""German number agreement for the few nouns the reports count."""

from __future__ import annotations

_PLURAL = {
    "Stelle": "Stellen",
    "Kriterium": "Kriterien",
    "Formulierung": "Formulierungen",
    "Fehler": "Fehler",
    "Warnung": "Warnungen",
    "Hinweis": "Hinweise",
    "Befund": "Befunde",
    "Dokument": "Dokumente",
    "Fundstelle": "Fundstellen",
    "Seite": "Seiten",
    "fehlendes Kriterium": "fehlende Kriterien",
    "nicht lesbare Datei": "nicht lesbare Dateien",
    "Kommentar": "Kommentare",
    "Datei": "Dateien",
    "Annotation": "Annotationen",
}


def plural(n: int, singular: str) -> str:
    """The noun in the number ``n`` asks for (``0 Kriterien``, ``1 Kriterium``)."""
    return singular if n == 1 else _PLURAL[singular]


def counted(n: int, singular: str) -> str:
    """``n`` followed by the noun in the right number."""
    return f"{n} {plural(n, singular)}"
