"""The annotated DOCX as LibreOffice reads it: every comment on its sentence, and a PDF export.

Needs ``soffice`` (Debian: libreoffice-writer-nogui; ``.ci/run`` installs it)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from lbcheck.annotate import annotate_bytes
from lbcheck.annotate.notes import Notes
from tests.annotate.helpers import note, odf_anchors
from tests.annotate.test_docx import LABEL, MARKER, NORM, WISH, build

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice fehlt (soffice); apt-get install -y libreoffice-writer-nogui",
    ),
    pytest.mark.timeout(400),  # two conversions, each bounded by subprocess' timeout
]


# Comments become PDF notes only when asked (LibreOffice >= 7.4 reads JSON filter options).
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice profile for the module: its first start is the slow one."""
    return tmp_path_factory.mktemp("soffice-profile")


def convert(source: Path, fmt: str, tmp_path: Path, profile: Path) -> Path:
    assert SOFFICE is not None
    out = tmp_path / fmt
    target = PDF_WITH_NOTES if fmt == "pdf" else fmt
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / f"{source.stem}.{fmt}"


def test_libreoffice_sees_each_comment_on_its_sentence(tmp_path: Path, profile: Path) -> None:
    notes = Notes(
        (note(MARKER, "VR-01", paragraph=3), note(LABEL, "VR-03", paragraph=4),
         note(NORM, "VR-02"), note(WISH, "VR-04", paragraph=5)),
        title=("lbcheck – Fazit: 1 Kriterium ergänzen.",),
    )  # fmt: skip
    data, _ = annotate_bytes(".docx", build(), notes)
    source = tmp_path / "lb.lbcheck.docx"
    source.write_bytes(data)

    odt = convert(source, "odt", tmp_path, profile)
    anchors = sorted(odf_anchors(zipfile.ZipFile(odt).read("content.xml")).values())
    assert anchors == sorted([MARKER, LABEL, NORM, WISH, "Leistungsbeschreibung Büromaterial"])

    pdf = convert(source, "pdf", tmp_path, profile)
    reader = PdfReader(pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Stabilo Boss Original" in text
    notes_in_pdf = [
        str(a.get_object().get("/Contents", ""))
        for page in reader.pages
        for a in page.get("/Annots") or []
        if a.get_object().get("/Subtype") == "/Text"
    ]
    assert sum("VR-0" in n for n in notes_in_pdf) == 4


def test_libreoffice_reads_the_odt_comments_on_their_sentences(
    tmp_path: Path, profile: Path
) -> None:
    import docx

    from tests.annotate.helpers import docx_anchors, same_words
    from tests.ingest.test_ingest_odt import odt

    notes = Notes(
        (note("Papier muss aus Altpapier bestehen.", "VR-04"),
         note("Die Abrechnung erfolgt monatlich.", "VR-06")),
        title=("lbcheck – Fazit: 1 Kriterium ergänzen.",),
    )  # fmt: skip
    data, _ = annotate_bytes(".odt", odt(), notes)
    source = tmp_path / "lb.lbcheck.odt"
    source.write_bytes(data)
    # Saved by LibreOffice as DOCX, the ranges it read come back as Word comment ranges.
    word = convert(source, "docx", tmp_path, profile)
    comments = {str(c.comment_id): c.text for c in docx.Document(str(word)).comments}
    anchors = docx_anchors(word.read_bytes())
    by_code = {comments[cid].split(" ", 1)[0]: text for cid, text in anchors.items()}
    assert same_words(by_code["VR-04"], "Papier muss aus Altpapier bestehen.")
    assert by_code["VR-06"] == "Die Abrechnung erfolgt monatlich."
    assert any(t.startswith("lbcheck – Fazit") for t in comments.values())
