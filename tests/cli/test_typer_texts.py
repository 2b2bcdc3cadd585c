"""Typer's own words (help panels, usage line, click's usage errors) in the run's language, and
value names in words instead of Python types."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from lbcheck.cli import app
from lbcheck.cli.typer_texts import german_usage_error
from tests.cli.helpers import EXAMPLE, run

TYPER_ENGLISH = ("Usage:", "[OPTIONS]", "Show this message", "[required]", "[default:", "Options")
PYTHON_TYPES = ("<bool>", "<str>", "<int>", "<float>", "<path>", "<list[", "<Path>")


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def _commands() -> list[list[str]]:
    """The argv prefix of every command and subcommand."""
    found: list[list[str]] = []

    def walk(command: object, prefix: list[str]) -> None:
        found.append(prefix)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return found


@pytest.fixture(autouse=True)
def _german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LBCHECK_LANG", raising=False)


def test_scan_help_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scan", "--help")
    text = _flat(out)
    assert code == 0
    for german in (
        "Aufruf: lbcheck scan [OPTIONEN] {PFADE}...",
        "Argumente",
        "Optionen",
        "PFADE Dateien, Ordner",
        "[Pflicht]",
        "[Standard: no-force]",
        "--output -o PFAD",
        "--jobs -j ZAHL",
        "--disable TEXT",
        "Diese Hilfe anzeigen und beenden.",
    ):
        assert german in text, german
    for english in TYPER_ENGLISH + PYTHON_TYPES:
        assert english not in text, english


def test_every_command_help_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands()
    assert len(commands) >= 12
    for prefix in commands:
        code, out, _ = run(capsys, *prefix, "--help")
        text = _flat(out)
        assert code == 0, prefix
        assert text.startswith("Aufruf: lbcheck"), (prefix, text[:80])
        for english in (*TYPER_ENGLISH, "Arguments", "Commands", *PYTHON_TYPES):
            assert english not in text, (prefix, english)


def test_every_argument_has_a_name_in_both_languages() -> None:
    from lbcheck.cli.typer_texts import _ARGUMENTS

    def arguments(command: object) -> set[str]:
        own = {p.name for p in getattr(command, "params", []) if p.param_type_name == "argument"}
        for sub in getattr(command, "commands", {}).values():
            own |= arguments(sub)
        return own

    found = arguments(typer.main.get_command(app))
    assert {"paths", "folders", "files"} <= found
    for lang in ("de", "en"):
        assert found <= set(_ARGUMENTS[lang]), (lang, found - set(_ARGUMENTS[lang]))


def test_help_in_english_keeps_typers_words_without_python_types(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--lang", "en", "scan", "--help")
    text = _flat(out)
    assert code == 0
    for english in (
        "Usage: lbcheck scan [OPTIONS] {PATHS}...",
        "Arguments",
        "Options",
        "[required]",
        "[default: no-force]",
        "--jobs -j INTEGER",
        "--max-size NUMBER",
        "--output -o PATH",
        "Show this message and exit.",
    ):
        assert english in text, english
    for word in ("Aufruf", "Optionen", "Pflicht", "Standard:", "Diese Hilfe", *PYTHON_TYPES):
        assert word not in text, word


@pytest.mark.parametrize("lang", ["de", "en"])
def test_descriptions_flow_in_paragraphs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """A docstring's line breaks do not reach the help: wide enough, a paragraph is one line."""
    monkeypatch.setenv("COLUMNS", "250")
    _, out, _ = run(capsys, "--lang", lang, "annotate", "--help")
    lines = [line.strip() for line in out.splitlines()]
    first = {"de": "Word-Kommentare (DOCX)", "en": "Word comments (DOCX)"}[lang]
    last = {"de": "Die geprüfte Datei bleibt unverändert.", "en": "unchanged."}[lang]
    (paragraph,) = [line for line in lines if line.startswith(first)]
    assert paragraph.endswith(last), paragraph


