"""``--changed-since REF``: the files git reports changed since REF, and REF's version of each,
so that a pull request is judged only by what it adds."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from lbcheck.errors import UsageError
from lbcheck.i18n import tr

_TIMEOUT_S = 60


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=_TIMEOUT_S
        )
    except FileNotFoundError as exc:
        raise UsageError(tr("--changed-since braucht git; git ist nicht installiert.")) from exc
    except subprocess.TimeoutExpired as exc:
        raise UsageError(
            tr("--changed-since: git antwortet nicht ({v0}).", v0=" ".join(args))
        ) from exc


@dataclass(frozen=True, slots=True)
class Changes:
    """Changed files (absolute) and the repository they belong to."""

    ref: str
    root: Path
    files: frozenset[Path]

    def old_version(self, path: Path) -> bytes | None:
        """The file's content at ``ref``; None when it did not exist there."""
        rel = path.absolute().relative_to(self.root).as_posix()
        result = _git(["show", f"{self.ref}:{rel}"], self.root)
        return result.stdout if result.returncode == 0 else None


def changes_since(ref: str, cwd: Path) -> Changes:
    """Files changed between ``ref`` and the working tree, including untracked ones."""
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise UsageError(
            tr("--changed-since geht nur in einem git-Repository. Bitte im Repository aufrufen.")
        )
    root = Path(top.stdout.decode().strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise UsageError(
            tr(
                "--changed-since {ref}: diesen Stand kennt git nicht. In CI zuerst holen, z. B. "
                "'git fetch origin {ref}' oder mit fetch-depth: 0 auschecken.",
                ref=ref,
            )
        )
    diff = _git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    names = [n for n in (diff.stdout + b"\0" + untracked.stdout).split(b"\0") if n]
    return Changes(ref, root, frozenset((root / n.decode()).absolute() for n in names))
