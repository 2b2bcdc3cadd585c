"""Call the command line in-process and capture what it prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lb_bueromaterial.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
