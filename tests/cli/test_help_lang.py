"""``--help`` in English with ``--lang en`` or ``LBCHECK_LANG=en``; usage errors carry the code
word ``usage`` (exit 2), in German or English."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from lbcheck.cli import app
from lbcheck.cli.help_text import help_key, help_language, help_texts, to_english
from lbcheck.i18n import english
from tests.cli.helpers import EXAMPLE, run

GERMAN_HELP_WORDS = ("Prüft", "Datei", "Ordner", "oder", "nur ", "Standard", "anzeigen", "Bericht")


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_every_help_text_has_english() -> None:
    table = english()["help"]
    texts = help_texts(typer.main.get_command(app))
    assert len(texts) > 60
    for where, text in texts:
        assert help_key(text) in table, f"{where}: no English help for {help_key(text)!r}"
    command = typer.main.get_command(app)
    to_english(command)
    for where, text in help_texts(command):
        assert help_key(text) not in table or table[help_key(text)] == help_key(text), where


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["scan", "--help"], {}, "de"),
        (["scan", "--help"], {"LBCHECK_LANG": "en_GB.UTF-8"}, "en"),
        (["--lang", "en", "scan", "--help"], {}, "en"),
        (["scan", "--lang=en", "-h"], {"LBCHECK_LANG": "de"}, "en"),
        (["scan", "--lang", "de", "-h"], {"LBCHECK_LANG": "en"}, "de"),
        (["--lang", "fr", "-h"], {}, "de"),  # a bad value is reported by the option itself
        (["--lang", "fr", "-h"], {"LBCHECK_LANG": "en"}, "en"),
        (["scan", "--", "--lang", "en"], {}, "de"),  # after --, a file name
    ],
)
def test_help_language_from_the_command_line(
    args: list[str], environ: dict[str, str], expected: str
) -> None:
    assert help_language(args, environ) == expected


def test_root_help_in_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LBCHECK_LANG", "en")
    code, out, _ = run(capsys, "--help")
    text = _flat(out)
    assert code == 0
    assert "lbcheck checks tender specifications for sustainability criteria." in text
    assert "Checks tender documents (DOCX, PDF, ODT, Markdown, text)." in text
    assert "Show the version and exit." in text
    for german in GERMAN_HELP_WORDS:
        assert german not in text, german


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en", "scan", "--help"],
        ["scan", "--lang", "en", "-h"],
        ["scan", "-h", "--lang=en"],
    ],
)
def test_scan_help_in_english(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    text = _flat(out)
    assert code == 0
    for english_text in (
        "Checks tender documents",
        "Report format:",
        "only these sets",
        "--fail-on",
    ):
        assert english_text in text, english_text
    for german in GERMAN_HELP_WORDS:
        assert german not in text, german


def test_help_stays_german_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LBCHECK_LANG", raising=False)
    _, out, _ = run(capsys, "scan", "--help")
    assert "Prüft Ausschreibungsunterlagen" in _flat(out) and "Report format" not in out
    _, out, _ = run(capsys, "serve", "--help")
    assert "Startet die lokale Web-Oberfläche" in _flat(out)
    _, out, _ = run(capsys, "--lang", "en", "serve", "--help")
    assert "Starts the local web interface" in _flat(out) and "Startet" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["scan", "--bogus", str(EXAMPLE)],
        ["--versio"],
        ["criteria", "frobnicate"],
        ["scan", "--jobs", "viele", str(EXAMPLE)],
        ["scan"],  # no paths
    ],
)
def test_typer_usage_errors_carry_the_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.delenv("LBCHECK_LANG", raising=False)
    code, out, err = run(capsys, *argv)
    assert code == 2 and "Aufruf:" in out + err
    assert "Aufruffehler [usage]: " in _flat(err), err
    code, out, err = run(capsys, "--lang", "en", *argv)
    assert code == 2 and "Usage error [usage]: " in _flat(err) and "Aufruffehler" not in err


def test_lbchecks_own_usage_errors_carry_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "scan", "fehlt.md")
    assert code == 2
    assert err.startswith("lbcheck: Aufruffehler [usage]: fehlt.md gibt es nicht.")
    code, _, err = run(capsys, "scan", "--lang", "en", "fehlt.md")
    assert code == 2 and err.startswith("lbcheck: Usage error [usage]: fehlt.md does not exist.")


def test_help_is_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "criteria")  # no subcommand: the help, exit 2, no code
    assert code == 2 and "Aufruf:" in out + err and "[usage]" not in out + err
    code, out, err = run(capsys, "-h")
    assert code == 0 and "[usage]" not in out + err


def test_installed_command_speaks_english_help() -> None:
    """The real process: the environment variable reaches the help."""
    result = subprocess.run(
        [sys.executable, "-m", "lbcheck", "criteria", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={"LBCHECK_LANG": "en", "PATH": "", "COLUMNS": "120"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Show the criteria catalogue" in _flat(result.stdout)
    assert "Kriterienkatalog" not in result.stdout


def test_interrupted_run_message_in_english() -> None:
    from lbcheck.errors import RunInterruptedError
    from lbcheck.i18n import use

    with use("en"):
        assert str(RunInterruptedError(3, 8)) == "Stopped after 3 of 8 files."
    assert str(RunInterruptedError(3, 8)) == "Abgebrochen nach 3 von 8 Dateien."
