"""The scan use case: settings from config and caller, the files to read, the report."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lbcheck.app.inputs import select_inputs
from lbcheck.config import FailOn, Settings, find_config, load_config, merge
from lbcheck.errors import UsageError
from lbcheck.models import Report, Severity
from lbcheck.runner import scan_items


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What a caller (the command line or :func:`lbcheck.scan`) asks for; ``None`` = config."""

    sets: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    criteria: tuple[Path, ...] = ()
    config: Path | None = None
    isolated: bool = False
    fail_on: FailOn | None = None
    max_size_mb: float | None = None
    jobs: int = 1
    spacy_model: str | None = None
    output: Path | None = None


@dataclass(frozen=True, slots=True)
class ScanResult:
    report: Report
    settings: Settings
    inputs: tuple[Path, ...]


def check_max_size(value: float | None, source: str = "--max-size") -> None:
    if value is not None and not (math.isfinite(value) and value > 0):
        raise UsageError(
            f"{source} erwartet eine Größe in MB größer als 0 (z. B. 50), nicht {value}."
        )


def settings_for(options: ScanOptions) -> Settings:
    """Merge the project config (unless isolated) with the caller's options."""
    check_max_size(options.max_size_mb)
    if options.jobs < 0:
        raise UsageError("--jobs erwartet 0 (alle Kerne) oder eine positive Zahl.")
    config_path = None
    if not options.isolated:
        config_path = options.config or find_config(Path.cwd())
    project = load_config(config_path) if config_path else None
    if project is not None:
        check_max_size(project.max_size_mb, f"{config_path}: max_size_mb")
    return merge(
        project,
        config_path.parent if config_path else None,
        sets=options.sets,
        disable=options.disable,
        severity=options.severity,
        criteria=options.criteria,
        fail_on=options.fail_on,
        max_size_mb=options.max_size_mb,
        jobs=options.jobs if options.jobs > 0 else (os.cpu_count() or 1),
        spacy_model=options.spacy_model,
    )


def run_scan(paths: Sequence[str], options: ScanOptions) -> ScanResult:
    """Check the files the paths name; usage errors before any file is read."""
    settings = settings_for(options)
    items = select_inputs(paths, options.output)
    report = scan_items(items, settings)
    return ScanResult(report, settings, tuple(p for p, _ in items))
