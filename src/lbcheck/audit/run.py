"""The audit use case: walk, take what the cache knows, check the rest in workers (local pool or
Dask), stream each document to ``documents.jsonl`` as it finishes and into the tables and
counts of :mod:`lbcheck.audit.reports`, then the reports."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from lbcheck.app.inputs import raise_nothing_left
from lbcheck.app.plan import ScanOptions
from lbcheck.audit import store
from lbcheck.audit.cache import (
    Cache,
    file_digest,
    procedure_key,
    run_key,
)
from lbcheck.audit.reports import Reports
from lbcheck.audit.walk import Found, Problem, Selection, walk
from lbcheck.config import Settings
from lbcheck.criteria.loader import Catalogue
from lbcheck.engine.evaluate import Options
from lbcheck.engine.procedure import procedure_key as procedure_of
from lbcheck.engine.procedure import shared_subjects
from lbcheck.errors import RunInterruptedError, UsageError
from lbcheck.i18n import current, error_message, localized
from lbcheck.models import DocumentReport, Report, RuleInfo
from lbcheck.pool import Budget, Outcome, Prepared, Task, TaskQueue
from lbcheck.reporters.json_model import JsonDocument, JsonError
from lbcheck.reporters.json_reporter import to_model

Executor = Literal["local", "dask"]


@dataclass(frozen=True, slots=True)
class AuditOptions:
    paths: tuple[str, ...]
    output_dir: Path
    # For every file, unless ``scan_options`` is given: then each file's settings come from
    # the project configuration as in ``scan`` (the command line's way).
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
    scan_options: ScanOptions | None = None


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
    """The document as ``scan`` writes it to JSON, lbcheck's own sentences in the run's
    language."""
    return to_model(localized(Report((report,)), current())).documents[0]


def problem_document(problem: Problem) -> JsonDocument:
    message = error_message(problem.code, problem.message, current())
    return JsonDocument(
        path=problem.shown,
        status="error",
        error=JsonError(code=problem.code, message=message, detail=problem.detail),
    )


class _Audit:
    def __init__(self, options: AuditOptions, listener: Listener) -> None:
        self.options = options
        self.listener = listener
        self.result = AuditResult()
        self.sink: store.Sink | None = None
        self.reports: Reports | None = None
        self.plans: dict[Settings, Plan] = {}
        self.jobs: dict[int, Job] = {}  # in flight, by task key
        self.next_key = 0

    def record(
        self, document: JsonDocument, seconds: float, cached: bool, digest: str, read: bool = True
    ) -> None:
        """One finished row; ``read`` False for a problem found while walking."""
        assert self.sink is not None and self.reports is not None
        self.reports.add(document, self.sink.add(document, seconds, cached, digest))
        self.result.cached += cached
        self.result.checked += read and not cached
        self.result.errors += document.status == "error"
        self.result.pages += document.pages or 0
        self.listener.document(document, cached)

    def plan_for(self, settings: Settings) -> Plan:
        """Options, catalogue and cache key of one effective settings, worked out once."""
        if settings not in self.plans:
            from lbcheck.runner import select_catalogue

            options, catalogue = select_catalogue(settings)
            key = repr((options, settings.max_bytes, settings.spacy_model))
            self.plans[settings] = Plan(options, catalogue, run_key(repr(catalogue), key))
        return self.plans[settings]

    def run(self) -> AuditResult:
        from lbcheck.criteria.describe import describe_rules

        o = self.options
        start = time.monotonic()
        found = list(walk(o.paths, o.selection))
        if not found:
            raise_nothing_left()
        items = settings_per_file(found, o)
        store.prepare(o.output_dir, o.force, o.resume)
        done = store.done_paths(o.output_dir) if o.resume else set()
        items = [(i, s) for i, s in items if i.shown not in done]
        self.result.total = len(items) + len(done)
        self.result.resumed = len(done)
        rules: dict[str, RuleInfo] = {}
        for settings in dict.fromkeys(s for _, s in items if s is not None):
            plan = self.plan_for(settings)
            for rule in describe_rules(plan.catalogue, plan.options.severities):
                rules.setdefault(rule.code, rule)
        self.result.rules = tuple(rules.values())
        cache = Cache(o.cache_dir) if o.cache_dir is not None else None
        self.listener.start(self.result.total, len(done))
        self.sink = store.Sink(o.output_dir)
        self.reports = Reports(o.output_dir, self.result.rules)
        documents_start = time.monotonic()
        try:
            for offset, document in store.read_indexed(o.output_dir) if o.resume else ():
                self.reports.add(document, offset)
            todo = self._known(items, cache)
            queue = TaskQueue(self._task(job) for job in todo)
            for outcome in self._outcomes(queue, todo):
                job = self.jobs.pop(outcome.key)
                if job.procedure is None:
                    self._finish(job, outcome.report, outcome.seconds, cache)
                else:
                    self._procedure_member(job, outcome, queue, cache)
                # The workers have their documents: the report page is compiled meanwhile.
                self.reports.prepare()
            self.sink.close()
            self.result.documents_seconds = time.monotonic() - documents_start
            self.reports.write()
        except KeyboardInterrupt:
            self.sink.close()
            self.result.seconds = time.monotonic() - start
            raise RunInterruptedError(
                self.result.resumed + self.result.checked + self.result.cached, self.result.total
            ) from None
        finally:
            self.reports.discard()
        self.result.seconds = time.monotonic() - start
        return self.result

    def _task(self, job: Job, subjects: tuple[str, ...] = ()) -> Task:
        key = self.next_key
        self.next_key += 1
        self.jobs[key] = job
        return Task(key, job.found.path, job.found.shown, job.settings, subjects)

    def _finish(
        self, job: Job, report: DocumentReport, seconds: float, cache: Cache | None
    ) -> None:
        document = as_json(report)
        if cache is not None and job.cache_key:
            cache.put(job.cache_key, document)
        self.record(document, seconds, False, job.digest)

    def _procedure_member(
        self, job: Job, outcome: Outcome, queue: TaskQueue, cache: Cache | None
    ) -> None:
        """Hold a procedure's rows until all its files are checked; then, as ``scan`` does,
        check again with the procedure's subjects each file unsure of its own."""
        procedure = job.procedure
        assert procedure is not None
        procedure.reports[job.found.shown] = (outcome.report, outcome.seconds)
        procedure.waiting -= 1
        if procedure.waiting:
            return
        if not procedure.rechecked:
            procedure.rechecked = True
            reports = [procedure.reports[m.found.shown][0] for m in procedure.members]
            shared = shared_subjects(reports)
            for member in procedure.members:
                if member.found.shown in shared:
                    procedure.waiting += 1
                    queue.push(self._task(member, shared[member.found.shown]))
            if procedure.waiting:
                return
        for member in procedure.members:
            report, seconds = procedure.reports[member.found.shown]
            self._finish(member, report, seconds, cache)

    def _known(
        self, items: Sequence[tuple[Found | Problem, Settings | None]], cache: Cache | None
    ) -> list[Job]:
        """Write problem rows and cache hits; return what is left to check, largest first,
        the files of one procedure together (so its rows are not held long)."""
        jobs: list[Job] = []
        for item, settings in items:
            if isinstance(item, Problem) or settings is None:
                assert isinstance(item, Problem)
                self.record(problem_document(item), 0.0, False, "", read=False)
                continue
            digest = ""
            if cache is not None:
                try:
                    digest = file_digest(item.path)
                except OSError as exc:
                    problem = Problem(item.shown, "unreadable", exc.strerror or str(exc))
                    self.record(problem_document(problem), 0.0, False, "", read=False)
                    continue
            jobs.append(Job(item, settings, digest))
        units = group_procedures(jobs)
        todo: list[Job] = []
        for unit in units:
            if cache is not None and self._from_cache(unit, cache):
                continue
            if len(unit) > 1:
                procedure = Procedure(tuple(unit), waiting=len(unit))
                for job in unit:
                    job.procedure = procedure
            todo.extend(unit)
        return todo

    def _from_cache(self, unit: list[Job], cache: Cache) -> bool:
        """Record the unit from the cache when every file of it is there (one file changed:
        the procedure's subjects may have too, so all are checked again)."""
        context = ""
        if len(unit) > 1:
            context = procedure_key([(j.found.path.name, j.digest) for j in unit])
        hits: list[JsonDocument] = []
        for job in unit:
            run = self.plan_for(job.settings).run
            # Cached rows hold lbcheck's own words (places, messages) in the run's language.
            lang = "" if current() == "de" else f"\0{current()}"
            job.cache_key = cache.key(run + lang, job.digest, job.found.path.name, context)
            hit = cache.get(job.cache_key, job.found.shown)
            if hit is not None:
                hits.append(hit)
        if len(hits) < len(unit):
            return False
        for job, hit in zip(unit, hits, strict=True):
            self.record(hit, 0.0, True, job.digest)
        return True

    def _outcomes(self, queue: TaskQueue, todo: list[Job]) -> Iterator[Outcome]:
        o = self.options
        if not todo:
            return iter(())
        first = todo[0].settings
        if o.executor == "dask":
            from lbcheck.audit.dask_executor import run_on_dask

            return run_on_dask(queue, first, o.budget, o.scheduler, o.jobs)
        from lbcheck import heap
        from lbcheck.engine.compiled import compile_catalogue
        from lbcheck.pool import WorkerPool, default_start_method
        from lbcheck.read_ahead import ReadAhead

        method = o.start_method or default_start_method()
        # Fork workers inherit the catalogues compiled here; spawn workers compile their own.
        prepared: dict[Settings, Prepared] = {}
        ahead = ReadAhead(
            [(j.found.path, j.found.shown, j.settings.max_bytes) for j in todo]
            if method == "fork"
            else []
        )
        try:
            if method == "fork":
                with heap.loading():
                    for settings in dict.fromkeys(j.settings for j in todo):
                        plan = self.plan_for(settings)
                        entries = compile_catalogue(plan.catalogue, settings.spacy_model)
                        prepared[settings] = (entries, plan.options)
                heap.keep()
            pool = WorkerPool(
                first,
                min(o.jobs, len(todo)),
                o.budget,
                start_method=method,
                prepared=prepared or None,
            )
            pool.read = ahead.documents()
        finally:
            ahead.close()
        return pool.run(queue)


