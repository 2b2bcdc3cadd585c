"""Subject detection: the table as data, weighted evidence, uncertainty, procedures."""

from __future__ import annotations

from lbcheck.app.examples import example_document
from lbcheck.criteria.subjects import subject_label, subject_names
from lbcheck.engine.procedure import procedure_key, shared_subjects
from lbcheck.engine.segments import segment
from lbcheck.engine.subject import detect_subjects
from lbcheck.models import DocumentReport


def _detect(text: str, title: str = "") -> tuple[tuple[str, ...], bool]:
    found = detect_subjects(segment(example_document(text)), title)
    return found.names, found.certain


def test_table_is_data_with_german_labels() -> None:
    assert "moebel" in subject_names() and subject_label("moebel") == "Möbel"
    assert subject_label("unbekannt") == "unbekannt"


def test_the_object_line_outweighs_incidental_mentions() -> None:
    text = (
        "Vergabeverfahren: Gestaltung eines digitalen Dossiers\n\n"
        "Die Reinigung der Räume und die Verpflegung bei Terminen sind nicht Teil der Leistung."
    )
    names, certain = _detect(text)
    assert names == ("beratung-kreativ",) and certain


def test_a_form_without_an_object_is_uncertain() -> None:
    names, certain = _detect("Ich/Wir erklären, dass keine Ausschlussgründe vorliegen.")
    assert names == ("sonstiges",) and not certain


def test_whole_word_vocabulary() -> None:
    names, _ = _detect("Gegenstand: Druckerei-Leistungen für Broschüren und Druckerzeugnisse")
    assert "it-hardware" not in names


def test_procedure_key_is_the_number_prefix() -> None:
    assert procedure_key("vergabe/2024-017_Preisblatt.pdf") == ("vergabe", "2024-017")
    assert procedure_key("a/sc_TN076_Eigenerklärung.docx") == ("a", "sc_TN076")
    assert procedure_key("a/h3_01_LB_Moebel.pdf") is None
    assert procedure_key("a/Leistungsbeschreibung.pdf") is None


def test_uncertain_documents_take_their_procedures_subjects() -> None:
    def doc(path: str, subject: tuple[str, ...], certain: bool) -> DocumentReport:
        return DocumentReport(path=path, status="ok", subject=subject, subject_certain=certain)

    reports = [
        doc("v/2024-017_LB.pdf", ("moebel",), True),
        doc("v/2024-017_Formblatt.pdf", ("sonstiges",), False),
        doc("v/2024-018_Formblatt.pdf", ("sonstiges",), False),
        doc("w/2024-017_Formblatt.pdf", ("sonstiges",), False),
    ]
    assert shared_subjects(reports) == {"v/2024-017_Formblatt.pdf": ("moebel",)}


_PLATFORM = (
    "Die Software muss als Webanwendung laufen. Die Anwendung bietet eine Schnittstelle. "
    "Die Datenbank wird gehostet. Das Portal hat ein CMS. Die Software ist zu warten. "
    "Die Anwendung zeigt {extra}."
)


def test_an_incidental_second_subject_needs_a_title_or_heading() -> None:
    """A platform that lists events buys software, not an event."""
    names, _ = _detect(_PLATFORM.format(extra="Events, Veranstaltungen und weitere Events"))
    assert names == ("it-dienstleistung",)
    names, _ = _detect(
        "# Veranstaltung und Anmeldeportal\n\n"
        + _PLATFORM.format(extra="Events, Veranstaltungen und weitere Events")
    )
    assert names == ("it-dienstleistung", "veranstaltung")


def test_subjects_bought_together_need_no_heading() -> None:
    """A website is design and IT: the pair counts from running text."""
    names, _ = _detect(_PLATFORM.format(extra="Design, Gestaltung, Konzept, Grafik und Redaktion"))
    assert names == ("beratung-kreativ", "it-dienstleistung")
