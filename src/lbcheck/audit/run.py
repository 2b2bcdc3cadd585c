"""The audit use case: walk, take what the cache knows, check the rest in workers (local pool or
Dask), stream each document to ``documents.jsonl`` as it finishes, then the tables and reports
from that file."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from lbcheck.app.inputs import raise_nothing_left
from lbcheck.audit import store
from lbcheck.audit.cache import Cache, atomic_write, file_digest, run_key
from lbcheck.audit.walk import Found, Problem, Selection, walk
from lbcheck.config import Settings
from lbcheck.criteria.loader import Catalogue
from lbcheck.engine.evaluate import Options
from lbcheck.errors import RunInterruptedError
from lbcheck.models import DocumentReport, Report, RuleInfo
from lbcheck.pool import Budget, Outcome, Task
from lbcheck.reporters.json_model import JsonDocument, JsonError
from lbcheck.reporters.json_reporter import to_model

Executor = Literal["local", "dask"]


@dataclass(frozen=True, slots=True)
class AuditOptions:
    paths: tuple[str, ...]
    output_dir: Path
    settings: Settings
    jobs: int = 1
    budget: Budget = field(default_factory=Budget)
    selection: Selection = field(default_factory=Selection)
    resume: bool = False
    force: bool = False
    cache_dir: Path | None = None  # None: no cache
    executor: Executor = "local"
    scheduler: str | None = None
    start_method: str | None = None


@dataclass(slots=True)
class AuditResult:
    total: int = 0
    resumed: int = 0
    checked: int = 0
    cached: int = 0
    errors: int = 0
    pages: int = 0
    seconds: float = 0.0
    # From the first cache look-up to the last document: what the cache saves.
    documents_seconds: float = 0.0
    rules: tuple[RuleInfo, ...] = field(default_factory=tuple)


class Listener(Protocol):
    """What the command line shows while the audit runs."""

    def start(self, total: int, already: int) -> None: ...

    def document(self, document: JsonDocument, cached: bool) -> None: ...


class _Silent:
    def start(self, total: int, already: int) -> None:
        pass

    def document(self, document: JsonDocument, cached: bool) -> None:
        pass


def as_json(report: DocumentReport) -> JsonDocument:
    return to_model(Report((report,))).documents[0]


def problem_document(problem: Problem) -> JsonDocument:
    return JsonDocument(
        path=problem.shown,
        status="error",
        error=JsonError(code=problem.code, message=problem.message, detail=problem.detail),
    )


class _Audit:
    def __init__(self, options: AuditOptions, listener: Listener) -> None:
        self.options = options
        self.listener = listener
        self.result = AuditResult()
        self.sink: store.Sink | None = None

    def record(
        self, document: JsonDocument, seconds: float, cached: bool, digest: str, read: bool = True
    ) -> None:
        """One finished row; ``read`` False for a problem found while walking."""
        assert self.sink is not None
        self.sink.add(document, seconds, cached, digest)
        self.result.cached += cached
        self.result.checked += read and not cached
        self.result.errors += document.status == "error"
        self.result.pages += document.pages or 0
        self.listener.document(document, cached)

    def run(self) -> AuditResult:
        from lbcheck.criteria.describe import describe_rules
        from lbcheck.runner import select_catalogue

        o = self.options
        start = time.monotonic()
        found = list(walk(o.paths, o.selection))
        if not found:
            raise_nothing_left()
        store.prepare(o.output_dir, o.force, o.resume)
        done = store.done_paths(o.output_dir) if o.resume else set()
        items = [i for i in found if i.shown not in done]
        self.result.total = len(items) + len(done)
        self.result.resumed = len(done)
        options, catalogue = select_catalogue(o.settings)
        self.result.rules = describe_rules(catalogue, options.severities)
        cache = None
        if o.cache_dir is not None:
            settings_key = repr((options, o.settings.max_bytes, o.settings.spacy_model))
            cache = Cache(o.cache_dir, run_key(repr(catalogue), settings_key))
        self.listener.start(self.result.total, len(done))
        self.sink = store.Sink(o.output_dir)
        documents_start = time.monotonic()
        try:
            todo = self._known(items, cache)
            todo.sort(key=lambda t: -t[0].size)  # largest first: no long tail at the end
            tasks = [Task(i, f.path, f.shown) for i, (f, _, _) in enumerate(todo)]
            for outcome in self._outcomes(tasks, catalogue, options):
                _, digest, key = todo[outcome.key]
                document = as_json(outcome.report)
                if cache is not None and key:
                    cache.put(key, document)
                self.record(document, outcome.seconds, False, digest)
        except KeyboardInterrupt:
            self.sink.close()
            self.result.seconds = time.monotonic() - start
            raise RunInterruptedError(
                self.result.resumed + self.result.checked + self.result.cached, self.result.total
            ) from None
        self.sink.close()
        self.result.documents_seconds = time.monotonic() - documents_start
        write_reports(o.output_dir, self.result.rules)
        self.result.seconds = time.monotonic() - start
        return self.result

    def _known(
        self, items: Sequence[Found | Problem], cache: Cache | None
    ) -> list[tuple[Found, str, str]]:
        """Write problem rows and cache hits; return what is left to check."""
        todo: list[tuple[Found, str, str]] = []
        for item in items:
            if isinstance(item, Problem):
                self.record(problem_document(item), 0.0, False, "", read=False)
                continue
            digest = key = ""
            if cache is not None:
                try:
                    digest = file_digest(item.path)
                except OSError as exc:
                    problem = Problem(item.shown, "unreadable", exc.strerror or str(exc))
                    self.record(problem_document(problem), 0.0, False, "", read=False)
                    continue
                key = cache.key(digest, item.path.name)
                hit = cache.get(key, item.shown)
                if hit is not None:
                    self.record(hit, 0.0, True, digest)
                    continue
            todo.append((item, digest, key))
        return todo

    def _outcomes(
        self, tasks: list[Task], catalogue: Catalogue, options: Options
    ) -> Iterator[Outcome]:
        o = self.options
        if not tasks:
            return iter(())
        if o.executor == "dask":
            from lbcheck.audit.dask_executor import run_on_dask

            return run_on_dask(tasks, o.settings, o.budget, o.scheduler, o.jobs)
        from lbcheck.engine.compiled import compile_catalogue
        from lbcheck.pool import WorkerPool, default_start_method

        method = o.start_method or default_start_method()
        # Fork workers inherit the catalogue compiled here; spawn workers compile their own.
        entries = compile_catalogue(catalogue, o.settings.spacy_model) if method == "fork" else ()
        pool = WorkerPool(
            o.settings,
            min(o.jobs, len(tasks)),
            o.budget,
            start_method=method,
            prepared=(entries, options) if entries else None,
        )
        return pool.run(tasks)


def write_reports(folder: Path, rules: Sequence[RuleInfo]) -> None:
    """Tables, ``report.json`` and ``report.html`` from ``documents.jsonl``, each read anew so
    memory stays flat; every file replaced atomically."""
    from lbcheck.audit.html import render_audit_html
    from lbcheck.audit.summary import summarize
    from lbcheck.audit.tables import write_documents_csv, write_findings_csv

    documents_csv = folder / f".{store.DOCUMENTS_CSV}.tmp"
    findings_csv = folder / f".{store.FINDINGS_CSV}.tmp"
    try:
        write_documents_csv(documents_csv, store.read_documents(folder), rules)
        write_findings_csv(findings_csv, store.read_documents(folder))
        documents_csv.replace(folder / store.DOCUMENTS_CSV)
        findings_csv.replace(folder / store.FINDINGS_CSV)
    finally:
        documents_csv.unlink(missing_ok=True)
        findings_csv.unlink(missing_ok=True)
    summary = summarize(store.read_documents(folder), rules)
    atomic_write(folder / store.REPORT_JSON, (summary.model_dump_json(indent=2) + "\n").encode())
    html = render_audit_html(summary, store.read_documents(folder))
    atomic_write(folder / store.REPORT_HTML, html.encode("utf-8"))


def run_audit(options: AuditOptions, listener: Listener | None = None) -> AuditResult:
    """Run the audit; Ctrl-C raises :class:`RunInterruptedError` with everything so far on disk."""
    return _Audit(options, listener or _Silent()).run()


__all__ = ["AuditOptions", "AuditResult", "Listener", "run_audit", "write_reports"]
