"""``report.html`` of an audit: one self-contained page over all tenders.

It shares the template layer, stylesheet and script of the single-document report
(``lbcheck.reporters.html``) and adds ``audit.html.j2``, ``audit.css`` and ``audit.js`` from the
same folder. The charts are inline SVG whose geometry is computed here; the documents are read
as the page is written (twice: the table, then each document's findings), and the heat map
reads its rows one group at a time, so no document needs to stay in memory.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lbcheck import i18n
from lbcheck.audit.summary import AuditRule, AuditSummary, DocumentRow, document_row
from lbcheck.i18n import counted, current, english, label, tr, where
from lbcheck.models import Location
from lbcheck.reporters import labels
from lbcheck.reporters.html.render import stream_page
from lbcheck.reporters.json_model import JsonCriterion, JsonDocument, JsonError, JsonLocation

BAR_WIDTH = 240
HEAT_LABELLED_ROWS = 60  # up to this many rows the heat map names each document
HEAT_MAX_ROWS = 200  # beyond, neighbouring documents (by path) share a row
HEAT_COLUMN = 180
HEAT_LABEL = 340
PAGE_SIZE = 100  # rows the documents table shows at once; the browser lays out only those
SHADES = 5  # heat-map colour steps, ``heat-0`` (0-20 %) to ``heat-4`` (80-100 %)


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    css: str


@dataclass(frozen=True, slots=True)
class Cell:
    x: int
    y: float
    height: float
    css: str
    title: str


@dataclass(frozen=True, slots=True)
class HeatMap:
    width: int
    height: float
    columns: tuple[tuple[int, str], ...]  # x of the column's middle, set label
    rows: tuple[tuple[float, str], ...]  # baseline of a row's label, the label ("" unlabelled)
    cells: tuple[Cell, ...]
    grouped: int  # documents per row (1: one row per document)
    cell_width: int = HEAT_COLUMN - 2


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One document of the table: its counts, its per-set shares and what to show expanded."""

    index: int
    row: DocumentRow
    doc: JsonDocument
    subject: str  # the subjects in German
    shares: tuple[tuple[float | None, str], ...]  # per set column: share, heat class
    weak: tuple[JsonCriterion, ...]
    missing: tuple[JsonCriterion, ...]


def anchor(code: str) -> str:
    """The id of a catalogue entry's Textbaustein on the page."""
    return "tb-" + re.sub(r"[^A-Za-z0-9_-]", "_", code)


def percent(share: float | None) -> str:
    """``73 %`` in German typography, ``–`` for no share."""
    return "–" if share is None else f"{round(share * 100)} %"


def heat_class(share: float | None) -> str:
    if share is None:
        return "heat-na"
    return f"heat-{min(SHADES - 1, int(share * SHADES))}"


