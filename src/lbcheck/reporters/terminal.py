"""Terminal reporter: a German report a buyer reads in two minutes, rendered with rich.

Order: a verdict, then what to change, what to add, what to tighten, what is fine, and the
statistics fields. Every string from a document or a criteria file goes through
``safe_text.safe`` (no markup, no control characters); there are no boxes, so the report wraps
to any width.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from lbcheck.i18n import Lang, counted, label, tr, use, where
from lbcheck.models import Advice, CriterionResult, DocumentReport, Evidence, Report, Status
from lbcheck.reporters.base import RenderEnv, Reporter
from lbcheck.reporters.digest import (
    Digest,
    Spot,
    digest,
    meta_line,
    placement_rows,
    sets_line,
    shown_evidence,
    summary_line,
    weak_reason,
)
from lbcheck.reporters.labels import PLACE_DE, SEVERITY_DE, STATUS_DE, eforms_label
from lbcheck.reporters.safe_text import safe


def _severity(value: str) -> str:
    return label("severity", value, SEVERITY_DE)


def _place(value: str) -> str:
    return label("place", value, PLACE_DE)


_STATUS_STYLE = {"met": "green", "weak": "yellow", "missing": "red", "not_applicable": "dim"}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _item(bullet: str, *lines: RenderableType) -> Table:
    """A hanging indent: the bullet in a narrow column, the wrapped lines beside it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(bullet), Group(*lines))
    return grid


def _labelled(label: str, text: str) -> Text:
    line = Text()
    line.append(f"{label}: ", style="bold")
    line.append_text(safe(text))
    return line


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def _where(evidence: Evidence) -> str:
    return f"{where(evidence.location)} ({_place(evidence.place.value)})"


def _basis(code: str, a: Advice) -> Text:
    """The legal basis in one line; the reasoning is one ``lbcheck explain`` away."""
    line = _labelled(tr("Rechtsgrundlage"), "; ".join(ref for ref, _ in a.legal_basis))
    line.append_text(safe(f" – warum: lbcheck explain {code}", style="dim"))
    return line


def _advice_lines(code: str, a: Advice, clause_label: str) -> list[RenderableType]:
    lines: list[RenderableType] = [_labelled(clause_label, a.model_clause)]
    if a.proof:
        lines.append(_labelled(tr("Nachweis"), a.proof))
    lines.append(_basis(code, a))
    return lines


def _spot(spot: Spot) -> Table:
    lines: list[RenderableType] = [
        safe(f"{where(spot.location)} ({_place(spot.place.value)})", style="dim"),
        safe(f"„{spot.excerpt}“"),
    ]
    for r in spot.rules:
        head = Text().append_text(safe(f"{r.code} {r.title} ", style="bold"))
        head.append(f"[{_severity(r.severity.value)}]", style=_SEVERITY_STYLE[r.severity.value])
        if r.first:
            head.append_text(safe(f": {r.message}"))
            lines.append(head)
            if r.advice is not None:
                lines.append(
                    _item(
                        "",
                        _labelled(tr("Besser so"), r.advice.model_clause),
                        _basis(r.code, r.advice),
                    )
                )
        else:
            head.append_text(safe(tr(" – wie oben bei {code}", code=r.code)))
            lines.append(head)
    for c in spot.weak:
        lines.append(_criterion_head(c))
        if c.advice is not None:
            lines.append(_item("", *_advice_lines(c.code, c.advice, tr("Besser so"))))
    return _item("•", *lines)


def _criterion_head(c: CriterionResult) -> Text:
    head = Text().append_text(safe(f"{c.code} {c.title}", style="bold"))
    if c.status is not Status.MET:
        head.append(" – ")
        head.append(label("status", c.status.value, STATUS_DE), style=_STATUS_STYLE[c.status.value])
    if c.status is Status.WEAK:
        head.append_text(safe(f": {weak_reason(c)}"))
    return head


