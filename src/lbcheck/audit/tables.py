"""The audit as spreadsheets: one row per document, one row per finding.

UTF-8 with BOM and ``;`` as separator, so a German Excel opens them with umlauts intact and in
columns by double click; LibreOffice and the ``csv`` module read them as they are.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

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


def finding_rows(document: JsonDocument) -> list[list[str]]:
    """The rows of ``findings.csv`` for one document."""
    return [
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
        for finding in document.findings
    ]


class Tables:
    """``documents.csv`` and ``findings.csv`` written together, one document at a time."""

    def __init__(self, documents: Path, findings: Path, rules: Sequence[RuleInfo]) -> None:
        self.codes = criterion_codes(rules)
        self._files: list[IO[str]] = []
        self.documents = self._writer(documents, [*DOCUMENT_COLUMNS, *self.codes])
        self.findings = self._writer(findings, list(FINDING_COLUMNS))
        self.document_rows = self.finding_rows = 0

    def _writer(self, target: Path, header: list[str]) -> Any:
        f = target.open("w", encoding=ENCODING, newline="")
        self._files.append(f)
        writer = csv.writer(f, delimiter=DELIMITER)
        writer.writerow(header)
        return writer

    def add(self, document: JsonDocument) -> None:
        self.documents.writerow(document_row(document, self.codes))
        self.document_rows += 1
        rows = finding_rows(document)
        self.findings.writerows(rows)
        self.finding_rows += len(rows)

    def close(self) -> None:
        for f in self._files:
            f.close()

    def __enter__(self) -> Tables:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


__all__ = ["DELIMITER", "ENCODING", "Tables"]
