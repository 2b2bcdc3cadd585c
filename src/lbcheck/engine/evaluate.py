"""The pure core: sentences + compiled catalogue -> criteria statuses and located findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.fingerprint import finding_key, fingerprint
from lbcheck.engine.heuristics import REGISTRY
from lbcheck.engine.match import Context, Match, find_matches, vetoed
from lbcheck.engine.modality import has_limit
from lbcheck.engine.places import announces_award
from lbcheck.engine.segments import segment
from lbcheck.engine.statistics import eforms_hints, placement
from lbcheck.engine.subject import Subjects, detect_subjects
from lbcheck.models import (
    Advice,
    BlockKind,
    CriterionResult,
    Document,
    DocumentReport,
    Evidence,
    Finding,
    Modality,
    Place,
    Sentence,
    Severity,
    Status,
)

_EXCERPT = 300
_SPEC_KINDS = frozenset({BlockKind.TABLE_CELL, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Options:
    """What the engine needs to know besides the document: overrides from the user."""

    severities: tuple[tuple[str, Severity], ...] = ()
    spacy_model: str | None = None
    # What is bought, when the user or the document's procedure says so (no detection then).
    subjects: tuple[str, ...] = ()


def excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def evidence_status(entry: CompiledEntry, s: Sentence) -> Status | None:
    """What one matching sentence says about a criterion, or None when it is no evidence.

    A heading names a topic; it requires nothing, so it is never evidence for a criterion.
    """
    if s.modality is Modality.NEGATED or s.kind is BlockKind.HEADING:
        return None
    if s.place is Place.ZUSCHLAG and not s.scored and announces_award(s.view):
        # An award aspect without weighting or points is addressed only weakly (VR-05).
        return Status.WEAK
    if s.modality in (Modality.WEAK, Modality.AMBIGUOUS):
        return Status.MET if s.scored else Status.WEAK
    if s.modality is Modality.STATEMENT and s.kind not in _SPEC_KINDS and not s.scored:
        mention = entry.entry.mention_status
        if mention == "ignore":
            return None
        if mention == "weak":
            return Status.WEAK
    return Status.MET


def advice_for(entry: CompiledEntry) -> Advice:
    e = entry.entry
    return Advice(
        title=e.title,
        message=e.message,
        rationale=e.rationale,
        legal_basis=tuple((ref.ref, ref.source) for ref in e.legal_basis),
        model_clause=e.model_clause,
        proof=e.proof,
    )


def _criterion(
    entry: CompiledEntry, matches: Sequence[Match], applies: bool, severity: Severity
) -> tuple[CriterionResult, list[Match]]:
    """The criterion's status and evidence, and the matches that count as evidence."""
    statuses = []
    evidence = []
    accepted = []
    for m in matches:
        status = evidence_status(entry, m.sentence)
        if status is None:
            continue
        statuses.append(status)
        accepted.append(m)
        s = m.sentence
        evidence.append(Evidence(s.location, excerpt(s.text), s.place, s.modality))
    # An unmarked mention ("Barrierefreiheit" in a list) does not outweigh the buyer's own
    # explicit wording on the same criterion ("sollte barrierefrei sein"): met needs a
    # binding, scored or limit-setting sentence then.
    firm = any(
        st is Status.MET
        and (
            m.sentence.modality is not Modality.STATEMENT
            or m.sentence.scored
            or has_limit(m.sentence.view)
        )
        for st, m in zip(statuses, accepted, strict=True)
    )
    hedged = any(
        st is Status.WEAK and m.sentence.modality in (Modality.WEAK, Modality.AMBIGUOUS)
        for st, m in zip(statuses, accepted, strict=True)
    )
    if Status.MET in statuses and (firm or not hedged):
        status = Status.MET
    elif statuses:
        status = Status.WEAK
    else:
        status = Status.MISSING if applies else Status.NOT_APPLICABLE
    e = entry.entry
    advice = advice_for(entry) if status in (Status.WEAK, Status.MISSING) else None
    result = CriterionResult(
        e.code,
        e.name,
        e.title,
        entry.set.set,
        e.dimension,
        status,
        tuple(evidence),
        severity,
        advice,
    )
    return result, accepted


def _capped(severity: Severity, cap: Severity | None) -> Severity:
    return severity if cap is None or cap.rank >= severity.rank else cap


def _findings(
    entry: CompiledEntry, matches: Sequence[Match], severity: Severity, overridden: bool
) -> list[tuple[int, Finding]]:
    e = entry.entry
    seen: Counter[str] = Counter()
    prints: list[str] = []
    for m in matches:  # deterministic order: the n-th identical sentence gets occurrence n
        key = finding_key(e.code, m.sentence.location.section, m.sentence.text)
        seen[key] += 1
        prints.append(fingerprint(key, seen[key]))
    return [
        (
            m.sentence.index,
            Finding(
                code=e.code,
                name=e.name,
                severity=severity if overridden else _capped(severity, m.severity),
                message=e.message,
                location=m.sentence.location,
                excerpt=excerpt(m.sentence.text),
                confidence=round(m.confidence, 2),
                fingerprint=print_,
                place=m.sentence.place,
            ),
        )
        for m, print_ in zip(matches, prints, strict=True)
    ]


def set_applies(applies_to: Sequence[str], subjects: Sequence[str]) -> bool:
    return not applies_to or any(s in applies_to for s in subjects)


def check_document(
    document: Document, entries: Sequence[CompiledEntry], options: Options = Options()
) -> DocumentReport:
    """Check one document against the compiled catalogue. Pure: same input, same report."""
    sentences = segment(document, options.spacy_model)
    found = (
        Subjects(options.subjects, True)
        if options.subjects
        else detect_subjects(sentences, document.path.rsplit("/", 1)[-1])
    )
    subjects = found.names
    ctx = Context(sentences)
    overrides = dict(options.severities)

    criteria: list[CriterionResult] = []
    accepted: dict[str, list[Match]] = {}
    sets: dict[str, bool] = {}
    for entry in entries:
        sets.setdefault(entry.set.set, set_applies(entry.set.applies_to, subjects))
        applies = set_applies(entry.entry.applies_to or entry.set.applies_to, subjects)
        if entry.entry.kind != "criterion":
            continue
        matches = find_matches(ctx, entry)
        severity = overrides.get(entry.entry.code, entry.entry.severity)
        result, accepted[entry.entry.code] = _criterion(entry, matches, applies, severity)
        criteria.append(result)

    findings: list[tuple[int, Finding]] = []
    rule_advice: list[tuple[str, Advice]] = []
    for entry in entries:
        if entry.entry.kind != "rule":
            continue
        matches = find_matches(ctx, entry)
        if entry.entry.heuristic:
            matches = vetoed(ctx, entry, REGISTRY[entry.entry.heuristic](ctx, matches, accepted))
        severity = overrides.get(entry.entry.code, entry.entry.severity)
        overridden = entry.entry.code in overrides
        findings.extend(_findings(entry, matches, severity, overridden))
        if matches:
            rule_advice.append((entry.entry.code, advice_for(entry)))

    findings.sort(key=lambda pair: (pair[0], pair[1].code))
    return DocumentReport(
        path=document.path,
        status="ok",
        format=document.format,
        pages=document.pages,
        subject=subjects,
        subject_certain=found.certain,
        sets=tuple(sets.items()),
        criteria=tuple(criteria),
        findings=tuple(f for _, f in findings),
        placement=placement(criteria),
        eforms=eforms_hints(criteria, {e.entry.code: e.entry.eforms for e in entries}),
        rule_advice=tuple(rule_advice),
    )
