"""Write a report file safely: never over an input, never over an existing file without
``--force`` (also when two runs race), atomically, with the user's umask, no temp file left."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from lbcheck.app.inputs import same_file
from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.ingest.folders import resolved

# 0o666 before the umask, as `open(..., "w")` and every shell redirection do.
_MODE = 0o666


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")


def check_target(output: Path, force: bool) -> None:
    """Usage errors for a target that cannot be written, raised before any file is read."""
    if output.is_dir():
        raise UsageError(
            tr(
                "--output {output} ist ein Ordner. Bitte einen Dateinamen angeben, z. B. {v0}.",
                output=output,
                v0=output / "bericht.json",
            )
        )
    if output.is_symlink() and not output.exists():
        raise UsageError(
            f"--output {output} ist eine Verknüpfung (Symlink), die ins Leere oder im Kreis "
            "führt. Bitte einen anderen Dateinamen angeben."
        )
    existing = _nearest_existing(output.absolute().parent)
    if not existing.is_dir():
        raise UsageError(
            tr(
                "--output {output}: {existing} ist eine Datei, kein Ordner. Bitte einen Pfad in "
                "einem Ordner angeben.",
                output=output,
                existing=existing,
            )
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(
            tr(
                "--output {output}: in {existing} darf nicht geschrieben werden. Bitte einen "
                "beschreibbaren Ordner wählen.",
                output=output,
                existing=existing,
            )
        )
    if output.exists() and not force:
        raise UsageError(
            tr("--output {output} existiert bereits. Mit --force überschreiben.", output=output)
        )


def _os_error(output: Path, exc: OSError) -> UsageError:
    reason = exc.strerror or str(exc)
    return UsageError(
        tr(
            "--output {output} kann nicht geschrieben werden ({reason}). Bitte Pfad und "
            "Schreibrechte prüfen.",
            output=output,
            reason=reason,
        )
    )


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _publish(tmp: Path, target: Path, data: bytes, force: bool) -> None:
    if force:
        tmp.replace(target)
        return
    try:
        # A hard link appears atomically and fails if the name exists: an exclusive rename.
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
            raise
        _write_new(target, data)  # file systems without hard links: O_EXCL directly


def refuse_named_input(target: Path, paths: Iterable[str]) -> None:
    """A usage error when ``target`` is one of the files named on the command line."""
    if resolved(target) in {resolved(Path(p)) for p in paths}:
        raise UsageError(
            tr(
                "--output {output} ist eine der geprüften Dateien; lbcheck überschreibt sie nicht.",
                output=target,
            )
        )


def write_report(data: bytes, output: Path, inputs: Iterable[Path], force: bool) -> None:
    """Write ``data`` to ``output``; a usage error if that would harm a file."""
    target = output.absolute()
    if any(same_file(p, target) for p in inputs):
        raise UsageError(
            tr(
                "--output {output} ist eine der geprüften Dateien; lbcheck überschreibt sie nicht.",
                output=output,
            )
        )
    check_target(output, force)
    tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.lbcheck-tmp"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_new(tmp, data)
        _publish(tmp, target, data, force)
    except FileExistsError as exc:
        raise UsageError(
            tr(
                "--output {output} ist inzwischen von einem anderen Lauf angelegt worden. Mit "
                "--force überschreiben.",
                output=output,
            )
        ) from exc
    except OSError as exc:
        raise _os_error(output, exc) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
