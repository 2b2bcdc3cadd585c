"""Every lbcheck command and config example in README.md and docs/ (all pages, also
docs/criteria/) runs as documented.

Commands are read from the Markdown itself (``bash`` blocks, and ``run:``/``script:`` lines of
CI examples in ``yaml`` blocks), so a changed example is tested as changed. Files the examples
name (``ausschreibung.docx``, ``lb.docx``, ``lv.pdf``, ``lb.odt``, ``vergaben/``,
``hausregeln.yaml`` ...) are made from the shipped examples in a temporary folder. Each command
starts without the report files it names, as in a fresh checkout; ``lbcheck serve`` is started,
asked for its page (and the ``curl`` example of docs/web.md), and stopped.

Not run here: the set-up lines (``python3 -m venv``, ``pip install``, ``apt-get``) and the
developer commands (``pytest``, ``ruff``, ``python ../shared/eval/...``) of README.md,
docs/web.md and docs/accuracy.md; CI runs those itself.
"""

from __future__ import annotations

import itertools
import json
import os
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
import yaml

from tests.cli.helpers import ROOT, run
from tests.hostile.office import content_xml, odt

PDF = ROOT / "tests" / "fixtures" / "holdout3" / "h3_08_LB_Gebaeudereinigung_Schulen.pdf"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_FENCE = re.compile(r"```(\w*)\n(.*?)```", re.S)
_CI_LINE = re.compile(r"^\s*(?:-\s*)?(?:run:|script:)?\s*(lbcheck\s.*)$")


def blocks(path: Path, lang: str) -> list[str]:
    return [body for kind, body in _FENCE.findall(path.read_text(encoding="utf-8")) if kind == lang]


def _command_lines(path: Path) -> list[str]:
    lines = [raw for body in blocks(path, "bash") for raw in body.splitlines()]
    for body in blocks(path, "yaml"):  # CI examples: "- run: lbcheck scan …", "script: …"
        lines.extend(m[1] for raw in body.splitlines() if (m := _CI_LINE.match(raw)))
    return lines


def documented_commands() -> list[tuple[str, str]]:
    """(file, command line) for every ``lbcheck …`` line, comments removed."""
    found: list[tuple[str, str]] = []
    for path in DOCS:
        for raw in _command_lines(path):
            text = raw.split("  #")[0].split(" # ")[0].strip()
            text = re.sub(r"^(\.venv/bin/)?", "", text.split("&& ")[-1])
            if not text.startswith("lbcheck "):
                continue
            # "lbcheck criteria list | show X | validate Y" abbreviates three commands.
            head, *alternatives = (part.strip() for part in text.split(" | "))
            found.append((path.relative_to(ROOT).as_posix(), head))
            prefix = " ".join(head.split()[:2])
            found.extend(
                (path.relative_to(ROOT).as_posix(), f"{prefix} {alt}") for alt in alternatives
            )
    return found


def _workspace(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "examples" / "lb_reinigung.docx", tmp_path / "ausschreibung.docx")
    shutil.copy(ROOT / "examples" / "lb_reinigung.docx", tmp_path / "lb.docx")
    shutil.copy(PDF, tmp_path / "lb.pdf")
    shutil.copy(PDF, tmp_path / "lv.pdf")
    shutil.copy(PDF, tmp_path / "anlage.pdf")
    body = (
        '<text:h text:outline-level="1">Leistungsbeschreibung Schreibgeräte</text:h>'
        "<text:p>Es sind Textmarker der Marke Stabilo zu liefern.</text:p>"
    )
    (tmp_path / "lb.odt").write_bytes(odt(content_xml(body)))
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
SERVE_PAGE = "docs/web.md"
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


