"""Write an annotated document next to its input, never over it, and over an existing file
only when asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lbcheck.errors import UsageError
from lbcheck.reporters.safe_text import clean


def default_output(path: Path) -> Path:
    """``tender.docx`` -> ``tender.lbcheck.docx`` in the same folder."""
    return path.with_name(f"{path.stem}.lbcheck{path.suffix}")


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.samefile(b)
    except OSError:
        return False


def check_target(target: Path, source: Path, force: bool) -> None:
    """Refuse before any work is done: the input itself, a folder, an existing file."""
    if _same_file(target, source):
        raise UsageError(
            f"{clean(str(target))} ist die geprüfte Datei selbst; lbcheck überschreibt sie nicht."
        )
    if target.exists() and not force:
        raise UsageError(
            f"{clean(str(target))} existiert bereits. Mit --force überschreiben oder mit --output "
            "einen anderen Namen wählen."
        )


def write_output(data: bytes, target: Path, source: Path, force: bool) -> None:
    """Create ``target`` with ``data``: exclusively (a race with another run loses cleanly),
    or with ``force`` by an atomic replace; never when ``target`` is the ``source``."""
    if _same_file(target, source):
        raise UsageError(
            f"{clean(str(target))} ist die geprüfte Datei selbst; lbcheck überschreibt sie nicht."
        )
    if target.is_dir():
        raise UsageError(f"{clean(str(target))} ist ein Ordner. Bitte einen Dateinamen angeben.")
    if not target.parent.is_dir():
        raise UsageError(f"Der Ordner {clean(str(target.parent))} existiert nicht.")
    try:
        if not force:
            with target.open("xb") as handle:
                handle.write(data)
            return
        fd, tmp = tempfile.mkstemp(prefix=".lbcheck-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            mask = os.umask(0)
            os.umask(mask)
            Path(tmp).chmod(0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except FileExistsError:
        raise UsageError(
            f"{clean(str(target))} existiert bereits. Mit --force überschreiben oder mit --output "
            "einen anderen Namen wählen."
        ) from None
    except PermissionError:
        raise UsageError(f"Keine Schreibrechte für {clean(str(target))}.") from None
