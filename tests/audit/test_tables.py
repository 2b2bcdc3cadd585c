"""The CSV tables: read back with the csv module, text from tenders never a formula."""

from __future__ import annotations

import csv
from pathlib import Path

from lbcheck.audit.tables import Tables
from lbcheck.models import Advice, RuleInfo, Severity
from lbcheck.reporters.json_model import (
    JsonCriterion,
    JsonDocument,
    JsonError,
    JsonFinding,
    JsonLocation,
)

_ADVICE = Advice("t", "m", "r", (), "", "")
RULES = (
    RuleInfo(
        "ILO-01", "ilo-kernarbeitsnormen", "ilo", "criterion", "sozial", Severity.ERROR, _ADVICE
    ),
    RuleInfo("VR-02", "marke", "vergaberecht", "rule", "recht", Severity.WARNING, _ADVICE),
)


def _documents() -> list[JsonDocument]:
    where = JsonLocation(page=3, text="S. 3, Abschnitt Größen")
    return [
        JsonDocument(
            path="=HYPERLINK(1) Ämter.md",
            status="ok",
            format="markdown",
            subject=["buero"],
            criteria=[
                JsonCriterion(
                    code="ILO-01",
                    name="n",
                    title="t",
                    set="ilo",
                    dimension="sozial",
                    status="missing",
                    severity="error",
                    evidence=[],
                )
            ],
            findings=[
                JsonFinding(
                    code="VR-02",
                    name="marke",
                    severity="warning",
                    message="Markenname „Tesa“",
                    location=where,
                    excerpt="=1+1 oder gleichwertig",
                    confidence=0.9,
                    fingerprint="abc",
                    place="leistungsbeschreibung",
                )
            ],
        ),
        JsonDocument(
            path="kaputt.pdf",
            status="error",
            error=JsonError(code="timeout", message="Zeitbudget"),
        ),
    ]


def test_documents_and_findings_csv(tmp_path: Path) -> None:
    with Tables(tmp_path / "spool", RULES) as tables:
        for document in _documents():
            tables.add(document)
        tables.write(tmp_path / "d.csv", tmp_path / "f.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "f.csv"]  # spools removed
    assert tables.document_rows == 2
    assert tables.finding_rows == 1
    with (tmp_path / "d.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][-1] == "ILO-01"  # criteria only, rules are counted in findings
    assert rows[1][0] == "'=HYPERLINK(1) Ämter.md"
    assert rows[1][-1] == "fehlt" and rows[1][7] == "1"  # one warning
    assert rows[2][5] == "timeout" and rows[2][-1] == ""
    with (tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as f:
        findings = list(csv.DictReader(f, delimiter=";"))
    assert findings[0]["Auszug"] == "'=1+1 oder gleichwertig"
    assert findings[0]["Meldung"] == "Markenname „Tesa“"
    assert findings[0]["Fundstelle"] == "S. 3, Abschnitt Größen"
    assert findings[0]["Schweregrad"] == "Warnung"


def test_tables_in_the_order_asked_for(tmp_path: Path) -> None:
    """Rows are kept per document while the audit runs and written in the order given at the
    end (the audit's: by path), the header first, byte for byte as written in that order."""
    first, second = _documents()
    with Tables(tmp_path / "spool", RULES) as tables:
        tables.add(first)
        tables.add(second)
        tables.write(tmp_path / "d.csv", tmp_path / "f.csv", [1, 0])
    with Tables(tmp_path / "spool", RULES) as tables:
        tables.add(second)
        tables.add(first)
        tables.write(tmp_path / "d2.csv", tmp_path / "f2.csv")
    for a, b in (("d.csv", "d2.csv"), ("f.csv", "f2.csv")):
        assert (tmp_path / a).read_bytes() == (tmp_path / b).read_bytes()
    with (tmp_path / "d.csv").open(encoding="utf-8-sig", newline="") as f:
        assert [row[0] for row in csv.reader(f, delimiter=";")][1:] == [
            "kaputt.pdf",
            "'=HYPERLINK(1) Ämter.md",
        ]
    assert (tmp_path / "d.csv").read_bytes().startswith(b"\xef\xbb\xbfPfad;")