@dataclass(frozen=True, slots=True)
class Plan:
    options: Options
    catalogue: Catalogue
    run: str  # the cache's run key for these settings


@dataclass(slots=True)
class Job:
    found: Found
    settings: Settings
    digest: str
    cache_key: str = ""
    procedure: Procedure | None = None


@dataclass(slots=True)
class Procedure:
    """Files of one procedure (same folder, settings and number prefix), checked together."""

    members: tuple[Job, ...]
    waiting: int
    rechecked: bool = False
    reports: dict[str, tuple[DocumentReport, float]] = field(default_factory=dict)


def group_procedures(jobs: Sequence[Job]) -> list[list[Job]]:
    """Units of work: each procedure's files together, every other file alone; largest unit
    first (by its largest file), largest file first within."""
    units: dict[object, list[Job]] = {}
    for index, job in enumerate(jobs):
        key = procedure_of(job.found.shown)
        units.setdefault((job.settings, key) if key else index, []).append(job)
    ordered = [sorted(u, key=lambda j: -j.found.size) for u in units.values()]
    ordered.sort(key=lambda u: -u[0].found.size)
    return ordered


def settings_per_file(
    found: Sequence[Found | Problem], options: AuditOptions
) -> list[tuple[Found | Problem, Settings | None]]:
    """Each file with its effective settings, as ``scan`` works them out (nearest project
    config, its include / exclude, ``.gitignore``, per-path overrides); files the config
    leaves out are dropped. Problems keep their place with no settings."""
    if options.scan_options is None:
        return [(f, None if isinstance(f, Problem) else options.settings) for f in found]
    from lbcheck.app.inputs import Candidate
    from lbcheck.app.plan import plan

    named = {str(Path(p)) for p in options.paths}
    files = [f for f in found if isinstance(f, Found)]
    by_shown: dict[str, Settings] = {}
    if files:
        candidates = [Candidate(f.path, f.shown, f.shown in named) for f in files]
        try:
            groups = plan(candidates, options.scan_options)
        except UsageError:
            if len(files) == len(found):
                raise
            groups = []  # only problems are left: they are still rows
        for group in groups:
            settings = dataclasses.replace(group.settings, jobs=1, fail_on="error")
            by_shown.update((c.shown, settings) for c in group.items)
    return [
        (f, None) if isinstance(f, Problem) else (f, by_shown[f.shown])
        for f in found
        if isinstance(f, Problem) or f.shown in by_shown
    ]


def run_audit(options: AuditOptions, listener: Listener | None = None) -> AuditResult:
    """Run the audit; Ctrl-C raises :class:`RunInterruptedError` with everything so far on disk."""
    return _Audit(options, listener or _Silent()).run()


__all__ = ["AuditOptions", "AuditResult", "Listener", "run_audit"]
