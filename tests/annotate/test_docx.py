"""Word comments: anchored on the sentence's runs, the original left as it was."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from lbcheck.annotate import annotate_bytes
from lbcheck.annotate.notes import Notes
from tests.annotate.helpers import docx_anchors, note

MARKER = "Als Marker sind ausschließlich Stabilo Boss Original zu liefern."
LABEL = "Archivboxen müssen das Umweltzeichen Blauer Engel DE-UZ 56 tragen."
NORM = "Weiße mindestens 80 nach ISO 2470"
WISH = "Briefumschläge sollten möglichst aus Recyclingpapier bestehen."


def build() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Stadt Musterhausen – Vergabestelle"
    d.add_paragraph("Leistungsbeschreibung Büromaterial", style="Title")  # body paragraph 1
    d.add_heading("2 Papier", level=1)  # 2
    p = d.add_paragraph("Kopierpapier muss aus Altpapier bestehen. Als Marker sind ")  # 3
    p.add_run("ausschließlich").bold = True
    p.add_run(" Stabilo Boss Original zu liefern. Danach folgt ein Satz.")
    d.add_paragraph(LABEL, style="List Number")  # 4
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2.01"
    table.cell(0, 1).text = NORM
    wish = d.add_paragraph("Briefumschläge sollten ")  # 5
    wish.add_run("aus Recyclingpapier bestehen.")
    ins = etree.SubElement(wish._p, qn("w:ins"), {qn("w:id"): "7", qn("w:author"): "Einkauf"})
    ins.append(wish.runs[1]._r)
    wish.runs[0]._r.addnext(ins)
    ins_run = etree.SubElement(ins, qn("w:r"))
    etree.SubElement(
        ins_run, qn("w:t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}
    ).text = "möglichst "
    ins.insert(0, ins_run)
    d.add_paragraph("Ein Absatz ohne den gesuchten Satz.")  # 6
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def original() -> bytes:
    return build()


@pytest.fixture(scope="module")
def annotated(original: bytes) -> tuple[bytes, object]:
    notes = Notes(
        (
            note(MARKER, "VR-01", paragraph=3),
            note(LABEL, "VR-03", paragraph=4),
            note(NORM, "VR-02"),
            note(WISH, "VR-04", paragraph=5),
            note("Dieser Satz steht nirgends im Dokument.", "VR-06", paragraph=6),
        ),
        title=("lbcheck – Fazit: 1 Kriterium ergänzen.", "Textbaustein: Der Auftragnehmer muss …"),
    )
    return annotate_bytes(".docx", original, notes)


def test_comments_anchor_on_their_sentences(annotated: tuple[bytes, object]) -> None:
    data, placed = annotated
    document = docx.Document(io.BytesIO(data))
    comments = {str(c.comment_id): c for c in document.comments}
    anchors = docx_anchors(data)
    by_code = {c.text.split(" ", 1)[0]: anchors[cid] for cid, c in comments.items()}
    assert by_code["VR-01"] == MARKER  # across a bold run, split out of longer runs
    assert by_code["VR-03"] == LABEL  # numbered list item
    assert by_code["VR-02"] == NORM  # table cell
    assert by_code["VR-04"] == WISH  # around a tracked insertion
    assert by_code["VR-06"] == "Ein Absatz ohne den gesuchten Satz."  # its paragraph
    assert by_code["lbcheck"] == "Leistungsbeschreibung Büromaterial"  # the title
    assert placed.exact == ["VR-01", "VR-03", "VR-02", "VR-04"]
    assert placed.approximate == ["VR-06"] and placed.title


def test_comment_text_and_author(annotated: tuple[bytes, object]) -> None:
    document = docx.Document(io.BytesIO(annotated[0]))
    comments = list(document.comments)
    assert len(comments) == 6
    assert {c.author for c in comments} == {"lbcheck"}
    first = next(c for c in comments if c.text.startswith("VR-01"))
    assert [p.text for p in first.paragraphs] == [
        "VR-01 Regel [Fehler]: Meldung",
        "Warum: weil",
        "Besser so: anders",
    ]


def _formatted_chars(data: bytes) -> list[tuple[str, bytes]]:
    """Every character of the body with its run properties and its tracked-change wrapper."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out = []
    for t in root.iter(qn("w:t")):
        run = t.getparent()
        rpr = run.find(qn("w:rPr"))
        props = etree.tostring(rpr, method="c14n") if rpr is not None else b""
        wrapper = run.getparent().tag
        out.extend((ch, props + wrapper.encode()) for ch in t.text or "")
    return out


def test_text_formatting_changes_and_other_parts_untouched(
    original: bytes, annotated: tuple[bytes, object]
) -> None:
    data = annotated[0]
    assert _formatted_chars(data) == _formatted_chars(original)
    before, after = zipfile.ZipFile(io.BytesIO(original)), zipfile.ZipFile(io.BytesIO(data))
    for name in before.namelist():
        if name.startswith("word/header") or name in ("word/numbering.xml", "word/styles.xml"):
            c14n = [
                etree.tostring(etree.fromstring(z.read(name)), method="c14n")
                for z in (before, after)
            ]
            assert c14n[0] == c14n[1], name
    new = docx.Document(io.BytesIO(data))
    old = docx.Document(io.BytesIO(original))
    assert [p.text for p in new.paragraphs] == [p.text for p in old.paragraphs]
    assert [p.style.name for p in new.paragraphs] == [p.style.name for p in old.paragraphs]
    assert new.tables[0].cell(0, 1).text == NORM
    assert new.sections[0].header.paragraphs[0].text == "Stadt Musterhausen – Vergabestelle"
    root = etree.fromstring(after.read("word/document.xml"))
    assert len(root.findall(f".//{qn('w:ins')}")) == 1


def test_title_comment_on_the_cover_sheet_not_on_a_later_heading() -> None:
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("Leitfaden zum Vergabeverfahren")
    d.add_paragraph("Angebotsaufforderung und Leistungsbeschreibung")
    d.add_page_break()
    d.add_heading("1 Allgemeine Daten", level=1)
    d.add_paragraph("Die Reinigung ist werktäglich durchzuführen.")
    out = io.BytesIO()
    d.save(out)
    data, placed = annotate_bytes(".docx", out.getvalue(), Notes((), title=("lbcheck – Fazit",)))
    comments = list(docx.Document(io.BytesIO(data)).comments)
    assert placed.title and [c.text for c in comments] == ["lbcheck – Fazit"]
    assert docx_anchors(data)[str(comments[0].comment_id)] == "Leitfaden zum Vergabeverfahren"
