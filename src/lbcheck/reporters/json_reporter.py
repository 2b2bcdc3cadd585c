"""JSON reporter: the versioned machine report for other tools."""

from __future__ import annotations

from collections import Counter
from typing import cast

from lbcheck import __version__
from lbcheck.i18n import where
from lbcheck.models import (
    Advice,
    CriterionResult,
    DocumentReport,
    Evidence,
    Finding,
    Location,
    Report,
)
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.json_model import (
    JsonAdvice,
    JsonCriterion,
    JsonDocument,
    JsonEforms,
    JsonError,
    JsonEvidence,
    JsonFinding,
    JsonLegalRef,
    JsonLocation,
    JsonPlacement,
    JsonReport,
    JsonRuleAdvice,
    JsonSet,
    JsonSummary,
    JsonTool,
    PlaceName,
)
from lbcheck.reporters.safe_text import json_escaped


def _location(loc: Location) -> JsonLocation:
    return JsonLocation(
        page=loc.page,
        section=list(loc.section),
        paragraph=loc.paragraph,
        line=loc.line,
        table=loc.table,
        row=loc.row,
        column=loc.column,
        text=where(loc),  # lbcheck's own words: in the run's language
    )


def _evidence(e: Evidence) -> JsonEvidence:
    return JsonEvidence(
        location=_location(e.location),
        excerpt=e.excerpt,
        place=e.place.value,
        modality=e.modality.value,
    )


def _advice(a: Advice) -> JsonAdvice:
    return JsonAdvice(
        title=a.title,
        message=a.message,
        rationale=a.rationale,
        legal_basis=[JsonLegalRef(ref=r, source=s) for r, s in a.legal_basis],
        model_clause=a.model_clause,
        proof=a.proof,
    )


def _criterion(c: CriterionResult) -> JsonCriterion:
    advice = _advice(c.advice) if c.advice is not None else None
    return JsonCriterion(
        code=c.code,
        name=c.name,
        title=c.title,
        set=c.set,
        dimension=c.dimension,
        status=c.status.value,
        severity=c.severity.value,
        evidence=[_evidence(e) for e in c.evidence],
        advice=advice,
    )


def _finding(f: Finding) -> JsonFinding:
    return JsonFinding(
        code=f.code,
        name=f.name,
        severity=f.severity.value,
        message=f.message,
        location=_location(f.location),
        excerpt=f.excerpt,
        confidence=f.confidence,
        fingerprint=f.fingerprint,
        place=f.place.value,
    )


def _document(d: DocumentReport) -> JsonDocument:
    return JsonDocument(
        path=d.path,
        status="ok" if d.status == "ok" else "error",
        format=d.format,
        pages=d.pages,
        error=JsonError(code=d.error.code, message=d.error.message, detail=d.error.detail)
        if d.error
        else None,
        subject=list(d.subject),
        subject_certain=d.subject_certain,
        sets=[JsonSet(set=s, applies=a) for s, a in d.sets],
        criteria=[_criterion(c) for c in d.criteria],
        findings=[_finding(f) for f in d.findings],
        placement=[
            JsonPlacement(place=cast(PlaceName, p), dimensions=list(dims))
            for p, dims in d.placement
        ],
        eforms=[JsonEforms(field=h.field, code=h.code, reason=h.reason) for h in d.eforms],
        rules=[JsonRuleAdvice(code=code, advice=_advice(a)) for code, a in d.rule_advice],
    )


def to_model(report: Report) -> JsonReport:
    severities = Counter(f.severity.value for d in report.documents for f in d.findings)
    statuses = Counter(c.status.value for d in report.documents for c in d.criteria)
    ok = sum(1 for d in report.documents if d.status == "ok")
    return JsonReport(
        tool=JsonTool(version=__version__),
        summary=JsonSummary(
            documents=len(report.documents),
            ok=ok,
            errors=len(report.documents) - ok,
            findings={k: severities.get(k, 0) for k in ("error", "warning", "info")},
            criteria={k: statuses.get(k, 0) for k in ("met", "weak", "missing", "not_applicable")},
        ),
        documents=[_document(d) for d in report.documents],
    )


class JsonReporter(Reporter):
    name = "json"
    extension = ".json"

    def render(self, report: Report) -> str:
        return json_escaped(to_model(report).model_dump_json(indent=2)) + "\n"
