"""Worker processes that check one document at a time under a time and a memory budget.

Each worker loads the catalogue once (inherited with ``fork``, compiled anew with ``spawn``),
limits its own address space (``RLIMIT_AS``) and arms a timer per document. The parent keeps a
watchdog: a worker that overruns its time by a grace period, or dies (crash, OOM killer,
SIGKILL), is killed and replaced, and only its document gets an error row. Workers ignore
SIGINT; the parent reaps them on Ctrl-C, so one interrupt ends a run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import Any

from lbcheck import heap
from lbcheck.config import Settings
from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options
from lbcheck.i18n import tr
from lbcheck.models import DocumentReport, ErrorInfo

MIB = 1024 * 1024
DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY = 1536 * MIB
# The worker's own timer fires first; the parent kills only a worker stuck in C code.
GRACE = 2.0
# Test-only: "hang:NAME,crash:NAME,alloc:NAME" makes a worker sleep, SIGKILL itself or allocate
# without bound on a file of that name, so budgets and crash handling are tested for real.
TEST_HOOK_ENV = "LBCHECK_TEST_HOOK"
MAX_FAILED_STARTS = 3

# German; English in locale/en.toml, applied with the report (lbcheck.i18n.localized).
TIMEOUT_MESSAGE = (
    "Die Prüfung dieser Datei hat das Zeitbudget je Dokument überschritten und wurde "
    "abgebrochen. Bitte die Datei einzeln prüfen oder das Budget mit --timeout erhöhen; die "
    "übrigen Dateien wurden geprüft."
)
MEMORY_MESSAGE = (
    "Die Prüfung dieser Datei hat das Speicherbudget je Dokument überschritten und wurde "
    "abgebrochen. Bitte die Datei aufteilen oder das Budget mit --max-memory erhöhen; die "
    "übrigen Dateien wurden geprüft."
)
CRASH_MESSAGE = (
    "Der Prüfprozess für diese Datei wurde unerwartet beendet (Absturz oder vom Betriebssystem "
    "beendet). Die übrigen Dateien wurden geprüft; bitte die Datei einzeln prüfen und den "
    "Fehler mit der Datei (falls möglich) an das lbcheck-Projekt melden."
)


@dataclass(frozen=True, slots=True)
class Budget:
    """Per document: wall time in seconds and memory in bytes (None: no limit)."""

    seconds: float | None = DEFAULT_TIMEOUT
    memory: int | None = DEFAULT_MEMORY


@dataclass(frozen=True, slots=True)
class Task:
    """One document; ``settings`` None: the pool's own; ``subjects`` set: the document's
    procedure decided its subject (checked again with them, as ``scan`` does)."""

    key: int
    path: Path
    shown: str
    settings: Settings | None = None
    subjects: tuple[str, ...] = ()


class TaskQueue:
    """Tasks in order, to which a consumer adds while the pool runs: a worker that finds it
    empty idles until a task comes or every worker is idle."""

    def __init__(self, tasks: Iterable[Task] = ()) -> None:
        self.tasks: deque[Task] = deque(tasks)

    def push(self, task: Task) -> None:
        self.tasks.append(task)

    def __iter__(self) -> TaskQueue:
        return self

    def __next__(self) -> Task:
        if not self.tasks:
            raise StopIteration
        return self.tasks.popleft()


@dataclass(frozen=True, slots=True)
class Outcome:
    key: int
    report: DocumentReport
    seconds: float


def error_report(shown: str, code: str, message: str, detail: str = "") -> DocumentReport:
    return DocumentReport(path=shown, status="error", error=ErrorInfo(code, message, detail))


def timeout_report(shown: str, seconds: float | None) -> DocumentReport:
    detail = tr("Zeitbudget {seconds} s", seconds=seconds)
    return error_report(shown, "timeout", TIMEOUT_MESSAGE, detail)


def memory_report(shown: str, memory: int | None) -> DocumentReport:
    limit = f"{memory // MIB} MB" if memory else tr("Speicher")
    detail = tr("Speicherbudget {limit}", limit=limit)
    return error_report(shown, "too-large", MEMORY_MESSAGE, detail)


# --- in the worker ------------------------------------------------------------------------


class _Timeout(BaseException):
    """Raised by the timer; a BaseException so no ``except Exception`` in a reader eats it."""


Prepared = tuple[Sequence[CompiledEntry], Options]
# Set in the parent before forking: fork workers inherit the compiled catalogue(s).
_PREPARED: dict[Settings, Prepared] | None = None


def _address_space() -> int | None:
    try:
        with Path("/proc/self/statm").open() as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def limit_memory(budget: int | None) -> bool:
    """Cap this process's address space at what it uses now plus ``budget``; False where the
    platform has no such limit (the parent's watchdog and the OS remain)."""
    if budget is None:
        return False
    try:
        import resource
    except ImportError:
        return False
    base = _address_space() or 0
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = base + budget
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError, AttributeError):
        return False
    return True


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _arm(seconds: float | None) -> bool:
    if seconds is None or not hasattr(signal, "setitimer"):
        return False
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    return True


