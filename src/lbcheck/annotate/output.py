"""Write an annotated document next to its input, never over it, and over an existing file
only when asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lbcheck.errors import UsageError
from lbcheck.i18n import tr
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
            tr(
                "{target} ist die geprüfte Datei selbst; lbcheck überschreibt sie nicht.",
                target=clean(str(target)),
            )
        )
    if target.exists() and not force:
        raise UsageError(
            tr(
                "{target} existiert bereits. Mit --force überschreiben oder mit --output einen "
                "anderen Namen wählen.",
                target=clean(str(target)),
            )
        )


def write_output(data: bytes, target: Path, source: Path, force: bool) -> None:
    """Create ``target`` with ``data``: exclusively (a race with another run loses cleanly),
    or with ``force`` by an atomic replace; never when ``target`` is the ``source``."""
    if _same_file(target, source):
        raise UsageError(
            tr(
                "{target} ist die geprüfte Datei selbst; lbcheck überschreibt sie nicht.",
                target=clean(str(target)),
            )
        )
    if target.is_dir():
        raise UsageError(
            tr(
                "{target} ist ein Ordner. Bitte einen Dateinamen angeben.",
                target=clean(str(target)),
            )
        )
    if not target.parent.is_dir():
        raise UsageError(
            tr("Der Ordner {folder} existiert nicht.", folder=clean(str(target.parent)))
        )
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
            tr(
                "{target} existiert bereits. Mit --force überschreiben oder mit --output einen "
                "anderen Namen wählen.",
                target=clean(str(target)),
            )
        ) from None
    except PermissionError:
        raise UsageError(
            tr("Keine Schreibrechte für {target}.", target=clean(str(target)))
        ) from None
