"""Sentence modality: binding, weak, ambiguous, statement, negated."""

from __future__ import annotations

import pytest

from lbcheck.engine.modality import classify, is_scored
from lbcheck.models import Modality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kopierpapier muss zu 100 % aus Altpapier bestehen.", Modality.BINDING),
        ("Der Auftragnehmer hat die Kartuschen zurückzunehmen.", Modality.BINDING),
        ("Die Kartons sind bei der nächsten Anlieferung zurückzunehmen.", Modality.BINDING),
        (
            "Der Auftragnehmer verpflichtet sich, nur fair gehandelten Kaffee zu liefern.",
            Modality.BINDING,
        ),
        ("Einweggeschirr darf nicht eingesetzt werden.", Modality.BINDING),
        ("Geräte mit halogenierten Kältemitteln sind nicht zugelassen.", Modality.BINDING),
        ("Die Lieferung sollte möglichst in Mehrwegbehältern erfolgen.", Modality.WEAK),
        ("Der Einsatz regionaler Produkte wird begrüßt.", Modality.WEAK),
        ("Mineralölfreie Druckfarben sind wünschenswert.", Modality.WEAK),
        ("Die Website soll barrierefrei sein.", Modality.AMBIGUOUS),
        ("Ein Umweltmanagementsystem wird nicht gefordert.", Modality.NEGATED),
        ("Eine Wertung von Umweltaspekten findet nicht statt.", Modality.NEGATED),
        ("Eine gesonderte Wertung von Lebenszykluskosten erfolgt nicht.", Modality.NEGATED),
        ("Der Auftragnehmer legt jährlich einen Bericht vor.", Modality.BINDING),
        ("Ausgediente Bekleidung nimmt die Anbieterin kostenlos zurück.", Modality.BINDING),
        ("Die Lieferung erfolgt in Kartons.", Modality.STATEMENT),
        # An effort, a preference, a question and an optional position require no result.
        (
            "Der AN verpflichtet sich, durch sorgfältige Auswahl darauf hinzuwirken, dass die "
            "Kernarbeitsnormen eingehalten werden.",
            Modality.WEAK,
        ),
        ("Papier ist vorrangig aus Altpapier herzustellen.", Modality.WEAK),
        ("2. Priorität: Verwertung über den Baustoffhandel.", Modality.WEAK),
        ("Bitte geben Sie daher an, ob Sie ein Umweltmanagementsystem betreiben.", Modality.WEAK),
        (
            "Bedarfsposition: Füllboden RC-Material, Ziegelanteil darf nur 30 % betragen.",
            Modality.WEAK,
        ),
        # A rule set made part of the contract binds; a plain "gilt" does not say so.
        ("Ergänzend gilt die Einhaltung der Regelungen des LTMG.", Modality.BINDING),
        ("Es gilt deutsches Recht.", Modality.STATEMENT),
        ("Ein Umweltmanagementsystem nach EMAS ist nicht nachzuweisen.", Modality.NEGATED),
        ("Einweggeschirr ist nicht einzusetzen.", Modality.BINDING),
        ("Diese Regeln finden keine Anwendung.", Modality.NEGATED),
        ("Es ist ein Präsent im Wert von ca. 15 Euro je Stück vorzusehen.", Modality.BINDING),
        ("Der Anteil von 25,5 % ist einzuhalten.", Modality.BINDING),
        ("Modul B – Soll-Konzept für den Einsatz des Personals.", Modality.STATEMENT),
        ("Die Lieferung erfolgt gebündelt, um Verpackungsmaterial zu sparen.", Modality.STATEMENT),
        (
            "Das IfL hat den Auftrag, Wissen für nachhaltige Entwicklung bereitzustellen.",
            Modality.STATEMENT,
        ),
    ],
)
def test_classify(text: str, expected: Modality) -> None:
    assert classify(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je höher der Rezyklatanteil, desto mehr Punkte.", True),
        ("ab 20 % 4 Punkte, ab 40 % 7 Punkte", True),
        ("Gewichtung: Preis 60 %, Qualität 40 %", True),
        ("Der Rezyklatanteil ist anzugeben.", False),
    ],
)
def test_scored(text: str, expected: bool) -> None:
    assert is_scored(text) is expected
