"""``lbcheck serve`` as a real process: SIGTERM (``kill``, ``docker stop``, systemd) stops it
cleanly, within seconds, with exit code 143 and no process left behind.

Every wait is bounded; the server is killed in ``finally`` if the test fails half way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn", reason="uvicorn fehlt (pip install -e '.[web]')")
pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc"),
    pytest.mark.timeout(120),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``, and theirs (read from /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        kids = {p for p, pp in parents.items() if pp == parent} - found
        found |= kids
        todo.extend(kids)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_page(url: str, proc: subprocess.Popen[bytes], seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"lbcheck serve ended early with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return str(answer.read().decode("utf-8"))
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"lbcheck serve did not answer within {seconds} s")


ROOT = Path(__file__).resolve().parents[2]


def _upload_in_background(url: str) -> threading.Thread:
    """POST the example to ``url`` from a thread; the answer (or its failure) does not matter."""
    boundary = "lbcheck-test-boundary"
    data = (ROOT / "examples" / "lb_reinigung.docx").read_bytes()
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="lb.docx"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )

    def post() -> None:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(request, timeout=30).read()

    thread = threading.Thread(target=post, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("moment", ["warming-up", "idle", "checking"])
def test_sigterm_stops_serve_cleanly(moment: str, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "LBCHECK_LANG": "en"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lbcheck", "serve", "--port", str(port), "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    try:
        page = _wait_for_page(f"http://127.0.0.1:{port}/", proc, 60)
        assert "Check a tender" in page  # LBCHECK_LANG reaches the pages
        children = _children(proc.pid)
        assert children, "the worker pool runs in child processes"
        if moment == "idle":
            time.sleep(3)  # let the worker finish loading spaCy
        elif moment == "checking":  # a request waits for the worker while SIGTERM comes
            upload = _upload_in_background(f"http://127.0.0.1:{port}/api/scan")
            time.sleep(0.5)
            assert upload.is_alive()
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=15)
        took = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    err = proc.stderr.read().decode("utf-8") if proc.stderr else ""
    assert code == 143, err
    assert took < 10, took
    assert "Traceback" not in err and "leaked" not in err, err
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in children if _alive(p)], "child processes left behind"
