"""Project configuration: discovery, formats, unknown keys, include/exclude, .gitignore,
per-path overrides, --config, --isolated and lbcheck init."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from lbcheck.app.starter import STARTER
from lbcheck.config_files import find_config, load_config
from tests.cli.helpers import EXAMPLE, run


def _project(tmp_path: Path) -> Path:
    """proj/ with the brand example in lv/ and in vorlagen/."""
    proj = tmp_path / "proj"
    for sub in ("lv", "vorlagen"):
        (proj / sub).mkdir(parents=True)
        shutil.copy(EXAMPLE, proj / sub / "lb.md")
    return proj


def _codes(out: str) -> dict[str, set[str]]:
    return {
        Path(d["path"]).parent.name + "/" + Path(d["path"]).name: {f["code"] for f in d["findings"]}
        for d in json.loads(out)["documents"]
    }


def _scan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, set[str]]]:
    code, out, err = run(capsys, "scan", "-f", "json", *argv)
    assert code in (0, 1), err
    return code, _codes(out)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("lbcheck.toml", 'disable = ["VR-01"]\nfail-on = "never"\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.lbcheck]\ndisable = ["VR-01"]\n'),
        ("lbcheck.yaml", "disable: [VR-01]\n"),
        (".lbcheck.yaml", "disable: [VR-01]\n"),
    ],
)
def test_config_found_walking_up_from_the_scanned_files(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
) -> None:
    proj = _project(tmp_path)
    (proj / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the project folder: found from the files
    _, codes = _scan(capsys, str(proj / "lv"))
    assert "VR-01" not in codes["lv/lb.md"]
    _, codes = _scan(capsys, "--isolated", str(proj / "lv"))
    assert "VR-01" in codes["lv/lb.md"]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    proj = _project(tmp_path)
    (proj / "lbcheck.yaml").write_text("disable: [VR-01]\n", encoding="utf-8")
    (proj / "lv" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(proj / "lv" / "lb.md") == proj / "lbcheck.yaml"


def test_explicit_config_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    proj = _project(tmp_path)
    (proj / "lbcheck.toml").write_text('disable = ["VR-01"]\n', encoding="utf-8")
    other = tmp_path / "andere.toml"
    other.write_text('disable = ["VR-03"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, codes = _scan(capsys, "--config", str(other), str(proj / "lv"))
    assert "VR-01" in codes["lv/lb.md"] and "VR-03" not in codes["lv/lb.md"]


@pytest.mark.parametrize(
    ("name", "text", "key"),
    [
        ("lbcheck.toml", 'disabel = ["VR-01"]\n', "disabel"),
        ("lbcheck.yaml", "fail_on: never\nsevrity: {VR-01: info}\n", "sevrity"),
        ("lbcheck.toml", '[[overrides]]\npaths = ["a/**"]\nfail_on = "never"\n', "fail_on"),
    ],
)
def test_unknown_key_names_file_key_and_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, key: str
) -> None:
    proj = _project(tmp_path)
    (proj / name).write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "scan", str(proj / "lv"))
    assert code == 2 and out == ""
    assert name in err and f"'{key}" in err.replace("overrides.0.", "") and "erlaubt" in err
    assert "disable" in err  # the list of allowed keys


def test_wrong_value_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proj = _project(tmp_path)
    (proj / "lbcheck.toml").write_text("max_size_mb = -5\n", encoding="utf-8")
    code, _, err = run(capsys, "scan", str(proj / "lv"))
    assert code == 2 and "max_size_mb" in err


def test_include_and_exclude_apply_to_folder_scans_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proj = _project(tmp_path)
    (proj / "lbcheck.toml").write_text('exclude = ["vorlagen/"]\n', encoding="utf-8")
    _, codes = _scan(capsys, str(proj))
    assert set(codes) == {"lv/lb.md"}
    _, codes = _scan(capsys, str(proj / "vorlagen" / "lb.md"))  # named explicitly
    assert set(codes) == {"vorlagen/lb.md"}
    (proj / "lbcheck.toml").write_text('include = ["vorlagen/**"]\n', encoding="utf-8")
    _, codes = _scan(capsys, str(proj))
    assert set(codes) == {"vorlagen/lb.md"}
    (proj / "lbcheck.toml").write_text('exclude = ["*.md"]\n', encoding="utf-8")
    code, _, err = run(capsys, "scan", str(proj))
    assert code == 2 and "exclude" in err


def test_gitignore_is_honoured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    proj = _project(tmp_path)
    subprocess.run(["git", "init", "-q", str(proj)], check=True)
    (proj / ".gitignore").write_text("vorlagen/\n", encoding="utf-8")
    _, codes = _scan(capsys, str(proj))
    assert set(codes) == {"lv/lb.md"}
    (proj / "lbcheck.toml").write_text("respect_gitignore = false\n", encoding="utf-8")
    _, codes = _scan(capsys, str(proj))
    assert set(codes) == {"lv/lb.md", "vorlagen/lb.md"}


def test_per_path_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proj = _project(tmp_path)
    (proj / "lbcheck.toml").write_text(
        'disable = ["VR-03"]\n\n[[overrides]]\npaths = ["vorlagen/**"]\ndisable = ["VR-01"]\n'
        'severity = { VR-02 = "info" }\n',
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "scan", "-f", "json", str(proj))
    docs = {Path(d["path"]).parent.name: d for d in json.loads(out)["documents"]}
    assert list(docs) == ["lv", "vorlagen"]  # report order kept across groups
    lv = {f["code"] for f in docs["lv"]["findings"]}
    vorlagen = {f["code"]: f["severity"] for f in docs["vorlagen"]["findings"]}
    assert "VR-01" in lv and "VR-03" not in lv
    assert "VR-01" not in vorlagen and "VR-03" not in vorlagen
    assert vorlagen.get("VR-02", "info") == "info"


def test_cli_severity_wins_over_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proj = _project(tmp_path)
    (proj / "lbcheck.toml").write_text('severity = { VR-01 = "info" }\n', encoding="utf-8")
    _, out, _ = run(capsys, "scan", "-f", "json", "--severity", "VR-01=warning", str(proj / "lv"))
    severities = {
        f["severity"] for f in json.loads(out)["documents"][0]["findings"] if f["code"] == "VR-01"
    }
    assert severities == {"warning"}


def test_init_writes_a_valid_commented_config_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "init", str(tmp_path))
    target = tmp_path / "lbcheck.toml"
    assert code == 0 and str(target) in out
    assert target.read_text(encoding="utf-8") == STARTER
    assert STARTER.count("\n# ") > 10
    config = load_config(target)
    assert config.fail_on == "error" and config.respect_gitignore
    target.write_text("# meine\n", encoding="utf-8")
    code, _, err = run(capsys, "init", str(tmp_path))
    assert code == 2 and "existiert bereits" in err
    assert target.read_text(encoding="utf-8") == "# meine\n"


def test_starter_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    head, tail = STARTER.split("# [[overrides]]")
    lines = [ln[2:] if ln.startswith("# ") and " = " in ln else ln for ln in head.splitlines()]
    lines += ["[[overrides]]"] + [ln[2:] for ln in tail.splitlines() if ln.startswith("# ")]
    path = tmp_path / "lbcheck.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(path)
    assert config.sets and config.severity and config.include and config.max_size_mb == 50
    assert config.overrides[0].disable == ("VR-06",)
