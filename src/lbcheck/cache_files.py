"""Where lbcheck keeps files it can always rebuild (lemma table, compiled catalogue).

The folder follows the platform's convention (``platformdirs``); ``LBCHECK_CACHE_DIR`` moves it,
and ``LBCHECK_CACHE_DIR=""`` (empty) turns the on-disk caches off. Everything in it is derived
from installed files, so deleting the folder is always safe. Writes go to a temporary file in
the same folder and are renamed into place, so two processes building the same file at once
never see half of it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

ENV = "LBCHECK_CACHE_DIR"


def cache_root() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("lbcheck", appauthor=False))


def write_atomically(target: Path, write: Callable[[Path], object]) -> bool:
    """Let ``write`` fill a temporary file next to ``target``, then rename it into place.

    Returns False (and leaves nothing behind) when the folder cannot be written: a cache is an
    optimisation, never a reason to fail.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError:
        return False
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True
