"""The cross-document summary of an audit (``report.json`` and the top of ``report.html``).

Built in one pass over the documents, keeping counts and one small row per document, never the
documents themselves: memory stays flat however many tenders the audit reads. Every list is
sorted at the end, so the summary does not depend on the order the workers finished in.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lbcheck import __version__
from lbcheck.models import RuleInfo
from lbcheck.reporters import labels
from lbcheck.reporters.json_model import JsonDocument, JsonFinding, PlaceName

STATUSES = ("met", "weak", "missing", "not_applicable")
SEVERITIES = ("error", "warning", "info")
PLACES: tuple[PlaceName, ...] = (
    "leistungsbeschreibung",
    "eignung",
    "zuschlag",
    "ausfuehrungsbedingung",
)
EXAMPLES_PER_RULE = 3


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AuditAdvice(_Model):
    """A catalogue entry's texts: the Textbaustein and why it matters."""

    title: str
    message: str
    rationale: str
    legal_basis: list[tuple[str, str]] = Field(description="(reference, web address or source)")
    model_clause: str
    proof: str


class AuditRule(_Model):
    """A catalogue entry that ran in the audit."""

    code: str
    name: str
    set: str
    kind: str = Field(description="criterion or rule")
    dimension: str
    severity: Literal["error", "warning", "info"]
    advice: AuditAdvice


class CriterionCoverage(_Model):
    """How many tenders meet one criterion."""

    code: str
    name: str
    title: str
    dimension: str
    met: int = 0
    weak: int = 0
    missing: int = 0
    not_applicable: int = 0
    applicable: int = Field(0, description="documents it applies to: met, weak or missing")


class SetCoverage(_Model):
    """The criteria of one set and the documents the set applied to."""

    set: str
    label: str
    documents: int = Field(description="documents the set applies to")
    criteria: list[CriterionCoverage]


class SetShare(_Model):
    """One cell of the documents x sets matrix."""

    set: str
    applies: bool
    met: int
    weak: int
    missing: int
    share: float | None = Field(
        description="share of the applicable criteria met; null when none applies"
    )


class DocumentRow(_Model):
    """One document's line of the audit: the matrix row and the counts the table shows."""

    path: str
    status: Literal["ok", "error"]
    error: str | None = Field(None, description="error code of an unreadable document")
    format: str | None
    pages: int | None
    subject: list[str]
    subject_certain: bool
    sets: list[SetShare]
    findings: dict[str, int] = Field(description="findings per severity")
    missing: int = Field(description="applicable criteria missing")
    weak: int = Field(description="applicable criteria weak")


class Example(_Model):
    path: str
    location: str
    excerpt: str


class RuleCount(_Model):
    """How often one rule fired across the tenders."""

    code: str
    name: str
    title: str
    severity: Literal["error", "warning", "info"]
    count: int = Field(description="findings")
    documents: int = Field(description="documents with at least one finding")
    examples: list[Example]


class PlaceCount(_Model):
    """VergStatVO / eForms BT-DEX-02: documents with criteria of each kind at one place."""

    place: PlaceName
    label: str
    documents: int = Field(description="documents with any criterion at this place")
    dimensions: dict[str, int]


class EformsCount(_Model):
    field: str
    code: str
    label: str
    reason: str
    documents: int


class SubjectCount(_Model):
    subject: str
    label: str
    documents: int
    uncertain: int = Field(description="of those, documents unsure of their subject")


class AuditSummary(_Model):
    """Everything the audit report shows about the tenders as a whole."""

    lbcheck: str = __version__
    documents: int
    ok: int
    errors: int
    pages: int
    errors_by_code: dict[str, int]
    findings: dict[str, int] = Field(description="findings per severity")
    coverage: list[SetCoverage]
    matrix: list[DocumentRow] = Field(description="one row per document, sorted by path")
    top_findings: list[RuleCount] = Field(description="every rule that fired, most frequent first")
    places: list[PlaceCount]
    eforms: list[EformsCount]
    subjects: list[SubjectCount]
    rules: list[AuditRule] = Field(description="the catalogue entries that ran")


def _advice(rule: RuleInfo) -> AuditAdvice:
    a = rule.advice
    return AuditAdvice(
        title=a.title,
        message=a.message,
        rationale=a.rationale,
        legal_basis=list(a.legal_basis),
        model_clause=a.model_clause,
        proof=a.proof,
    )


