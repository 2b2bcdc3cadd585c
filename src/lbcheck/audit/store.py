"""The audit folder: ``documents.jsonl`` grows by one flushed line per document (the ``scan``
JSON per-document model), ``timings.jsonl`` says how long each took and whether it came from the
cache. A folder with an earlier audit is never written over unless asked to (``--force``) or
continued (``--resume``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.reporters.json_model import JsonDocument

DOCUMENTS = "documents.jsonl"
TIMINGS = "timings.jsonl"
DOCUMENTS_CSV = "documents.csv"
FINDINGS_CSV = "findings.csv"
REPORT_JSON = "report.json"
REPORT_HTML = "report.html"
OUTPUTS = (DOCUMENTS, TIMINGS, DOCUMENTS_CSV, FINDINGS_CSV, REPORT_JSON, REPORT_HTML)


def prepare(folder: Path, force: bool, resume: bool) -> None:
    """Create the folder or check it may be used; ``force`` removes an earlier audit's files."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            tr("--output-dir {folder} ist eine Datei. Bitte einen Ordner angeben.", folder=folder)
        )
    if folder.is_dir():
        busy = any(folder.iterdir())
        if busy and not (force or resume):
            raise UsageError(
                tr(
                    "Im Ordner {folder} liegt bereits etwas. lbcheck überschreibt ihn nicht: bitte "
                    "--resume (fortsetzen), --force (neu beginnen) oder einen anderen Ordner "
                    "angeben.",
                    folder=folder,
                )
            )
        if force and not resume:
            for name in OUTPUTS:
                (folder / name).unlink(missing_ok=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            tr(
                "Der Ordner {folder} kann nicht angelegt werden ({reason}). Bitte einen "
                "beschreibbaren Ordner angeben.",
                folder=folder,
                reason=exc.strerror,
            )
        ) from exc


def _complete_lines(path: Path) -> int:
    """Drop a last line an interrupted run left half written; return the byte length kept."""
    with path.open("rb+") as f:
        data = f.read()
        keep = data.rfind(b"\n") + 1
        if keep != len(data):
            f.truncate(keep)
        return keep


def done_paths(folder: Path) -> set[str]:
    """Paths an earlier run of this audit has finished (``--resume``)."""
    path = folder / DOCUMENTS
    if not path.exists():
        return set()
    _complete_lines(path)
    done: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            try:
                done.add(str(json.loads(line)["path"]))
            except (ValueError, KeyError, TypeError):
                continue
    return done


def read_documents(folder: Path) -> Iterator[JsonDocument]:
    """Every document line, one at a time (flat memory over thousands of files)."""
    return (doc for _, doc in read_indexed(folder))


def read_indexed(folder: Path) -> Iterator[tuple[int, JsonDocument]]:
    """Every document line with its byte offset in ``documents.jsonl`` (for :func:`read_at`).

    A line this version cannot read (written by another lbcheck version, or edited) is a
    :class:`UsageError` naming the line: continuing would leave it out of the reports.
    """
    offset = 0
    with (folder / DOCUMENTS).open("rb") as f:
        for number, line in enumerate(f, start=1):
            if line.strip():
                yield offset, _document(line, folder / DOCUMENTS, number)
            offset += len(line)


def _document(line: bytes, path: Path, number: int) -> JsonDocument:
    try:
        return JsonDocument.model_validate_json(line)
    except ValueError as exc:  # pydantic's ValidationError is one
        raise UsageError(
            tr(
                "Zeile {line} von {path} kann diese lbcheck-Version nicht lesen (von einer "
                "anderen Version geschrieben oder von Hand geändert). Bitte das Audit mit "
                "--force neu beginnen oder einen anderen Ordner angeben.",
                line=number,
                path=path,
            )
        ) from exc


def read_at(folder: Path, offsets: Iterable[int]) -> Iterator[JsonDocument]:
    """The document lines at ``offsets``, in that order, one at a time."""
    with (folder / DOCUMENTS).open("rb") as f:
        for offset in offsets:
            f.seek(offset)
            yield JsonDocument.model_validate_json(f.readline())


class Sink:
    """Appends and flushes one line per finished document."""

    def __init__(self, folder: Path) -> None:
        #: Bytes in ``documents.jsonl``: where the next line starts.
        self.size = _complete_lines(folder / DOCUMENTS) if (folder / DOCUMENTS).exists() else 0
        if (folder / TIMINGS).exists():
            _complete_lines(folder / TIMINGS)
        self.documents: IO[bytes] = (folder / DOCUMENTS).open("ab")
        self.timings: IO[str] = (folder / TIMINGS).open("a", encoding="utf-8")

    def add(self, document: JsonDocument, seconds: float, cached: bool, digest: str) -> int:
        """Write the document's line; return its byte offset (for :func:`read_at`)."""
        offset = self.size
        line = document.model_dump_json().encode("utf-8") + b"\n"
        self.documents.write(line)
        self.documents.flush()
        self.size += len(line)
        meta: dict[str, Any] = {
            "path": document.path,
            "seconds": round(seconds, 3),
            "cached": cached,
            "sha256": digest,
        }
        self.timings.write(json.dumps(meta, ensure_ascii=False) + "\n")
        self.timings.flush()
        return offset

    def close(self) -> None:
        for f in (self.documents, self.timings):
            f.flush()
            os.fsync(f.fileno())
            f.close()


__all__ = [
    "DOCUMENTS",
    "DOCUMENTS_CSV",
    "FINDINGS_CSV",
    "REPORT_HTML",
    "REPORT_JSON",
    "TIMINGS",
    "Sink",
    "done_paths",
    "prepare",
    "read_at",
    "read_documents",
    "read_indexed",
]
