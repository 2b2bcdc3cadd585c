"""The audit as spreadsheets: one row per document, one row per finding.

UTF-8 with BOM and ``;`` as separator, so a German Excel opens them with umlauts intact and in
columns by double click; LibreOffice and the ``csv`` module read them as they are.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from lbcheck.models import RuleInfo
from lbcheck.reporters.json_model import JsonDocument
from lbcheck.reporters.labels import PLACE_DE, STATUS_DE

ENCODING = "utf-8-sig"
DELIMITER = ";"

DOCUMENT_COLUMNS = (
    "Pfad",
    "Status",
    "Format",
    "Seiten",
    "Gegenstand",
    "Fehlercode",
    "Fehler",
    "Warnungen",
    "Hinweise",
)
FINDING_COLUMNS = (
    "Pfad",
    "Code",
    "Regel",
    "Schweregrad",
    "Fundstelle",
    "Stelle im Verfahren",
    "Meldung",
    "Auszug",
    "Fingerprint",
)
_FORMULA_START = frozenset("=+-@\t\r")
_SEVERITY_DE = {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"}


def cell(text: str) -> str:
    """Text from a tender as a cell a spreadsheet shows, never runs as a formula."""
    return "'" + text if text[:1] in _FORMULA_START else text


def criterion_codes(rules: Sequence[RuleInfo]) -> list[str]:
    return [r.code for r in rules if r.kind == "criterion"]


def document_row(document: JsonDocument, codes: Sequence[str]) -> list[str]:
    counts = Counter(f.severity for f in document.findings)
    statuses = {c.code: STATUS_DE.get(c.status, c.status) for c in document.criteria}
    return [
        cell(document.path),
        "geprüft" if document.status == "ok" else "Fehler",
        document.format or "",
        "" if document.pages is None else str(document.pages),
        cell("; ".join(document.subject)),
        document.error.code if document.error else "",
        *(str(counts.get(s, 0)) for s in ("error", "warning", "info")),
        *(statuses.get(code, "") for code in codes),
    ]


def write_documents_csv(
    target: Path, documents: Iterable[JsonDocument], rules: Sequence[RuleInfo]
) -> int:
    codes = criterion_codes(rules)
    rows = 0
    with target.open("w", encoding=ENCODING, newline="") as f:
        writer = csv.writer(f, delimiter=DELIMITER)
        writer.writerow([*DOCUMENT_COLUMNS, *codes])
        for document in documents:
            writer.writerow(document_row(document, codes))
            rows += 1
    return rows


def write_findings_csv(target: Path, documents: Iterable[JsonDocument]) -> int:
    rows = 0
    with target.open("w", encoding=ENCODING, newline="") as f:
        writer = csv.writer(f, delimiter=DELIMITER)
        writer.writerow(FINDING_COLUMNS)
        for document in documents:
            for finding in document.findings:
                writer.writerow(
                    [
                        cell(document.path),
                        cell(finding.code),
                        cell(finding.name),
                        _SEVERITY_DE[finding.severity],
                        cell(finding.location.text),
                        PLACE_DE.get(finding.place, finding.place),
                        cell(finding.message),
                        cell(finding.excerpt),
                        finding.fingerprint,
                    ]
                )
                rows += 1
    return rows


__all__ = ["DELIMITER", "ENCODING", "write_documents_csv", "write_findings_csv"]
