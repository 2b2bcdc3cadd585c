"""The pre-commit hook, run for real: pre-commit clones this repository at HEAD, installs
lbcheck into its own environment (cached in ~/.cache/lbcheck-pre-commit, about two minutes the
first time) and runs the hook on a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BRAND = "# LB Papier\n\nEs ist Kopierpapier der Marke Navigator zu liefern.\n"
CLEAN = "# LB Papier\n\nEs ist Kopierpapier aus 100 % Altpapier zu liefern.\n"


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "lbcheck")
    assert hook["language"] == "python" and hook["entry"].startswith("lbcheck scan")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_pre_commit_really_runs_the_hook(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of lbcheck")
    repo = tmp_path / "vergaben"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "lbcheck.toml").write_text('sets = ["vergaberecht"]\n', encoding="utf-8")
    (repo / "gut.md").write_text(CLEAN, encoding="utf-8")
    (repo / "marke.md").write_text(BRAND, encoding="utf-8")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    config = {"repos": [{"repo": str(ROOT), "rev": head, "hooks": [{"id": "lbcheck"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(Path.home() / ".cache" / "lbcheck-pre-commit")}
    command = [sys.executable, "-m", "pre_commit", "run", "lbcheck", "--files"]

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *files],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )

    ok = hook("gut.md")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout
    bad = hook("gut.md", "marke.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "VR-01" in bad.stdout
