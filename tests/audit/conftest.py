"""Small tenders made from the examples, and settings without a project configuration."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lbcheck.config import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def make_tenders(folder: Path, count: int, prefix: str = "lb") -> list[Path]:
    """``count`` Markdown tenders with distinct names plus one DOCX with umlauts in its name."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (EXAMPLES / "lb_bueromaterial.md").read_text(encoding="utf-8")
    made = []
    for i in range(count - 1):
        path = folder / f"{prefix}_{i:03d}.md"
        # Different lengths: largest-first scheduling has something to sort.
        path.write_text(text + "\n\nZusatz.\n" * i, encoding="utf-8")
        made.append(path)
    docx = folder / "Reinigung_Büro_Ä.docx"
    shutil.copy(EXAMPLES / "lb_reinigung.docx", docx)
    made.append(docx)
    return made


@pytest.fixture
def settings() -> Settings:
    return Settings(jobs=1)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or fill the user's real cache from a test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
