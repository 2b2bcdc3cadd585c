"""The annotate use case: check one file, put the advice into a copy of it, write the copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lbcheck.annotate import annotate_bytes, check_format
from lbcheck.annotate.notes import Placed, notes_for
from lbcheck.annotate.output import check_target, default_output, write_output
from lbcheck.config import Settings
from lbcheck.errors import UsageError
from lbcheck.models import DocumentReport, Status
from lbcheck.reporters.german import counted
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
        raise UsageError(f"{clean(str(path))} gibt es nicht oder ist keine Datei.")
    report = scan([str(path)], settings).documents[0]
    if report.status != "ok":
        assert report.error is not None
        raise UsageError(
            f"{clean(str(path))} wurde nicht geprüft [{report.error.code}]: {report.error.message}"
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
    """What was written, in one German sentence: how many comments sit on their sentence and
    which could only go on their paragraph (DOCX, ODT) or page (PDF)."""
    pdf = str(target).lower().endswith(".pdf")
    parts = [f"{counted(len(placed.exact), 'Kommentar')} am Satz"]
    if placed.approximate:
        where = "auf der Seite" if pdf else "am Absatz"
        parts.append(
            f"{len(placed.approximate)} nur {where} ({', '.join(placed.approximate)}), weil der "
            "Satz dort nicht genau zu finden war"
        )
    if placed.title:
        what = "Fazit und fehlende Kriterien" if missing else "Fazit"
        parts.append(f"{what} als Kommentar {'auf Seite 1' if pdf else 'am Titel'}")
    return f"{clean(str(target))} geschrieben: {'; '.join(parts)}."
