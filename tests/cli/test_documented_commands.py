"""Every lbcheck command and config example in README.md and docs/ runs as documented.

Commands are read from the Markdown itself, so a changed example is tested as changed. Files the
examples name (``ausschreibung.docx``, ``lb.docx``, ``vergaben/``, ``hausregeln.yaml`` ...) are
made from the shipped examples in a temporary folder.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli.helpers import ROOT, run
from tests.ingest.test_ingest_odt import odt

PDF = ROOT / "tests" / "fixtures" / "holdout3" / "h3_08_LB_Gebaeudereinigung_Schulen.pdf"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"```(\w*)\n(.*?)```", re.S)


def blocks(path: Path, lang: str) -> list[str]:
    return [body for kind, body in _FENCE.findall(path.read_text(encoding="utf-8")) if kind == lang]


def documented_commands() -> list[tuple[str, str]]:
    """(file, command line) for every ``lbcheck …`` line in a bash block, comments removed."""
    found: list[tuple[str, str]] = []
    for path in DOCS:
        for body in blocks(path, "bash"):
            for raw in body.splitlines():
                text = raw.split("  #")[0].strip()
                text = re.sub(r"^(\.venv/bin/)?", "", text.split("&& ")[-1])
                if not text.startswith("lbcheck "):
                    continue
                # "lbcheck criteria list | show X | validate Y" abbreviates three commands.
                head, *alternatives = (part.strip() for part in text.split(" | "))
                found.append((path.name, head))
                prefix = " ".join(head.split()[:2])
                found.extend((path.name, f"{prefix} {alt}") for alt in alternatives)
    return found


def _workspace(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "examples" / "lb_reinigung.docx", tmp_path / "ausschreibung.docx")
    shutil.copy(ROOT / "examples" / "lb_reinigung.docx", tmp_path / "lb.docx")
    shutil.copy(PDF, tmp_path / "lb.pdf")
    shutil.copy(PDF, tmp_path / "lv.pdf")
    (tmp_path / "lb.odt").write_bytes(odt())
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("*.py"))
    (tmp_path / "vergaben").mkdir()
    shutil.copy(ROOT / "examples" / "lb_bueromaterial.md", tmp_path / "vergaben")
    (tmp_path / "lv" / "los1").mkdir(parents=True)
    shutil.copy(PDF, tmp_path / "lv" / "los1" / "reinigung.pdf")
    (tmp_path / "hausregeln.yaml").write_text(
        blocks(ROOT / "docs" / "criteria-format.md", "yaml")[0], encoding="utf-8"
    )
    return tmp_path


COMMANDS = documented_commands()
SOURCES = sorted({source for source, _ in COMMANDS})


def test_commands_were_found() -> None:
    assert "README.md" in SOURCES and len(COMMANDS) >= 8


def _git_workspace(folder: Path) -> None:
    """A repository with an ``origin/main`` for the --changed-since examples."""
    if shutil.which("git") is None:
        return
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=folder, check=True)
    subprocess.run(
        ["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=folder, check=True
    )


@pytest.mark.parametrize("source", SOURCES)
def test_documented_commands_run_in_order(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    source: str,
) -> None:
    """The commands of one page run one after another, as a reader would type them."""
    monkeypatch.chdir(_workspace(tmp_path))
    _git_workspace(tmp_path)
    for _, command in (c for c in COMMANDS if c[0] == source):
        if "--changed-since" in command and shutil.which("git") is None:
            continue
        if command.split()[1] == "serve":
            _serve_answers(shlex.split(command)[1:])
            continue
        code, _, err = run(capsys, *shlex.split(command)[1:])
        assert code in (0, 1), f"{source}: {command} -> {code}: {err}"
        assert "Traceback" not in err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve_answers(argv: list[str]) -> None:
    """``lbcheck serve`` runs until stopped: start it for real, load its page, stop it."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "lbcheck", *argv, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                    assert page.status == 200
                    assert "lbcheck" in page.read().decode("utf-8")
                    break
            except OSError:
                assert time.monotonic() < deadline, f"lbcheck {' '.join(argv)} did not answer"
                time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_suppression_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = ROOT / "docs" / "suppressions.md"
    doc = tmp_path / "lb.md"
    doc.write_text(blocks(page, "markdown")[0], encoding="utf-8")
    code, out, err = run(capsys, "scan", "-f", "json", "--sets", "vergaberecht", str(doc))
    assert code in (0, 1), err
    assert not [f for f in json.loads(out)["documents"][0]["findings"] if f["code"] == "VR-01"]
    sup = tmp_path / "s.yaml"
    sup.write_text(blocks(page, "yaml")[0], encoding="utf-8")
    code, _, err = run(capsys, "scan", "-q", "--suppressions", str(sup), str(doc))
    assert code in (0, 1) and "3f9c0a7d12e4b6c8" in err  # valid, and reported as unused


def test_readme_config_example_works_with_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's lbcheck.yaml (with severity and criteria) works, also with --sets."""
    monkeypatch.chdir(_workspace(tmp_path))
    config = next(b for b in blocks(ROOT / "README.md", "yaml") if "severity:" in b)
    Path("lbcheck.yaml").write_text(config, encoding="utf-8")
    for extra in ([], ["--sets", "ilo,kreislauf"], ["--criteria", "hausregeln.yaml"]):
        code, _, err = run(capsys, "scan", "-q", *extra, "vergaben")
        assert code in (0, 1), f"{extra}: {err}"


def test_criteria_format_example_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "hausregeln.yaml"
    own.write_text(blocks(ROOT / "docs" / "criteria-format.md", "yaml")[0], encoding="utf-8")
    code, out, err = run(capsys, "criteria", "validate", str(own))
    assert code == 0, err
    assert "gültig" in out


@pytest.mark.parametrize(("lang", "name"), [("toml", "lbcheck.toml"), ("yaml", "lbcheck.yaml")])
def test_configuration_examples_work(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    name: str,
) -> None:
    monkeypatch.chdir(_workspace(tmp_path))
    for body in blocks(ROOT / "docs" / "configuration.md", lang):
        Path(name).write_text(body, encoding="utf-8")
        code, _, err = run(capsys, "scan", "-q", "vergaben")
        assert code in (0, 1), err
        Path(name).unlink()


def test_python_api_example_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_workspace(tmp_path))
    for body in blocks(ROOT / "docs" / "ci.md", "python"):
        exec(compile(body, "docs/ci.md", "exec"), {})
    assert "VR-01" in capsys.readouterr().out
