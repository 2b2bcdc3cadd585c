"""The Python API for other tools: ``lbcheck.scan(paths, ...) -> Report``.

It runs the same use case as ``lbcheck scan`` (config discovery, include/exclude, overrides,
suppressions, baselines) and returns the frozen report instead of printing it. Usage errors
raise :class:`lbcheck.errors.UsageError`, broken criteria files
:class:`lbcheck.errors.CriteriaError`; unreadable documents are rows in the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

from lbcheck.app.scan import ScanOptions, run_scan
from lbcheck.config import FailOn
from lbcheck.models import Report, Severity


def scan(
    paths: Iterable[str | PathLike[str]],
    *,
    sets: Iterable[str] = (),
    disable: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
    criteria: Iterable[str | PathLike[str]] = (),
    config: str | PathLike[str] | None = None,
    isolated: bool = False,
    fail_on: FailOn | None = None,
    max_size_mb: float | None = None,
    jobs: int = 1,
    suppressions: Iterable[str | PathLike[str]] = (),
    baseline: str | PathLike[str] | None = None,
    changed_since: str | None = None,
) -> Report:
    """Check tender documents (files, folders or glob patterns) and return the report.

    Keyword arguments mean what the ``lbcheck scan`` options of the same name mean;
    ``severity`` maps a code, name or prefix to ``"error"``, ``"warning"`` or ``"info"``.
    """
    options = ScanOptions(
        sets=tuple(sets),
        disable=tuple(disable),
        severity=tuple((k, Severity(v)) for k, v in (severity or {}).items()),
        criteria=tuple(Path(c) for c in criteria),
        config=Path(config) if config is not None else None,
        isolated=isolated,
        fail_on=fail_on,
        max_size_mb=max_size_mb,
        jobs=jobs,
        suppressions=tuple(Path(s) for s in suppressions),
        baseline=Path(baseline) if baseline is not None else None,
        changed_since=changed_since,
    )
    return run_scan([str(p) for p in paths], options).report
