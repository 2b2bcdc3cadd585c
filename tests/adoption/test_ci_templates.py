"""The GitHub Action and the GitLab CI template: their structure, and their lbcheck commands run
locally with the variables CI would set; the SARIF they upload is checked against the official
schema."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "lb_bueromaterial.md"
BIN = Path(sys.executable).parent


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _action() -> dict[str, Any]:
    data = _load(ROOT / "action.yml")
    assert isinstance(data, dict)
    return data


def _scan_step() -> dict[str, Any]:
    return next(s for s in _action()["runs"]["steps"] if s.get("id") == "scan")


def test_action_is_composite_and_uploads_sarif() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    uses = [s.get("uses", "") for s in action["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert "--format sarif" in _scan_step()["run"]
    assert set(action["inputs"]) >= {"paths", "args", "changed-since", "sarif-file"}


def test_action_script_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n"], input=_scan_step()["run"], text=True, check=False)
    assert result.returncode == 0


def _run_action(
    tmp_path: Path, paths: str, args: str = "", fmt: str = "sarif"
) -> tuple[int, str, Path]:
    sarif = tmp_path / "lbcheck.sarif"
    output = tmp_path / "github_output"
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "LBCHECK_PATHS": paths,
        "LBCHECK_ARGS": args,
        "LBCHECK_CHANGED_SINCE": "",
        "LBCHECK_SARIF": str(sarif),
        "GITHUB_OUTPUT": str(output),
    }
    script = _scan_step()["run"].replace("--format sarif", f"--format {fmt}")
    result = subprocess.run(["bash", "-e", "-c", script], env=env, cwd=tmp_path, check=False)
    return result.returncode, output.read_text(encoding="utf-8"), sarif


def test_action_scan_step_runs(tmp_path: Path) -> None:
    from tests.reporters.test_format_sarif import check_github_rules, validate

    (tmp_path / "vergaben").mkdir()  # in the checked-out repository, as in CI
    shutil.copy(EXAMPLE, tmp_path / "vergaben")
    code, outputs, sarif = _run_action(tmp_path, "vergaben/")
    assert code == 0 and "exit-code=1" in outputs  # findings: the last step fails the job
    data = json.loads(sarif.read_text(encoding="utf-8"))
    validate(data)
    check_github_rules(data)
    code, outputs, _ = _run_action(tmp_path, str(tmp_path / "fehlt.md"))
    assert code == 2 and "exit-code=2" in outputs  # a usage error fails at once


def test_action_scan_step_plumbing_with_json(tmp_path: Path) -> None:
    """Exit-code handling of the step, with the JSON format standing in for SARIF."""
    code, outputs, report = _run_action(tmp_path, str(EXAMPLE), "--fail-on error", fmt="json")
    assert code == 0 and "exit-code=1" in outputs
    assert json.loads(report.read_text(encoding="utf-8"))["documents"]
    code, outputs, _ = _run_action(tmp_path, str(EXAMPLE), "--exit-zero", fmt="json")
    assert code == 0 and "exit-code=0" in outputs
    code, outputs, _ = _run_action(tmp_path, str(tmp_path / "fehlt.md"), fmt="json")
    assert code == 2 and "exit-code=2" in outputs


def test_gitlab_template_produces_code_quality() -> None:
    job = _load(ROOT / "ci" / "lbcheck.gitlab-ci.yml")["lbcheck"]
    assert job["artifacts"]["reports"]["codequality"] == job["variables"]["LBCHECK_REPORT"]
    assert job["artifacts"]["when"] == "always"
    assert any("--format gitlab" in line for line in job["script"])


def test_gitlab_script_runs(tmp_path: Path) -> None:
    job = _load(ROOT / "ci" / "lbcheck.gitlab-ci.yml")["lbcheck"]
    env = {
        **os.environ,
        **{k: str(v) for k, v in job["variables"].items()},
        "LBCHECK_PATHS": str(EXAMPLE),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }
    result = subprocess.run(
        ["bash", "-c", "\n".join(job["script"])], env=env, cwd=tmp_path, check=False
    )
    assert result.returncode == 1
    report = json.loads((tmp_path / job["variables"]["LBCHECK_REPORT"]).read_text("utf-8"))
    assert isinstance(report, list) and report and "fingerprint" in report[0]
