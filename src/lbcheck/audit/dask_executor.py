"""The audit on Dask distributed: the same tasks and outcomes as the local pool.

Each Dask worker compiles the catalogue once (a cached global per settings) and reads the files
by path, so the workers need the folders at the same paths (a shared or mounted file system).
The client enforces the time budget: a document not back within it becomes a ``timeout`` row
(Dask cannot stop a running thread; the worker finishes it in the background). Memory is the
Dask nanny's ``memory_limit`` per worker, which restarts a worker that goes over; the document
then becomes a ``crashed`` row.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lbcheck.config import Settings
from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options
from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.pool import (
    CRASH_MESSAGE,
    GRACE,
    Budget,
    Outcome,
    Task,
    check_with_budget,
    error_report,
    timeout_report,
)


# One entry per effective settings (per-path overrides make a few): compiled once per worker.
@lru_cache(maxsize=64)
def _state(settings: Settings) -> tuple[Sequence[CompiledEntry], Options]:
    from lbcheck.runner import build_entries

    options, _, entries = build_entries(settings)
    return entries, options


def check_on_worker(
    path: str, shown: str, settings: Settings, budget: Budget, subjects: tuple[str, ...] = ()
) -> Any:
    """Runs on a Dask worker: the catalogue is compiled on the first call only."""
    entries, options = _state(settings)
    if subjects:
        options = replace(options, subjects=subjects)
    start = time.monotonic()
    # No timer here: signals belong to the main thread, and Dask runs tasks in others.
    report = check_with_budget(
        Path(path), shown, entries, settings, options, Budget(None, budget.memory)
    )
    return report, time.monotonic() - start


def _client(scheduler: str | None, jobs: int, budget: Budget, stack: ExitStack) -> Any:
    try:
        import dask
        import dask.distributed
    except ImportError as exc:
        raise UsageError(
            tr("--executor dask braucht Dask: bitte 'pip install lbcheck[dask]' ausführen.")
        ) from exc
    distributed: Any = dask.distributed  # untyped calls: kept behind Any
    if "LBCHECK_LOG" not in os.environ:  # Dask's INFO lines would bury the progress bar
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)
    # A document that kills its worker is not tried on the next one.
    stack.enter_context(dask.config.set({"distributed.scheduler.allowed-failures": 0}))
    if scheduler:
        try:
            return stack.enter_context(distributed.Client(scheduler, timeout="10s"))
        except OSError as exc:
            raise UsageError(
                tr(
                    "Der Dask-Scheduler {scheduler} ist nicht erreichbar ({reason}). Bitte "
                    "Adresse und Netzwerk prüfen.",
                    scheduler=scheduler,
                    reason=exc,
                )
            ) from exc
    cluster = stack.enter_context(
        distributed.LocalCluster(
            n_workers=max(1, jobs),
            threads_per_worker=1,
            processes=True,
            # dashboard_address=None still opens the scheduler's HTTP port, on 8787 and every
            # interface: keep it on loopback, on a free port, and without the dashboard.
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            memory_limit=budget.memory or 0,
        )
    )
    return stack.enter_context(distributed.Client(cluster))


def _slots(client: Any) -> int:
    try:
        return max(1, int(sum(client.nthreads().values())))
    except Exception:  # a scheduler that cannot say: one at a time is always right
        return 1


class _Window:
    """The tasks in flight, oldest first. Two per worker thread, so a worker never waits for
    the client between documents; the oldest ``slots`` are taken to be running (Dask runs a
    worker's tasks in the order they came), and a task's budget starts when it becomes one."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self.tasks: dict[Any, Task] = {}
        self.started: dict[Any, float] = {}

    def add(self, future: Any, task: Task) -> None:
        self.tasks[future] = task

    def pop(self, future: Any) -> tuple[Task, float]:
        started = self.started.pop(future, time.monotonic())
        return self.tasks.pop(future), started

    def clock(self) -> None:
        now = time.monotonic()
        for future in list(self.tasks)[: self.slots]:
            self.started.setdefault(future, now)

    def overdue(self, budget: Budget) -> Iterator[Outcome]:
        if budget.seconds is None:
            return
        now = time.monotonic()
        for future, started in list(self.started.items()):
            if now - started > budget.seconds + GRACE:
                task, _ = self.pop(future)
                future.cancel()
                yield Outcome(task.key, timeout_report(task.shown, budget.seconds), now - started)


def run_on_dask(
    tasks: Iterable[Task],
    settings: Settings,
    budget: Budget,
    scheduler: str | None,
    jobs: int,
) -> Iterator[Outcome]:
    """Yield outcomes as they finish; cancel what is in flight when stopped.

    Only twice as many tasks as the cluster has threads are in flight: the client holds few
    futures over 100,000 files, and Ctrl-C has little to cancel.
    """
    import dask.distributed

    wait: Any = dask.distributed.wait

    with ExitStack() as stack:
        client = _client(scheduler, jobs, budget, stack)
        queue = iter(tasks)  # in order: largest first, as the local pool
        slots = _slots(client)
        window = _Window(slots)

        def fill() -> None:
            while len(window.tasks) < 2 * slots:
                task = next(queue, None)
                if task is None:
                    return
                future = client.submit(
                    check_on_worker,
                    str(task.path.absolute()),
                    task.shown,
                    task.settings or settings,
                    budget,
                    task.subjects,
                    pure=False,
                    key=f"lbcheck-{task.key}-{time.time_ns()}",
                )
                window.add(future, task)

        try:
            fill()
            while window.tasks:
                window.clock()
                try:
                    done = wait(list(window.tasks), timeout=0.25, return_when="FIRST_COMPLETED")
                    finished = [f for f in done.done if f in window.tasks]
                except TimeoutError:
                    finished = []
                outcomes = [_outcome(f, *window.pop(f)) for f in finished]
                outcomes.extend(window.overdue(budget))
                fill()
                for outcome in outcomes:
                    yield outcome
                    fill()  # the caller may have added a task (a procedure checked again)
        finally:
            for future in window.tasks:
                future.cancel()


def _outcome(future: Any, task: Task, started: float) -> Outcome:
    if future.status == "finished":
        report, seconds = future.result()
        return Outcome(task.key, report, seconds)
    detail = repr(future.exception()) if future.status == "error" else future.status
    return Outcome(
        task.key,
        error_report(task.shown, "crashed", CRASH_MESSAGE, detail),
        time.monotonic() - started,
    )


__all__ = ["check_on_worker", "run_on_dask"]
