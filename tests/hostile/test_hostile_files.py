"""Every crafted file of tests/hostile/build.py gives its expected code, in bounded time and
memory, in a subprocess with an address-space limit (a runaway file cannot take the suite)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.build import CASES, Case

ROOT = Path(__file__).resolve().parents[2]
MEMORY_MB = 2500  # spaCy and the catalogue take about 1 GB of address space before any file
SECONDS_PER_FILE = 20.0  # catches hangs; the measured times are in docs/security.md


def _run(cases: list[Case], folder: Path) -> dict[str, dict[str, object]]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in cases:
        path = folder / case.name
        path.write_bytes(case.build())
        paths.append(str(path))
    proc = subprocess.run(
        [sys.executable, "-m", "tests.hostile.run_cases", str(MEMORY_MB), *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60 + SECONDS_PER_FILE * len(cases),
        check=False,
    )
    results = {}
    for line in proc.stdout.splitlines():
        result = json.loads(line)
        results[result["name"]] = result
    assert proc.returncode == 0, proc.stderr[-3000:]
    return results


@pytest.fixture(scope="module")
def fast_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return _run([c for c in CASES if not c.slow], tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def slow_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return _run([c for c in CASES if c.slow], tmp_path_factory.mktemp("hostile-slow"))


def _check(case: Case, result: dict[str, object]) -> None:
    assert result["code"] == case.expected, result["detail"]
    assert isinstance(result["seconds"], float | int) and result["seconds"] < SECONDS_PER_FILE
    text = str(result["text"])
    if case.forbidden is not None:
        assert case.forbidden not in text
    if case.needs is not None:
        assert case.needs in text
    assert "Arbeitsspeicher" not in str(result["detail"])  # a limit, not the rlimit, stopped it


@pytest.mark.parametrize("case", [c for c in CASES if not c.slow], ids=lambda c: c.name)
def test_hostile_file(case: Case, fast_results: dict[str, dict[str, object]]) -> None:
    _check(case, fast_results[case.name])


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.slow], ids=lambda c: c.name)
def test_hostile_file_multi_gb(case: Case, slow_results: dict[str, dict[str, object]]) -> None:
    _check(case, slow_results[case.name])


def test_builder_writes_every_case(tmp_path: Path) -> None:
    from tests.hostile.build import CRITERIA, main

    assert main([str(tmp_path)]) == 0
    written = {p.name for p in tmp_path.iterdir()}
    assert written == {c.name for c in CASES} | set(CRITERIA)


@pytest.mark.parametrize(
    "name",
    ["criteria_alias_bomb.yaml", "criteria_python_tag.yaml", "criteria_catastrophic_regex.yaml"],
)
def test_hostile_criteria_files_exit_2(name: str, tmp_path: Path) -> None:
    from tests.hostile.build import CRITERIA

    text, code = CRITERIA[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "lbcheck", "criteria", "validate", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
