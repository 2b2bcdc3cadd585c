"""One flat list of what a CI format reports per document: findings, unmet criteria, bad files.

Decided once here so every machine format reports the same things:

* every rule **finding** at its place, with its severity;
* every **missing** criterion (the set applies, nothing found) on the document as a whole, with
  the criterion's severity, the same one the exit code uses;
* every **weak** criterion at its first evidence, always as ``info`` (it never fails a run);
* every **unreadable** file, as ``error`` with its error code (``no-text``, ``corrupt`` ...).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from lbcheck.i18n import tr
from lbcheck.models import (
    Advice,
    CriterionResult,
    DocumentReport,
    Location,
    Report,
    Severity,
    Status,
)


class IssueKind(StrEnum):
    FINDING = "finding"
    MISSING = "missing"
    WEAK = "weak"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Issue:
    """One reportable item. ``location`` is None when it concerns the whole document."""

    path: str
    kind: IssueKind
    code: str
    name: str
    title: str
    severity: Severity
    message: str
    location: Location | None
    excerpt: str
    key: str  # stable, without line or page: the finding's fingerprint or kind and code
    occurrence: int  # 1 for the first issue with this path and key, 2 for the next ...
    advice: Advice | None

    @property
    def fingerprint(self) -> str:
        """Unique in the report and stable across line and page shifts (path, key, occurrence)."""
        raw = "\x1f".join((self.path, self.key, str(self.occurrence)))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _titles(report: Report, doc: DocumentReport) -> dict[str, str]:
    titles = {r.code: r.advice.title for r in report.rules}
    titles.update((code, a.title) for code, a in doc.rule_advice)
    return titles


def _criterion_issue(doc: DocumentReport, c: CriterionResult) -> Issue:
    weak = c.status is Status.WEAK
    first = c.evidence[0] if weak and c.evidence else None
    prefix = tr("Kriterium nur schwach formuliert") if weak else tr("Kriterium fehlt")
    detail = c.advice.message if c.advice is not None else ""
    kind = IssueKind.WEAK if weak else IssueKind.MISSING
    return Issue(
        path=doc.path,
        kind=kind,
        code=c.code,
        name=c.name,
        title=c.title,
        severity=Severity.INFO if weak else c.severity,
        message=f"{prefix}: {c.title}. {detail}".strip(),
        location=first.location if first else None,
        excerpt=first.excerpt if first else "",
        key=_key(kind.value, c.code),
        occurrence=1,
        advice=c.advice,
    )


def document_issues(report: Report, doc: DocumentReport) -> list[Issue]:
    """The issues of one document in document order: bad file, findings, weak, missing."""
    if doc.status != "ok":
        code = doc.error.code if doc.error else "internal"
        message = doc.error.message if doc.error else tr("Die Datei wurde nicht geprüft.")
        title = tr("Datei nicht lesbar")
        return [
            Issue(
                path=doc.path,
                kind=IssueKind.UNREADABLE,
                code=code,
                name=code,
                title=title,
                severity=Severity.ERROR,
                message=message,
                location=None,
                excerpt="",
                key=_key("unreadable", code),
                occurrence=1,
                advice=None,
            )
        ]
    titles = _titles(report, doc)
    advice = dict(doc.rule_advice)
    seen: Counter[str] = Counter()
    issues: list[Issue] = []
    for f in doc.findings:
        seen[f.fingerprint] += 1
        issues.append(
            Issue(
                path=doc.path,
                kind=IssueKind.FINDING,
                code=f.code,
                name=f.name,
                title=titles.get(f.code, f.name),
                severity=f.severity,
                message=f.message,
                location=f.location,
                excerpt=f.excerpt,
                key=f.fingerprint,
                occurrence=seen[f.fingerprint],
                advice=advice.get(f.code),
            )
        )
    unmet = [c for c in doc.criteria if c.status in (Status.WEAK, Status.MISSING)]
    issues.extend(_criterion_issue(doc, c) for c in unmet if c.status is Status.WEAK)
    issues.extend(_criterion_issue(doc, c) for c in unmet if c.status is Status.MISSING)
    return issues


def report_issues(report: Report) -> list[Issue]:
    """All issues of the report, documents in report order."""
    return [i for doc in report.documents for i in document_issues(report, doc)]


def by_severity(issues: list[Issue]) -> list[Issue]:
    """Errors first, then warnings, then notes; stable within a level."""
    return sorted(issues, key=lambda i: -i.severity.rank)
