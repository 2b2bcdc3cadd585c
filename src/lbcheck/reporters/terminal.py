"""Terminal reporter: a German report for a buyer, rendered with rich."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lbcheck.criteria.subjects import subject_label
from lbcheck.models import Advice, CriterionResult, DocumentReport, Finding, Report, Status
from lbcheck.reporters.base import RenderEnv, Reporter
from lbcheck.reporters.labels import (
    PLACE_DE,
    PLACE_SHORT,
    SET_DE,
    SEVERITY_DE,
    STATUS_DE,
)

_STATUS_STYLE = {"met": "green", "weak": "yellow", "missing": "red", "not_applicable": "dim"}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _shown_criteria(doc: DocumentReport) -> list[CriterionResult]:
    """Criteria that say something: met, weak or missing (not those that do not apply)."""
    return [c for c in doc.criteria if c.status is not Status.NOT_APPLICABLE]


def _indented(label: str, text: str, style: str = "") -> Table:
    """A line with a hanging indent: label in the first column, wrapped text in the second."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3)
    grid.add_column(ratio=1)
    grid.add_row(Text(label, style=style), Text(text))
    return grid


def _criteria_table(doc: DocumentReport) -> Table:
    table = Table(title="Kriterien", title_justify="left", expand=True, show_lines=False)
    table.add_column("Code", no_wrap=True)
    table.add_column("Kriterium")
    table.add_column("Status", no_wrap=True)
    table.add_column("Fundstelle")
    current_set = None
    for c in _shown_criteria(doc):
        if c.set != current_set:
            current_set = c.set
            table.add_row("", Text(SET_DE.get(c.set, c.set), style="bold"), "", "")
        where = ""
        if c.evidence:
            e = c.evidence[0]
            where = f"{e.location.describe()} [{PLACE_SHORT[e.place.value]}]"
        title = c.title
        table.add_row(
            c.code,
            title,
            Text(STATUS_DE[c.status.value], style=_STATUS_STYLE[c.status.value]),
            where,
        )
    return table


def _sets_line(doc: DocumentReport) -> Text:
    parts = []
    for name, applies in doc.sets:
        label = SET_DE.get(name, name)
        parts.append(f"{label}: {'gilt' if applies else 'gilt nicht für diesen Gegenstand'}")
    return Text("Kriteriensets – " + "; ".join(parts))


def _finding_group(findings: list[Finding], advice: Advice | None) -> RenderableType:
    """One rule: its message once, every place with its excerpt, then why and what instead."""
    first = findings[0]
    head = Text(f"{first.code} {first.name} ", style="bold")
    head.append(
        f"[{SEVERITY_DE[first.severity.value]}]", style=_SEVERITY_STYLE[first.severity.value]
    )
    head.append(f" – {len(findings)} Fundstelle(n)")
    lines: list[RenderableType] = [head, _indented("", first.message)]
    for f in findings:
        where = f"{f.location.describe()} ({PLACE_DE[f.place.value]})"
        lines.append(_indented(" •", f"{where}: „{f.excerpt}“"))
    if advice is not None:
        basis = "; ".join(ref for ref, _ in advice.legal_basis)
        lines.append(_indented("", f"Warum: {advice.rationale} ({basis})"))
        lines.append(_indented("", f"Besser so: {advice.model_clause}"))
    return Group(*lines)


def _advice(c: CriterionResult) -> RenderableType:
    a = c.advice
    assert a is not None
    head = Text(f"{c.code} {a.title} – ", style="bold")
    head.append(STATUS_DE[c.status.value], style=_STATUS_STYLE[c.status.value])
    basis = "; ".join(ref for ref, _ in a.legal_basis)
    lines: list[RenderableType] = [
        head,
        _indented("", f"Warum: {a.rationale} ({basis})"),
        _indented("", f"Textbaustein: {a.model_clause}"),
    ]
    if a.proof:
        lines.append(_indented("", f"Nachweis: {a.proof}"))
    return Group(*lines)


