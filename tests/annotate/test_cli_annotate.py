"""``lbcheck annotate``: the real example end to end, and the rules for the output file."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from lbcheck.cli import main
from lbcheck.config import Settings
from lbcheck.runner import scan
from tests.annotate.helpers import docx_anchors, same_words

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lb_reinigung.docx"


@pytest.fixture
def tender(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, tmp_path / "ausschreibung.docx"))


def test_example_gets_a_comment_on_every_finding_sentence(
    tender: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tender.read_bytes()
    assert main(["annotate", str(tender)]) == 0
    out = tender.with_name("ausschreibung.lbcheck.docx")
    assert f"{out} geschrieben:" in capsys.readouterr().out
    assert tender.read_bytes() == original
    report = scan([str(tender)], Settings(jobs=1)).documents[0]
    data = out.read_bytes()
    comments = {str(c.comment_id): c.text for c in docx.Document(str(out)).comments}
    anchors = docx_anchors(data)
    for f in report.findings:
        ours = [cid for cid, text in comments.items() if f"{f.code} " in text]
        assert any(same_words(anchors[cid], f.excerpt) for cid in ours), f.code
    for c in report.criteria:
        if c.status.value == "weak":
            ours = [cid for cid, text in comments.items() if f"{c.code} " in text]
            assert any(same_words(anchors[cid], c.evidence[0].excerpt) for cid in ours)
    title = [t for t in comments.values() if t.startswith("lbcheck – Fazit")]
    assert len(title) == 1
    for c in report.criteria:
        if c.status.value == "missing":
            assert c.code in title[0]


def test_existing_output_needs_force(tender: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tender.with_name("ausschreibung.lbcheck.docx")
    out.write_bytes(b"meine Datei")
    assert main(["annotate", str(tender)]) == 2
    assert "existiert bereits" in capsys.readouterr().err
    assert out.read_bytes() == b"meine Datei"
    assert main(["annotate", str(tender), "--force"]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_never_over_the_input(tender: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = tender.read_bytes()
    for extra in ([], ["--force"]):
        assert main(["annotate", str(tender), "-o", str(tender), *extra]) == 2
        assert "die geprüfte Datei selbst" in capsys.readouterr().err
    assert tender.read_bytes() == original


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("lb.md", b"# Titel\n", "kommentiert DOCX, PDF und ODT"),
        ("fehlt.docx", None, "gibt es nicht"),
        ("kaputt.docx", b"PK\x03\x04kaputt", "nicht geprüft [corrupt]"),
    ],
)
def test_clear_german_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None,
    message: str,
) -> None:  # fmt: skip
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["annotate", str(path)]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("*.lbcheck.*"))


def test_file_name_with_escape_sequences_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tender = Path(shutil.copy(EXAMPLE, tmp_path / "lb\x1b]0;titel\x07.docx"))
    assert main(["annotate", str(tender)]) == 0
    assert main(["annotate", str(tender)]) == 2
    out, err = capsys.readouterr()
    for text in (out, err):
        assert "\x1b" not in text and "\x07" not in text
    assert "lb\\x1b]0;titel\\x07.lbcheck.docx" in out


def test_message_names_where_the_comments_went() -> None:
    from lbcheck.annotate.notes import Placed
    from lbcheck.annotate.run import describe

    placed = Placed(exact=["VR-01"], approximate=["VR-02"], title=True)
    assert describe("lb.lbcheck.pdf", placed, missing=2) == (
        "lb.lbcheck.pdf geschrieben: 1 Kommentar am Satz; 1 nur auf der Seite (VR-02), weil der "
        "Satz dort nicht genau zu finden war; Fazit und fehlende Kriterien als Kommentar auf "
        "Seite 1."
    )
    assert describe("lb.lbcheck.docx", Placed(title=True), missing=0) == (
        "lb.lbcheck.docx geschrieben: 0 Kommentare am Satz; Fazit als Kommentar am Titel."
    )
    assert "1 nur am Absatz (VR-02)" in describe("lb.lbcheck.odt", placed, missing=1)


def test_pdf_tender_gets_a_highlight_on_every_finding_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pypdfium2 as pdfium
    from pypdf import PdfReader

    source = ROOT / "tests" / "fixtures" / "holdout3" / "h3_08_LB_Gebaeudereinigung_Schulen.pdf"
    tender = Path(shutil.copy(source, tmp_path / "lv.pdf"))
    out = tmp_path / "lv-geprueft.pdf"
    assert main(["annotate", str(tender), "-o", str(out)]) == 0
    assert "Kommentar" in capsys.readouterr().out
    report = scan([str(tender)], Settings(jobs=1)).documents[0]
    wanted = [(f.code, f.excerpt) for f in report.findings] + [
        (c.code, c.evidence[0].excerpt) for c in report.criteria if c.status.value == "weak"
    ]
    assert wanted, "the fixture should have something to comment on"
    document = pdfium.PdfDocument(str(out))
    covered: list[tuple[str, str]] = []  # (note text, words under the highlight)
    for index, page in enumerate(PdfReader(out).pages):
        textpage = document[index].get_textpage()
        for ref in page.get("/Annots") or []:
            a = ref.get_object()
            if a.get("/Subtype") != "/Highlight":
                continue
            q = [float(v) for v in a["/QuadPoints"]]
            under = " ".join(
                textpage.get_text_bounded(q[i + 4], q[i + 5], q[i + 2], q[i + 1])
                for i in range(0, len(q), 8)
            )
            covered.append((str(a["/Contents"]), under))
    for code, excerpt in wanted:
        ours = [under for note, under in covered if f"{code} " in note]
        assert any(same_words(under, excerpt.removesuffix("…")) for under in ours), code
    title = [a.get_object() for a in PdfReader(out).pages[0].get("/Annots") or []]
    assert any(str(a.get("/Contents", "")).startswith("lbcheck – Fazit") for a in title)
