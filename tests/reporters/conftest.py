"""Reports for the reporter tests: a real scan of both examples and a hand-built hard case."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.config import Settings
from lbcheck.models import (
    Advice,
    CriterionResult,
    DocumentReport,
    ErrorInfo,
    Evidence,
    Finding,
    Location,
    Modality,
    Place,
    Report,
    RuleInfo,
    Severity,
    Status,
)
from lbcheck.runner import scan

ROOT = Path(__file__).resolve().parents[2]
NASTY = (
    "Marke <script>alert(1)</script> *fett* [Link](https://x.y) @vergabe | a_b `c` #12, "
    "50 %: ok\r\nneu"
)


@pytest.fixture(scope="session")
def scanned() -> Report:
    """Both bundled examples and a missing file, scanned as the CLI would (paths relative)."""
    import os

    old = Path.cwd()
    os.chdir(ROOT)
    try:
        return scan(
            ["examples/lb_bueromaterial.md", "examples/lb_reinigung.docx", "fehlt.pdf"],
            Settings(jobs=1),
        )
    finally:
        os.chdir(old)


def _advice(title: str) -> Advice:
    return Advice(
        title=title,
        message=f"Meldung zu {title}.",
        rationale="Weil es das Gesetz verlangt.",
        legal_basis=(("§ 31 VgV", "https://www.gesetze-im-internet.de/vgv_2016/__31.html"),),
        model_clause="Das Produkt oder gleichwertig.",
        proof="",
    )


def code_set(code: str) -> str:
    return "vergaberecht" if code.startswith("VR") else "buero"


def finding(code: str, severity: Severity, loc: Location, excerpt: str, fp: str) -> Finding:
    message = f"Meldung {code}, mit Komma."
    return Finding(code, code.lower(), severity, message, loc, excerpt, 0.9, fp)


@pytest.fixture
def nasty() -> Report:
    """Text from documents that every format must escape, locations of every kind."""
    section = ("3 Kapitel | mit *Stern*", "3.1 Unter: Punkt, Komma")
    md = DocumentReport(
        path="lv/Leistungs beschreibung.md",
        status="ok",
        format="markdown",
        findings=(
            finding("VR-01", Severity.ERROR, Location(section=section, line=7), NASTY, "aaa"),
            finding("VR-01", Severity.ERROR, Location(section=section, line=9), NASTY, "aaa"),
            finding("VR-04", Severity.INFO, Location(line=12), "sollte möglichst", "bbb"),
        ),
        criteria=(
            CriterionResult(
                "BUE-01",
                "buero-papier",
                "Papier",
                "buero",
                "umwelt",
                Status.MISSING,
                severity=Severity.WARNING,
                advice=_advice("Papier"),
            ),
            CriterionResult(
                "BUE-02", "buero-karton", "Karton", "buero", "umwelt", Status.NOT_APPLICABLE
            ),
            CriterionResult(
                "BUE-03",
                "buero-toner",
                "Toner",
                "buero",
                "umwelt",
                Status.WEAK,
                (Evidence(Location(line=3), "möglichst Toner", Place.LEISTUNG, Modality.WEAK),),
                Severity.WARNING,
                _advice("Toner"),
            ),
        ),
        rule_advice=(("VR-01", _advice("Produktneutralität")),),
    )
    pdf = DocumentReport(
        path="lv/lb.pdf",
        status="ok",
        format="pdf",
        pages=4,
        findings=(
            finding(
                "VR-03",
                Severity.WARNING,
                Location(page=3, section=section, paragraph=2),
                "Blauer Engel",
                "ccc",
            ),
        ),
    )
    docx = DocumentReport(
        path="lv/lb.docx",
        status="ok",
        format="docx",
        findings=(
            finding(
                "VR-03",
                Severity.WARNING,
                Location(paragraph=5, table=1, row=2, column=3),
                "RAL",
                "ddd",
            ),
        ),
    )
    bad = DocumentReport(
        path="lv/scan.pdf", status="error", error=ErrorInfo("no-text", "Bitte OCR verwenden.")
    )
    rules = tuple(
        RuleInfo(
            code, code.lower(), code_set(code), kind, "umwelt", Severity.WARNING, _advice(code)
        )
        for code, kind in (
            ("BUE-01", "criterion"),
            ("BUE-02", "criterion"),
            ("BUE-03", "criterion"),
            ("VR-01", "rule"),
            ("VR-03", "rule"),
            ("VR-04", "rule"),
            ("VR-09", "rule"),
        )
    )
    return Report((md, pdf, docx, bad), rules)
