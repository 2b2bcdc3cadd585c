"""Input for the audit report tests: real scans of the shipped examples and fixtures, and
hand-built documents whose numbers can be counted on one's fingers."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from lbcheck.config import Settings
from lbcheck.models import Advice, RuleInfo, Severity
from lbcheck.reporters.json_model import (
    JsonCriterion,
    JsonDocument,
    JsonEforms,
    JsonError,
    JsonEvidence,
    JsonFinding,
    JsonLocation,
    JsonPlacement,
    JsonSet,
    PlaceName,
)
from lbcheck.reporters.json_reporter import to_model
from lbcheck.runner import scan

ROOT = Path(__file__).resolve().parents[2]
SCANNED = (
    "examples/lb_bueromaterial.md",
    "examples/lb_reinigung.docx",
    "tests/fixtures/holdout/01_LB_Notebooks_Bund.md",
    "tests/fixtures/holdout/02_LB_Unterhaltsreinigung_Stadt.txt",
    "tests/fixtures/holdout/05_LB_Bueromoebel_Hochschule.md",
    "fehlt.pdf",
)


@pytest.fixture(scope="session")
def scanned() -> tuple[list[JsonDocument], tuple[RuleInfo, ...]]:
    """The examples, three fixtures and a missing file, scanned as ``lbcheck scan`` would."""
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        report = scan(list(SCANNED), Settings(jobs=1))
    finally:
        os.chdir(old)
    return list(to_model(report).documents), report.rules


def advice(title: str, clause: str = "Der Auftragnehmer liefert nur Recyclingpapier.") -> Advice:
    return Advice(
        title=title,
        message=f"Es fehlt: {title}.",
        rationale="Weil § 31 VgV es erlaubt.",
        legal_basis=(("§ 31 VgV", "https://www.gesetze-im-internet.de/vgv_2016/__31.html"),),
        model_clause=clause,
        proof="Gütezeichen Blauer Engel oder gleichwertig.",
    )


RULES: tuple[RuleInfo, ...] = (
    RuleInfo("A-01", "papier", "alpha", "criterion", "umwelt", Severity.WARNING, advice("Papier")),
    RuleInfo("A-02", "toner", "alpha", "criterion", "umwelt", Severity.ERROR, advice("Toner")),
    RuleInfo("B-01", "ilo", "beta", "criterion", "sozial", Severity.WARNING, advice("ILO")),
    RuleInfo("R-01", "marke", "recht", "rule", "recht", Severity.ERROR, advice("Marke")),
    RuleInfo("R-02", "weich", "recht", "rule", "recht", Severity.WARNING, advice("Weich")),
)
_SET_OF = {r.code: r.set for r in RULES}
_DIM_OF = {r.code: r.dimension for r in RULES}


def location(text: str = "Zeile 3", line: int = 3) -> JsonLocation:
    return JsonLocation(line=line, text=text)


def criterion(code: str, status: str, place: PlaceName = "leistungsbeschreibung") -> JsonCriterion:
    evidence = (
        [
            JsonEvidence(
                location=location(), excerpt=f"Beleg {code}", place=place, modality="binding"
            )
        ]
        if status in ("met", "weak")
        else []
    )
    return JsonCriterion.model_validate(
        {
            "code": code,
            "name": code.lower(),
            "title": f"Titel {code}",
            "set": _SET_OF[code],
            "dimension": _DIM_OF[code],
            "status": status,
            "severity": "warning",
            "evidence": evidence,
        }
    )


def finding(code: str, excerpt: str, severity: str = "error", line: int = 3) -> JsonFinding:
    return JsonFinding.model_validate(
        {
            "code": code,
            "name": code.lower(),
            "severity": severity,
            "message": f"Meldung {code}.",
            "location": location(f"Zeile {line}", line),
            "excerpt": excerpt,
            "confidence": 0.9,
            "fingerprint": f"{code}-{line}",
            "place": "leistungsbeschreibung",
        }
    )


def document(
    path: str,
    statuses: dict[str, str],
    findings: Sequence[JsonFinding] = (),
    *,
    subject: Sequence[str] = ("buero",),
    certain: bool = True,
    sets: dict[str, bool] | None = None,
    placement: dict[PlaceName, list[str]] | None = None,
    eforms: Sequence[tuple[str, str]] = (),
    pages: int | None = None,
) -> JsonDocument:
    return JsonDocument(
        path=path,
        status="ok",
        format="pdf" if pages else "md",
        pages=pages,
        subject=list(subject),
        subject_certain=certain,
        sets=[JsonSet(set=s, applies=a) for s, a in (sets or {"alpha": True}).items()],
        criteria=[criterion(c, s) for c, s in statuses.items()],
        findings=list(findings),
        placement=[JsonPlacement(place=p, dimensions=d) for p, d in (placement or {}).items()],
        eforms=[JsonEforms(field=f, code=c, reason=f"Grund {c}.") for f, c in eforms],
    )


def unreadable(path: str, code: str = "encrypted") -> JsonDocument:
    return JsonDocument(
        path=path,
        status="error",
        error=JsonError(
            code=code, message="Die Datei ist verschlüsselt. Bitte ohne Kennwort speichern."
        ),
    )


def hand_counted() -> list[JsonDocument]:
    """Four documents: three read, one not; see test_summary for the numbers by hand."""
    return [
        document(
            "amt-a/papier.pdf",
            {"A-01": "met", "A-02": "missing", "B-01": "not_applicable"},
            [finding("R-01", "Toner der Marke X", line=4), finding("R-01", "Marke Y", line=9)],
            sets={"alpha": True, "beta": False, "recht": True},
            placement={"leistungsbeschreibung": ["umwelt"], "zuschlag": []},
            eforms=[("BT-06", "env-imp"), ("BT-774", "circ-econ")],
            pages=12,
        ),
        document(
            "amt-b/reinigung.pdf",
            {"A-01": "weak", "A-02": "met", "B-01": "missing"},
            [finding("R-02", "möglichst Recyclingpapier", "warning"), finding("R-01", "Marke Z")],
            subject=("reinigung",),
            certain=False,
            sets={"alpha": True, "beta": True, "recht": True},
            placement={"leistungsbeschreibung": ["umwelt"], "zuschlag": ["sozial", "umwelt"]},
            eforms=[("BT-06", "env-imp"), ("BT-06", "soc-obj")],
            pages=30,
        ),
        document(
            "amt-a/moebel.md",
            {"A-01": "met", "A-02": "met", "B-01": "met"},
            subject=("moebel", "buero"),
            sets={"alpha": True, "beta": True},
            placement={"ausfuehrungsbedingung": ["sozial"]},
            eforms=[("BT-06", "soc-obj"), ("BT-06", "env-imp")],
        ),
        unreadable("amt-c/geheim.pdf"),
    ]