def document_row(doc: JsonDocument) -> DocumentRow:
    """The matrix row and table counts of one document."""
    per_set: dict[str, Counter[str]] = {s.set: Counter() for s in doc.sets}
    for c in doc.criteria:
        per_set.setdefault(c.set, Counter())[c.status] += 1
    applies = {s.set: s.applies for s in doc.sets}
    statuses = Counter(c.status for c in doc.criteria)
    return DocumentRow(
        path=doc.path,
        status=doc.status,
        error=doc.error.code if doc.error else None,
        format=doc.format,
        pages=doc.pages,
        subject=list(doc.subject),
        subject_certain=doc.subject_certain,
        sets=[_share(name, applies.get(name, True), n) for name, n in per_set.items()],
        findings=_severities(doc.findings),
        missing=statuses["missing"],
        weak=statuses["weak"],
    )


def _share(name: str, applies: bool, n: Counter[str]) -> SetShare:
    applicable = n["met"] + n["weak"] + n["missing"]
    return SetShare(
        set=name,
        applies=applies,
        met=n["met"],
        weak=n["weak"],
        missing=n["missing"],
        share=round(n["met"] / applicable, 4) if applicable else None,
    )


def _severities(findings: Iterable[JsonFinding]) -> dict[str, int]:
    counts: Counter[str] = Counter(f.severity for f in findings)
    return {s: counts[s] for s in SEVERITIES}


@dataclass(slots=True)
class _RuleTally:
    name: str
    severity: Literal["error", "warning", "info"]
    count: int = 0
    documents: int = 0
    examples: list[Example] = field(default_factory=list)

    def keep(self, example: Example) -> None:
        # The smallest examples by (path, place) win, whatever order documents arrive in.
        self.examples.append(example)
        self.examples.sort(key=lambda e: (e.path, e.location, e.excerpt))
        del self.examples[EXAMPLES_PER_RULE:]


@dataclass(slots=True)
class Tally:
    """The running counts of :func:`summarize`: :meth:`add` each document as it comes,
    :meth:`result` once at the end."""

    rules: Sequence[RuleInfo]
    keep_rows: bool = True
    documents: int = 0
    ok: int = 0
    pages: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    severities: Counter[str] = field(default_factory=Counter)
    coverage: dict[str, Counter[str]] = field(default_factory=dict)
    criteria: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    set_documents: Counter[str] = field(default_factory=Counter)
    rows: list[DocumentRow] = field(default_factory=list)
    fired: dict[str, _RuleTally] = field(default_factory=dict)
    places: dict[str, Counter[str]] = field(default_factory=dict)
    place_documents: Counter[str] = field(default_factory=Counter)
    eforms: Counter[tuple[str, str]] = field(default_factory=Counter)
    reasons: dict[tuple[str, str], str] = field(default_factory=dict)
    subjects: Counter[str] = field(default_factory=Counter)
    uncertain: Counter[str] = field(default_factory=Counter)

    def add(self, doc: JsonDocument) -> None:
        self.documents += 1
        if self.keep_rows:
            self.rows.append(document_row(doc))
        if doc.status != "ok":
            self.errors[doc.error.code if doc.error else "internal"] += 1
            return
        self.ok += 1
        self.pages += doc.pages or 0
        for s in doc.sets:
            if s.applies:
                self.set_documents[s.set] += 1
        for c in doc.criteria:
            self.criteria.setdefault(c.code, (c.set, c.name, c.title, c.dimension))
            self.coverage.setdefault(c.code, Counter())[c.status] += 1
        self._findings(doc)
        for p in doc.placement:
            if p.dimensions:
                self.place_documents[p.place] += 1
            for dim in p.dimensions:
                self.places.setdefault(p.place, Counter())[dim] += 1
        for h in {(h.field, h.code): h for h in doc.eforms}.values():
            self.eforms[(h.field, h.code)] += 1
            self.reasons.setdefault((h.field, h.code), h.reason)
        for subject in set(doc.subject):
            self.subjects[subject] += 1
            if not doc.subject_certain:
                self.uncertain[subject] += 1

    def _findings(self, doc: JsonDocument) -> None:
        self.severities.update(f.severity for f in doc.findings)
        seen: set[str] = set()
        for f in doc.findings:
            tally = self.fired.get(f.code)
            if tally is None:
                tally = self.fired[f.code] = _RuleTally(f.name, f.severity)
            tally.count += 1
            if f.code not in seen:
                seen.add(f.code)
                tally.documents += 1
                tally.keep(Example(path=doc.path, location=f.location.text, excerpt=f.excerpt))

    def result(self) -> AuditSummary:
        info = {r.code: r for r in self.rules}
        return AuditSummary(
            documents=self.documents,
            ok=self.ok,
            errors=self.documents - self.ok,
            pages=self.pages,
            errors_by_code=dict(sorted(self.errors.items())),
            findings={s: self.severities[s] for s in SEVERITIES},
            coverage=self._coverage(),
            matrix=sorted(self.rows, key=lambda r: r.path),
            top_findings=sorted(
                (
                    RuleCount(
                        code=code,
                        name=t.name,
                        title=info[code].advice.title if code in info else t.name,
                        severity=t.severity,
                        count=t.count,
                        documents=t.documents,
                        examples=t.examples,
                    )
                    for code, t in self.fired.items()
                ),
                key=lambda r: (-r.count, r.code),
            ),
            places=[
                PlaceCount(
                    place=p,
                    label=labels.PLACE_DE[p],
                    documents=self.place_documents[p],
                    dimensions=dict(sorted(self.places.get(p, Counter()).items())),
                )
                for p in PLACES
            ],
            eforms=[
                EformsCount(
                    field=f,
                    code=c,
                    label=labels.eforms_label(f, c),
                    reason=self.reasons[(f, c)],
                    documents=n,
                )
                for (f, c), n in sorted(self.eforms.items(), key=_eforms_order)
            ],
            subjects=[
                SubjectCount(
                    subject=s,
                    label=_subject_label(s),
                    documents=n,
                    uncertain=self.uncertain[s],
                )
                for s, n in sorted(self.subjects.items(), key=lambda item: (-item[1], item[0]))
            ],
            rules=[
                AuditRule(
                    code=r.code,
                    name=r.name,
                    set=r.set,
                    kind=r.kind,
                    dimension=r.dimension,
                    severity=r.severity.value,
                    advice=_advice(r),
                )
                for r in self.rules
            ],
        )

    def _coverage(self) -> list[SetCoverage]:
        order = [r.code for r in self.rules if r.kind == "criterion"]
        order += sorted(set(self.criteria) - set(order))
        for r in self.rules:
            if r.kind == "criterion":
                self.criteria.setdefault(r.code, (r.set, r.name, r.advice.title, r.dimension))
        by_set: dict[str, list[CriterionCoverage]] = {}
        for code in order:
            set_name, name, title, dimension = self.criteria[code]
            n = self.coverage.get(code, Counter())
            by_set.setdefault(set_name, []).append(
                CriterionCoverage(
                    code=code,
                    name=name,
                    title=title,
                    dimension=dimension,
                    **{s: n[s] for s in STATUSES},
                    applicable=n["met"] + n["weak"] + n["missing"],
                )
            )
        return [
            SetCoverage(
                set=s,
                label=labels.SET_DE.get(s, s),
                documents=self.set_documents[s],
                criteria=criteria,
            )
            for s, criteria in by_set.items()
        ]


