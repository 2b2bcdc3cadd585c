"""Small hand-built reports for reporter tests (no engine run needed)."""

from __future__ import annotations

from lbcheck.models import (
    Advice,
    CriterionResult,
    DocumentReport,
    EformsHint,
    ErrorInfo,
    Evidence,
    Finding,
    Location,
    Modality,
    Place,
    Report,
    Severity,
    Status,
)

HOSTILE = "Preis [netto] [/] [bold]x\x1b]0;title\x07 \x1b[2J \x9b31m \u202eevil"


def advice(title: str, clause: str = "Der Auftragnehmer muss X.") -> Advice:
    return Advice(
        title=title,
        message="m",
        rationale="Weil es zählt.",
        legal_basis=(("§ 1 VgV", "https://example.invalid"),),
        model_clause=clause,
        proof="Eigenerklärung",
    )


def finding(code: str, severity: Severity, excerpt: str, loc: Location) -> Finding:
    return Finding(
        code=code,
        name=code.lower(),
        severity=severity,
        message=f"Meldung {code}",
        location=loc,
        excerpt=excerpt,
        confidence=0.9,
        fingerprint=f"fp-{code}-{excerpt[:5]}",
        place=Place.LEISTUNG,
    )


def criterion(
    code: str, status: Status, excerpt: str = "", severity: Severity = Severity.WARNING
) -> CriterionResult:
    evidence = ()
    if excerpt:
        evidence = (
            Evidence(
                Location(line=3, section=("2 Papier",)),
                excerpt,
                Place.LEISTUNG,
                Modality.BINDING if status is Status.MET else Modality.WEAK,
            ),
        )
    has_advice = status in (Status.WEAK, Status.MISSING)
    return CriterionResult(
        code=code,
        name=code.lower(),
        title=f"Titel {code}",
        set="buero",
        dimension="umwelt",
        status=status,
        evidence=evidence,
        severity=severity,
        advice=advice(f"Titel {code}", f"Textbaustein {code}.") if has_advice else None,
    )


def document(
    path: str = "lb.md", excerpt: str = "Es sind Stabilo-Marker zu liefern."
) -> DocumentReport:
    here = Location(line=7, section=("3 Schreibgeräte",))
    there = Location(line=9, section=("3 Schreibgeräte",))
    return DocumentReport(
        path=path,
        status="ok",
        format="markdown",
        subject=("buero",),
        sets=(("buero", True), ("ilo", False)),
        criteria=(
            criterion("BUE-01", Status.MET, "Papier muss aus 100 % Altpapier sein."),
            criterion("BUE-02", Status.WEAK, "Umschläge sollten aus Recyclingpapier sein."),
            criterion("BUE-04", Status.MISSING),
            criterion("BUE-05", Status.MISSING),
            criterion("ILO-01", Status.NOT_APPLICABLE),
        ),
        findings=(
            finding("VR-01", Severity.ERROR, excerpt, here),
            finding("VR-06", Severity.WARNING, excerpt, here),
            finding("VR-06", Severity.WARNING, "Umweltfreundlich verpacken.", there),
        ),
        placement=(("leistungsbeschreibung", ("umwelt",)), ("zuschlag", ())),
        eforms=(EformsHint("BT-774", "circ-econ", "Kriterien der Kreislaufwirtschaft."),),
        rule_advice=(("VR-01", advice("Produktvorgabe")), ("VR-06", advice("Unbestimmt"))),
    )


def unreadable(path: str = "kaputt.pdf") -> DocumentReport:
    return DocumentReport(
        path=path, status="error", error=ErrorInfo("corrupt", "Die Datei ist beschädigt.")
    )


def report(*docs: DocumentReport) -> Report:
    return Report(docs or (document(),))