def _disarm() -> None:
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)


def _test_hook(shown: str) -> None:
    spec = os.environ.get(TEST_HOOK_ENV)
    if not spec:
        return
    name = Path(shown).name
    for item in spec.split(","):
        action, _, target = item.partition(":")
        if target != name:
            continue
        if action == "hang":
            time.sleep(3600)
        elif action == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "alloc":
            hog = [bytearray(64 * MIB) for _ in range(1024)]
            del hog


def check_with_budget(  # noqa: PLR0917 - the runner's check_file plus the budget
    path: Path,
    shown: str,
    entries: Sequence[CompiledEntry],
    settings: Settings,
    options: Options,
    budget: Budget,
    read: bytes | None = None,
) -> DocumentReport:
    """Check one file under the time budget; runs in a worker's main thread. ``read``: the
    file's Document from the read-ahead helper (:mod:`lbcheck.read_ahead`), pickled."""
    from lbcheck.read_ahead import load_document
    from lbcheck.runner import check_file

    armed = _arm(budget.seconds)
    try:
        _test_hook(shown)
        document = load_document(read)
        return check_file(path, shown, entries, settings, options, document=document)
    except _Timeout:
        return timeout_report(shown, budget.seconds)
    except MemoryError:
        return memory_report(shown, budget.memory)
    finally:
        if armed:
            _disarm()


def prepared_for(known: dict[Settings, Prepared], settings: Settings) -> Prepared:
    """The compiled catalogue for ``settings``, compiled on first use and kept."""
    if settings not in known:
        from lbcheck.runner import build_entries

        options, _, entries = build_entries(settings)
        known[settings] = (entries, options)
    return known[settings]


def _worker_main(conn: Connection, settings: Settings, budget: Budget) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    known: dict[Settings, Prepared] = dict(_PREPARED or {})
    prepared_for(known, settings)
    heap.own_process()  # a worker runs lbcheck only
    heap.keep()
    limit_memory(budget.memory)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        key, path, shown, own, subjects, read = message
        own = own or settings
        entries, options = prepared_for(known, own)
        if subjects:
            options = replace(options, subjects=subjects)
        start = time.monotonic()
        report = check_with_budget(path, shown, entries, own, options, budget, read)
        try:
            conn.send(("done", key, report, time.monotonic() - start))
        except MemoryError:
            conn.send(("done", key, memory_report(shown, budget.memory), 0.0))


