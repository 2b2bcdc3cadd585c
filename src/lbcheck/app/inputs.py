"""Which files a scan reads: each argument must name something, temporary files are skipped,
and the report file itself is never read as a tender."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.ingest.folders import is_folder, is_present, resolved

# Files an office suite or editor leaves next to a document while it is open or being saved.
TEMPORARY_PATTERNS = (
    "~$*",  # Microsoft Word / Excel owner file
    ".~lock.*#",  # LibreOffice lock file
    "~*.tmp",
    "*.tmp",
    "*~",  # editor backup
    ".#*",  # Emacs lock
    "*.swp",
    "*.bak",
)

_GLOB_CHARS = "*?["


def is_temporary(path: Path) -> bool:
    """True for lock, backup and temp files, which are never tenders."""
    return any(fnmatch.fnmatchcase(path.name, p) for p in TEMPORARY_PATTERNS)


def same_file(a: Path, b: Path) -> bool:
    """Same resolved path or same inode (hard links, bind mounts)."""
    if resolved(a) == resolved(b):
        return True
    try:
        return a.samefile(b)
    except OSError:
        return False


def _expand_one(arg: str) -> list[tuple[Path, str]]:
    from lbcheck.runner import expand_paths  # the runner loads spaCy; --help does not need it

    path = Path(arg)
    if not arg.strip():
        raise UsageError(tr("Ein leerer Pfad wurde übergeben. Bitte Dateien oder Ordner angeben."))
    if is_present(path):
        found = expand_paths([arg])
        if is_folder(path) and not [p for p, _ in found if not is_temporary(p)]:
            raise UsageError(
                tr(
                    "Der Ordner {arg} enthält keine prüfbaren Dateien (DOCX, PDF, ODT, Markdown, "
                    "Text). Bitte einen anderen Ordner angeben.",
                    arg=arg,
                )
            )
        return found
    if any(ch in arg for ch in _GLOB_CHARS):
        found = expand_paths([arg])
        if not found:
            raise UsageError(
                tr(
                    "Das Muster {arg} passt auf keine Datei. Bitte Muster und Ordner prüfen (in "
                    "Anführungszeichen wertet lbcheck das Muster selbst aus, auch '**').",
                    arg=arg,
                )
            )
        return found
    raise UsageError(tr("{arg} gibt es nicht. Bitte Pfad und Schreibweise prüfen.", arg=arg))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to check; ``explicit`` when named as such, not found in a folder or a glob."""

    path: Path
    shown: str
    explicit: bool


def select_inputs(args: Sequence[str], outputs: Sequence[Path] = ()) -> list[Candidate]:
    """Files to check, in argument order; a usage error when nothing is left.

    A missing path, a glob without matches and a folder without checkable files are usage
    errors, so that a typo never passes a CI gate with "0 documents". The report files
    (``--output``, ``--format NAME:FILE``) are left out wherever they turn up in a folder or a
    glob.
    """
    if not args:
        raise UsageError(tr("Keine Dateien angegeben. Bitte Dateien, Ordner oder Muster nennen."))
    items: list[Candidate] = []
    seen: set[Path] = set()
    for arg in args:
        for path, shown in _expand_one(arg):
            if is_temporary(path) or resolved(path) in seen:
                continue
            seen.add(resolved(path))
            output = next((o for o in outputs if same_file(path, o)), None)
            if output is not None:
                if Path(arg) == path:
                    raise UsageError(
                        tr(
                            "--output {output} ist eine der geprüften Dateien; lbcheck "
                            "überschreibt sie nicht. Bitte eine andere Ausgabedatei wählen.",
                            output=output,
                        )
                    )
                continue
            items.append(Candidate(path, shown, explicit=Path(arg) == path))
    if not items:
        raise_nothing_left()
    return items


def raise_nothing_left() -> None:
    raise UsageError(
        tr(
            "Nach dem Auslassen von Sperr- und Temporärdateien und ausgeschlossenen Pfaden "
            "(exclude, include, .gitignore) bleibt keine Datei zu prüfen. Bitte die Dateiauswahl "
            "oder die Konfiguration prüfen."
        )
    )
