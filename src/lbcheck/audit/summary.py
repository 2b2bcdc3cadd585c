"""PLACEHOLDER from feat/audit so its tests run; feat/auditreport's version replaces it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from lbcheck.models import RuleInfo
from lbcheck.reporters.json_model import JsonDocument


class AuditSummary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: int
    ok: int
    errors: int
    rules: list[str]


def summarize(documents: Iterable[JsonDocument], rules: Sequence[RuleInfo]) -> AuditSummary:
    total = ok = 0
    for document in documents:
        total += 1
        ok += document.status == "ok"
    return AuditSummary(documents=total, ok=ok, errors=total - ok, rules=[r.code for r in rules])
