"""``lbcheck audit`` as a user runs it: a real Ctrl-C to the process group, then --resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from lbcheck.audit import store
from lbcheck.cli import main
from lbcheck.pool import TEST_HOOK_ENV

from .conftest import make_tenders


def _lines(path: Path) -> list[str]:
    try:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    except FileNotFoundError:
        return []


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if text in cmdline:
            found.append(int(proc.name))
    return found


def test_ctrl_c_stops_within_a_second_then_resume_completes(tmp_path: Path) -> None:
    paths = make_tenders(tmp_path / "in", 8)
    out = tmp_path / "out"
    env = {
        **os.environ,
        TEST_HOOK_ENV: f"hang:{paths[0].name}",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    command = [sys.executable, "-m", "lbcheck", "audit", str(tmp_path / "in"), "-o", str(out)]
    proc = subprocess.Popen(
        [*command, "-j", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell gives a job
    )
    try:
        deadline = time.monotonic() + 120
        while len(_lines(out / store.DOCUMENTS)) < 7 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        assert len(_lines(out / store.DOCUMENTS)) == 7  # all but the one that hangs
        start = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
        _, stderr = proc.communicate(timeout=30)
        elapsed = time.monotonic() - start
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = stderr.decode("utf-8", errors="replace")
    assert proc.returncode == 130, text
    assert elapsed < 1.0, elapsed
    assert "Traceback" not in text
    assert "Abgebrochen nach 7 von 8" in text
    assert _processes_mentioning(str(out)) == []  # every worker reaped
    assert {p.name for p in out.iterdir()} == {store.DOCUMENTS, store.TIMINGS}  # no temp files
    assert len(_lines(out / store.DOCUMENTS)) == 7

    # The same command again refuses to overwrite; --resume checks only the missing file.
    env.pop(TEST_HOOK_ENV)
    refused = subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
    assert refused.returncode == 2
    assert "--resume" in refused.stderr.decode("utf-8")
    done = subprocess.run(
        [*command, "--resume", "-j", "1"], env=env, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert "1 geprüft" in done.stderr.decode("utf-8")
    documents = [json.loads(line) for line in _lines(out / store.DOCUMENTS)]
    assert sorted(d["path"] for d in documents) == sorted(str(p) for p in paths)
    assert (out / store.REPORT_HTML).exists()


def test_usage_errors(tmp_path: Path) -> None:
    make_tenders(tmp_path / "in", 1)
    base = ["audit", str(tmp_path / "in"), "-o", str(tmp_path / "out")]
    assert main([*base, "--timeout", "0"]) == 2
    assert main([*base, "--max-memory", "nan"]) == 2
    assert main([*base, "--executor", "ray"]) == 2
    assert main([*base, "--scheduler", "tcp://x:1"]) == 2
    assert main(["audit", str(tmp_path / "fehlt"), "-o", str(tmp_path / "out")]) == 2
    (tmp_path / "leer").mkdir()
    (tmp_path / "leer" / "~$sperre.docx").write_bytes(b"x")
    assert main(["audit", str(tmp_path / "leer"), "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


def test_progress_bar_shows_rates_and_time_left() -> None:
    import io

    from rich.console import Console

    from lbcheck.cli_audit import ProgressBar
    from lbcheck.reporters.json_model import JsonDocument

    sink = io.StringIO()
    bar = ProgressBar(Console(file=sink, force_terminal=True, width=150))
    bar.start(total=4, already=1)
    bar.document(JsonDocument(path="a.pdf", status="ok", pages=30), cached=False)
    bar.document(JsonDocument(path="b.pdf", status="ok", pages=10), cached=True)
    bar.stop()
    text = sink.getvalue()
    assert "3/4" in text
    assert "Dateien/s" in text and "Seiten/s" in text
    assert bar.checked == 1 and bar.pages == 30  # cached documents are not counted as speed
