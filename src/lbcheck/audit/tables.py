"""The audit as spreadsheets: one row per document, one row per finding.

UTF-8 with BOM and ``;`` as separator, so a German Excel opens them with umlauts intact and in
columns by double click; LibreOffice and the ``csv`` module read them as they are.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO

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


class _Spool:
    """The CSV rows of each document, appended to a temporary file as they come; written out
    behind a header in any order of documents at the end (one number per document stays in
    memory)."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path = path
        self.header = header
        self._text = io.StringIO()
        self._writer = csv.writer(self._text, delimiter=DELIMITER)
        self._file: IO[bytes] = path.open("w+b")
        self._starts = array("q")  # where each document's rows begin
        self._size = 0

    def add(self, rows: list[list[str]]) -> None:
        self._writer.writerows(rows)
        data = self._text.getvalue().encode("utf-8")
        self._text.seek(0)
        self._text.truncate()
        self._file.write(data)
        self._starts.append(self._size)
        self._size += len(data)

    def write(self, target: Path, order: Sequence[int]) -> None:
        self._file.flush()
        with target.open("w", encoding=ENCODING, newline="") as out:
            csv.writer(out, delimiter=DELIMITER).writerow(self.header)
        ends = self._starts[1:]
        ends.append(self._size)
        with target.open("ab") as out:
            for index in order:
                self._file.seek(self._starts[index])
                out.write(self._file.read(ends[index] - self._starts[index]))
        self._file.seek(0, io.SEEK_END)

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


class Tables:
    """``documents.csv`` and ``findings.csv``: each document's rows are kept in temporary
    files next to ``spool`` while the audit runs (:meth:`add`), and written in the order of
    documents asked for (:meth:`write`), e.g. by path whatever order the workers finished in."""

    def __init__(self, spool: Path, rules: Sequence[RuleInfo]) -> None:
        self.codes = criterion_codes(rules)
        self.documents = _Spool(
            spool.with_name(spool.name + ".documents"), [*DOCUMENT_COLUMNS, *self.codes]
        )
        self.findings = _Spool(spool.with_name(spool.name + ".findings"), list(FINDING_COLUMNS))
        self.document_rows = self.finding_rows = 0

    def add(self, document: JsonDocument) -> None:
        self.documents.add([document_row(document, self.codes)])
        self.document_rows += 1
        rows = finding_rows(document)
        self.findings.add(rows)
        self.finding_rows += len(rows)

    def write(self, documents: Path, findings: Path, order: Sequence[int] | None = None) -> None:
        """Both tables; ``order``: the documents by their place in the order of :meth:`add`
        (0 for the first; without it, that order)."""
        if order is None:
            order = range(self.document_rows)
        self.documents.write(documents, order)
        self.findings.write(findings, order)

    def close(self) -> None:
        """Remove the temporary files (written tables stay)."""
        self.documents.close()
        self.findings.close()

    def __enter__(self) -> Tables:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


__all__ = ["DELIMITER", "ENCODING", "Tables"]
