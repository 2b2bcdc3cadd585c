"""Scanning in worker processes, away from the event loop. Each process compiles the catalogue
once; a batch is checked, reported (JSON, HTML) and annotated where the format allows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lbcheck.annotate import FORMATS, annotate_bytes
from lbcheck.annotate.notes import notes_for
from lbcheck.config import Settings
from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options
from lbcheck.models import Report
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


def check_batch(files: list[tuple[str, str]], max_bytes: int) -> BatchResult:
    """Check ``files`` (stored path, name the user gave) and build every download."""
    settings = Settings(jobs=1, max_bytes=max_bytes)
    entries, options = _state(settings)
    reports = tuple(
        check_file(Path(path), shown, entries, settings, options) for path, shown in files
    )
    annotated: list[Download | None] = []
    for (path, shown), doc in zip(files, reports, strict=True):
        suffix = Path(path).suffix.lower()
        if doc.status != "ok" or suffix not in FORMATS:
            annotated.append(None)
            continue
        try:
            data, _ = annotate_bytes(suffix, Path(path).read_bytes(), notes_for(doc))
        except Exception:  # the report stands even when a comment cannot be written
            annotated.append(None)
            continue
        annotated.append(Download(_annotated_name(shown), data))
    report = Report(reports)
    return BatchResult(report, JsonReporter().render(report), tuple(annotated))


__all__ = ["BatchResult", "Download", "check_batch", "warm_up"]
