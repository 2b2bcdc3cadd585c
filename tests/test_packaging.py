"""The wheel carries the built-in criteria, so an installed lbcheck finds them anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_criteria_templates_and_entry_point(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("lbcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for set_name in ("ilo", "kreislauf", "buero", "dienstleistungen", "vergaberecht"):
        assert f"lbcheck/_criteria/{set_name}.yaml" in names
    for template in ("base.html.j2", "report.html.j2", "macros.html.j2", "styles.css", "report.js"):
        assert f"lbcheck/reporters/html/templates/{template}" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "lbcheck = lbcheck.entry:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