def _outputs(argv: list[str]) -> list[Path]:
    """The report files a scan or annotate command line names (``-o X``, ``-f NAME:X``)."""
    files: list[Path] = []
    for flag, value in itertools.pairwise(argv):
        if flag in ("-o", "--output"):
            files.append(Path(value))
        elif flag in ("-f", "--format") and ":" in value:
            files.append(Path(value.partition(":")[2]))
    return files


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(folder: Path, argv: list[str], source: str) -> None:
    """Start the documented ``lbcheck serve`` on a free port, fetch its page, run the page's
    ``curl`` example against it, stop it."""
    port = _free_port()
    command = [sys.executable, "-m", "lbcheck", *argv, "--port", str(port)]
    server = subprocess.Popen(command, cwd=folder, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200 and "lbcheck" in page.read().decode("utf-8")
                break
            except OSError:
                assert server.poll() is None, f"{source}: serve ended with {server.returncode}"
                assert time.monotonic() < deadline, f"{source}: serve did not answer"
                time.sleep(0.3)
        page = ROOT / source
        curls = [ln for b in blocks(page, "bash") for ln in b.splitlines() if "curl " in ln]
        if not curls or shutil.which("curl") is None:
            return
        for line in curls:
            args = shlex.split(line.split("  #")[0].replace(":8765", f":{port}"))
            result = subprocess.run(
                [*args, "-sS"], cwd=folder, capture_output=True, text=True, timeout=120, check=False
            )
            assert result.returncode == 0, result.stderr
            assert len(json.loads(result.stdout)["documents"]) == 2, result.stdout[:300]
    finally:
        server.send_signal(signal.SIGINT)  # Strg+C, as the server's own message says
        try:
            server.wait(timeout=30)
        finally:
            server.kill()
            server.wait()


@pytest.mark.parametrize("source", SOURCES)
def test_documented_commands_run_in_order(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    source: str,
) -> None:
    """The commands of one page run one after another, as a reader would type them."""
    monkeypatch.chdir(_workspace(tmp_path))
    # One process: the examples are small, and a pool per command only costs start-up time.
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    _git_workspace(tmp_path)
    for _, command in (c for c in COMMANDS if c[0] == source):
        if "--changed-since" in command and shutil.which("git") is None:
            continue
        argv = shlex.split(command)[1:]
        if argv[0] == "serve":
            # Starting the server takes seconds: the same command line runs once, on its page.
            if source == SERVE_PAGE or (SERVE_PAGE, command) not in COMMANDS:
                _serve(tmp_path, argv, source)
            continue
        outputs = [] if "--force" in argv else _outputs(argv)
        for output in outputs:  # each example as in a fresh checkout
            output.unlink(missing_ok=True)
        started = time.monotonic()
        code, _, err = run(capsys, *argv)
        print(f"{time.monotonic() - started:6.1f}s {command}", file=sys.__stderr__)
        assert code in (0, 1), f"{source}: {command} -> {code}: {err}"
        assert "Traceback" not in err
        for output in outputs:
            assert output.is_file(), f"{source}: {command} did not write {output}"


def test_every_page_with_commands_is_covered() -> None:
    """Adding a page with lbcheck commands adds it to the test without further ado."""
    pages = {"annotate", "ci", "formats", "suppressions", "web"}
    assert {"README.md", *(f"docs/{p}.md" for p in pages)} <= set(SOURCES)
    from_yaml = "lbcheck scan lv/ --format github --format sarif:lbcheck.sarif"
    assert ("docs/formats.md", from_yaml) in COMMANDS  # a "- run:" line of a workflow example


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


def _ci_examples() -> dict[str, dict[str, object]]:
    found = {}
    for body in blocks(ROOT / "docs" / "ci.md", "yaml"):
        data = yaml.safe_load(body)
        assert isinstance(data, dict)
        found[next(iter(data))] = data
    return found


def test_ci_page_pre_commit_example_names_the_real_hook() -> None:
    example = _ci_examples()["repos"]
    repo = example["repos"][0]  # type: ignore[index]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in repo["hooks"]} <= {h["id"] for h in hooks}
    for hook in repo["hooks"]:
        re.compile(hook.get("files", ""))
    assert repo["repo"] == _repository()


def test_ci_page_github_workflow_uses_real_action_inputs() -> None:
    workflow = _ci_examples()["name"]
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lbcheck"]["steps"]  # type: ignore[index]
    step = next(s for s in steps if "lbcheck" in s.get("uses", ""))
    assert step["uses"].split("@")[0] == _repository().removeprefix("https://github.com/")
    assert set(step["with"]) <= set(action["inputs"])
    assert "security-events" in workflow["permissions"]  # type: ignore[operator]


def test_ci_page_gitlab_include_sets_the_template_variables() -> None:
    example = _ci_examples()["include"]
    template = yaml.safe_load((ROOT / "ci" / "lbcheck.gitlab-ci.yml").read_text(encoding="utf-8"))
    assert set(example["variables"]) <= set(template["lbcheck"]["variables"])  # type: ignore[arg-type]
    remote = example["include"][0]["remote"]  # type: ignore[index]
    assert remote.startswith(_repository()) and remote.endswith("/ci/lbcheck.gitlab-ci.yml")


def _repository() -> str:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    url: str = data["project"]["urls"]["Repository"]
    return url


def test_every_criteria_format_example_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = blocks(ROOT / "docs" / "criteria-format.md", "yaml")
    assert len(examples) >= 2
    for n, body in enumerate(examples):
        own = tmp_path / f"beispiel{n}.yaml"
        own.write_text(body, encoding="utf-8")
        code, _, err = run(capsys, "criteria", "validate", str(own))
        assert code == 0, f"example {n + 1}: {err}"
