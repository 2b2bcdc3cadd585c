"""The CI gate: which results of a report reach ``--fail-on``, and the exit code that follows.

One function decides, so the exit code, ``--statistics`` and any summary can agree: a finding,
a missing criterion of an applicable set and an unreadable file each count with their severity
(an unreadable file as an error).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from lbcheck.config import FailOn
from lbcheck.models import Report, Severity, Status

RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3, "never": 99}
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@dataclass(frozen=True, slots=True)
class Counted:
    """One result that the gate weighs: a code (``VR-01``, ``BUE-01`` or an error code)."""

    code: str
    kind: Literal["finding", "missing", "unreadable"]
    severity: Severity


def counted(report: Report) -> tuple[Counted, ...]:
    """Every finding, missing criterion and unreadable file of the report, in report order."""
    items: list[Counted] = []
    for doc in report.documents:
        if doc.status != "ok":
            code = doc.error.code if doc.error else "error"
            items.append(Counted(code, "unreadable", Severity.ERROR))
        items.extend(Counted(f.code, "finding", f.severity) for f in doc.findings)
        items.extend(
            Counted(c.code, "missing", c.severity)
            for c in doc.criteria
            if c.status is Status.MISSING
        )
    return tuple(items)


def failing(report: Report, fail_on: FailOn) -> tuple[Counted, ...]:
    """The counted results at or above the threshold."""
    threshold = RANK[fail_on]
    return tuple(c for c in counted(report) if c.severity.rank >= threshold)


def exit_code(report: Report, fail_on: FailOn, exit_zero: bool = False) -> int:
    """0 when nothing reaches ``fail_on`` (or ``exit_zero``), else 1."""
    if exit_zero or not failing(report, fail_on):
        return EXIT_OK
    return EXIT_FINDINGS


def statistics(report: Report) -> list[tuple[str, str, Severity, int]]:
    """(code, kind, severity, count) per code, most frequent first, then by code."""
    counts = Counter((c.code, c.kind, c.severity) for c in counted(report))
    rows = [(code, kind, sev, n) for (code, kind, sev), n in counts.items()]
    return sorted(rows, key=lambda r: (-r[3], r[0], r[1]))
