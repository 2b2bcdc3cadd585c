"""Build examples/lb_reinigung.docx, a fictional cleaning-services specification.

Run once after editing: ``python examples/make_docx_example.py``. The DOCX is committed so
that the README's first command works without this step.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

OUT = Path(__file__).with_name("lb_reinigung.docx")


def build() -> None:
    doc = Document()
    doc.sections[0].header.paragraphs[
        0
    ].text = "Stadt Musterhausen – Leistungsbeschreibung Unterhaltsreinigung"
    doc.sections[0].footer.paragraphs[0].text = "Vergabenummer 2027-014"
    doc.add_heading("Leistungsbeschreibung Unterhaltsreinigung Rathaus und Bürgerbüros", 0)
    doc.add_paragraph(
        "CPV 90911200-8 Gebäudereinigung. Laufzeit 1. Januar 2027 bis 31. Dezember 2029."
    )
    doc.add_heading("1 Gegenstand", 1)
    doc.add_paragraph(
        "Gegenstand ist die Unterhaltsreinigung von 8.400 m² Büro-, Verkehrs- und Sanitärflächen "
        "in drei Gebäuden der Stadtverwaltung."
    )
    doc.add_heading("2 Reinigungsmittel und Verbrauchsmaterial", 1)
    doc.add_paragraph(
        "Eingesetzte Allzweck-, Glas- und Sanitärreiniger müssen das EU Ecolabel oder das "
        "Umweltzeichen Blauer Engel (DE-UZ 194) oder ein gleichwertiges Typ-I-Umweltzeichen tragen."
    )
    doc.add_paragraph("Chlorabspaltende Reiniger und Duftsteine dürfen nicht eingesetzt werden.")
    doc.add_paragraph("Die Reinigungsmittel sind über Dosiersysteme zu dosieren.")
    doc.add_paragraph(
        "Papierhandtücher und Toilettenpapier sollten möglichst aus Recyclingpapier bestehen."
    )
    doc.add_heading("3 Personal", 1)
    doc.add_paragraph(
        "Der Auftragnehmer verpflichtet sich, seinen Beschäftigten mindestens das Mindestentgelt "
        "nach dem Tarifvertrag für die Gebäudereinigung zu zahlen."
    )
    doc.add_paragraph(
        "Das Reinigungspersonal ist vor Beginn und danach jährlich zum umweltgerechten Dosieren "
        "und zur Abfalltrennung zu schulen."
    )
    doc.add_heading("4 Abfall", 1)
    doc.add_paragraph(
        "Die Abfälle sind in den Büros getrennt nach Papier, Leichtverpackungen und "
        "Restabfall zu sammeln."
    )
    doc.add_heading("5 Eignung", 1)
    doc.add_paragraph(
        "Der Bieter muss Inhaber des RAL-Gütezeichens Gebäudereinigung (RAL-GZ 902) sein."
    )
    doc.add_heading("6 Zuschlagskriterien", 1)
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("Kriterium", "Gewichtung", "Bewertung"),
            ("Preis", "70 %", "günstigstes Angebot 70 Punkte, übrige anteilig"),
            ("Reinigungskonzept", "30 %", "0 bis 30 Punkte nach Bewertungsbogen"),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph(
        "Darüber hinaus fließt die Umweltverträglichkeit der Reinigungsverfahren "
        "in die Wertung ein."
    )
    doc.save(OUT)


if __name__ == "__main__":
    build()
