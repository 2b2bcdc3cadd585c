"""Concepts: every example runs as a test; references and heuristic names are checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lbcheck.app.examples import concept_finds
from lbcheck.cli import app
from lbcheck.criteria.loader import Catalogue, load_catalogue

_CATALOGUE = load_catalogue()
_CASES = [
    pytest.param(c.name, text, wanted, id=f"{c.name}-{kind}-{i}")
    for c in _CATALOGUE.concepts.values()
    for kind, texts, wanted in (
        ("match", c.examples.match, True),
        ("no_match", c.examples.no_match, False),
    )
    for i, text in enumerate(texts, 1)
]


@pytest.mark.parametrize(("name", "text", "wanted"), _CASES)
def test_concept_example(catalogue: Catalogue, name: str, text: str, wanted: bool) -> None:
    assert concept_finds(catalogue.concepts, name, text) is wanted


def test_every_concept_is_used_by_a_criterion(catalogue: Catalogue) -> None:
    from lbcheck.criteria.loader import entry_matchers

    used = {ref for _, e in catalogue.entries() for _, m in entry_matchers(e) for ref in m.concepts}
    for c in catalogue.concepts.values():
        used |= set(c.concepts)
    assert set(catalogue.concepts) <= used, set(catalogue.concepts) - used


_SET = """\
set: hausregeln
title: Hausregeln
description: Eigene Regeln.
dimension: sozial
{concepts}
entries:
  - code: HR-01
    name: hr-sanktion
    title: Sanktion bei Verstoß
    kind: criterion
    dimension: sozial
    {heuristic}
    patterns:
      - concepts: [{ref}]
        requires:
          - concepts: [verstoss]
    message: Es fehlt eine Sanktion bei Verstößen.
    rationale: Ohne Sanktion ist eine Pflicht nicht durchsetzbar.
    legal_basis:
      - {{ref: "§ 128 Abs. 2 GWB", source: "https://www.gesetze-im-internet.de/gwb/__128.html"}}
    model_clause: Bei einem Verstoß kann der Auftraggeber den Vertrag kündigen.
    examples:
      pass: ["Bei einem Verstoß kann der Auftraggeber den Vertrag fristlos kündigen."]
      fail: ["Der Vertrag läuft zwei Jahre."]
"""


def _validate(tmp_path: Path, **parts: str) -> tuple[int, str]:
    values = {"concepts": "", "heuristic": "", "ref": "sanktion", **parts}
    path = tmp_path / "hausregeln.yaml"
    path.write_text(_SET.format(**values), encoding="utf-8")
    result = CliRunner().invoke(app, ["criteria", "validate", str(path)])
    return result.exit_code, result.output


def test_a_set_composed_of_concepts_validates(tmp_path: Path) -> None:
    code, output = _validate(tmp_path)
    assert code == 0, output


def test_unknown_concept_is_a_criteria_error(tmp_path: Path) -> None:
    code, output = _validate(tmp_path, ref="sanktio")
    assert code == 2
    assert "HR-01" in output and "sanktio" in output and "hausregeln.yaml" in output


def test_unknown_heuristic_is_a_criteria_error(tmp_path: Path) -> None:
    code, output = _validate(tmp_path, heuristic="heuristic: vague-terms")
    assert code == 2
    assert "vague-terms" in output and "HR-01" in output


def test_own_concept_with_a_failing_example_is_reported(tmp_path: Path) -> None:
    own = """concepts:
  - name: hr-strafe
    title: Strafe
    description: Eine eigene Wortfamilie für Strafen.
    phrases: [Strafe]
    examples:
      match: ["Es droht eine Geldbuße."]
      no_match: ["Der Vertrag läuft zwei Jahre."]"""
    code, output = _validate(tmp_path, concepts=own, ref="hr-strafe")
    assert code == 2
    assert "hr-strafe" in output and "Geldbuße" in output


def test_concept_shares_lexicon_wording(tmp_path: Path) -> None:
    """A concept may name lexicon entries; a misspelt entry is a criteria error."""
    own = """concepts:
  - name: hr-bedarf
    title: Bedarfsposition
    description: Die Wortfamilie des Lexikon-Eintrags optional-item.
    lexicon: [{name}]
    examples:
      match: ["Eventualposition: Recyclingpapier liefern."]
      no_match: ["Recyclingpapier liefern."]"""
    ref = "sanktion, hr-bedarf"
    code, output = _validate(tmp_path, concepts=own.format(name="optional-item"), ref=ref)
    assert code == 0, output
    code, output = _validate(tmp_path, concepts=own.format(name="optional-items"), ref=ref)
    assert code == 2 and "optional-items" in output and "Lexikon" in output


def test_concept_cycle_is_a_criteria_error(tmp_path: Path) -> None:
    own = """concepts:
  - name: hr-a
    title: Kreis A
    description: Schließt einen Kreis mit B.
    concepts: [hr-b]
    examples: {match: [x], no_match: [y]}
  - name: hr-b
    title: Kreis B
    description: Schließt einen Kreis mit A.
    concepts: [hr-a]
    examples: {match: [x], no_match: [y]}"""
    code, output = _validate(tmp_path, concepts=own)
    assert code == 2
    assert "hr-a -> hr-b -> hr-a" in output or "hr-b -> hr-a -> hr-b" in output


def test_the_worked_example_in_the_docs_passes_its_own_check(tmp_path: Path) -> None:
    import re

    doc = (Path(__file__).resolve().parents[1] / "docs" / "criteria-format.md").read_text(
        encoding="utf-8"
    )
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "HR-02" in b)
    path = tmp_path / "hausregeln.yaml"
    path.write_text(block, encoding="utf-8")
    result = CliRunner().invoke(app, ["criteria", "validate", str(path)])
    assert result.exit_code == 0, result.output
