"""``--lang en``: the comments written into the buyer's document are in English too; the
catalogue's texts (titles, messages, model clauses) stay German data."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from lbcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lb_reinigung.docx"


def _comments(path: Path) -> list[str]:
    return [c.text for c in docx.Document(str(path)).comments]


def test_docx_comments_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tender = Path(shutil.copy(EXAMPLE, tmp_path / "tender.docx"))
    assert main(["--lang", "en", "annotate", str(tender)]) == 0
    out = tender.with_name("tender.lbcheck.docx")
    said = capsys.readouterr().out
    assert f"{out} written: " in said and "on their sentence" in said and "geschrieben" not in said
    comments = _comments(out)
    title = [c for c in comments if c.startswith("lbcheck – verdict: ")]
    assert len(title) == 1
    assert "missing; model clauses to insert:" in title[0] and "Model clause: " in title[0]
    text = "\n".join(comments)
    for english in ("Why: ", "Better: ", "[error]"):
        assert english in text, english
    for german in ("Fazit", "Warum:", "Besser so:", "Textbaustein:", "[Fehler]", "[Warnung]"):
        assert german not in text, german


def test_docx_comments_stay_german_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LBCHECK_LANG", raising=False)
    tender = Path(shutil.copy(EXAMPLE, tmp_path / "ausschreibung.docx"))
    assert main(["annotate", str(tender)]) == 0
    assert "geschrieben:" in capsys.readouterr().out
    text = "\n".join(_comments(tender.with_name("ausschreibung.lbcheck.docx")))
    assert "lbcheck – Fazit: " in text and "Warum: " in text and "Why:" not in text


def test_annotate_errors_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "lb.md"
    note.write_text("# LB\n", encoding="utf-8")
    assert main(["--lang", "en", "annotate", str(note)]) == 2
    err = capsys.readouterr().err
    assert "lbcheck annotate comments on DOCX, PDF and ODT, not .md." in err
    tender = Path(shutil.copy(EXAMPLE, tmp_path / "t.docx"))
    tender.with_name("t.lbcheck.docx").write_bytes(b"mine")
    assert main(["--lang", "en", "annotate", str(tender)]) == 2
    assert "already exists. Use --force" in capsys.readouterr().err
