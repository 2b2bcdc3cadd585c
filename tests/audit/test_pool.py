"""The worker pool: budgets, crashed and killed workers, spawn, and scan's parallel path."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from lbcheck.config import Settings
from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options
from lbcheck.pool import MIB, TEST_HOOK_ENV, Budget, Outcome, Task, WorkerPool
from lbcheck.runner import build_entries, scan_items

from .conftest import make_tenders

# A hung file is stopped after this; long enough for a worker's first document on a slow
# CI machine (patterns compiled and new words learnt on first use), which 1 s was not.
HANG_BUDGET = 4.0

Prepared = tuple[Sequence[CompiledEntry], Options]


@pytest.fixture(scope="module")
def prepared() -> Prepared:
    options, _, entries = build_entries(Settings(jobs=1))
    return entries, options


def _tasks(paths: list[Path]) -> list[Task]:
    return [Task(i, p, str(p)) for i, p in enumerate(paths)]


def _codes(outcomes: list[Outcome], paths: list[Path]) -> dict[str, str]:
    by_key = {o.key: o.report for o in outcomes}
    assert sorted(by_key) == list(range(len(paths)))  # one outcome per task, none twice
    return {paths[k].name: (r.error.code if r.error else r.status) for k, r in by_key.items()}


def test_hanging_file_becomes_timeout_row_rest_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Prepared
) -> None:
    paths = make_tenders(tmp_path, 4)
    monkeypatch.setenv(TEST_HOOK_ENV, f"hang:{paths[0].name}")
    pool = WorkerPool(Settings(jobs=2), 2, Budget(seconds=HANG_BUDGET), prepared=prepared)
    start = time.monotonic()
    outcomes = list(pool.run(_tasks(paths)))
    assert time.monotonic() - start < 15
    codes = _codes(outcomes, paths)
    assert codes.pop(paths[0].name) == "timeout"
    assert set(codes.values()) == {"ok"}
    assert not pool.workers  # all reaped


def test_worker_stuck_in_c_code_is_killed_by_the_watchdog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Prepared
) -> None:
    # SIGALRM cannot interrupt a worker that blocks it (as a long C call would): the parent
    # kills the worker after the grace period and starts a new one.
    paths = make_tenders(tmp_path, 3)
    monkeypatch.setenv(TEST_HOOK_ENV, f"hang:{paths[1].name}")
    real_arm = signal.setitimer

    def no_timer(which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
        return real_arm(which, 0)

    monkeypatch.setattr(signal, "setitimer", no_timer)
    pool = WorkerPool(Settings(jobs=2), 2, Budget(seconds=0.5), prepared=prepared)
    outcomes = list(pool.run(_tasks(paths)))
    codes = _codes(outcomes, paths)
    assert codes.pop(paths[1].name) == "timeout"
    assert set(codes.values()) == {"ok"}
    assert pool.replaced == 1


def test_worker_that_kills_itself_costs_only_its_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Prepared
) -> None:
    paths = make_tenders(tmp_path, 5)
    monkeypatch.setenv(TEST_HOOK_ENV, f"crash:{paths[2].name}")
    pool = WorkerPool(Settings(jobs=2), 2, Budget(seconds=30), prepared=prepared)
    codes = _codes(list(pool.run(_tasks(paths))), paths)
    assert codes.pop(paths[2].name) == "crashed"
    assert set(codes.values()) == {"ok"}


def test_worker_killed_from_outside_mid_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Prepared
) -> None:
    paths = make_tenders(tmp_path, 5)
    monkeypatch.setenv(TEST_HOOK_ENV, f"hang:{paths[0].name}")
    pool = WorkerPool(Settings(jobs=2), 2, Budget(seconds=60), prepared=prepared)
    outcomes: list[Outcome] = []
    killed = False
    for outcome in pool.run(_tasks(paths)):
        outcomes.append(outcome)
        if not killed:
            busy = [w for w in pool.workers if w.task is not None and w.task.key == 0]
            assert busy, "the hanging document is in a worker"
            os.kill(busy[0].process.pid or 0, signal.SIGKILL)  # as the OOM killer would
            killed = True
    codes = _codes(outcomes, paths)
    assert codes.pop(paths[0].name) == "crashed"
    assert set(codes.values()) == {"ok"}


def test_memory_budget_turns_runaway_allocation_into_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prepared: Prepared
) -> None:
    paths = make_tenders(tmp_path, 3)
    monkeypatch.setenv(TEST_HOOK_ENV, f"alloc:{paths[1].name}")
    pool = WorkerPool(Settings(jobs=1), 1, Budget(seconds=30, memory=256 * MIB), prepared=prepared)
    outcomes = list(pool.run(_tasks(paths)))
    codes = _codes(outcomes, paths)
    assert codes.pop(paths[1].name) == "too-large"
    assert set(codes.values()) == {"ok"}  # the same worker went on with the next documents
    assert pool.replaced == 0


def test_scan_parallel_path_keeps_order_and_budgets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_tenders(tmp_path, 5)
    monkeypatch.setenv(TEST_HOOK_ENV, f"hang:{paths[3].name}")
    items = [(p, str(p)) for p in paths]
    report = scan_items(items, Settings(jobs=2), Budget(seconds=HANG_BUDGET))
    assert [d.path for d in report.documents] == [str(p) for p in paths]
    assert report.documents[3].error is not None
    assert report.documents[3].error.code == "timeout"
    serial = scan_items(items[:3], Settings(jobs=1))
    assert report.documents[:3] == serial.documents


def test_ctrl_c_during_scan_reaps_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from lbcheck.errors import RunInterruptedError

    paths = make_tenders(tmp_path, 4)
    monkeypatch.setenv(TEST_HOOK_ENV, f"hang:{paths[0].name}")
    real_run = WorkerPool.run

    def run_then_interrupt(self: WorkerPool, tasks: list[Task]) -> object:
        # The signal comes while the workers are busy (one hangs), as a Ctrl-C would.
        signal.setitimer(signal.ITIMER_REAL, 1.5)
        return real_run(self, tasks)

    monkeypatch.setattr(WorkerPool, "run", run_then_interrupt)
    previous = signal.signal(signal.SIGALRM, signal.default_int_handler)
    try:
        with pytest.raises(RunInterruptedError):
            scan_items([(p, str(p)) for p in paths], Settings(jobs=2), Budget(seconds=60))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert multiprocessing.active_children() == []


def test_largest_files_first(tmp_path: Path) -> None:
    paths = make_tenders(tmp_path, 5)
    items = [(p, str(p)) for p in paths]
    from lbcheck.runner import _in_pool

    order: list[int] = []
    real_run = WorkerPool.run

    def spy(self: WorkerPool, tasks: list[Task]) -> object:
        order.extend(t.key for t in tasks)
        return real_run(self, tasks)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WorkerPool, "run", spy)
        _in_pool(items, Settings(jobs=1), 1, Budget())
    sizes = [paths[k].stat().st_size for k in order]
    assert sizes == sorted(sizes, reverse=True)
