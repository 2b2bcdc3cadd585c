"""Which files git ignores, asked from git itself (nested ``.gitignore``, ``info/exclude`` and
the global excludes file all count, exactly as for ``git status``)."""

from __future__ import annotations

import subprocess
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

_TIMEOUT_S = 30


def _toplevel(folder: Path) -> Path | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
            timeout=_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None  # no git: nothing is ignored
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def ignored_by_git(paths: Sequence[Path]) -> set[Path]:
    """The given paths (absolute) that git ignores; empty outside a repository or without git."""
    by_repo: dict[Path, list[Path]] = defaultdict(list)
    tops: dict[Path, Path | None] = {}
    for path in paths:
        folder = path.parent
        if folder not in tops:
            tops[folder] = _toplevel(folder)
        top = tops[folder]
        if top is not None:
            by_repo[top].append(path)
    ignored: set[Path] = set()
    for top, members in by_repo.items():
        try:
            result = subprocess.run(
                ["git", "-C", str(top), "check-ignore", "--stdin", "-z"],
                input="\0".join(str(p) for p in members).encode(),
                capture_output=True,
                check=False,
                timeout=_TIMEOUT_S,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        ignored.update(Path(p.decode()) for p in result.stdout.split(b"\0") if p)
    return ignored
