"""PDF: a highlight whose quads cover exactly the sentence's lines, a note on the page otherwise."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from pypdf import PdfReader

from lbcheck.annotate import annotate_bytes
from lbcheck.annotate.notes import Notes
from tests.annotate.helpers import note, same_words
from tests.ingest.pdf_factory import build_pdf, text_page

SENTENCE = (
    "Tonerkartuschen sind als wiederaufbereitete Kartuschen anzubieten und leere Kartuschen "
    "sind kostenfrei zurückzunehmen."
)


def build() -> bytes:
    return build_pdf(
        [
            text_page(["Leistungsbeschreibung Toner", "", "1 Gegenstand", "Lieferung von Toner."]),
            text_page(
                [
                    "2 Anforderungen",
                    "Die Lieferung erfolgt frei Haus. Tonerkartuschen sind als",
                    "wiederaufbereitete Kartuschen anzubieten und leere Kartu-",
                    "schen sind kostenfrei zurückzunehmen. Die Rechnung folgt.",
                ]
            ),
        ]
    )


def annotations(data: bytes) -> list[tuple[int, dict[str, object]]]:
    reader = PdfReader(io.BytesIO(data))
    return [
        (i + 1, dict(a.get_object()))
        for i, page in enumerate(reader.pages)
        for a in page.get("/Annots") or []
    ]


def test_highlight_covers_the_sentence_on_its_page() -> None:
    notes = Notes((note(SENTENCE, "VR-04", page=2),), title=("lbcheck – Fazit", "KRW-05 fehlt"))
    data, placed = annotate_bytes(".pdf", build(), notes)
    assert placed.exact == ["VR-04"] and placed.title
    found = annotations(data)
    highlights = [(p, a) for p, a in found if a["/Subtype"] == "/Highlight"]
    assert len(highlights) == 1
    page_no, highlight = highlights[0]
    assert page_no == 2
    assert "Besser so: anders" in str(highlight["/Contents"])
    assert str(highlight["/T"]) == "lbcheck"
    quads = [float(q) for q in highlight["/QuadPoints"]]  # type: ignore[attr-defined]
    assert len(quads) == 3 * 8  # the sentence runs over three lines
    page = pdfium.PdfDocument(data)[1]
    textpage = page.get_textpage()
    covered = "".join(
        textpage.get_text_bounded(q[4], q[5], q[2], q[1])
        for q in (quads[i : i + 8] for i in range(0, len(quads), 8))
    )
    assert same_words(covered.replace("-\r\n", "").replace("\r\n", " "), SENTENCE)
    notes_on_page_1 = [a for p, a in found if p == 1 and a["/Subtype"] == "/Text"]
    assert "KRW-05 fehlt" in str(notes_on_page_1[0]["/Contents"])


def test_note_on_the_page_when_the_sentence_is_not_found() -> None:
    notes = Notes((note("Dieser Satz steht nicht im Dokument.", "VR-06", page=2),))
    data, placed = annotate_bytes(".pdf", build(), notes)
    assert placed.approximate == ["VR-06"] and not placed.exact
    [(page_no, sticky)] = annotations(data)
    assert page_no == 2 and sticky["/Subtype"] == "/Text"
    assert str(sticky["/Contents"]).startswith("VR-06 Regel [Fehler]")


def test_pages_and_text_unchanged() -> None:
    original = build()
    data, _ = annotate_bytes(".pdf", original, Notes((note(SENTENCE, page=2),)))
    before, after = PdfReader(io.BytesIO(original)), PdfReader(io.BytesIO(data))
    assert len(before.pages) == len(after.pages)
    for a, b in zip(before.pages, after.pages, strict=True):
        assert a.extract_text() == b.extract_text()
        assert a.get_contents().get_data() == b.get_contents().get_data()  # type: ignore[union-attr]


def test_sentence_cut_by_a_page_break_is_highlighted_on_both_pages() -> None:
    footer, header = "Druckdatum: 09.12.22 Seite: 1", "Bauplanungsbüro GmbH – Leistungsverzeichnis"
    pdf = build_pdf(
        [
            text_page(
                [
                    "1 Entwässerung",
                    "Die Rinne ist aus Beton zu liefern. Geeignete",
                    "Wasserhaltung über die gesamte Bauzeit",
                    "",
                    footer,
                ]
            ),
            text_page(
                [
                    header,
                    "",
                    "gemäß DIN EN 1610 inklusive Vorhalten und Räumen.",
                    "Danach folgt ein Satz.",
                ]
            ),
        ]
    )
    sentence = (
        "Geeignete Wasserhaltung über die gesamte Bauzeit gemäß DIN EN 1610 inklusive "
        "Vorhalten und Räumen."
    )
    data, placed = annotate_bytes(".pdf", pdf, Notes((note(sentence, "VR-02", page=1),)))
    assert placed.exact == ["VR-02"] and not placed.approximate
    highlights = [(p, a) for p, a in annotations(data) if a["/Subtype"] == "/Highlight"]
    assert [p for p, _ in highlights] == [1, 2]
    document = pdfium.PdfDocument(data)
    covered = []
    for page_no, highlight in highlights:
        quads = [float(q) for q in highlight["/QuadPoints"]]  # type: ignore[attr-defined]
        textpage = document[page_no - 1].get_textpage()
        covered.append(
            " ".join(
                textpage.get_text_bounded(q[4], q[5], q[2], q[1]).strip()
                for q in (quads[i : i + 8] for i in range(0, len(quads), 8))
            )
        )
        assert "VR-02" in str(highlight["/Contents"])
    assert covered == [
        "Geeignete Wasserhaltung über die gesamte Bauzeit",
        "gemäß DIN EN 1610 inklusive Vorhalten und Räumen.",
    ]


def test_find_across_needs_the_start_on_the_first_page() -> None:
    from lbcheck.annotate.textmap import find_across

    first, second = "Anfang. Der Bieter muss die Rinne", "Kopf\ngemäß Norm liefern. Weiter."
    head, rest = find_across(first, second, "Der Bieter muss die Rinne gemäß Norm liefern.")  # type: ignore[misc]
    assert first[head[0] : head[1]] == "Der Bieter muss die Rinne"
    assert rest is not None and second[rest[0] : rest[1]] == "gemäß Norm liefern."
    assert find_across(first, second, "Ganz woanders steht dieser Satz hier.") is None
    short = find_across(first, "Kopf\nab. Weiter.", "Der Bieter muss die Rinne ab.")
    assert short is not None and short[1] is None  # a rest of two letters is not searched
