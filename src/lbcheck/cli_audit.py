"""``lbcheck audit FOLDER...``: many tenders in one run, streamed to a folder of tables and
reports (registered on the app)."""

from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lbcheck.cli._app import LANG_OPTION, apply_lang
from lbcheck.cli.options import (
    ConfigOption,
    CriteriaOption,
    DisableOption,
    IsolatedOption,
    SetsOption,
    SeverityOption,
)
from lbcheck.errors import RunInterruptedError, UsageError
from lbcheck.i18n import decimal, tr

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from lbcheck.reporters.json_model import JsonDocument

MIB = 1024 * 1024


class ProgressBar:
    """Files/s, pages/s and time left on stderr; redrawn from the main loop (no thread, so
    forking workers never copies a lock held by one)."""

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress: Progress = Progress(
            TextColumn(tr("Prüfe")),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True, markup=False, highlight=False),
            auto_refresh=False,
            transient=False,
        )
        self.task: TaskID | None = None
        self.started = time.monotonic()
        self.checked = 0
        self.pages = 0
        self.drawn = 0.0

    def start(self, total: int, already: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("audit", total=total, completed=already, rate="")
        self.started = time.monotonic()
        self.progress.refresh()

    def document(self, document: JsonDocument, cached: bool) -> None:
        assert self.task is not None
        if not cached:
            self.checked += 1
            self.pages += document.pages or 0
        now = time.monotonic()
        elapsed = max(now - self.started, 1e-6)
        rate = tr(
            "{files} Dateien/s · {pages} Seiten/s",
            files=decimal(self.checked / elapsed),
            pages=decimal(self.pages / elapsed, ".0f"),
        )
        self.progress.update(self.task, advance=1, rate=rate)
        if now - self.drawn > 0.1:
            self.drawn = now
            self.progress.refresh()

    def stop(self) -> None:
        if self.task is not None:
            self.progress.refresh()
        self.progress.stop()


def _positive(value: float, option: str, example: str) -> None:
    if not (math.isfinite(value) and value > 0):
        raise UsageError(
            tr(
                "{option} erwartet eine Zahl größer als 0 (z. B. {example}).",
                option=option,
                example=example,
            )
        )


def audit(
    folders: Annotated[list[str], typer.Argument(help="Ordner (rekursiv) oder Dateien")],
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help="Ordner für Tabellen und Berichte")
    ],
    resume: Annotated[
        bool, typer.Option(help="einen abgebrochenen Lauf in --output-dir fortsetzen")
    ] = False,
    force: Annotated[
        bool, typer.Option(help="ein früheres Audit in --output-dir ersetzen")
    ] = False,
    include: Annotated[
        list[str] | None, typer.Option(help="nur diese Pfade (Muster wie in .gitignore)")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="diese Pfade auslassen (Muster wie in .gitignore)")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="parallele Prozesse (0 = alle Kerne)")
    ] = 0,
    timeout: Annotated[float, typer.Option(help="Zeitbudget je Dokument in Sekunden")] = 120.0,
    max_memory: Annotated[float, typer.Option(help="Speicherbudget je Dokument in MB")] = 1536.0,
    max_size: Annotated[
        float | None, typer.Option(help="Höchstgröße je Datei in MB (Standard 50)")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ergebnisse früherer Läufe nicht verwenden")
    ] = False,
    executor: Annotated[
        str, typer.Option(help="local (Prozesse auf diesem Rechner) oder dask")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Adresse des Dask-Schedulers, z. B. tcp://host:8786")
    ] = None,
    start_method: Annotated[
        str | None, typer.Option(help="fork oder spawn (Standard: fork, wo es das gibt)")
    ] = None,
    sets: SetsOption = None,
    disable: DisableOption = None,
    severity: SeverityOption = None,
    criteria: CriteriaOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="keine Fortschrittsanzeige, keine Zusammenfassung")
    ] = False,
    lang: Annotated[str | None, LANG_OPTION] = None,
) -> None:
    """Prüft viele Ausschreibungen und legt Tabellen und einen Gesamtbericht ab.

    Ergebnisse werden je Dokument sofort nach documents.jsonl geschrieben; Strg+C hält an,
    --resume setzt fort. Ausgaben: documents.jsonl, documents.csv, findings.csv, report.json,
    report.html (docs/audit.md).
    """
    apply_lang(lang)
    try:
        _audit(
            folders, output_dir, resume, force, include, exclude, jobs, timeout, max_memory,
            max_size, no_cache, executor, scheduler, start_method, sets, disable, severity,
            criteria, config, isolated, quiet,
        )  # fmt: skip
    except KeyboardInterrupt:
        raise RunInterruptedError() from None


