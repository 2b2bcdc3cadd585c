"""Scanning in worker processes, away from the event loop. Each process compiles the catalogue
once; each uploaded file is checked and annotated (where the format allows) as its own task, so
the files of one upload are spread over the pool; ``collect`` puts an upload's files together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lbcheck.annotate import FORMATS, annotate_bytes
from lbcheck.annotate.notes import notes_for
from lbcheck.config import Settings
from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options
from lbcheck.i18n import Lang, localized, use
from lbcheck.models import DocumentReport, Report
from lbcheck.reporters.json_reporter import JsonReporter
from lbcheck.runner import build_entries, check_file


@dataclass(frozen=True, slots=True)
class Download:
    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class BatchResult:
    report: Report
    json: str
    annotated: tuple[Download | None, ...]


_STATE: tuple[tuple[CompiledEntry, ...], Options] | None = None


def _state(settings: Settings) -> tuple[tuple[CompiledEntry, ...], Options]:
    global _STATE  # noqa: PLW0603 - one compiled catalogue per worker process
    if _STATE is None:
        options, _, entries = build_entries(settings)
        _STATE = (entries, options)
    return _STATE


def warm_up() -> None:
    """Load spaCy and compile the catalogue before the first upload arrives."""
    _state(Settings(jobs=1))


def _annotated_name(shown: str) -> str:
    path = Path(shown)
    return f"{path.stem}.lbcheck{path.suffix}"


@dataclass(frozen=True, slots=True)
class Checked:
    """One uploaded file: its report, and its annotated copy where there is one."""

    report: DocumentReport
    annotated: Download | None


def check_one(path: str, shown: str, max_bytes: int, lang: Lang = "de") -> Checked:
    """Check the file stored at ``path`` (shown as ``shown``) and annotate a copy of it, with
    comments in ``lang``."""
    settings = Settings(jobs=1, max_bytes=max_bytes)
    entries, options = _state(settings)
    doc = check_file(Path(path), shown, entries, settings, options)
    suffix = Path(path).suffix.lower()
    if doc.status != "ok" or suffix not in FORMATS:
        return Checked(doc, None)
    try:
        with use(lang):
            notes = notes_for(doc)
        data, _ = annotate_bytes(suffix, Path(path).read_bytes(), notes)
    except Exception:  # the report stands even when a comment cannot be written
        return Checked(doc, None)
    return Checked(doc, Download(_annotated_name(shown), data))


def collect(checked: Sequence[Checked], lang: Lang = "de") -> BatchResult:
    """The files of one upload, in upload order, as one report with its JSON and downloads;
    the messages of unreadable files in ``lang`` (the JSON's own texts in the current one)."""
    report = localized(Report(tuple(c.report for c in checked)), lang)
    return BatchResult(report, JsonReporter().render(report), tuple(c.annotated for c in checked))


__all__ = ["BatchResult", "Checked", "Download", "check_one", "collect", "warm_up"]
