"""What a buyer should do, in that order: the view both the terminal and the HTML report show.

Pure: a ``DocumentReport`` in, a ``Digest`` out. Findings at the same sentence are merged into one
``Spot`` with all their rules, so a sentence is shown once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lbcheck.models import (
    Advice,
    CriterionResult,
    DocumentReport,
    Location,
    Place,
    Report,
    Severity,
    Status,
)
from lbcheck.reporters.german import counted


@dataclass(frozen=True, slots=True)
class RuleNote:
    """One rule that fired at a spot, with the advice shown the first time the rule appears."""

    code: str
    title: str
    severity: Severity
    message: str
    advice: Advice | None
    first: bool


@dataclass(frozen=True, slots=True)
class Spot:
    """A sentence of the document with every rule that applies to it."""

    location: Location
    place: Place
    excerpt: str
    rules: tuple[RuleNote, ...]

    @property
    def severity(self) -> Severity:
        return max((r.severity for r in self.rules), key=lambda s: s.rank)


@dataclass(frozen=True, slots=True)
class Digest:
    """One document ordered by what to do: change, add, tighten, then what is fine."""

    report: DocumentReport
    change: tuple[Spot, ...]
    add: tuple[CriterionResult, ...]
    tighten_criteria: tuple[CriterionResult, ...]
    tighten_spots: tuple[Spot, ...]
    fine: tuple[CriterionResult, ...]

    @property
    def verdict(self) -> str:
        """A short sentence on top: ``3 Stellen ändern, 4 Kriterien ergänzen``."""
        parts = []
        if self.change:
            parts.append(f"{counted(len(self.change), 'Stelle')} ändern")
        if self.add:
            parts.append(f"{counted(len(self.add), 'Kriterium')} ergänzen")
        tighten = len(self.tighten_criteria) + len(self.tighten_spots)
        if tighten:
            parts.append(f"{counted(tighten, 'Formulierung')} schärfen")
        if not parts:
            return "Nichts zu tun: keine Befunde, kein anwendbares Kriterium fehlt."
        return ", ".join(parts) + "."


def spots(report: DocumentReport) -> list[Spot]:
    """Findings merged per sentence, in document order; rule advice only at the first spot."""
    advice = dict(report.rule_advice)
    grouped: dict[tuple[Location, str], list[RuleNote]] = {}
    places: dict[tuple[Location, str], Place] = {}
    seen: set[str] = set()
    for f in report.findings:
        key = (f.location, f.excerpt)
        places.setdefault(key, f.place)
        a = advice.get(f.code)
        rules = grouped.setdefault(key, [])
        if any(r.code == f.code for r in rules):
            continue
        rules.append(
            RuleNote(f.code, a.title if a else f.name, f.severity, f.message, a, f.code not in seen)
        )
        seen.add(f.code)
    return [
        Spot(loc, places[(loc, text)], text, tuple(rules)) for (loc, text), rules in grouped.items()
    ]


def digest(report: DocumentReport) -> Digest:
    """The buyer's view of one checked document (``report.status == 'ok'``)."""
    found = spots(report)
    by_status: dict[Status, list[CriterionResult]] = {s: [] for s in Status}
    for c in report.criteria:
        by_status[c.status].append(c)
    return Digest(
        report=report,
        change=tuple(s for s in found if s.severity is Severity.ERROR),
        add=tuple(by_status[Status.MISSING]),
        tighten_criteria=tuple(by_status[Status.WEAK]),
        tighten_spots=tuple(s for s in found if s.severity is not Severity.ERROR),
        fine=tuple(by_status[Status.MET]),
    )


@dataclass(frozen=True, slots=True)
class Totals:
    """What the exit code looks at, counted by severity: findings, applicable missing criteria
    and unreadable files (which count as errors)."""

    documents: int
    unreadable: int
    findings: int
    missing: int
    by_severity: tuple[tuple[Severity, int], ...]


def totals(documents: Sequence[DocumentReport]) -> Totals:
    counts = dict.fromkeys(Severity, 0)
    unreadable = findings = missing = 0
    for d in documents:
        if d.status != "ok":
            unreadable += 1
            counts[Severity.ERROR] += 1
        for f in d.findings:
            findings += 1
            counts[f.severity] += 1
        for c in d.criteria:
            if c.status is Status.MISSING:
                missing += 1
                counts[c.severity] += 1
    return Totals(
        len(documents), unreadable, findings, missing, tuple((s, counts[s]) for s in Severity)
    )


def summary_line(report: Report) -> str:
    """``2 Dokumente geprüft, 0 nicht lesbar: 2 Fehler, 10 Warnungen, 0 Hinweise (…)``.

    The counts are the ones the exit code is computed from, so exit 1 never comes with
    ``0 Fehler, 0 Warnungen``.
    """
    t = totals(report.documents)
    names = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
    levels = ", ".join(counted(n, names[s]) for s, n in t.by_severity)
    sources = [counted(t.findings, "Befund"), counted(t.missing, "fehlendes Kriterium")]
    if t.unreadable:
        sources.append(counted(t.unreadable, "nicht lesbare Datei"))
    return (
        f"{counted(t.documents, 'Dokument')} geprüft, {t.unreadable} nicht lesbar: {levels} "
        f"({', '.join(sources)})."
    )
