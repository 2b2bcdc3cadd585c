"""What goes into the margin, read from a report: each note stands alone with its advice."""

from __future__ import annotations

from lbcheck.annotate.notes import notes_for
from tests.reporters.sample import document


def test_each_sentence_note_has_rule_warum_and_besser_so() -> None:
    notes = notes_for(document())
    assert [(n.excerpt, n.codes) for n in notes.sentences] == [
        ("Es sind Stabilo-Marker zu liefern.", "VR-01+VR-06"),
        ("Umweltfreundlich verpacken.", "VR-06"),
        ("Umschläge sollten aus Recyclingpapier sein.", "BUE-02"),
    ]
    marker, packing, weak = notes.sentences
    assert marker.severity == "error" and packing.severity == "warning"
    assert marker.lines == (
        "VR-01 Produktvorgabe [Fehler]: Meldung VR-01",
        "Warum: Weil es zählt. (§ 1 VgV)",
        "Besser so: Der Auftragnehmer muss X.",
        "VR-06 Unbestimmt [Warnung]: Meldung VR-06",
        "Warum: Weil es zählt. (§ 1 VgV)",
        "Besser so: Der Auftragnehmer muss X.",
    )
    # A comment is read where it is: the second VR-06 sentence repeats the advice in full.
    assert packing.lines == marker.lines[3:]
    assert weak.lines == (
        "BUE-02 Titel BUE-02: schwach, nur als Wunsch formuliert, nicht verbindlich",
        "Warum: Weil es zählt. (§ 1 VgV)",
        "Besser so: Textbaustein BUE-02.",
        "Nachweis: Eigenerklärung",
    )


def test_title_note_has_the_verdict_and_every_missing_textbaustein() -> None:
    assert notes_for(document()).title == (
        "lbcheck – Fazit: 1 Stelle ändern, 2 Kriterien ergänzen, 2 Formulierungen schärfen.",
        "2 Kriterien fehlen; Textbausteine zum Einfügen:",
        "BUE-04 Titel BUE-04 [Warnung]",
        "Textbaustein: Textbaustein BUE-04.",
        "Nachweis: Eigenerklärung",
        "BUE-05 Titel BUE-05 [Warnung]",
        "Textbaustein: Textbaustein BUE-05.",
        "Nachweis: Eigenerklärung",
    )
