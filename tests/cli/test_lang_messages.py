"""``--lang en`` for ``lbcheck init``, ``criteria validate`` and the worker pool's messages;
German stays the default."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from lbcheck.app.starter import STARTER, STARTER_EN
from lbcheck.i18n import decimal, localized, use
from lbcheck.models import Report
from lbcheck.pool import CRASH_MESSAGE, error_report, memory_report, timeout_report
from tests.cli.helpers import run

# Words of the German starter's comments that an English one must not have.
GERMAN_COMMENT_WORDS = ("Konfiguration", "Kriteriensets", "Schweregrad", "Höchstgröße", "Pfade")


def _comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("#"))


def test_init_writes_english_comments_with_the_same_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "init", "--lang", "en", str(tmp_path / "en"))
    assert code == 0 and "lbcheck.toml created." in out
    text = (tmp_path / "en" / "lbcheck.toml").read_text(encoding="utf-8")
    assert text == STARTER_EN
    assert "# lbcheck configuration." in text and "Criteria sets" in text
    for german in GERMAN_COMMENT_WORDS:
        assert german not in _comments(text), german
    # the same keys and values, and the same commented-out examples, in both languages
    assert tomllib.loads(text) == tomllib.loads(STARTER)
    examples = re.compile(r"^# ?(\w+ = .*|\[\[overrides\]\])$", re.M)
    assert examples.findall(STARTER_EN) == examples.findall(STARTER)
    # the environment variable works the same; an existing file is never written over
    monkeypatch.setenv("LBCHECK_LANG", "en")
    code, _, err = run(capsys, "init", str(tmp_path / "en"))
    assert code == 2 and "already exists" in err
    assert (tmp_path / "en" / "lbcheck.toml").read_text(encoding="utf-8") == text


def test_init_stays_german_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "init", str(tmp_path))
    assert code == 0 and "angelegt" in out
    assert (tmp_path / "lbcheck.toml").read_text(encoding="utf-8") == STARTER


INVALID_SET = "set: meins\ntitle: Meins\nentries:\n  - code: X-01\n    nam: x\n"


def test_criteria_validate_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(INVALID_SET, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("set: [\n", encoding="utf-8")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("set: gr\xfcn\n".encode("latin-1"))
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("nur Text\n", encoding="utf-8")
    expected = {
        invalid: ("invalid criteria file", "line 4, entry X-01, key 'entries.0.nam'"),
        broken: ("line 2: not valid YAML",),
        latin: ("the file is not UTF-8 encoded. Please save it as UTF-8.",),
        scalar: ("expected a mapping with 'set' and 'entries'.",),
    }
    for path, english in expected.items():
        code, _, err = run(capsys, "--lang", "en", "criteria", "validate", str(path))
        assert code == 2, path
        for text in english:
            assert text in err, (path, err)
        for german in ("ungültig", "Zeile", "Eintrag", "Schlüssel", "Bitte", "erwartet", "kein"):
            assert german not in err, (path, german)
    code, _, err = run(capsys, "criteria", "validate", str(invalid))
    assert code == 2 and "ungültige Kriteriendatei" in err
    assert "Zeile 4, Eintrag X-01, Schlüssel 'entries.0.nam'" in err


def test_duplicate_codes_in_english(tmp_path: Path) -> None:
    from lbcheck.criteria.builtin import builtin_dir
    from lbcheck.criteria.loader import load_catalogue
    from lbcheck.errors import CriteriaError

    builtin = (builtin_dir() / "ilo.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "kopie.yaml"
    copy.write_text(builtin.replace("set: ilo", "set: kopie", 1), encoding="utf-8")
    with use("en"), pytest.raises(CriteriaError) as caught:
        load_catalogue((copy,))
    assert "is already taken in set ilo. Codes and names must be unique." in str(caught.value)
    with pytest.raises(CriteriaError) as caught:
        load_catalogue((copy,))
    assert "ist bereits in Set ilo vergeben" in str(caught.value)


def test_pool_messages_in_english() -> None:
    with use("en"):
        reports = (
            timeout_report("a.pdf", 2.0),
            memory_report("b.pdf", 64 * 1024 * 1024),
            error_report("c.pdf", "crashed", CRASH_MESSAGE, "exit code -9"),
        )
    docs = localized(Report(reports), "en").documents
    errors = [d.error for d in docs if d.error is not None]
    details = [e.detail for e in errors]
    assert details == ["time budget 2.0 s", "memory budget 64 MB", "exit code -9"]
    assert "exceeded the time budget per document" in errors[0].message
    assert "--timeout" in errors[0].message
    assert "exceeded the memory budget per document" in errors[1].message
    assert "ended unexpectedly" in errors[2].message
    for e in errors:
        assert "Datei" not in e.message and "Budget" not in e.detail
    # German by default, and a German report stays as it was made
    german = timeout_report("a.pdf", 2.0)
    assert german.error is not None and german.error.detail == "Zeitbudget 2.0 s"
    assert localized(Report((german,)), "de").documents[0] == german


def test_decimals_as_each_language_writes_them() -> None:
    assert decimal(4.94) == "4,9" and decimal(12.25, ".2f") == "12,25"
    assert decimal(207.6, ".0f") == "208" and decimal(0.25, "g") == "0,25"
    with use("en"):
        assert decimal(4.94) == "4.9" and decimal(12.25, ".2f") == "12.25"
