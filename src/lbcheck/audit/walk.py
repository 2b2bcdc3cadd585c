"""Which files an audit reads: folders walked with include / exclude globs and ``.lbcheckignore``
files (gitignore semantics), Office lock and temp files skipped, symlinks followed only inside
the tree; a loop, a link out of the tree and an unreadable folder or file each become a row."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from lbcheck.app.inputs import is_temporary
from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.ingest import SUFFIXES

IGNORE_FILE = ".lbcheckignore"

SYMLINK_LOOP = "symlink-loop"
SYMLINK_OUTSIDE = "symlink-outside"
UNREADABLE = "unreadable"
DANGLING = "not-found"

PROBLEM_MESSAGES = {
    SYMLINK_LOOP: (
        "Diese Verknüpfung (Symlink) zeigt im Kreis und wurde nicht verfolgt. Bitte die "
        "Verknüpfung entfernen oder das Ziel direkt angeben."
    ),
    SYMLINK_OUTSIDE: (
        "Diese Verknüpfung (Symlink) zeigt aus dem geprüften Ordner hinaus und wurde nicht "
        "verfolgt. Bitte das Ziel selbst als Ordner angeben, wenn es geprüft werden soll."
    ),
    DANGLING: (
        "Diese Verknüpfung (Symlink) zeigt auf eine Datei, die es nicht gibt. Bitte die "
        "Verknüpfung entfernen oder das Ziel wiederherstellen."
    ),
    UNREADABLE: (
        "Auf diesen Ordner oder diese Datei fehlt die Leseberechtigung; sie wurde nicht geprüft. "
        "Bitte die Rechte prüfen und erneut prüfen."
    ),
}


@dataclass(frozen=True, slots=True)
class Found:
    """A file to check; ``shown`` is how reports name it, ``size`` schedules largest first."""

    path: Path
    shown: str
    size: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the tree that cannot be checked, reported as a row with ``code``."""

    shown: str
    code: str
    detail: str = ""

    @property
    def message(self) -> str:
        return PROBLEM_MESSAGES[self.code]


def _spec(lines: Sequence[str]) -> pathspec.PathSpec[pathspec.Pattern]:
    return pathspec.PathSpec.from_lines("gitignore", lines)


@dataclass(frozen=True, slots=True)
class Selection:
    """Include / exclude globs (gitignore style, relative to each folder given)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


class _Walker:
    def __init__(self, root: Path, selection: Selection) -> None:
        self.root = root
        self.real_root = Path(os.path.realpath(root))
        self.include = _spec(selection.include) if selection.include else None
        self.exclude = _spec(selection.exclude) if selection.exclude else None
        self.seen_files: set[tuple[int, int]] = set()

    def _inside(self, real: Path) -> bool:
        return real == self.real_root or self.real_root in real.parents

    def _ignore_spec(self, folder: Path) -> pathspec.PathSpec[pathspec.Pattern] | None:
        try:
            text = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        return _spec(text.splitlines())

    def _ignored(
        self,
        rel: str,
        is_dir: bool,
        ignores: list[tuple[str, pathspec.PathSpec[pathspec.Pattern]]],
    ) -> bool:
        name = rel + "/" if is_dir else rel
        for base, spec in ignores:
            below = name[len(base) + 1 :] if base else name
            if spec.match_file(below):
                return True
        if self.exclude is not None and self.exclude.match_file(name):
            return True
        return bool(not is_dir and self.include is not None and not self.include.match_file(rel))

    def walk(self) -> Iterator[Found | Problem]:
        try:
            start = self.root.stat()
        except OSError as exc:
            yield Problem(str(self.root), UNREADABLE, exc.strerror or str(exc))
            return
        yield from self._folder(self.root, "", [(start.st_dev, start.st_ino)], [])

    def _folder(
        self,
        folder: Path,
        rel: str,
        ancestors: list[tuple[int, int]],
        ignores: list[tuple[str, pathspec.PathSpec[pathspec.Pattern]]],
    ) -> Iterator[Found | Problem]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Problem(str(folder), UNREADABLE, exc.strerror or str(exc))
            return
        own = self._ignore_spec(folder)
        if own is not None:
            ignores = [*ignores, (rel, own)]
        for entry in entries:
            if entry.name.startswith(".") or is_temporary(Path(entry.name)):
                continue
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            path = folder / entry.name
            yield from self._entry(entry, path, child_rel, ancestors, ignores)

    def _entry(
        self,
        entry: os.DirEntry[str],
        path: Path,
        rel: str,
        ancestors: list[tuple[int, int]],
        ignores: list[tuple[str, pathspec.PathSpec[pathspec.Pattern]]],
    ) -> Iterator[Found | Problem]:
        shown = str(path)
        link = entry.is_symlink()
        try:
            info = path.stat()  # follows links
        except OSError as exc:
            if link and exc.errno == errno.ELOOP:
                yield Problem(shown, SYMLINK_LOOP, exc.strerror or str(exc))
            elif link:
                yield Problem(shown, DANGLING, str(path.readlink()))
            else:
                yield Problem(shown, UNREADABLE, exc.strerror or str(exc))
            return
        is_dir = stat.S_ISDIR(info.st_mode)
        if self._ignored(rel, is_dir, ignores):
            return
        if link and not self._inside(Path(os.path.realpath(path))):
            if is_dir or Path(entry.name).suffix.lower() in SUFFIXES:
                yield Problem(shown, SYMLINK_OUTSIDE, os.path.realpath(path))
            return
        if is_dir:
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Problem(shown, SYMLINK_LOOP, os.path.realpath(path))
                return
            yield from self._folder(path, rel, [*ancestors, key], ignores)
            return
        if not stat.S_ISREG(info.st_mode) or Path(entry.name).suffix.lower() not in SUFFIXES:
            return
        key = (info.st_dev, info.st_ino)
        if key in self.seen_files:
            return  # the same file again through a link inside the tree
        self.seen_files.add(key)
        if not os.access(path, os.R_OK):
            yield Problem(shown, UNREADABLE, "keine Leseberechtigung")
            return
        yield Found(path, shown, info.st_size)


def walk(args: Sequence[str], selection: Selection = Selection()) -> Iterator[Found | Problem]:
    """Files and problems under each argument (a folder or a file), in a stable order.

    A missing argument is a usage error; a file named directly is always checked.
    """
    seen: set[str] = set()
    for arg in args:
        path = Path(arg)
        if not arg.strip() or not (path.exists() or path.is_symlink()):
            raise UsageError(
                tr("{path} gibt es nicht. Bitte Pfad und Schreibweise prüfen.", path=arg)
            )
        if path.is_dir():
            items: Iterator[Found | Problem] = _Walker(path, selection).walk()
        else:
            items = iter([_single(path)])
        for item in items:
            key = os.path.realpath(item.path) if isinstance(item, Found) else item.shown
            if key not in seen:
                seen.add(key)
                yield item


def _single(path: Path) -> Found | Problem:
    try:
        size = path.stat().st_size
    except OSError as exc:
        code = UNREADABLE
        if path.is_symlink():
            code = SYMLINK_LOOP if exc.errno == errno.ELOOP else DANGLING
        return Problem(str(path), code, exc.strerror or str(exc))
    if not os.access(path, os.R_OK):
        return Problem(str(path), UNREADABLE, "keine Leseberechtigung")
    return Found(path, str(path), size)


__all__ = ["Found", "Problem", "Selection", "walk"]