def _audit(
    folders: list[str],
    output_dir: Path,
    resume: bool,
    force: bool,
    include: list[str] | None,
    exclude: list[str] | None,
    jobs: int,
    timeout: float,
    max_memory: float,
    max_size: float | None,
    no_cache: bool,
    executor: str,
    scheduler: str | None,
    start_method: str | None,
    sets: str | None,
    disable: list[str] | None,
    severity: list[str] | None,
    criteria: list[Path] | None,
    config: Path | None,
    isolated: bool,
    quiet: bool,
) -> None:
    from lbcheck.app.plan import ScanOptions, check_max_size
    from lbcheck.audit.cache import default_dir
    from lbcheck.audit.run import AuditOptions, run_audit
    from lbcheck.audit.walk import Selection
    from lbcheck.config import merge, parse_severity
    from lbcheck.pool import Budget

    _positive(timeout, "--timeout", "120")
    _positive(max_memory, "--max-memory", "1536")
    check_max_size(max_size)
    if jobs < 0:
        raise UsageError(tr("--jobs erwartet 0 (alle Kerne) oder eine positive Zahl."))
    if executor not in {"local", "dask"}:
        raise UsageError(tr("--executor erwartet local oder dask."))
    if scheduler and executor != "dask":
        raise UsageError(tr("--scheduler gilt nur mit --executor dask."))
    if start_method not in {None, "fork", "spawn", "forkserver"}:
        raise UsageError(tr("--start-method erwartet fork, spawn oder forkserver."))
    # Each file's settings come from its nearest project config with its per-path overrides,
    # as in scan; without a config file, from the command line alone.
    scan_options = ScanOptions(
        sets=tuple(s.strip() for s in sets.split(",") if s.strip()) if sets else (),
        disable=tuple(disable or ()),
        severity=parse_severity(severity or []),
        criteria=tuple(criteria or ()),
        config=config,
        isolated=isolated,
        max_size_mb=max_size,
        jobs=1,
    )
    settings = merge(
        None,
        None,
        sets=scan_options.sets,
        disable=scan_options.disable,
        severity=scan_options.severity,
        criteria=scan_options.criteria,
        fail_on=None,
        max_size_mb=max_size,
        jobs=1,
        spacy_model=None,
    )
    options = AuditOptions(
        paths=tuple(folders),
        output_dir=output_dir,
        settings=settings,
        jobs=jobs or os.cpu_count() or 1,
        budget=Budget(timeout, int(max_memory * MIB)),
        selection=Selection(tuple(include or ()), tuple(exclude or ())),
        resume=resume,
        force=force,
        cache_dir=None if no_cache else default_dir(),
        executor="dask" if executor == "dask" else "local",
        scheduler=scheduler,
        start_method=start_method,
        scan_options=scan_options,
    )
    bar = None if quiet or not sys.stderr.isatty() else ProgressBar()
    try:
        result = run_audit(options, bar)
    finally:
        if bar is not None:
            bar.stop()
    if not quiet:
        from lbcheck.app.stream import write_text

        rate = result.checked / result.documents_seconds if result.documents_seconds else 0.0
        write_text(
            sys.stderr,
            tr(
                "lbcheck: {total} Dokumente in {seconds} s ({checked} geprüft, {rate} Dateien/s; "
                "{cached} aus dem Cache; {resumed} aus dem vorigen Lauf; {errors} mit "
                "Fehlercode). Ergebnisse in {folder}",
                total=result.total,
                seconds=decimal(result.seconds),
                checked=result.checked,
                rate=decimal(rate),
                cached=result.cached,
                resumed=result.resumed,
                errors=result.errors,
                folder=output_dir,
            )
            + "\n",
            machine=False,
        )


def register(app: typer.Typer) -> None:
    """Add the ``audit`` command to ``app``."""
    app.command("audit")(audit)
