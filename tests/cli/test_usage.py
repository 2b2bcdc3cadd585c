"""Usage errors print typer's usage and exit 2; --version, -h; the options of the gate."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lbcheck import __version__
from tests.cli.helpers import EXAMPLE, run


@pytest.mark.parametrize(
    "argv",
    [
        ["--versio"],
        ["scan"],  # no paths
        ["criteria"],  # no subcommand
        ["scan", "--bogus", str(EXAMPLE)],
        ["criteria", "frobnicate"],
        [],
    ],
)
def test_usage_errors_print_usage_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "Aufruf:" in out + err
    assert "Traceback" not in err and "interner Fehler" not in err


def test_version_and_short_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"lbcheck {__version__}\n", "")
    code, out, _ = run(capsys, "-h")
    assert code == 0 and "scan" in out and "criteria" in out
    code, out, _ = run(capsys, "scan", "-h")
    assert code == 0 and "--fail-on" in out and "--exit-zero" in out


def test_console_script_usage_error_is_exit_2() -> None:
    """The installed entry point, not just main(): no traceback, exit 2."""
    result = subprocess.run(
        [sys.executable, "-m", "lbcheck", "scan", "--nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Aufruf:" in result.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_max_size_must_be_a_positive_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _, err = run(capsys, "scan", f"--max-size={value}", str(EXAMPLE))
    assert code == 2 and "--max-size" in err


def test_exit_zero_keeps_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "scan", "-q", str(EXAMPLE))[0] == 1
    code, out, _ = run(capsys, "scan", "--exit-zero", "-f", "json", str(EXAMPLE))
    assert code == 0 and json.loads(out)["documents"][0]["findings"]


def test_quiet_prints_nothing_but_keeps_the_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "scan", "--quiet", str(EXAMPLE)) == (1, "", "")


def test_statistics_counts_per_code(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "scan", "-f", "json", str(EXAMPLE))
    doc = json.loads(out)["documents"][0]
    vr01 = sum(1 for f in doc["findings"] if f["code"] == "VR-01")
    code, out, _ = run(capsys, "scan", "--statistics", str(EXAMPLE))
    assert code == 1
    line = next(ln for ln in out.splitlines() if " VR-01 " in ln)
    assert int(line.split()[0]) == vr01
    missing = [c["code"] for c in doc["criteria"] if c["status"] == "missing"]
    for c in missing:
        assert any(f" {c} " in ln and "fehlt" in ln for ln in out.splitlines())
    total = len(doc["findings"]) + len(missing)
    assert out.splitlines()[-1].split()[0] == str(total)


def test_exit_code_follows_what_the_gate_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """The exit code is 1 exactly when a counted result reaches --fail-on."""
    narrow = ("--sets", "buero", str(EXAMPLE))
    _, out, _ = run(capsys, "scan", "-f", "json", *narrow)
    missing = [c for c in json.loads(out)["documents"][0]["criteria"] if c["status"] == "missing"]
    assert [c["code"] for c in missing] == ["BUE-06"]
    assert run(capsys, "scan", "-q", "--severity", "BUE-06=warning", *narrow)[0] == 0
    assert run(capsys, "scan", "-q", "--severity", "BUE-06=error", *narrow)[0] == 1
    assert run(capsys, "scan", "-q", "--disable", "BUE-06", "--fail-on", "info", *narrow)[0] == 0
    _, stats, _ = run(capsys, "scan", "--statistics", "--disable", "BUE-06", *narrow)
    assert stats.splitlines()[-1].split()[0] == "0"


def test_help_and_version_do_not_load_spacy() -> None:
    code = "import sys, lbcheck.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
