"""Criteria files are data: alias bombs, Python tags and catastrophic regexes are rejected."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lbcheck.cli import main
from lbcheck.criteria.lexicon import lexicon
from lbcheck.criteria.loader import Catalogue, load_catalogue, parse_set
from lbcheck.criteria.safety import check_patterns
from lbcheck.errors import CriteriaError
from tests.hostile.criteria_files import PYTHON_TAG, alias_bomb, user_set

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "lb_bueromaterial.md"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "haus.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_user_set_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue((_write(tmp_path, user_set(r"\bGrünstrom\w*")),))
    assert catalogue.find("HR-01") is not None


def test_alias_bomb_is_a_criteria_error_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(CriteriaError, match="Aliase"):
        parse_set(alias_bomb(), "bomb.yaml")
    assert time.perf_counter() - start < 2.0


def test_moderate_anchors_stay_allowed() -> None:
    text = user_set("x").replace("title: Grünstrom", "title: &t Grünstrom") + "# *t\n"
    assert parse_set(text, "ok.yaml").set == "haus"


def test_python_tag_is_rejected_without_running_it(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CriteriaError, match="kein gültiges YAML"):
        parse_set(PYTHON_TAG, "py.yaml")
    assert "lbcheck-pwned" not in capfd.readouterr().out


# Nested alternations that backtrack in every `regex` release; `(a+)+$` is not among them:
# regex 2026.12 matches it in linear time, so the probe rightly lets it pass.
@pytest.mark.parametrize("pattern", ["(a|a)+$", "(a|aa)+$", "(x+x+)+y"])
def test_catastrophic_regex_rejected(tmp_path: Path, pattern: str) -> None:
    path = _write(tmp_path, user_set(pattern))
    start = time.perf_counter()
    with pytest.raises(CriteriaError, match="Backtracking"):
        load_catalogue((path,))
    assert time.perf_counter() - start < 10.0


@pytest.mark.parametrize("pattern", [r"\bGrünstrom\w*", r"\d+\s*(%|Prozent)", r"(?:Öko|Grün)strom"])
def test_ordinary_regex_accepted(tmp_path: Path, pattern: str) -> None:
    load_catalogue((_write(tmp_path, user_set(pattern)),))


def test_builtin_patterns_pass_the_probe(catalogue: Catalogue) -> None:
    """Sets, concepts and the lexicon: also on a 20 000-character sentence of their words."""
    for criteria_set in catalogue.sets:
        check_patterns(criteria_set, criteria_set.set)
    for concept in catalogue.concepts.values():
        check_patterns(concept, concept.name)
    check_patterns(lexicon(), "lexicon.yaml")


def test_quadratic_lookahead_is_rejected(tmp_path: Path) -> None:
    """Harmless on a short sentence, seconds on a long table row: the probe sees it."""
    quadratic = r"(?=[^.]*\bGetränk\w*)[^.]*\bEinweg[\w-]*verpackung\w*"
    with pytest.raises(CriteriaError, match="20000 Zeichen"):
        load_catalogue((_write(tmp_path, user_set(quadratic)),))
    load_catalogue((_write(tmp_path, user_set("(?<![^.])" + quadratic)),))


def test_prose_probe_is_as_long_as_the_longest_block() -> None:
    from lbcheck.criteria.safety import PROSE_LENGTH
    from lbcheck.engine.segments import _MAX_BLOCK

    assert PROSE_LENGTH == _MAX_BLOCK


def test_cli_validate_rejects_catastrophic_regex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, user_set("(a|a)+$"))
    code = main(["criteria", "validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Backtracking" in out + err


def test_cli_scan_with_alias_bomb_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, alias_bomb())
    code = main(["scan", "--criteria", str(path), str(EXAMPLE)])
    assert code == 2
    assert "Aliase" in capsys.readouterr().err
