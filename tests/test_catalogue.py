"""Meta-tests over the whole built-in catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lbcheck.criteria.loader import BUILTIN_SETS, Catalogue, builtin_dir

ROOT = Path(__file__).resolve().parents[1]
# Codes of the required catalogue (shared/docs/criteria.md); they never change meaning.
REQUIRED = {
    "ilo": [f"ILO-0{i}" for i in range(1, 6)],
    "kreislauf": [f"KRW-{i:02d}" for i in range(1, 11)],
    "buero": [f"BUE-0{i}" for i in range(1, 8)],
    "dienstleistungen": [f"DL-{i:02d}" for i in range(1, 11)],
    "vergaberecht": [f"VR-0{i}" for i in range(1, 10)],
}
PLACEHOLDER = re.compile(r"\bTODO\b|\bXXX\b|\bFIXME\b|\blorem\b|\?\?\?", re.IGNORECASE)


def test_builtin_sets_present(catalogue: Catalogue) -> None:
    assert {s.set for s in catalogue.sets} == set(BUILTIN_SETS)


@pytest.mark.parametrize("set_name", sorted(REQUIRED))
def test_required_codes(catalogue: Catalogue, set_name: str) -> None:
    codes = [e.code for s, e in catalogue.entries() if s.set == set_name]
    assert sorted(codes) == REQUIRED[set_name]


def test_codes_and_names_unique(catalogue: Catalogue) -> None:
    codes = [e.code for _, e in catalogue.entries()]
    names = [e.name for _, e in catalogue.entries()]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_code_prefix_matches_set(catalogue: Catalogue) -> None:
    prefix = {
        "ilo": "ILO-",
        "kreislauf": "KRW-",
        "buero": "BUE-",
        "dienstleistungen": "DL-",
        "vergaberecht": "VR-",
    }
    for s, e in catalogue.entries():
        assert e.code.startswith(prefix[s.set]), e.code


def test_rules_only_in_vergaberecht(catalogue: Catalogue) -> None:
    for s, e in catalogue.entries():
        assert (e.kind == "rule") == (s.set == "vergaberecht"), e.code


def test_every_entry_documented(catalogue: Catalogue) -> None:
    for _, e in catalogue.entries():
        assert len(e.examples.pass_) >= 2, f"{e.code}: at least two pass examples"
        assert len(e.examples.fail) >= 2, f"{e.code}: at least two fail examples"
        assert e.legal_basis and all(r.source.startswith("https://") for r in e.legal_basis), e.code
        assert e.proof, f"{e.code}: proof missing"
        for text in (e.title, e.message, e.rationale, e.model_clause, e.proof):
            assert not PLACEHOLDER.search(text), f"{e.code}: placeholder in {text!r}"


def test_model_clauses_accept_equivalent_labels(catalogue: Catalogue) -> None:
    label = re.compile(r"Blaue[rn]? Engel|EU Ecolabel|FSC|PEFC|Fairtrade|DE-UZ|Gütezeichen", re.I)
    for _, e in catalogue.entries():
        if label.search(e.model_clause):
            assert "gleichwertig" in e.model_clause, f"{e.code}: label without equivalence"


def test_criteria_have_dimension(catalogue: Catalogue) -> None:
    for _, e in catalogue.entries():
        if e.kind == "criterion":
            assert e.dimension in {"umwelt", "sozial", "innovation"}, e.code


def test_packaged_criteria_folder() -> None:
    assert (builtin_dir() / "buero.yaml").is_file()
