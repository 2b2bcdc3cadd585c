"""The first file of a one-process scan is read in a helper while the catalogue loads."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from lbcheck import read_ahead, runner
from lbcheck.config import Settings
from lbcheck.ingest import read_document
from lbcheck.nlp import load_pipeline
from lbcheck.read_ahead import ReadAhead
from lbcheck.runner import scan_items
from tests.ingest.pdf_factory import build_pdf, text_page
from tests.ingest.test_ingest_odt import odt

_EXAMPLES = Path(__file__).parents[1] / "examples"
_LIMIT = Settings().max_bytes

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or read_ahead._cores() < 2, reason="read-ahead needs fork and 2 cores"
)


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test process has loaded spaCy long ago; a command-line run has not."""
    monkeypatch.setattr(read_ahead, "_waits_for_spacy", lambda: True)


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
    for path in files:
        ahead = ReadAhead(path, path.name, _LIMIT)
        assert ahead._process is not None
        assert ahead.document() == read_document(path, path.name, max_bytes=_LIMIT)
        assert ahead._process is None  # reaped


@needs_fork
def test_a_file_that_does_not_read_is_left_to_the_scan(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really")
    assert ReadAhead(broken, "kaputt.pdf", _LIMIT).document() is None
    report = scan_items([(broken, "kaputt.pdf")], Settings(jobs=1))
    assert report.documents[0].status == "error"
    assert report.documents[0].error is not None
    assert report.documents[0].error.code == "corrupt"


@needs_fork
def test_a_helper_that_dies_is_left_to_the_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    def die(*_args: object, **_kwargs: object) -> None:
        os._exit(9)

    monkeypatch.setattr(read_ahead, "read_document", die)  # inherited by the forked helper
    path = _EXAMPLES / "lb_bueromaterial.md"
    ahead = ReadAhead(path, path.name, _LIMIT)
    assert ahead._process is not None
    assert ahead.document() is None


@needs_fork
def test_close_stops_a_helper_still_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "read_document", lambda *_a, **_k: time.sleep(60))
    path = _EXAMPLES / "lb_bueromaterial.md"
    ahead = ReadAhead(path, path.name, _LIMIT)
    process = ahead._process
    assert process is not None and process.is_alive()
    start = time.monotonic()
    ahead.close()
    assert time.monotonic() - start < 10
    assert ahead._process is None and ahead.document() is None


def test_a_process_with_spacy_loaded_reads_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    load_pipeline()  # as after a first scan in this process
    assert "spacy" in sys.modules
    ahead = ReadAhead(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)
    assert ahead._process is None and ahead.document() is None


def test_a_process_with_other_threads_reads_in_process() -> None:
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
    monkeypatch.setattr(read_ahead, "_cores", lambda: 1)
    ahead = ReadAhead(_EXAMPLES / "lb_bueromaterial.md", "lb_bueromaterial.md", _LIMIT)
    assert ahead._process is None and ahead.document() is None


def test_scan_reports_the_same_with_and_without_read_ahead(
    files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(jobs=1)
    for path in files:
        ahead = scan_items([(path, path.name)], settings)
        with monkeypatch.context() as m:
            m.setattr(read_ahead, "_cores", lambda: 1)
            alone = scan_items([(path, path.name)], settings)
        assert ahead.documents == alone.documents
        assert ahead.documents[0].status == "ok"


def test_only_the_first_file_is_read_ahead(
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
