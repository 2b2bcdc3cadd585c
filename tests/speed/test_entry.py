"""The console entry flushes the report and exits hard; ``cli.main`` still returns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lbcheck import entry
from lbcheck.criteria import loader

ROOT = Path(__file__).resolve().parents[2]


def test_console_entry_writes_the_whole_report_and_the_exit_code() -> None:
    example = ROOT / "examples" / "lb_bueromaterial.md"
    done = subprocess.run(
        [sys.executable, "-m", "lbcheck.entry", "scan", "--isolated", "-f", "json", str(example)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stdout)  # complete: flushed before os._exit
    assert report["summary"]["documents"] == 1
    assert done.returncode == (1 if report["summary"]["findings"]["error"] else 0)
    usage = subprocess.run(
        [sys.executable, "-m", "lbcheck.entry", "scan", "--no-such-option"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert usage.returncode == 2
    assert "no-such-option" in usage.stderr


def test_entry_exits_with_the_cli_code(monkeypatch: pytest.MonkeyPatch) -> None:
    codes: list[int] = []
    monkeypatch.setattr("lbcheck.cli.main", lambda: 3)

    def fake_exit(code: int) -> None:
        codes.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(entry.os, "_exit", fake_exit)
    with pytest.raises(SystemExit):
        entry.main()
    assert codes == [3]


def test_criteria_files_use_the_c_yaml_parser_when_available() -> None:
    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(loader._LineLoader, yaml.CSafeLoader)
