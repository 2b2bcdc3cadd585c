"""Results by content: the file's bytes, its name (it informs the subject), the lbcheck version
and everything about the catalogue and settings that changes a report. A re-run over unchanged
files reads them from here instead of checking again."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lbcheck import __version__
from lbcheck.reporters.json_model import JsonDocument

# Errors that depend on the budget or the machine, not on the file: checked again next time.
NOT_CACHED = frozenset({"timeout", "crashed", "internal", "too-large", "unreadable"})


def default_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("lbcheck", appauthor=False)) / "audit"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def run_key(catalogue_repr: str, settings_repr: str) -> str:
    """What, besides the file, decides a report: version, catalogue, settings."""
    text = "\0".join((__version__, catalogue_repr, settings_repr))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def procedure_key(members: list[tuple[str, str]]) -> str:
    """What the other files of a procedure add to a report: their names and contents (they
    may lend it their subject). ``members`` are (name, digest) pairs, in any order."""
    text = "\0".join(f"{name}\0{digest}" for name, digest in sorted(members))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """One JSON file per key under ``folder``; written atomically, read leniently."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, run: str, digest: str, name: str, procedure: str = "") -> str:
        """``run`` from :func:`run_key` for the file's own settings; ``procedure`` from
        :func:`procedure_key` when other files share its procedure."""
        text = "\0".join((run, digest, name, procedure))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, shown: str) -> JsonDocument | None:
        try:
            text = self._file(key).read_text(encoding="utf-8")
            document = JsonDocument.model_validate_json(text)
        except (OSError, ValueError):
            return None  # missing or damaged: check the file again
        return document.model_copy(update={"path": shown})

    def put(self, key: str, document: JsonDocument) -> None:
        if document.error is not None and document.error.code in NOT_CACHED:
            return
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, document.model_dump_json().encode("utf-8"))
        except OSError:
            return  # a full or read-only cache costs speed, not results


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder; the temporary
    file is removed whatever happens, Ctrl-C included."""
    atomic_write_text(target, (data,))


def atomic_write_text(target: Path, pieces: Iterable[str | bytes]) -> None:
    """:func:`atomic_write` of pieces as they come (text as UTF-8): never the whole in memory."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for piece in pieces:
                f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        Path(tmp).chmod(0o666 & ~_umask())  # mkstemp makes 0600; the user's umask decides
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = [
    "Cache",
    "atomic_write",
    "atomic_write_text",
    "default_dir",
    "file_digest",
    "procedure_key",
    "run_key",
]