def _placement(doc: DocumentReport) -> Text:
    parts = []
    for place, dims in doc.placement:
        parts.append(f"{PLACE_DE[place]}: {', '.join(dims) if dims else '–'}")
    return Text("Verortung (VergStatVO / eForms BT-DEX-02) – " + "; ".join(parts))


def _eforms(doc: DocumentReport) -> Text:
    hints = "; ".join(f"{h.field} = {h.code}" for h in doc.eforms)
    return Text(f"eForms-Angaben – {hints}")


def _overview(doc: DocumentReport) -> Text:
    """One calm sentence on what the document contains."""
    counts = {s: sum(1 for c in doc.criteria if c.status is s) for s in Status}
    if not counts[Status.MET] and not counts[Status.WEAK]:
        text = "Das Dokument enthält keine Nachhaltigkeitskriterien des Katalogs."
        if counts[Status.MISSING]:
            text += f" {counts[Status.MISSING]} anwendbare Kriterien könnten ergänzt werden."
        return Text(text, style="bold")
    return Text(
        f"Nachhaltigkeitskriterien: {counts[Status.MET]} erfüllt, {counts[Status.WEAK]} schwach, "
        f"{counts[Status.MISSING]} fehlen.",
        style="bold",
    )


def _document(doc: DocumentReport) -> RenderableType:
    title = doc.path
    if doc.status != "ok":
        assert doc.error is not None
        body = Text(f"Nicht geprüft [{doc.error.code}]: {doc.error.message}", style="red")
        return Panel(body, title=title, title_align="left")
    meta = f"{(doc.format or '').upper()}"
    if doc.pages:
        meta += f", {doc.pages} Seiten"
    subjects = ", ".join(subject_label(s) for s in doc.subject)
    if not doc.subject_certain:
        subjects += " (unsicher: der Text sagt wenig über den Gegenstand; Sets prüfen)"
    parts: list[RenderableType] = [
        Text(f"Format: {meta} · Gegenstand: {subjects}"),
        _sets_line(doc),
        _overview(doc),
    ]
    if _shown_criteria(doc):
        parts.append(_criteria_table(doc))
    if doc.findings:
        parts.append(
            Text(f"\nBefunde zur Formulierung ({len(doc.findings)})", style="bold underline")
        )
        by_code: dict[str, list[Finding]] = {}
        for f in doc.findings:
            by_code.setdefault(f.code, []).append(f)
        advice = dict(doc.rule_advice)
        parts.extend(_finding_group(by_code[c], advice.get(c)) for c in sorted(by_code))
    else:
        parts.append(Text("\nKeine Befunde zur Formulierung."))
    todo = [c for c in doc.criteria if c.advice is not None]
    if todo:
        parts.append(Text("\nHandlungsbedarf: was Sie ergänzen können", style="bold underline"))
        parts.extend(_advice(c) for c in todo)
    parts.append(Text(""))
    parts.append(_placement(doc))
    if doc.eforms:
        parts.append(_eforms(doc))
    return Panel(Group(*parts), title=title, title_align="left")


def _summary(report: Report) -> Text:
    docs = report.documents
    errors = sum(1 for d in docs if d.status != "ok")
    counts = dict.fromkeys(("error", "warning", "info"), 0)
    for d in docs:
        for f in d.findings:
            counts[f.severity.value] += 1
    text = ", ".join(f"{n} {SEVERITY_DE[k]}" for k, n in counts.items())
    return Text(
        f"{len(docs)} Dokument(e) geprüft, {errors} nicht lesbar; Befunde: {text}.", style="bold"
    )


class TerminalReporter(Reporter):
    name = "terminal"
    extension = ".txt"

    def __init__(self, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width

    @classmethod
    def from_env(cls, env: RenderEnv) -> TerminalReporter:
        return cls(color=env.color, width=env.width)

    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            emoji=False,
        )
        for doc in report.documents:
            console.print(_document(doc))
        console.print(_summary(report))
        return buffer.getvalue()
