"""DOCX test files: python-docx for the body, hand-written XML for what it cannot write."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>
</w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Gleichwertige
 Gütezeichen werden anerkannt.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

# Placeholder runs written by python-docx and the XML that replaces them.
RUNS = {
    "@@FOOTNOTE@@": '<w:r><w:footnoteReference w:id="1"/></w:r>',
    "@@TRACKED@@": (
        '<w:ins w:id="11" w:author="a"><w:r><w:t xml:space="preserve">eingefügter Text </w:t>'
        '</w:r></w:ins><w:del w:id="12" w:author="a"><w:r><w:delText>gelöschter Text '
        '</w:delText></w:r></w:del><w:moveFrom w:id="13" w:author="a"><w:r><w:t>verschoben weg'
        '</w:t></w:r></w:moveFrom><w:moveTo w:id="14" w:author="a"><w:r><w:t>verschoben hin'
        "</w:t></w:r></w:moveTo>"
    ),
    "@@CHARS@@": (
        "<w:r><w:t>Nicht</w:t><w:noBreakHyphen/><w:t>trennbar, Silben</w:t><w:softHyphen/>"
        "<w:t>trennung,</w:t><w:tab/><w:t>Tab</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>VERSTECKT</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> und Feld</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ),
    "@@TEXTBOX@@": (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility'
        '/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.'
        'openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://'
        'schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http'
        '://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
        "<w:p><w:r><w:t>Hinweis im Textfeld: Mehrweg ist Pflicht.</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        '</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>Hinweis im Textfeld: Mehrweg ist Pflicht.</w:t>"
        "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    ),
}


def build_docx() -> bytes:
    """A tender with headings, lists, a merged table, notes, header/footer and odd runs."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Stadt Musterstadt · Vergabestelle"
    section.footer.paragraphs[0].text = "Seite 1 von 2"
    section.footer.add_paragraph("Stand 01.2026")
    document.add_paragraph("Leistungsbeschreibung", style="Title")
    document.add_heading("3 Leistungsumfang", level=1)
    document.add_heading("3.2 Papier", level=2)
    p = document.add_paragraph("Papier muss aus Altpapier bestehen.")
    p.add_run("@@FOOTNOTE@@")
    document.add_paragraph("")
    document.add_paragraph("Erster Punkt", style="List Bullet")
    document.add_paragraph("Zweiter Punkt", style="List Number")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "Pos."
    table.cell(0, 1).text = "Artikel"
    table.cell(0, 2).text = "Menge"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "1.01"
    wide = table.cell(1, 1).merge(table.cell(1, 2))
    wide.text = "Kopierpapier A4, 100 % Altpapier"
    table.cell(2, 1).text = "Ordner"
    table.cell(2, 2).text = "40"
    document.add_paragraph("Änderungen: ").add_run("@@TRACKED@@")
    chars = document.add_paragraph("")
    chars.add_run("@@CHARS@@")
    chars.add_run().add_break(WD_BREAK.LINE)
    chars.add_run("Zeile zwei")
    document.add_paragraph("Siehe Kasten. ").add_run("@@TEXTBOX@@")
    document.add_heading("4 Abrechnung", level=1)
    document.add_paragraph("Die Abrechnung erfolgt monatlich.")
    out = io.BytesIO()
    document.save(out)
    return _patch(out.getvalue())


def _patch(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                for marker, xml in RUNS.items():
                    text = text.replace(f"<w:r><w:t>{marker}</w:t></w:r>", xml)
                body = text.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdFn" Type="{FOOTNOTE_TYPE}" Target="footnotes.xml"/>'
                body = body.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                ct = f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTE_CT}"/>'
                body = body.replace(b"</Types>", ct.encode() + b"</Types>")
            target.writestr(item, body)
        target.writestr("word/footnotes.xml", FOOTNOTES_XML)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` and return it."""
    path.write_bytes(data)
    return path
