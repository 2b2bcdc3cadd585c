"""The audit gives each file what ``scan`` gives it: per-path overrides of the project config,
and subjects shared across the files of one procedure; the cache follows both."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

from lbcheck.app.plan import ScanOptions
from lbcheck.app.scan import run_scan
from lbcheck.audit import store
from lbcheck.audit.run import AuditOptions, AuditResult, run_audit
from lbcheck.cli import main
from lbcheck.config import Settings
from lbcheck.reporters.json_reporter import to_model

from .conftest import EXAMPLES

FORM = """# Eigenerklärung des Bieters

Der Bieter erklärt, dass er die Kernarbeitsnormen der ILO einhält.
Die Angebote sind bis zum 1. März einzureichen. Es gilt die VOL/B.
"""
CONFIG = """
[[overrides]]
paths = ["vorlagen/**"]
disable = ["BUE-01"]
severity = {VR-02 = "error"}
"""
FORM_NAME = "2024-017_Eigenerklaerung.md"


def _tree(root: Path) -> Path:
    """A root document, the same under an override, and a procedure whose form says nothing
    about what is bought (alone: "sonstiges", uncertain)."""
    tree = root / "ausschreibungen"
    (tree / "vorlagen").mkdir(parents=True)
    (tree / "vergabe").mkdir()
    (tree / "lbcheck.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copy(EXAMPLES / "lb_bueromaterial.md", tree / "lb_bueromaterial.md")
    shutil.copy(EXAMPLES / "lb_bueromaterial.md", tree / "vorlagen" / "lb_bueromaterial.md")
    shutil.copy(
        EXAMPLES / "lb_bueromaterial.md", tree / "vergabe" / "2024-017_Leistungsbeschreibung.md"
    )
    (tree / "vergabe" / FORM_NAME).write_text(FORM, encoding="utf-8")
    return tree


def _audit_rows(result_dir: Path) -> dict[str, dict[str, Any]]:
    return {d.path: d.model_dump(mode="json") for d in store.read_documents(result_dir)}


def _options(tree: Path, out: Path, cache: Path | None, **changes: Any) -> AuditOptions:
    base = AuditOptions(
        paths=(str(tree),),
        output_dir=out,
        settings=Settings(jobs=1),
        jobs=2,
        cache_dir=cache,
        scan_options=ScanOptions(jobs=1),
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no config of the working folder takes part
    return _tree(tmp_path)


def _criteria(row: dict[str, Any]) -> dict[str, str]:
    return {c["code"]: c["status"] for c in row["criteria"]}


def test_audit_rows_equal_scan_json_with_override_and_procedure(tree: Path, tmp_path: Path) -> None:
    scanned = run_scan([str(tree)], ScanOptions(jobs=1))
    expected = {d.path: d.model_dump(mode="json") for d in to_model(scanned.report).documents}
    # As a user runs it: the command line finds lbcheck.toml next to the files.
    assert main(["audit", str(tree), "-o", str(tmp_path / "out"), "-q", "--no-cache"]) == 0
    rows = _audit_rows(tmp_path / "out")
    assert rows == expected

    # Not equal by accident: the override and the procedure changed these rows.
    root = rows[str(tree / "lb_bueromaterial.md")]
    template = rows[str(tree / "vorlagen" / "lb_bueromaterial.md")]
    assert "BUE-01" in _criteria(root) and "BUE-01" not in _criteria(template)
    form = rows[str(tree / "vergabe" / FORM_NAME)]
    assert form["subject"] == ["buero"]
    alone = run_scan([str(tree / "vergabe" / FORM_NAME)], ScanOptions(jobs=1))
    assert list(alone.report.documents[0].subject) == ["sonstiges"]


def test_cache_key_follows_the_override_and_the_procedure(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"

    def audit(name: str) -> AuditResult:
        return run_audit(_options(tree, tmp_path / name, cache))

    first = audit("first")
    assert (first.checked, first.cached) == (4, 0)
    again = audit("again")
    assert (again.checked, again.cached) == (0, 4)
    assert _audit_rows(tmp_path / "again") == _audit_rows(tmp_path / "first")

    # Another override for vorlagen/: only that file is checked again.
    (tree / "lbcheck.toml").write_text(CONFIG.replace("BUE-01", "BUE-02"), encoding="utf-8")
    changed = audit("changed")
    assert (changed.checked, changed.cached) == (1, 3)
    template = _audit_rows(tmp_path / "changed")[str(tree / "vorlagen" / "lb_bueromaterial.md")]
    assert "BUE-01" in _criteria(template) and "BUE-02" not in _criteria(template)

    # The procedure's description is gone: the unchanged form, alone now, is checked again
    # and is no longer about office supplies.
    (tree / "vergabe" / "2024-017_Leistungsbeschreibung.md").unlink()
    moved = audit("moved")
    assert (moved.checked, moved.cached) == (1, 2)
    form = _audit_rows(tmp_path / "moved")[str(tree / "vergabe" / FORM_NAME)]
    assert form["subject"] != ["buero"]
    scanned = run_scan([str(tree)], ScanOptions(jobs=1))
    expected = {d.path: d.model_dump(mode="json") for d in to_model(scanned.report).documents}
    assert _audit_rows(tmp_path / "moved") == expected


def test_spawn_workers_give_the_same_rows(tree: Path, tmp_path: Path) -> None:
    run_audit(_options(tree, tmp_path / "fork", None, start_method="fork"))
    run_audit(_options(tree, tmp_path / "spawn", None, start_method="spawn"))
    assert _audit_rows(tmp_path / "spawn") == _audit_rows(tmp_path / "fork")
