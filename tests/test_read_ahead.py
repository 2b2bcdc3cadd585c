"""Files are read in a helper while the catalogue loads: the first file of a one-process scan,
the largest files of a run on worker processes.

The helper only starts in a process that has not loaded spaCy and runs no other thread; the
test process has done both long ago, so the helper's own behaviour is tested in fresh
interpreters.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lbcheck import read_ahead, runner
from lbcheck.config import Settings
from lbcheck.nlp import load_pipeline
from lbcheck.read_ahead import ReadAhead
from lbcheck.runner import scan_items
from tests.fresh import run_fresh
from tests.ingest.pdf_factory import build_pdf, text_page
from tests.ingest.test_ingest_odt import odt

_ROOT = Path(__file__).parents[1]
_EXAMPLES = _ROOT / "examples"
_LIMIT = Settings().max_bytes

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or read_ahead._cores() < 2, reason="read-ahead needs fork and 2 cores"
)


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
    out = run_fresh(
        """
        import sys
        from pathlib import Path
        from lbcheck.config import Settings
        from lbcheck.ingest import read_document
        from lbcheck.read_ahead import ReadAhead
        limit = Settings().max_bytes
        for name in sys.argv[1:]:
            path = Path(name)
            ahead = ReadAhead([(path, path.name, limit)])
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
    out = run_fresh(
        """
        import sys
        from pathlib import Path
        from lbcheck.config import Settings
        from lbcheck.read_ahead import ReadAhead
        from lbcheck.runner import scan_items
        path = Path(sys.argv[1])
        ahead = ReadAhead([(path, path.name, Settings().max_bytes)])
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
    out = run_fresh(
        """
        import os
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        def die(*_args, **_kwargs):
            os._exit(9)
        read_ahead.read_document = die  # inherited by the forked helper
        path = Path("examples/lb_bueromaterial.md")
        ahead = read_ahead.ReadAhead([(path, path.name, Settings().max_bytes)])
        assert ahead._process is not None
        print(ahead.document())
        """
    )
    assert out.strip() == "None"


@needs_fork
def test_close_stops_a_helper_still_reading() -> None:
    out = run_fresh(
        """
        import time
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        read_ahead.read_document = lambda *_a, **_k: time.sleep(60)
        path = Path("examples/lb_bueromaterial.md")
        ahead = read_ahead.ReadAhead([(path, path.name, Settings().max_bytes)])
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
        ahead = run_fresh(code, "ahead", str(path)).splitlines()
        alone = run_fresh(code, "alone", str(path)).splitlines()
        assert ahead[0] == "[True]" and alone[0] == "[False]"
        assert ahead[1] == alone[1] and "status='ok'" in ahead[1]


def test_a_process_with_spacy_loaded_reads_in_process() -> None:
    load_pipeline()  # as after a first scan in this process
    ahead = ReadAhead([(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)])
    assert ahead._process is None and ahead.document() is None


def test_a_process_with_other_threads_reads_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "_waits_for_spacy", lambda: True)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        ahead = ReadAhead([(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)])
        assert ahead._process is None and ahead.document() is None
    finally:
        stop.set()
        other.join()


def test_one_core_reads_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "_waits_for_spacy", lambda: True)
    monkeypatch.setattr(read_ahead, "_cores", lambda: 1)
    ahead = ReadAhead([(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)])
    assert ahead._process is None and ahead.document() is None


