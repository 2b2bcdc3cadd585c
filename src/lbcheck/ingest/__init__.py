"""Reading tender files (DOCX, PDF, ODT, Markdown, text) into :class:`Document` values."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.blocks import Extracted
from lbcheck.ingest.folders import resolved
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits
from lbcheck.models import Document

__all__ = ["SUFFIXES", "Limits", "read_document"]

_FORMATS: dict[str, str] = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".odt": "odt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}

#: File name suffixes (lower case, with dot) that :func:`read_document` understands.
SUFFIXES: frozenset[str] = frozenset(_FORMATS)

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_document(
    path: Path,
    display_path: str | None = None,
    *,
    max_bytes: int = 50 * 1024 * 1024,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read one file into a :class:`Document` with blocks in reading order.

    ``display_path`` (default ``str(path)``) is stored as ``Document.path``. Every failure is
    an :class:`IngestError`: UNSUPPORTED (suffix or content), NOT_FOUND, UNREADABLE (no
    permission, also for a folder a scan could not list), SYMLINK_LOOP, TOO_LARGE (file size
    checked before reading; ``limits`` on text, pages, ZIP inflation and repeat counts while
    reading), CORRUPT, ENCRYPTED, EMPTY, NO_TEXT or GARBLED.
    """
    path = Path(path)
    try:
        if path.is_dir():
            _refuse_folder(path)
    except OSError as exc:  # Python 3.11 raises where a parent folder may not be searched
        raise os_error(exc) from exc
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(IngestCode.UNSUPPORTED, f"Endung {path.suffix or '(keine)'}")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(IngestCode.NOT_FOUND, "keine Datei")
        if info.st_size > max_bytes:
            raise IngestError(
                IngestCode.TOO_LARGE, f"{info.st_size} Bytes, Grenze {max_bytes} Bytes"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise os_error(exc) from exc
    if not data.strip():
        raise IngestError(IngestCode.EMPTY, "Datei hat 0 Bytes")
    _sniff(fmt, data)
    try:
        extracted = _reader(fmt)(data, limits)
    except IngestError:
        raise
    except RecursionError as exc:
        raise IngestError(IngestCode.CORRUPT, "zu tief verschachtelt") from exc
    except MemoryError as exc:
        raise IngestError(IngestCode.TOO_LARGE, "Arbeitsspeicher reicht nicht") from exc
    except Exception as exc:  # never crash on bad input: any library failure is a bad file
        raise IngestError(IngestCode.CORRUPT, f"{type(exc).__name__}: {exc}") from exc
    chars = sum(len(b.text) for b in extracted.blocks)
    if chars > limits.max_chars:
        raise IngestError(
            IngestCode.TOO_LARGE, f"{chars} Zeichen Text, Grenze {limits.max_chars} Zeichen"
        )
    return Document(
        path=display_path if display_path is not None else str(path),
        format=fmt,
        blocks=extracted.blocks,
        pages=extracted.pages,
    )


def os_error(exc: OSError) -> IngestError:
    """The ingest error for a file the system would not open, by its reason."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return IngestError(IngestCode.UNREADABLE, reason)
    if exc.errno == errno.ELOOP:
        return IngestError(IngestCode.SYMLINK_LOOP, reason)
    return IngestError(IngestCode.NOT_FOUND, reason)


def _refuse_folder(path: Path) -> None:
    """Folders are never documents; a walk hands over the ones it could not or would not enter:
    unreadable ones and folder links that lead back to a parent or out of the scanned folder."""
    if path.is_symlink():
        target = resolved(path)
        if path.absolute().is_relative_to(target) or resolved(path.parent).is_relative_to(target):
            raise IngestError(
                IngestCode.SYMLINK_LOOP, f"zeigt auf den übergeordneten Ordner {target}"
            )
        raise IngestError(IngestCode.SYMLINK_OUTSIDE, f"zeigt auf {target}")
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        raise os_error(exc) from exc
    raise IngestError(IngestCode.NOT_FOUND, "ein Ordner, keine Datei")


def _sniff(fmt: str, data: bytes) -> None:
    """Reject content that does not fit the suffix before a library sees it."""
    head = data[:8]
    if fmt == "pdf" and b"%PDF-" not in data[:1024]:
        if head.startswith((_ZIP, _OLE)):
            raise IngestError(IngestCode.UNSUPPORTED, "Inhalt ist kein PDF (Office-Datei)")
        raise IngestError(IngestCode.CORRUPT, "kein PDF-Kopf (%PDF-)")
    if fmt in ("docx", "odt") and not head.startswith(_ZIP):
        if fmt == "docx" and head.startswith(_OLE):
            if "EncryptionInfo".encode("utf-16-le") in data:
                raise IngestError(IngestCode.ENCRYPTED, "kennwortgeschütztes Office-Dokument")
            raise IngestError(IngestCode.UNSUPPORTED, "altes Word-Format (.doc)")
        if data.startswith(b"%PDF-"):
            raise IngestError(IngestCode.UNSUPPORTED, "Inhalt ist ein PDF")
        raise IngestError(IngestCode.CORRUPT, "kein ZIP-Paket")


def _reader(fmt: str) -> Callable[[bytes, Limits], Extracted]:
    # Imported on demand: a Markdown run need not load PDFium, a PDF run not lxml.
    if fmt == "pdf":
        from lbcheck.ingest.pdf import read_pdf

        return read_pdf
    if fmt == "docx":
        from lbcheck.ingest.docx import read_docx

        return read_docx
    if fmt == "odt":
        from lbcheck.ingest.odt import read_odt

        return read_odt
    if fmt == "markdown":
        from lbcheck.ingest.markdown import read_markdown

        return read_markdown
    from lbcheck.ingest.text import read_text

    return read_text
