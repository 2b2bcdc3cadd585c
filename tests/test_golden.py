"""Golden files: every reporter on every bundled example. Regenerate with UPDATE_GOLDEN=1."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from lbcheck.config import Settings
from lbcheck.models import Report
from lbcheck.reporters import REPORTERS, get_reporter
from lbcheck.runner import scan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(
    p
    for p in (ROOT / "examples").iterdir()
    if p.is_file() and p.suffix in {".md", ".docx", ".txt", ".odt", ".pdf"}
)
EXPECTED = ROOT / "examples" / "expected"


@functools.cache
def _report(example: Path) -> Report:
    """One scan per example for all formats (paths relative to the repository root)."""
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        return scan([str(example.relative_to(ROOT))], Settings(jobs=1))
    finally:
        os.chdir(old)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_golden(example: Path, fmt: str) -> None:
    text = get_reporter(fmt).render(_report(example))
    golden = EXPECTED / f"{example.name}.{fmt}{REPORTERS[fmt].extension}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing golden file {golden}; run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")
