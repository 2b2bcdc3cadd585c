"""The annotate use case: check one file, put the advice into a copy of it, write the copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lbcheck.annotate import annotate_bytes, check_format
from lbcheck.annotate.notes import Placed, notes_for
from lbcheck.annotate.output import check_target, default_output, write_output
from lbcheck.config import Settings
from lbcheck.errors import UsageError
from lbcheck.i18n import counted, tr
from lbcheck.models import DocumentReport, Status
from lbcheck.reporters.safe_text import clean
from lbcheck.runner import scan


@dataclass(frozen=True, slots=True)
class Annotated:
    report: DocumentReport
    data: bytes
    placed: Placed


def annotate_document(path: Path, settings: Settings) -> Annotated:
    """Check ``path`` and return the annotated copy in memory (nothing is written)."""
    check_format(path.suffix)
    if not path.is_file():
        raise UsageError(tr("{path} gibt es nicht oder ist keine Datei.", path=clean(str(path))))
    report = scan([str(path)], settings).documents[0]
    if report.status != "ok":
        assert report.error is not None
        raise UsageError(
            tr(
                "{path} wurde nicht geprüft [{code}]: {message}",
                path=clean(str(path)),
                code=report.error.code,
                message=report.error.message,
            )
        )
    data, placed = annotate_bytes(path.suffix, path.read_bytes(), notes_for(report))
    return Annotated(report, data, placed)


def annotate_file(path: Path, output: Path | None, force: bool, settings: Settings) -> str:
    """Write ``FILE.lbcheck.EXT`` (or ``output``) and return a German sentence on what was done."""
    target = output or default_output(path)
    check_target(target, path, force)
    result = annotate_document(path, settings)
    write_output(result.data, target, path, force)
    missing = sum(c.status is Status.MISSING for c in result.report.criteria)
    return describe(target, result.placed, missing)


def describe(target: Path | str, placed: Placed, missing: int = 0) -> str:
    """What was written, in one sentence: how many comments sit on their sentence and which
    could only go on their paragraph (DOCX, ODT) or page (PDF)."""
    pdf = str(target).lower().endswith(".pdf")
    parts = [tr("{comments} am Satz", comments=counted(len(placed.exact), "Kommentar"))]
    if placed.approximate:
        codes = ", ".join(placed.approximate)
        n = len(placed.approximate)
        if pdf:
            parts.append(
                tr(
                    "{n} nur auf der Seite ({codes}), weil der Satz dort nicht genau zu finden war",
                    n=n,
                    codes=codes,
                )
            )
        else:
            parts.append(
                tr(
                    "{n} nur am Absatz ({codes}), weil der Satz dort nicht genau zu finden war",
                    n=n,
                    codes=codes,
                )
            )
    if placed.title:
        if missing and pdf:
            parts.append(tr("Fazit und fehlende Kriterien als Kommentar auf Seite 1"))
        elif missing:
            parts.append(tr("Fazit und fehlende Kriterien als Kommentar am Titel"))
        elif pdf:
            parts.append(tr("Fazit als Kommentar auf Seite 1"))
        else:
            parts.append(tr("Fazit als Kommentar am Titel"))
    return tr("{target} geschrieben: {parts}.", target=clean(str(target)), parts="; ".join(parts))