def _missing(c: CriterionResult) -> Table:
    head = _criterion_head(c)
    head.append(f" [{_severity(c.severity.value)}]", style=_SEVERITY_STYLE[c.severity.value])
    lines: list[RenderableType] = [head]
    if c.advice is not None:
        lines.extend(_advice_lines(c.code, c.advice, tr("Textbaustein")))
    return _item("•", *lines)


def _met(c: CriterionResult) -> Table:
    lines: list[RenderableType] = [_criterion_head(c)]
    e = shown_evidence(c)
    if e is not None:
        lines.append(safe(f"„{e.excerpt}“"))
        extra = counted(len(c.evidence) - 1, "Fundstelle")
        more = tr(" und {places} mehr", places=extra) if c.evidence[1:] else ""
        lines.append(safe(_where(e) + more, style="dim"))
    return _item("•", *lines)


def _statistics(doc: DocumentReport) -> list[RenderableType]:
    places = [safe(f"{place}: {dims}") for place, dims in placement_rows(doc)]
    lines: list[RenderableType] = [
        _heading(tr("Für Vergabestatistik und eForms")),
        _item("•", Text(tr("Verortung (VergStatVO, eForms BT-DEX-02):"), style="bold"), *places),
    ]
    lines.extend(
        _item("•", safe(f"{eforms_label(h.field, h.code)}: {h.reason}")) for h in doc.eforms
    )
    return lines


def _body(d: Digest) -> list[RenderableType]:
    doc = d.report
    parts: list[RenderableType] = [
        Text(tr("Fazit: {verdict}", verdict=d.verdict), style="bold"),
        safe(meta_line(doc), style="dim"),
        safe(sets_line(doc), style="dim"),
    ]
    if d.change:
        parts.append(_heading(tr("Ändern: {n}", n=counted(len(d.change), "Stelle"))))
        parts.extend(_spot(s) for s in d.change)
    if d.add:
        n = counted(len(d.add), "Kriterium")
        one = len(d.add) == 1
        head = tr("Ergänzen: {n} fehlt", n=n) if one else tr("Ergänzen: {n} fehlen", n=n)
        parts.append(_heading(head))
        parts.extend(_missing(c) for c in d.add)
    if d.tighten:
        parts.append(_heading(tr("Schärfen: {n}", n=counted(len(d.tighten), "Formulierung"))))
        parts.extend(_spot(s) for s in d.tighten)
    if d.fine:
        parts.append(_heading(tr("In Ordnung: {n} erfüllt", n=counted(len(d.fine), "Kriterium"))))
        parts.extend(_met(c) for c in d.fine)
    parts.extend(_statistics(doc))
    return parts


def _document(doc: DocumentReport) -> RenderableType:
    title = Rule(safe(doc.path, style="bold"), align="left", characters="─")
    if doc.status != "ok":
        assert doc.error is not None
        code = Text().append_text(
            safe(tr("Nicht geprüft [{code}]: ", code=doc.error.code), style="bold red")
        )
        code.append_text(safe(doc.error.message))
        return Group(title, code)
    return Group(title, *_body(digest(doc)))


class TerminalReporter(Reporter):
    name = "terminal"
    extension = ".txt"

    def __init__(self, color: bool = False, width: int = 100, lang: Lang = "de") -> None:
        self.color = color
        self.width = width
        self.lang = lang

    @classmethod
    def from_env(cls, env: RenderEnv) -> TerminalReporter:
        return cls(color=env.color, width=env.width, lang=env.lang)

    def render(self, report: Report) -> str:
        with use(self.lang):
            return self._render(report)

    def _render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            markup=False,
            emoji=False,
        )
        for doc in report.documents:
            console.print(_document(doc))
            console.print()
        console.print(Text(summary_line(report), style="bold"))
        text = buffer.getvalue()
        if self.color:
            return text
        # Without colour the padding rich adds to fill the width is only noise in files and diffs.
        return "\n".join(line.rstrip() for line in text.split("\n"))
