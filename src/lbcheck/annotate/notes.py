"""What goes into the margin: one note per sentence to change or tighten, one on the title.

Pure: a ``DocumentReport`` in, ``Notes`` out. Each note stands alone (a comment is read where it
is, not after the others), so every note carries its full advice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lbcheck.i18n import counted, label, tr
from lbcheck.models import Advice, DocumentReport, Location
from lbcheck.reporters.digest import Digest, Spot, digest, spots, weak_reason
from lbcheck.reporters.labels import SEVERITY_DE, STATUS_DE

AUTHOR = "lbcheck"
INITIALS = "LB"


@dataclass(frozen=True, slots=True)
class Note:
    """Advice for one sentence: ``excerpt`` at ``location``; ``lines`` are its paragraphs."""

    excerpt: str
    location: Location
    lines: tuple[str, ...]
    severity: str
    codes: str


@dataclass(frozen=True, slots=True)
class Notes:
    sentences: tuple[Note, ...]
    title: tuple[str, ...] = ()


@dataclass(slots=True)
class Placed:
    """How the notes were placed: on their sentence, or only on its paragraph or page."""

    exact: list[str] = field(default_factory=list)
    approximate: list[str] = field(default_factory=list)
    title: bool = False

    @property
    def total(self) -> int:
        return len(self.exact) + len(self.approximate) + int(self.title)


def _basis(a: Advice) -> str:
    return "; ".join(ref for ref, _ in a.legal_basis)


def _severity(value: str) -> str:
    return label("severity", value, SEVERITY_DE)


def _why(a: Advice) -> str:
    return tr("Warum: {rationale} ({basis})", rationale=a.rationale, basis=_basis(a))


def _spot_note(spot: Spot) -> Note:
    lines: list[str] = []
    for r in spot.rules:
        lines.append(f"{r.code} {r.title} [{_severity(r.severity.value)}]: {r.message}")
        if r.advice is not None:
            lines.append(_why(r.advice))
            lines.append(tr("Besser so: {clause}", clause=r.advice.model_clause))
    for c in spot.weak:
        status = label("status", c.status.value, STATUS_DE)
        lines.append(f"{c.code} {c.title}: {status}, {weak_reason(c)}")
        if c.advice is not None:
            lines.append(_why(c.advice))
            lines.append(tr("Besser so: {clause}", clause=c.advice.model_clause))
            if c.advice.proof:
                lines.append(tr("Nachweis: {proof}", proof=c.advice.proof))
    return Note(spot.excerpt, spot.location, tuple(lines), spot.severity.value, spot.codes)


def _title_lines(d: Digest) -> tuple[str, ...]:
    lines = [tr("lbcheck – Fazit: {verdict}", verdict=d.verdict)]
    if d.add:
        n = counted(len(d.add), "Kriterium")
        if len(d.add) == 1:
            lines.append(tr("{n} fehlt; Textbausteine zum Einfügen:", n=n))
        else:
            lines.append(tr("{n} fehlen; Textbausteine zum Einfügen:", n=n))
        for c in d.add:
            lines.append(f"{c.code} {c.title} [{_severity(c.severity.value)}]")
            if c.advice is not None:
                lines.append(tr("Textbaustein: {clause}", clause=c.advice.model_clause))
                if c.advice.proof:
                    lines.append(tr("Nachweis: {proof}", proof=c.advice.proof))
    return tuple(lines)


def notes_for(report: DocumentReport) -> Notes:
    """The notes for a checked document (``report.status == 'ok'``), in document order."""
    d = digest(report)
    return Notes(tuple(_spot_note(s) for s in spots(report)), _title_lines(d))
