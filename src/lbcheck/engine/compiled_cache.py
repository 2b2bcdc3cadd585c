"""The costly part of compiling a catalogue, kept on disk between runs.

Compiling lemmatises every phrase with spaCy and analyses every pattern for prefilter literals
(about 0.3 s for the built-in catalogue). The result - pattern texts and literal lists per
matcher - is stored as JSON under the cache folder (:mod:`lbcheck.cache_files`), one file per
key. The key is the SHA-256 of everything the result depends on: the catalogue's content (every
set and concept as validated, so an edited YAML file, ``--sets`` or ``--disable`` give a new
key), the lbcheck version, the ``regex`` module and Python versions, the spaCy version and the
lemma table's digest.

Why JSON and not pickle: the folder is writable by the user (and by anything running as the
user), and unpickling runs code. A hash stored beside a pickle in the same folder would not
help, since whoever can replace the file can replace the hash. JSON can only yield strings and
lists; the loader checks their shape and treats anything else as a miss. The patterns in it
are compiled like the user's own criteria files, which live in places just as writable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import regex

from lbcheck import __version__
from lbcheck.cache_files import cache_root, write_atomically
from lbcheck.criteria.loader import Catalogue

_FORMAT = 4
#: Cache files kept; older ones (other catalogues, earlier versions) are removed.
KEEP = 16


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def catalogue_key(catalogue: Catalogue) -> str:
    """The key of a catalogue's compiled form: content, versions and lemma table."""
    from lbcheck.nlp_lemmas import source_digest

    digest = hashlib.sha256()
    for part in (
        f"format {_FORMAT}",
        __version__,
        regex.__version__,
        sys.version,
        _package_version("spacy"),
        source_digest(),
    ):
        digest.update(part.encode() + b"\0")
    for s in catalogue.sets:
        digest.update(s.model_dump_json().encode() + b"\0")
    for name, concept in catalogue.concepts.items():
        digest.update(name.encode() + b"\0" + concept.model_dump_json().encode() + b"\0")
    return digest.hexdigest()


def _folder() -> Path | None:
    root = cache_root()
    return root / "catalogue" if root is not None else None


def _valid_literals(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _valid(parts: Any) -> bool:
    return (
        isinstance(parts, list)
        and len(parts) == 5
        and all(p is None or isinstance(p, str) for p in (*parts[:2], parts[4]))
        and all(_valid_literals(p) for p in parts[2:4])
    )


def load(key: str) -> dict[str, list[Any]] | None:
    """The stored matcher parts for ``key``, or None (missing, unreadable or malformed)."""
    folder = _folder()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    matchers = data.get("matchers")
    if not isinstance(matchers, dict) or not all(
        isinstance(k, str) and _valid(v) for k, v in matchers.items()
    ):
        return None
    return matchers


def store(key: str, matchers: dict[str, list[Any]]) -> bool:
    """Write the parts for ``key`` (atomically) and drop the oldest other files."""
    folder = _folder()
    if folder is None:
        return False
    text = json.dumps({"key": key, "matchers": matchers}, ensure_ascii=False)
    written = write_atomically(
        folder / f"{key}.json", lambda tmp: tmp.write_text(text, encoding="utf-8")
    )
    if written:
        _prune(folder)
    return written


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