# --- in the parent ------------------------------------------------------------------------


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start a worker with SIGINT ignored from its first instruction: a Ctrl-C while a
    ``spawn`` worker is still importing must not print its traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def default_start_method() -> str:
    """``fork`` where it exists (workers inherit the catalogue), else ``spawn``."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class WorkerPool:
    """Run tasks on ``jobs`` worker processes; results come as they finish."""

    def __init__(
        self,
        settings: Settings,
        jobs: int,
        budget: Budget = Budget(),
        start_method: str | None = None,
        prepared: Prepared | dict[Settings, Prepared] | None = None,
    ) -> None:
        self.settings = settings
        self.jobs = max(1, jobs)
        self.budget = budget
        self.method = start_method or default_start_method()
        self.context: BaseContext = multiprocessing.get_context(self.method)
        if isinstance(prepared, tuple):
            prepared = {settings: prepared}
        self.prepared = prepared if self.method == "fork" else None
        self.workers: list[_Worker] = []
        #: Files the read-ahead helper read already (pickled Documents by path, shown name).
        self.read: dict[tuple[Path, str], bytes] = {}
        self.replaced = 0
        self.failed_starts = 0

    def _start(self) -> _Worker:
        global _PREPARED  # noqa: PLW0603 - read by fork children only; cleared right after
        parent, child = self.context.Pipe(duplex=True)
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, self.settings, self.budget), daemon=True
        )
        _PREPARED = self.prepared
        try:
            with _sigint_ignored():
                process.start()
        finally:
            _PREPARED = None
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _stop(self, worker: _Worker, kill: bool) -> None:
        with suppress(ValueError):
            self.workers.remove(worker)
        if not kill:
            with suppress(OSError, ValueError):
                worker.conn.send(None)
            worker.process.join(1.0)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(1.0)
        worker.conn.close()

    def close(self, kill: bool = False) -> None:
        """Stop every worker and wait for it; ``kill`` when interrupted."""
        for worker in list(self.workers):
            self._stop(worker, kill)

    def _deadline(self) -> float | None:
        if self.budget.seconds is None:
            return None
        return self.budget.seconds + GRACE

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Yield an outcome per task, in the order they finish; stops the workers at the end,
        also when the caller stops early or Ctrl-C arrives."""
        pending = iter(tasks)
        returned: deque[Task] = deque()  # sent to a worker that had just died
        exhausted = finished = False
        try:
            for _ in range(self.jobs):
                self._start()
            while True:
                for worker in [w for w in self.workers if w.ready and w.task is None]:
                    task = returned.popleft() if returned else next(pending, None)
                    if task is None:
                        exhausted = True
                        break
                    # The pool's own settings are not sent again with every document.
                    own = None if task.settings == self.settings else task.settings
                    # A file checked again with its procedure's subjects was read before.
                    read = None if task.subjects else self.read.pop((task.path, task.shown), None)
                    message = (task.key, task.path, task.shown, own, task.subjects, read)
                    try:
                        worker.conn.send(message)
                    except (OSError, ValueError):
                        returned.append(task)  # its sentinel fires next: it is replaced
                        continue
                    worker.task = task
                    worker.started = time.monotonic()
                if exhausted and not returned and not any(w.task for w in self.workers):
                    finished = True
                    return
                yield from self._collect(list(self.workers))
        finally:
            self.close(kill=not finished)

    def _collect(self, workers: list[_Worker]) -> Iterator[Outcome]:
        waitables: list[Any] = [w.conn for w in workers] + [w.process.sentinel for w in workers]
        ready = set(wait(waitables, timeout=0.2))
        now = time.monotonic()
        limit = self._deadline()
        for worker in workers:
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is not None and message[0] == "ready":
                    worker.ready = True
                    continue
                if message is not None and message[0] == "done":
                    _, key, report, seconds = message
                    worker.task = None
                    yield Outcome(key, report, seconds)
                    continue
            if worker.process.sentinel in ready or (worker.conn in ready and not worker.ready):
                yield from self._replace(worker, crashed=True)
            elif worker.task is not None and limit is not None and now - worker.started > limit:
                yield from self._replace(worker, crashed=False)

    def _replace(self, worker: _Worker, crashed: bool) -> Iterator[Outcome]:
        task, started, was_ready = worker.task, worker.started, worker.ready
        self._stop(worker, kill=True)
        self.replaced += 1
        if not was_ready:
            self.failed_starts += 1
            if self.failed_starts >= MAX_FAILED_STARTS:
                # A worker that dies before its first document will die again: do not loop.
                code = worker.process.exitcode
                raise RuntimeError(f"lbcheck worker process failed to start (exit {code})")
        else:
            self.failed_starts = 0
        self._start()
        if task is None:
            return  # died while idle: nothing lost
        seconds = time.monotonic() - started
        if crashed:
            code = worker.process.exitcode
            detail = tr("Exit-Code {code}", code=code)
            report = error_report(task.shown, "crashed", CRASH_MESSAGE, detail)
        else:
            report = timeout_report(task.shown, self.budget.seconds)
        yield Outcome(task.key, report, seconds)


__all__ = [
    "DEFAULT_MEMORY",
    "DEFAULT_TIMEOUT",
    "Budget",
    "Outcome",
    "Prepared",
    "Task",
    "TaskQueue",
    "WorkerPool",
    "check_with_budget",
    "default_start_method",
    "limit_memory",
]
