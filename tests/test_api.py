"""The documented Python API: lbcheck.scan(paths, ...) -> Report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lbcheck
from lbcheck.errors import UsageError
from lbcheck.models import Report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lb_bueromaterial.md"


def test_scan_returns_the_report() -> None:
    report = lbcheck.scan([EXAMPLE], isolated=True)
    assert isinstance(report, Report) and isinstance(report, lbcheck.Report)
    doc = report.documents[0]
    assert doc.status == "ok" and any(f.code == "VR-01" for f in doc.findings)


def test_scan_options_mean_what_the_cli_options_mean() -> None:
    report = lbcheck.scan(
        [str(EXAMPLE)], sets=["vergaberecht"], disable=["VR-01"], severity={"VR-02": "info"}
    )
    doc = report.documents[0]
    assert {c.code for c in doc.criteria} == set()
    assert not [f for f in doc.findings if f.code == "VR-01"]
    assert {f.severity.value for f in doc.findings if f.code == "VR-02"} <= {"info"}


def test_usage_errors_raise(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="gibt es nicht"):
        lbcheck.scan([tmp_path / "fehlt.md"])


def test_import_is_cheap() -> None:
    """`import lbcheck` must not load spaCy; the API loads it on first use."""
    code = "import sys, lbcheck; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
