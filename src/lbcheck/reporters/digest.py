"""What a buyer should do, in that order: the view both the terminal and the HTML report show.

Pure: a ``DocumentReport`` in, a ``Digest`` out. Findings at the same sentence are merged into one
``Spot`` with all their rules, so a sentence is shown once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lbcheck import gate
from lbcheck.i18n import counted, label, tr
from lbcheck.models import (
    Advice,
    CriterionResult,
    DocumentReport,
    Evidence,
    Location,
    Modality,
    Place,
    Report,
    Severity,
    Status,
)
from lbcheck.reporters.labels import DIMENSION_DE, PLACE_DE, SET_DE, subjects_text


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
    """A sentence of the document with every rule that fired on it and every weak criterion
    whose evidence it is: what to do about one sentence, in one place."""

    location: Location
    place: Place
    excerpt: str
    rules: tuple[RuleNote, ...]
    weak: tuple[CriterionResult, ...] = ()

    @property
    def severity(self) -> Severity:
        ranks = [r.severity for r in self.rules] or [Severity.WARNING]
        return max(ranks, key=lambda s: s.rank)

    @property
    def codes(self) -> str:
        return "+".join([r.code for r in self.rules] + [c.code for c in self.weak])


@dataclass(frozen=True, slots=True)
class Digest:
    """One document ordered by what to do: change, add, tighten, then what is fine."""

    report: DocumentReport
    change: tuple[Spot, ...]
    add: tuple[CriterionResult, ...]
    tighten: tuple[Spot, ...]
    fine: tuple[CriterionResult, ...]

    @property
    def verdict(self) -> str:
        """A short sentence on top: ``3 Stellen ändern, 4 Kriterien ergänzen``."""
        parts = []
        if self.change:
            parts.append(tr("{n} ändern", n=counted(len(self.change), "Stelle")))
        if self.add:
            parts.append(tr("{n} ergänzen", n=counted(len(self.add), "Kriterium")))
        if self.tighten:
            parts.append(tr("{n} schärfen", n=counted(len(self.tighten), "Formulierung")))
        if not parts:
            return tr("Nichts zu tun: keine Befunde, kein anwendbares Kriterium fehlt.")
        return ", ".join(parts) + "."


def weak_reason(c: CriterionResult) -> str:
    """Why a criterion counts as only weakly addressed, read from its first sentence (a weak
    criterion has no sentence that meets it, so every one of its sentences is weak)."""
    if not c.evidence:
        return tr("nur schwach verankert")
    e = c.evidence[0]
    if e.modality in (Modality.WEAK, Modality.AMBIGUOUS):
        return tr("nur als Wunsch formuliert, nicht verbindlich")
    if e.place is Place.ZUSCHLAG:
        return tr("soll in die Wertung einfließen, aber ohne Gewichtung oder Punkte")
    return tr("nur erwähnt, nicht als Anforderung gestellt")


def shown_evidence(c: CriterionResult) -> Evidence | None:
    """The sentence to show for a criterion: for a met one, a sentence that meets it rather
    than a wish it also found (``sollte`` next to ``muss``)."""
    if c.status is Status.MET:
        for e in c.evidence:
            if e.modality not in (Modality.WEAK, Modality.AMBIGUOUS):
                return e
    return c.evidence[0] if c.evidence else None


def placement_rows(report: DocumentReport) -> list[tuple[str, str]]:
    """Where in the procedure which kind of criteria stand, in VergStatVO's German words."""
    return [
        (
            label("place", place, PLACE_DE),
            ", ".join(label("dimension", d, DIMENSION_DE) for d in dims) or "–",
        )
        for place, dims in report.placement
    ]


def meta_line(report: DocumentReport) -> str:
    """``DOCX, 3 Seiten · Gegenstand: Reinigung``."""
    meta = (report.format or "").upper()
    if report.pages:
        meta += f", {counted(report.pages, 'Seite')}"
    subjects = subjects_text(report.subject, report.subject_certain)
    return tr("{meta} · Gegenstand: {subjects}", meta=meta, subjects=subjects)


