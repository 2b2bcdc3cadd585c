"""The catalogue as the report carries it: one ``RuleInfo`` per entry that ran."""

from __future__ import annotations

from collections.abc import Iterable

from lbcheck.criteria.loader import Catalogue
from lbcheck.criteria.schema import Entry
from lbcheck.models import Advice, RuleInfo, Severity


def entry_advice(e: Entry) -> Advice:
    """The texts of an entry a buyer needs: why, legal basis, model clause, proof."""
    return Advice(
        title=e.title,
        message=e.message,
        rationale=e.rationale,
        legal_basis=tuple((ref.ref, ref.source) for ref in e.legal_basis),
        model_clause=e.model_clause,
        proof=e.proof,
    )


def describe_rules(
    catalogue: Catalogue, severities: Iterable[tuple[str, Severity]] = ()
) -> tuple[RuleInfo, ...]:
    """Every entry of the (selected) catalogue with its effective severity, in catalogue order."""
    overrides = dict(severities)
    return tuple(
        RuleInfo(
            code=e.code,
            name=e.name,
            set=s.set,
            kind=e.kind,
            dimension=e.dimension,
            severity=overrides.get(e.code, e.severity),
            advice=entry_advice(e),
        )
        for s, e in catalogue.entries()
    )
