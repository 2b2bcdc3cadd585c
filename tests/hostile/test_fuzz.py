"""A bounded fuzzing run over the DOCX, ODT, PDF, Markdown and text readers (whole pipeline).

Marked ``slow``: about a minute or two in CI (``FUZZ_EXAMPLES`` per format, default 100). Every
input that ever broke the property is kept in tests/hostile/fuzz_regressions/ and replayed by
test_fuzz_regressions on every run.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings

from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options, check_document
from lbcheck.errors import IngestError
from lbcheck.ingest import read_document
from tests.hostile.fuzz import REGRESSIONS, inputs

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
SECONDS = 20
COUNTS: dict[str, int] = {}


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"one input took more than {SECONDS} s")


@pytest.fixture
def watchdog() -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _alarm)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _pipeline(path: Path, compiled: Sequence[CompiledEntry]) -> None:
    """A report or a clean ingest error; anything else (or a hang) fails the property."""
    signal.alarm(SECONDS)
    start = time.perf_counter()
    try:
        document = read_document(path)
    except IngestError as exc:
        assert exc.message  # every code carries its German sentence
        return
    finally:
        signal.alarm(0)
    signal.alarm(SECONDS)
    try:
        report = check_document(document, compiled, Options())
    finally:
        signal.alarm(0)
    assert report.status == "ok"
    assert time.perf_counter() - start < SECONDS


# The watchdog below owns SIGALRM, so pytest-timeout watches these tests from a thread.
_OUTER = pytest.mark.timeout(300, method="thread")


@pytest.mark.slow
@_OUTER
@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf", "md", "txt"])
def test_fuzz_reader(
    fmt: str, compiled: Sequence[CompiledEntry], tmp_path: Path, watchdog: None
) -> None:
    path = tmp_path / f"fuzz.{fmt}"

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=inputs(fmt))
    def run(data: bytes) -> None:
        COUNTS[fmt] = COUNTS.get(fmt, 0) + 1
        path.write_bytes(data)
        try:
            _pipeline(path, compiled)
        except BaseException:
            REGRESSIONS.mkdir(exist_ok=True)
            (REGRESSIONS / f"crash-{abs(hash(data)):x}.{fmt}").write_bytes(data)
            raise

    run()
    assert COUNTS[fmt] >= EXAMPLES // 2  # it ran; the terminal summary prints the count


@_OUTER
def test_fuzz_regressions(compiled: Sequence[CompiledEntry], watchdog: None) -> None:
    """Every input that ever broke the property, replayed (one test, so that an empty folder
    is a pass, not a skipped test)."""
    kept = sorted(REGRESSIONS.glob("*.*")) if REGRESSIONS.is_dir() else []
    for path in kept:
        _pipeline(path, compiled)
    assert all(p.suffix.lstrip(".") in {"docx", "odt", "pdf", "md", "txt"} for p in kept)