def sets_line(report: DocumentReport) -> str:
    """Which criteria sets were asked for, and which were not (their criteria show only where
    the text addresses them, never as missing)."""
    applies = [label("set", n, SET_DE) for n, a in report.sets if a]
    not_applies = [label("set", n, SET_DE) for n, a in report.sets if not a]
    text = tr("Geprüft nach: {sets}.", sets=", ".join(applies) or "–")
    if not_applies:
        text += tr(
            " Für diesen Gegenstand nicht verlangt, daher nur gefundene Stellen: {sets}.",
            sets=", ".join(not_applies),
        )
    return text


def spots(report: DocumentReport) -> list[Spot]:
    """Findings and weak criteria merged per sentence: findings in document order, then the
    sentences only a weak criterion points to. Rule advice is marked for its first spot."""
    advice = dict(report.rule_advice)
    rules: dict[tuple[Location, str], list[RuleNote]] = {}
    weak: dict[tuple[Location, str], list[CriterionResult]] = {}
    places: dict[tuple[Location, str], Place] = {}
    seen: set[str] = set()
    for f in report.findings:
        key = (f.location, f.excerpt)
        places.setdefault(key, f.place)
        here = rules.setdefault(key, [])
        if any(r.code == f.code for r in here):
            continue
        a = advice.get(f.code)
        here.append(
            RuleNote(f.code, a.title if a else f.name, f.severity, f.message, a, f.code not in seen)
        )
        seen.add(f.code)
    for c in report.criteria:
        if c.status is Status.WEAK and c.evidence:
            e = c.evidence[0]
            places.setdefault((e.location, e.excerpt), e.place)
            weak.setdefault((e.location, e.excerpt), []).append(c)
    order = list(rules) + [k for k in weak if k not in rules]
    return [
        Spot(k[0], places[k], k[1], tuple(rules.get(k, ())), tuple(weak.get(k, ()))) for k in order
    ]


def digest(report: DocumentReport) -> Digest:
    """The buyer's view of one checked document (``report.status == 'ok'``)."""
    found = spots(report)
    return Digest(
        report=report,
        change=tuple(s for s in found if s.severity is Severity.ERROR),
        add=tuple(c for c in report.criteria if c.status is Status.MISSING),
        tighten=tuple(s for s in found if s.severity is not Severity.ERROR),
        fine=tuple(c for c in report.criteria if c.status is Status.MET),
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


def totals(report: Report) -> Totals:
    """The gate's own list of counted results, summed up: never a second way of counting."""
    items = gate.counted(report)
    by_kind = Counter(c.kind for c in items)
    by_severity = Counter(c.severity for c in items)
    return Totals(
        documents=len(report.documents),
        unreadable=by_kind["unreadable"],
        findings=by_kind["finding"],
        missing=by_kind["missing"],
        by_severity=tuple((s, by_severity[s]) for s in Severity),
    )


def summary_line(report: Report) -> str:
    """``2 Dokumente geprüft, 0 nicht lesbar: 2 Fehler, 10 Warnungen, 0 Hinweise (…)``.

    The counts are the gate's (:func:`lbcheck.gate.counted`), so exit 1 never comes with
    ``0 Fehler, 0 Warnungen, 0 Hinweise``.
    """
    t = totals(report)
    names = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}
    levels = ", ".join(counted(n, names[s]) for s, n in t.by_severity)
    sources = [counted(t.findings, "Befund"), counted(t.missing, "fehlendes Kriterium")]
    if t.unreadable:
        sources.append(counted(t.unreadable, "nicht lesbare Datei"))
    return tr(
        "{documents} geprüft, {unreadable} nicht lesbar: {levels} ({sources}).",
        documents=counted(t.documents, "Dokument"),
        unreadable=t.unreadable,
        levels=levels,
        sources=", ".join(sources),
    )
