"""Which files a folder holds, without skipping anything silently and without looping.

A folder that cannot be listed, a folder link that leads back to one of its own parents and
one that leads out of the folder named on the command line are returned like files:
:func:`lbcheck.ingest.read_document` then reports them as rows (``unreadable``,
``symlink-loop``, ``symlink-outside``), so a scan never drops part of a tree without a word.
Links inside the tree are followed; a link out of it is not (a hostile archive with a link
to ``/`` must not send a scan through the whole disk). A folder reached twice is listed once.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from pathlib import Path


def resolved(path: Path) -> Path:
    """``path.resolve()``; for a link in a loop (Python 3.11 raises RuntimeError there) or a
    path the system refuses, its absolute form, so a looping link is a row, not a crash."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def is_folder(path: Path) -> bool:
    """``path.is_dir()``, False where the system will not say (Python 3.11 raises on EACCES)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_present(path: Path) -> bool:
    """Something is at ``path`` (also a broken link, or a name behind a folder we may not
    read, which read_document then reports as ``unreadable`` instead of a crash)."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True


def walk_folder(root: Path, suffixes: Collection[str]) -> Iterator[Path]:
    """Files below ``root`` whose suffix (lower case) is in ``suffixes``, sorted by name per
    folder, files before subfolders; hidden names (``.git``) are left out."""
    try:
        info = root.stat()
    except OSError:
        yield root
        return
    yield from _Walk(resolved(root), suffixes).visit(root, frozenset({(info.st_dev, info.st_ino)}))


class _Walk:
    def __init__(self, real_root: Path, suffixes: Collection[str]) -> None:
        self.real_root = real_root
        self.suffixes = suffixes
        self.seen: set[tuple[int, int]] = set()

    def inside(self, link: Path) -> bool:
        return resolved(link).is_relative_to(self.real_root)

    def visit(self, folder: Path, parents: frozenset[tuple[int, int]]) -> Iterator[Path]:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            yield folder  # unreadable: read_document names the reason
            return
        # One visit per folder; beside a link to it, the real name wins.
        chosen: dict[tuple[int, int], tuple[Path, bool]] = {}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                is_folder = entry.is_dir()
                key = (entry.stat().st_dev, entry.stat().st_ino) if is_folder else (0, 0)
            except OSError:
                is_folder = False  # a broken or looping link: a row if its name is a tender's
            if not is_folder:
                if path.suffix.lower() in self.suffixes:
                    yield path
            elif key in parents or (entry.is_symlink() and not self.inside(path)):
                yield path  # a loop or a way out of the tree: a row, not followed
            elif key not in self.seen:
                link = entry.is_symlink()
                if key not in chosen or (chosen[key][1] and not link):
                    chosen[key] = (path, link)
        self.seen.update(chosen)
        for key, (path, _) in sorted(chosen.items(), key=lambda item: item[1][0].name):
            yield from self.visit(path, parents | {key})