def bar(parts: Sequence[tuple[int, str]], total: int, width: int = BAR_WIDTH) -> list[Segment]:
    """Stacked bar segments of ``(count, css class)`` over ``total``, ``width`` pixels long."""
    segments: list[Segment] = []
    x = 0.0
    for count, css in parts:
        if total <= 0 or count <= 0:
            continue
        w = width * count / total
        segments.append(Segment(round(x, 2), round(w, 2), css))
        x += w
    return segments


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def heat_map(summary: AuditSummary, rows: Iterable[DocumentRow] | None = None) -> HeatMap:
    """Rows of documents (sorted by path; grouped when there are many) by columns of sets.

    ``rows``: the matrix rows in path order, one per document, when ``summary`` was made
    without them; read one group at a time.
    """
    sets = [(c.set, label("set", c.set, {c.set: c.label})) for c in summary.coverage]
    total = len(summary.matrix) if rows is None else summary.documents
    source = iter(summary.matrix if rows is None else rows)
    group = max(1, math.ceil(total / HEAT_MAX_ROWS))
    count = math.ceil(total / group)
    chunks = iter(lambda: list(itertools.islice(source, group)), [])
    labelled = count <= HEAT_LABELLED_ROWS
    height = 18.0 if labelled else 4.0
    top = 24
    cells: list[Cell] = []
    names: list[tuple[float, str]] = []
    for r, chunk in enumerate(chunks):
        y = top + r * height
        if group == 1:
            name = chunk[0].path
        else:
            name = f"{chunk[0].path} … {chunk[-1].path} ({counted(len(chunk), 'Dokument')})"
        names.append((y + height - 5, _shorten(name) if labelled else ""))
        for c, (set_name, set_label) in enumerate(sets):
            share = _mean(_share(row, set_name) for row in chunk)
            unreadable = all(row.status != "ok" for row in chunk)
            shown = tr("nicht lesbar") if unreadable else percent(share)
            cells.append(
                Cell(
                    x=HEAT_LABEL + c * HEAT_COLUMN,
                    y=y,
                    height=height - 1,
                    css="heat-error" if unreadable else heat_class(share),
                    title=f"{name} – {set_label}: {shown}",
                )
            )
    return HeatMap(
        width=HEAT_LABEL + len(sets) * HEAT_COLUMN,
        height=top + count * height + 4,
        columns=tuple(
            (HEAT_LABEL + c * HEAT_COLUMN + HEAT_COLUMN // 2, heading)
            for c, (_, heading) in enumerate(sets)
        ),
        rows=tuple(names),
        cells=tuple(cells),
        grouped=group,
    )


def place_of(location: JsonLocation) -> str:
    """Where a finding is, in the language of the page (the JSON text is the German one)."""
    if current() == "de":
        return location.text
    return where(
        Location(
            page=location.page,
            section=tuple(location.section),
            paragraph=location.paragraph,
            line=location.line,
            table=location.table,
            row=location.row,
            column=location.column,
        )
    )


def error_message(error: JsonError) -> str:
    """The message of an unreadable file in the language of the page (rows of a resumed run
    may have been written in the other one)."""
    if current() == "de" or error.message in english()["ingest"].values():
        return error.message
    return i18n.error_message(error.code, error.message, current())


def eforms_reason(code: str, reason: str) -> str:
    """Why an eForms field should be set, in the language of the page."""
    if current() == "de":
        return reason
    return str(english()["eforms_reason"].get(code, reason))


def _share(row: DocumentRow, set_name: str) -> float | None:
    return next((s.share for s in row.sets if s.set == set_name), None)


def _shorten(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]


def _views(documents: Iterable[JsonDocument], sets: Sequence[str]) -> Iterator[DocumentView]:
    for index, doc in enumerate(documents, start=1):
        row = document_row(doc)
        shares = tuple((_share(row, s), heat_class(_share(row, s))) for s in sets)
        yield DocumentView(
            index=index,
            row=row,
            doc=doc,
            subject=labels.subjects_text(tuple(doc.subject), doc.subject_certain),
            shares=shares,
            weak=tuple(c for c in doc.criteria if c.status == "weak"),
            missing=tuple(c for c in doc.criteria if c.status == "missing"),
        )


def _used_texts(summary: AuditSummary) -> list[AuditRule]:
    """Textbausteine worth printing: criteria some tender misses or words weakly, rules that
    fired."""
    lacking = {c.code for s in summary.coverage for c in s.criteria if c.weak or c.missing}
    fired = {r.code for r in summary.top_findings}
    return [r for r in summary.rules if r.code in lacking | fired and r.advice.model_clause]


def render_audit_html(summary: AuditSummary, documents: Iterable[JsonDocument]) -> str:
    """The audit report page for ``summary`` with a table row for each of ``documents``."""
    return "".join(stream_audit_html(summary, documents))


def stream_audit_html(
    summary: AuditSummary,
    documents: Iterable[JsonDocument],
    rows: Iterable[DocumentRow] | None = None,
    again: Iterable[JsonDocument] | None = None,
) -> Iterator[str]:
    """:func:`render_audit_html` piece by piece, the documents read as the page is written:
    memory stays flat however many documents the audit has. ``rows`` as for
    :func:`heat_map`; ``again``: the same documents in the same order once more, for the
    findings section after the table (without it, ``documents`` are held in a list)."""
    if again is None:
        documents = list(documents)
        again = documents
    sets = [c.set for c in summary.coverage]
    texts = _used_texts(summary)
    top = summary.top_findings[0].count if summary.top_findings else 0
    return stream_page(
        "audit.html.j2",
        styles=("audit.css",),
        scripts=("audit.js",),
        summary=summary,
        sets=summary.coverage,
        heat=heat_map(summary, rows),
        documents=_views(documents, sets),
        documents_again=_views(again, sets),
        texts=texts,
        text_codes={r.code for r in texts},
        titles={r.code: r.advice.title for r in summary.rules},
        messages={r.code: r.advice.message for r in summary.rules},
        top_count=top,
        bar=bar,
        bar_width=BAR_WIDTH,
        page_size=PAGE_SIZE,
        dims=sorted({d for p in summary.places for d in p.dimensions}),
        anchor=anchor,
        percent=percent,
        labels=labels,
        place_of=place_of,
        error_message=error_message,
        eforms_reason=eforms_reason,
        eforms_label=labels.eforms_label,
    )
