"""The first file of a one-process scan is read in a helper while the catalogue loads.

The helper only starts in a process that has not loaded spaCy and runs no other thread; the
test process has done both long ago, so the helper's own behaviour is tested in fresh
interpreters.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from lbcheck import read_ahead, runner
from lbcheck.config import Settings
from lbcheck.nlp import load_pipeline
from lbcheck.read_ahead import ReadAhead
from lbcheck.runner import scan_items
from tests.ingest.pdf_factory import build_pdf, text_page
from tests.ingest.test_ingest_odt import odt

_ROOT = Path(__file__).parents[1]
_EXAMPLES = _ROOT / "examples"
_LIMIT = Settings().max_bytes

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or read_ahead._cores() < 2, reason="read-ahead needs fork and 2 cores"
)


def _fresh(code: str, *args: str) -> str:
    """Run ``code`` in a new interpreter (one thread, spaCy not loaded); its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=_ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    pdf = tmp_path / "lb.pdf"
    pdf.write_bytes(
        build_pdf([text_page(["Leistungsbeschreibung", "Recyclingpapier mit Blauer Engel."])])
    )
    doc = tmp_path / "lb.odt"
    doc.write_bytes(odt())
    return [pdf, doc, _EXAMPLES / "lb_reinigung.docx", _EXAMPLES / "lb_bueromaterial.md"]


@needs_fork
def test_helper_reads_what_the_scan_would_read(files: list[Path]) -> None:
    out = _fresh(
        """
        import sys
        from pathlib import Path
        from lbcheck.config import Settings
        from lbcheck.ingest import read_document
        from lbcheck.read_ahead import ReadAhead
        limit = Settings().max_bytes
        for name in sys.argv[1:]:
            path = Path(name)
            ahead = ReadAhead(path, path.name, limit)
            assert ahead._process is not None, "no helper started"
            assert ahead.document() == read_document(path, path.name, max_bytes=limit)
            assert ahead._process is None  # reaped
        assert "spacy" not in sys.modules
        print("same", len(sys.argv) - 1)
        """,
        *map(str, files),
    )
    assert out.split() == ["same", str(len(files))]


@needs_fork
def test_a_file_that_does_not_read_is_left_to_the_scan(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really")
    out = _fresh(
        """
        import sys
        from pathlib import Path
        from lbcheck.config import Settings
        from lbcheck.read_ahead import ReadAhead
        from lbcheck.runner import scan_items
        path = Path(sys.argv[1])
        ahead = ReadAhead(path, path.name, Settings().max_bytes)
        assert ahead._process is not None
        assert ahead.document() is None
        report = scan_items([(path, path.name)], Settings(jobs=1))
        print(report.documents[0].status, report.documents[0].error.code)
        """,
        str(broken),
    )
    assert out.split() == ["error", "corrupt"]


@needs_fork
def test_a_helper_that_dies_is_left_to_the_scan() -> None:
    out = _fresh(
        """
        import os
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        def die(*_args, **_kwargs):
            os._exit(9)
        read_ahead.read_document = die  # inherited by the forked helper
        path = Path("examples/lb_bueromaterial.md")
        ahead = read_ahead.ReadAhead(path, path.name, Settings().max_bytes)
        assert ahead._process is not None
        print(ahead.document())
        """
    )
    assert out.strip() == "None"


@needs_fork
def test_close_stops_a_helper_still_reading() -> None:
    out = _fresh(
        """
        import time
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        read_ahead.read_document = lambda *_a, **_k: time.sleep(60)
        path = Path("examples/lb_bueromaterial.md")
        ahead = read_ahead.ReadAhead(path, path.name, Settings().max_bytes)
        process = ahead._process
        assert process is not None and process.is_alive()
        start = time.monotonic()
        ahead.close()
        assert ahead._process is None and ahead.document() is None
        print(round(time.monotonic() - start))
        """
    )
    assert int(out) < 10


@needs_fork
def test_a_fresh_scan_gives_the_same_report_as_one_without_helper(files: list[Path]) -> None:
    code = """
        import sys
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        from lbcheck.runner import scan_items
        if sys.argv[1] == "alone":
            read_ahead._cores = lambda: 1
        started = []
        real = read_ahead.ReadAhead.__init__
        def spy(self, *args):
            real(self, *args)
            started.append(self._process is not None)
        read_ahead.ReadAhead.__init__ = spy
        path = Path(sys.argv[2])
        report = scan_items([(path, path.name)], Settings(jobs=1))
        print(started)
        print(repr(report.documents))
        """
    for path in files:
        ahead = _fresh(code, "ahead", str(path)).splitlines()
        alone = _fresh(code, "alone", str(path)).splitlines()
        assert ahead[0] == "[True]" and alone[0] == "[False]"
        assert ahead[1] == alone[1] and "status='ok'" in ahead[1]


def test_a_process_with_spacy_loaded_reads_in_process() -> None:
    load_pipeline()  # as after a first scan in this process
    ahead = ReadAhead(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)
    assert ahead._process is None and ahead.document() is None


def test_a_process_with_other_threads_reads_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "_waits_for_spacy", lambda: True)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        ahead = ReadAhead(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)
        assert ahead._process is None and ahead.document() is None
    finally:
        stop.set()
        other.join()


def test_one_core_reads_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "_waits_for_spacy", lambda: True)
    monkeypatch.setattr(read_ahead, "_cores", lambda: 1)
    ahead = ReadAhead(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)
    assert ahead._process is None and ahead.document() is None


def test_only_the_first_file_is_offered_to_the_helper(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    real = runner.ReadAhead

    def spy(path: Path, shown: str, max_bytes: int) -> ReadAhead:
        started.append(shown)
        return real(path, shown, max_bytes)

    monkeypatch.setattr(runner, "ReadAhead", spy)
    report = scan_items([(p, p.name) for p in files], Settings(jobs=1))
    assert started == [files[0].name]
    assert [d.path for d in report.documents] == [p.name for p in files]


def _group(pgid: int) -> list[int]:
    """Processes of a process group (Linux /proc)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_while_the_helper_reads_stops_both(tmp_path: Path) -> None:
    lines = [f"Zeile {i}: Recyclingpapier mit Blauer Engel oder gleichwertig." for i in range(50)]
    big = tmp_path / "gross.pdf"
    big.write_bytes(build_pdf([text_page(lines) for _ in range(400)]))
    scan = subprocess.Popen(
        [sys.executable, "-m", "lbcheck.entry", "scan", "--isolated", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        cwd=_ROOT,
    )
    deadline = time.monotonic() + 60
    while len(_group(scan.pid)) < 2 and scan.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(_group(scan.pid)) >= 2, "the helper never ran"
    os.killpg(scan.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    _, err = scan.communicate(timeout=60)
    assert scan.returncode == 130
    assert b"Traceback" not in err
    deadline = time.monotonic() + 10
    while _group(scan.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _group(scan.pid)
