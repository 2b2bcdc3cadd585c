"""Output to a stream that is not UTF-8 never crashes: JSON stays valid, text degrades."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lbcheck.app.stream import ascii_json, degrade, write_text

# The name alone guarantees characters cp1252, latin-1 and ascii cannot hold.
NAME = "lb_CO₂_≥150g_😀.md"
TEXT = "# Büromaterial\n\nKopierpapier (Weiße ≥ 150, CO₂-neutral) muss aus Altpapier bestehen.\n"


def _lbcheck(tmp_path: Path, encoding: str, *argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "lbcheck", *argv],
        capture_output=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_non_utf8_stdout_json_and_terminal(tmp_path: Path, encoding: str) -> None:
    (tmp_path / NAME).write_text(TEXT, encoding="utf-8")
    result = _lbcheck(tmp_path, encoding, "scan", "-f", "json", "--fail-on", "never", NAME)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    data = json.loads(result.stdout.decode("ascii"))  # ASCII-safe: valid in any encoding
    assert data["documents"][0]["path"] == NAME
    result = _lbcheck(tmp_path, encoding, "scan", "--fail-on", "never", NAME)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    shown = result.stdout.decode(encoding)
    assert "lb_CO2_>=150g_" in shown


def test_degrade_keeps_what_the_encoding_holds() -> None:
    assert degrade("Weiße ≥ 150 „gut“ – CO₂ ✓", "cp1252") == "Weiße >= 150 „gut“ – CO2 ?"
    assert degrade("Weiße ≥ 150 „gut“ – CO₂", "ascii") == 'Wei?e >= 150 "gut" - CO2'


def test_ascii_json_round_trips() -> None:
    value = {"t": "≥ CO₂ 😀 Grüße", "n": [1, "ä"]}
    text = ascii_json(json.dumps(value, ensure_ascii=False))
    assert text.isascii() and json.loads(text) == value


def test_machine_text_goes_out_as_utf8_bytes() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    write_text(stream, "<x>CO₂</x>\n", machine=True)
    assert raw.getvalue() == "<x>CO₂</x>\n".encode()
