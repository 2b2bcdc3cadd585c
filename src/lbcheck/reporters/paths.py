"""Paths as CI systems want them: forward slashes, relative to the working directory."""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote


def repo_path(path: str, base: PurePath | None = None) -> str:
    """``path`` with forward slashes; an absolute path below ``base`` becomes relative to it.

    Paths are shown as given on the command line, which in CI is the repository root; nothing
    is resolved on disk, so the result depends only on the inputs.
    """
    p = PurePath(path)
    if p.is_absolute() and base is not None and p.is_relative_to(base):
        p = p.relative_to(base)
    return p.as_posix()


def uri_reference(path: str, base: PurePath | None = None) -> str:
    """A URI reference for SARIF: relative and percent-encoded, or ``file://`` if absolute."""
    shown = repo_path(path, base)
    if PurePath(shown).is_absolute():
        return PurePath(shown).as_uri()
    return quote(shown, safe="/")
