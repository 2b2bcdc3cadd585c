"""Which files a folder holds, without skipping anything silently and without looping.

A folder that cannot be listed and a folder link that leads back to one of its own parents
are returned like files: :func:`lbcheck.ingest.read_document` then reports them as rows
(``unreadable``, ``symlink-loop``), so a scan never drops part of a tree without a word.
Linked folders are followed while they stay inside the folder named on the command line; a
link that leads out of it is not followed (a hostile archive with a link to ``/`` must not
send a scan through the whole disk). A folder reached twice is listed once.
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
        folders: list[tuple[Path, tuple[int, int]]] = []
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
            elif key in parents:
                yield path  # a link back to a parent folder: reported as a loop
            elif key not in self.seen and (not entry.is_symlink() or self.inside(path)):
                self.seen.add(key)
                folders.append((path, key))
        for path, key in folders:
            yield from self.visit(path, parents | {key})