def test_a_run_without_help_or_error_does_not_load_typers_help_renderer() -> None:
    """typer.rich_utils pulls in rich's Markdown renderer (about 90 ms of every start)."""
    code = (
        "import sys; from lbcheck.cli import main; main(['--version']); "
        "print('typer.rich_utils' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().endswith("False"), result.stdout


def test_language_changes_between_runs_in_one_process(capsys: pytest.CaptureFixture[str]) -> None:
    """typer's panel words are module state: every run sets them again."""
    _, german, _ = run(capsys, "audit", "--help")
    _, english, _ = run(capsys, "--lang", "en", "audit", "--help")
    _, again, _ = run(capsys, "audit", "--help")
    assert "Optionen" in german and "Options" not in german
    assert "Options" in english and "Optionen" not in english
    assert _flat(again) == _flat(german)


@pytest.mark.parametrize(
    ("argv", "german", "english"),
    [
        (["scan"], "Es fehlt das Argument 'PFADE'.", "Missing argument 'PATHS'."),
        (
            ["audit", str(EXAMPLE)],
            "Es fehlt die Option '--output-dir' / '-o'.",
            "Missing option '--output-dir' / '-o'.",
        ),
        (
            ["scan", "--bogus", str(EXAMPLE)],
            "Unbekannte Option: --bogus",
            "No such option: --bogus",
        ),
        (
            ["--versio"],
            "Unbekannte Option: --versio (ähnlich: --version)",
            "No such option: --versio (Possible options: --version)",
        ),
        (["criteria", "frobnicate"], "Unbekannter Befehl 'frobnicate'.", "No such command"),
        (
            ["scan", "--jobs", "viele", str(EXAMPLE)],
            "Ungültiger Wert für '--jobs' / '-j': erwartet wird eine ganze Zahl.",
            "Invalid value for '--jobs' / '-j': Input should be a valid integer",
        ),
        (
            ["scan", "--max-size", "groß", str(EXAMPLE)],
            "Ungültiger Wert für '--max-size': erwartet wird eine Zahl.",
            "Invalid value for '--max-size': Input should be a valid number",
        ),
        (["scan", "-o"], "Die Option '-o' braucht einen Wert.", "Option '-o' requires an argument"),
        (["version", "zwei"], "Überzählige Angabe: zwei", "Got unexpected extra argument(s)"),
    ],
)
def test_usage_errors_in_the_language_of_the_run(
    capsys: pytest.CaptureFixture[str], argv: list[str], german: str, english: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert f"Aufruffehler [usage]: {german}" in _flat(err), err
    assert "─ Fehler ─" in err and "Error" not in err and "Usage:" not in err
    code, _, err = run(capsys, "--lang", "en", *argv)
    assert code == 2
    assert f"Usage error [usage]: {english}" in _flat(err), err
    assert "─ Error ─" in err and "Fehler" not in err and "Aufruf" not in err


@pytest.mark.parametrize(
    ("click", "german"),
    [
        ("Missing command.", "Es fehlt ein Befehl."),
        (
            "No such option: --jbos Did you mean --jobs?",
            "Unbekannte Option: --jbos (ähnlich: --jobs)",
        ),
        ("Missing parameter: paths", "Es fehlt der Parameter paths."),
        (
            "Missing argument 'CODE'. Choose from 'a', 'b'.",
            "Es fehlt das Argument 'CODE'. Choose from 'a', 'b'.",
        ),
        ("Option '--x' does not take a value.", "Die Option '--x' nimmt keinen Wert."),
        ("Option '--x' requires 2 arguments.", "Die Option '--x' braucht 2 Werte."),
        (
            "No such command 'scna'. Did you mean 'scan'?",
            "Unbekannter Befehl 'scna'. Gemeint: 'scan'?",
        ),
        (
            "Invalid value for '--config': file 'lb.toml' does not exist.",
            "Ungültiger Wert für '--config': Die Datei 'lb.toml' gibt es nicht.",
        ),
        ("Invalid value: dir 'x' is a file.", "Ungültiger Wert: Der Ordner 'x' ist eine Datei."),
        ("path 'x' is not writable.", "Der Pfad 'x' ist nicht beschreibbar."),
        ("Value 'x' is not a valid integer.", "'x' ist keine gültige ganze Zahl."),
        ("'x' is not one of 'de', 'en'.", "'x' ist keiner der Werte 'de', 'en'."),
        # lbcheck's own German messages inside click's frame stay as they are.
        (
            "Invalid value for '--lang': nur de oder en",
            "Ungültiger Wert für '--lang': nur de oder en",
        ),
        ("Something click may say one day.", "Something click may say one day."),
    ],
)
def test_click_messages_in_german(click: str, german: str) -> None:
    assert german_usage_error(click) == german
