"""The scan use case: which files, with which settings, and the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lbcheck.app.inputs import select_inputs
from lbcheck.app.plan import ScanOptions, check_max_size, plan
from lbcheck.config import Settings
from lbcheck.gate import EXIT_FINDINGS, EXIT_OK, failing
from lbcheck.models import DocumentReport, Report
from lbcheck.runner import scan_items

__all__ = ["ScanOptions", "ScanResult", "check_max_size", "run_scan"]


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The report, and for each group of files the settings it was checked with."""

    report: Report
    groups: tuple[tuple[Settings, Report], ...]
    inputs: tuple[Path, ...]

    def exit_code(self, exit_zero: bool = False) -> int:
        """1 when any file reaches the ``fail_on`` of its own settings."""
        if exit_zero:
            return EXIT_OK
        hit = any(failing(r, s.fail_on) for s, r in self.groups)
        return EXIT_FINDINGS if hit else EXIT_OK


def run_scan(paths: Sequence[str], options: ScanOptions) -> ScanResult:
    """Check the files the paths name; usage errors come before any file is read."""
    candidates = select_inputs(paths, options.output)
    groups = plan(candidates, options)
    results = [
        (g.settings, scan_items([(c.path, c.shown) for c in g.items], g.settings)) for g in groups
    ]
    by_path: dict[str, DocumentReport] = {}
    for _, report in results:
        by_path.update((d.path, d) for d in report.documents)
    checked = {c.shown for g in groups for c in g.items}
    merged = Report(tuple(by_path[c.shown] for c in candidates if c.shown in checked))
    inputs = tuple(c.path for c in candidates)
    return ScanResult(merged, tuple(results), inputs)