def test_only_the_first_file_is_offered_to_the_helper(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    real = runner.ReadAhead

    def spy(wanted: list[read_ahead.Wanted]) -> ReadAhead:
        started.extend(shown for _, shown, _ in wanted)
        return real(wanted)

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


@needs_fork
def test_a_run_on_workers_gets_every_file_the_helper_read(files: list[Path]) -> None:
    broken = files[0].parent / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really")
    out = run_fresh(
        """
        import pickle, sys
        from pathlib import Path
        from lbcheck.config import Settings
        from lbcheck.ingest import read_document
        from lbcheck.read_ahead import ReadAhead
        limit = Settings().max_bytes
        paths = [Path(name) for name in sys.argv[1:]]
        ahead = ReadAhead([(p, p.name, limit) for p in paths])
        process = ahead._process
        assert process is not None, "no helper started"
        process.join(60)  # small files: everything fits the pipe and the helper ends
        read = ahead.documents()
        assert ahead._process is None  # reaped
        for p in paths:
            if p.name == "kaputt.pdf":
                assert (p, p.name) not in read  # left to the worker, which reports it
            else:
                assert pickle.loads(read[p, p.name]) == read_document(p, p.name, max_bytes=limit)
        print(len(read))
        """,
        *map(str, [*files, broken]),
    )
    assert int(out) == len(files)


@needs_fork
def test_stopping_the_helper_keeps_what_it_read_and_abandons_the_file_it_reads() -> None:
    out = run_fresh(
        """
        import time
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        real = read_ahead.read_document
        def slow(path, shown, **kwargs):
            if shown == "second":
                time.sleep(60)  # the stop signal ends this
            return real(path, shown, **kwargs)
        read_ahead.read_document = slow  # inherited by the forked helper
        path = Path("examples/lb_bueromaterial.md")
        limit = Settings().max_bytes
        ahead = read_ahead.ReadAhead(
            [(path, "first", limit), (path, "second", limit), (path, "third", limit)]
        )
        time.sleep(1.0)  # the helper reads "first" and sleeps in "second"
        start = time.monotonic()
        read = ahead.documents()
        print(sorted(shown for _, shown in read), time.monotonic() - start < 0.9)
        """
    )
    assert out.split() == ["['first']", "True"]


@needs_fork
def test_a_helper_that_does_not_stop_is_killed_after_the_wait() -> None:
    out = run_fresh(
        """
        import signal, time
        from pathlib import Path
        from lbcheck import read_ahead
        from lbcheck.config import Settings
        real = read_ahead.read_document
        def stuck(path, shown, **kwargs):
            if shown == "second":  # as in one long PDFium call: the stop signal waits
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
                time.sleep(60)
            return real(path, shown, **kwargs)
        read_ahead.read_document = stuck
        path = Path("examples/lb_bueromaterial.md")
        limit = Settings().max_bytes
        ahead = read_ahead.ReadAhead([(path, "first", limit), (path, "second", limit)])
        process = ahead._process
        time.sleep(1.0)
        start = time.monotonic()
        read = ahead.documents()
        waited = time.monotonic() - start
        print(sorted(shown for _, shown in read), ahead._process)
        print(read_ahead.STOP_WAIT - 0.1 < waited < read_ahead.STOP_WAIT + 5)
        """
    )
    assert out.split() == ["['first']", "None", "True"]


# Run in a fresh interpreter: "alone" starts no helper; otherwise every file the helper read
# is deleted before the workers start, so they can only check the Document handed to them.
# Prints how many files the helper read.
_DELETE_WHAT_THE_HELPER_READ = """
    import sys
    from lbcheck import read_ahead
    if sys.argv[1] == "alone":
        read_ahead._cores = lambda: 1
    real = read_ahead.ReadAhead.documents
    def documents(self):
        read = real(self)
        for path, _ in read:
            path.unlink()
        print(len(read))
        return read
    read_ahead.ReadAhead.documents = documents
    """


_WORKER_SCAN = (
    _DELETE_WHAT_THE_HELPER_READ
    + """
    from pathlib import Path
    from lbcheck.config import Settings
    from lbcheck.runner import scan_items
    paths = [Path(name) for name in sys.argv[2:]]
    report = scan_items([(p, p.name) for p in paths], Settings(jobs=2))
    print([d.status for d in report.documents])
    print(repr(report.documents))
    """
)


@needs_fork
def test_workers_check_the_documents_the_helper_read(tmp_path: Path, files: list[Path]) -> None:
    runs = {}
    for mode in ("ahead", "alone"):
        folder = tmp_path / mode
        folder.mkdir()
        for path in files:
            (folder / path.name).write_bytes(path.read_bytes())
        names = [str(folder / path.name) for path in files]
        runs[mode] = run_fresh(_WORKER_SCAN, mode, *names).splitlines()
    assert int(runs["ahead"][0]) >= 1, "the helper read nothing before the workers started"
    assert runs["alone"][0] == "0"
    # Files deleted once the helper had read them were checked all the same ...
    assert runs["ahead"][1] == str(["ok"] * len(files))
    # ... with the same result as read by the workers themselves.
    assert runs["ahead"][2] == runs["alone"][2]


_WORKER_AUDIT = (
    _DELETE_WHAT_THE_HELPER_READ
    + """
    import json
    from pathlib import Path
    from lbcheck.audit.run import AuditOptions, run_audit
    from lbcheck.config import Settings
    folder = Path(sys.argv[2])
    run_audit(AuditOptions(
        paths=(str(folder / "in"),), output_dir=folder / "out", settings=Settings(), jobs=2
    ))
    rows = [json.loads(line) for line in (folder / "out" / "documents.jsonl").open()]
    for row in rows:
        row.pop("seconds", None)
        row["path"] = Path(row["path"]).name
    print(json.dumps(sorted(rows, key=lambda r: r["path"]), sort_keys=True))
    """
)


@needs_fork
def test_audit_workers_check_the_documents_the_helper_read(
    tmp_path: Path, files: list[Path]
) -> None:
    runs = {}
    for mode in ("ahead", "alone"):
        inbox = tmp_path / mode / "in"
        inbox.mkdir(parents=True)
        for path in files:
            (inbox / path.name).write_bytes(path.read_bytes())
        runs[mode] = run_fresh(_WORKER_AUDIT, mode, str(tmp_path / mode)).splitlines()
    assert int(runs["ahead"][0]) >= 1, "the helper read nothing before the workers started"
    assert runs["alone"][0] == "0"
    assert runs["ahead"][1] == runs["alone"][1]
    assert runs["ahead"][1].count('"status": "ok"') == len(files)
