"""Run a scan: expand paths, read each file, check it, collect the reports.

This is the I/O edge next to the CLI: everything it calls in ``engine`` is pure. Documents are
checked in parallel over files in :class:`lbcheck.pool.WorkerPool` (fork workers inherit the
compiled catalogue; per-document time and memory budgets; a dead worker is replaced), never
with ``nlp.pipe(n_process=...)``, which is several times slower here.
"""

from __future__ import annotations

import glob
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lbcheck.config import Settings
from lbcheck.criteria.describe import describe_rules
from lbcheck.criteria.loader import Catalogue, load_catalogue
from lbcheck.engine.compiled import CompiledEntry, compile_catalogue
from lbcheck.engine.evaluate import Options, check_document
from lbcheck.engine.procedure import shared_subjects
from lbcheck.errors import IngestError, RunInterruptedError
from lbcheck.heap import keep, loading
from lbcheck.ingest import SUFFIXES, read_document
from lbcheck.ingest.folders import is_folder, is_present, resolved, walk_folder
from lbcheck.models import Document, DocumentReport, ErrorInfo, Report
from lbcheck.pool import Budget, Task, WorkerPool
from lbcheck.read_ahead import ReadAhead
from lbcheck.selection import select, severity_overrides

log = logging.getLogger(__name__)

INTERNAL_MESSAGE = (
    "Bei der Prüfung dieser Datei ist ein interner Fehler aufgetreten. Bitte melden Sie ihn "
    "mit der Datei (falls möglich) an das lbcheck-Projekt; die übrigen Dateien wurden geprüft."
)


def expand_paths(args: Sequence[str]) -> list[tuple[Path, str]]:
    """Files as given, folders recursively by known suffix, and globs; sorted within a folder."""
    result: list[tuple[Path, str]] = []
    seen: set[Path] = set()

    def add(path: Path, shown: str) -> None:
        key = resolved(path)
        if key not in seen:
            seen.add(key)
            result.append((path, shown))

    for arg in args:
        path = Path(arg)
        if is_folder(path):
            # Unreadable folders and folder links in a loop come back as rows, not silence.
            for found in walk_folder(path, SUFFIXES):
                add(found, str(found))
        elif not is_present(path) and any(ch in arg for ch in "*?["):
            for match in sorted(glob.glob(arg, recursive=True)):  # noqa: PTH207 - user patterns
                if Path(match).is_file():
                    add(Path(match), match)
        else:
            add(path, arg)
    return result


def build_entries(
    settings: Settings,
) -> tuple[Options, Catalogue, tuple[CompiledEntry, ...]]:
    """Options, the selected catalogue and its compiled entries."""
    with loading():
        options, catalogue = select_catalogue(settings)
        entries = compile_catalogue(catalogue, settings.spacy_model)
    keep()
    return options, catalogue, entries


def select_catalogue(settings: Settings) -> tuple[Options, Catalogue]:
    """Options and the selected catalogue, not yet compiled (a run served from the cache
    never needs the compiled form)."""
    full = load_catalogue(settings.criteria)
    catalogue = select(full, settings.sets, settings.disable)
    # Overrides are resolved against the whole catalogue: `--sets ilo --severity VR-02=error`
    # names an entry that exists but is not selected, which is not a mistake.
    options = Options(
        severities=severity_overrides(full, settings.severity),
        spacy_model=settings.spacy_model,
    )
    return options, catalogue


def check_file(
    path: Path,
    shown: str,
    entries: Sequence[CompiledEntry],
    settings: Settings,
    options: Options,
    *,
    document: Document | None = None,
) -> DocumentReport:
    """Read (unless ``document`` is that file, read already) and check one file; every failure
    becomes an error report, never an exception."""
    try:
        if document is None:
            document = read_document(path, shown, max_bytes=settings.max_bytes)
        return check_document(document, entries, options)
    except IngestError as exc:
        return DocumentReport(
            path=shown, status="error", error=ErrorInfo(exc.code.value, exc.message, exc.detail)
        )
    except MemoryError:
        from lbcheck.pool import memory_report

        return memory_report(shown, None)
    except Exception as exc:
        log.exception("internal error on %s", shown)
        return DocumentReport(
            path=shown, status="error", error=ErrorInfo("internal", INTERNAL_MESSAGE, repr(exc))
        )


def scan(args: Sequence[str], settings: Settings) -> Report:
    """Check every file the arguments name and return the report, in argument order."""
    return scan_items(expand_paths(args), settings)


def scan_items(
    items: Sequence[tuple[Path, str]], settings: Settings, budget: Budget | None = None
) -> Report:
    """Check the given (path, shown name) pairs and return the report, in their order.

    With more than one job the files go to worker processes, largest first, each under
    ``budget``; a Ctrl-C stops the workers and raises :class:`lbcheck.errors.RunInterruptedError`.
    """
    jobs = min(settings.jobs, len(items))
    if jobs > 1:
        options, catalogue, entries, reports = _in_pool(items, settings, jobs, budget or Budget())
    else:
        options, catalogue, entries, reports = _in_process(items, settings)
    reports = _with_procedure_subjects(items, reports, entries, settings, options)
    return Report(tuple(reports), rules=describe_rules(catalogue, options.severities))


def _in_process(
    items: Sequence[tuple[Path, str]], settings: Settings
) -> tuple[Options, Catalogue, tuple[CompiledEntry, ...], list[DocumentReport]]:
    """Check the files one after the other; the first is read while the catalogue loads."""
    ahead = ReadAhead([(*items[0], settings.max_bytes)] if items else [])
    try:
        options, catalogue, entries = build_entries(settings)
        first = ahead.document()
    finally:
        ahead.close()
    reports = [
        check_file(p, shown, entries, settings, options, document=first if i == 0 else None)
        for i, (p, shown) in enumerate(items)
    ]
    return options, catalogue, entries, reports


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _in_pool(
    items: Sequence[tuple[Path, str]], settings: Settings, jobs: int, budget: Budget
) -> tuple[Options, Catalogue, tuple[CompiledEntry, ...], list[DocumentReport]]:
    """Check the files on worker processes, largest first; the largest are read while the
    catalogue loads."""
    tasks = [Task(i, path, shown) for i, (path, shown) in enumerate(items)]
    tasks.sort(key=lambda t: -_size(t.path))  # largest first: no long tail on one core
    found: dict[int, DocumentReport] = {}
    ahead = ReadAhead([(t.path, t.shown, settings.max_bytes) for t in tasks])
    try:
        options, catalogue, entries = build_entries(settings)
        pool = WorkerPool(settings, jobs, budget, prepared=(entries, options))
        pool.read = ahead.documents()
        for outcome in pool.run(tasks):
            found[outcome.key] = outcome.report
    except KeyboardInterrupt:
        raise RunInterruptedError(len(found), len(items)) from None
    finally:
        ahead.close()
    return options, catalogue, entries, [found[i] for i in range(len(items))]


def _with_procedure_subjects(
    items: Sequence[tuple[Path, str]],
    reports: Sequence[DocumentReport],
    entries: Sequence[CompiledEntry],
    settings: Settings,
    options: Options,
) -> list[DocumentReport]:
    """Check again, with its procedure's subjects, each document unsure of its own."""
    if options.subjects:
        return list(reports)
    shared = shared_subjects(reports)
    return [
        check_file(path, shown, entries, settings, replace(options, subjects=shared[shown]))
        if shown in shared
        else report
        for (path, shown), report in zip(items, reports, strict=True)
    ]