def _eforms_order(item: tuple[tuple[str, str], int]) -> tuple[int, int, str, str]:
    (f, c), _ = item
    fields = list(labels.EFORMS_FIELD_DE)
    codes = list(labels.EFORMS_CODE_DE)
    return (
        fields.index(f) if f in fields else len(fields),
        codes.index(c) if c in codes else len(codes),
        f,
        c,
    )


def _subject_label(name: str) -> str:
    from lbcheck.criteria.subjects import subject_label

    return subject_label(name)


def summarize(
    documents: Iterable[JsonDocument], rules: Sequence[RuleInfo], *, matrix: bool = True
) -> AuditSummary:
    """The audit's summary of ``documents`` (read once, in any order) checked with ``rules``.

    ``matrix=False`` leaves the per-document rows out (``matrix`` is empty): the audit writes
    them from ``documents.jsonl`` one at a time (:func:`summary_json`) instead of holding
    one row per document.
    """
    tally = Tally(rules, keep_rows=matrix)
    for doc in documents:
        tally.add(doc)
    return tally.result()


_NO_MATRIX = '\n  "matrix": [],\n'


def summary_json(summary: AuditSummary, rows: Iterable[DocumentRow]) -> Iterator[str]:
    """``report.json`` piece by piece: ``summary`` (made with ``matrix=False``) with ``rows``
    as its matrix, exactly as ``summary.model_dump_json(indent=2)`` would write them."""
    head, tail = summary.model_dump_json(indent=2).split(_NO_MATRIX, 1)
    yield head + '\n  "matrix": ['
    empty = True
    for row in rows:
        yield ("\n" if empty else ",\n") + textwrap.indent(row.model_dump_json(indent=2), "    ")
        empty = False
    yield ("]" if empty else "\n  ]") + ",\n" + tail + "\n"
