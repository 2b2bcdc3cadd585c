"""German lemmas of spacy-lookups-data, looked up on demand in an on-disk SQLite table.

spaCy's lookup lemmatiser loads the whole table (355,000 forms) into memory when the pipeline
is initialised: 0.7 s and about 150 MB before the first document. A document needs a few
thousand distinct forms, so the table is converted once into an indexed SQLite file in the
cache folder (:mod:`lbcheck.cache_files`) and each form is read when it first occurs. The file
is named after the SHA-256 of the installed ``de_lemma_lookup.json.gz``: a new
spacy-lookups-data release gets a new file, and the source is never downloaded (the wheel
carries it). Without a writable cache folder the table is read into memory as before.

A lemma table is data only: SQLite files cannot carry code, and a tampered file could change
lemmas no more than editing the installed JSON could.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from lbcheck.cache_files import cache_root, write_atomically

_SOURCE = "de_lemma_lookup.json.gz"
_FORMAT = 1  # bump when the file layout below changes
# Forms remembered per process; a long audit meets far fewer distinct forms than this.
_MEMO_LIMIT = 500_000
#: Forms per query: well below SQLite's oldest limit of 999 parameters.
_BATCH = 500


def source_path() -> Path:
    """The installed German lookup table (without importing spacy_lookups_data's index)."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("spacy-lookups-data ist nicht installiert")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / _SOURCE


def _read_source(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _build(source: Path, target: Path) -> None:
    table = _read_source(source)
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("CREATE TABLE lemma (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
        con.executemany("INSERT INTO lemma VALUES (?, ?)", sorted(table.items()))
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.execute("INSERT INTO meta VALUES ('rows', ?)", (str(len(table)),))
        con.commit()
    finally:
        con.close()


def _open(path: Path) -> sqlite3.Connection | None:
    """The finished table at ``path`` opened read-only, or None when it is missing or broken."""
    try:
        # A cache folder the user may not search (HOME of another user) is no table either.
        if not path.is_file():
            return None
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        row = con.execute("SELECT value FROM meta WHERE key = 'rows'").fetchone()
    except (sqlite3.Error, OSError):
        return None
    if row is None:
        con.close()
        return None
    return con


class LemmaLookup:
    """The ``lemma_lookup`` table for spaCy's lookup lemmatiser (it only calls :meth:`get`)."""

    def __init__(self, source: Path, database: Path | None) -> None:
        self._source = source
        self._database = database
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        self._memory: dict[str, str] | None = None
        self._memo: dict[str, str | None] = {}

    def _connection(self) -> sqlite3.Connection | None:
        # A connection must not cross fork(): each worker process opens its own.
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._con = None
            if self._database is not None:
                self._con = _open(self._database)
                if self._con is None and write_atomically(
                    self._database, lambda tmp: _build(self._source, tmp)
                ):
                    self._con = _open(self._database)
            if self._con is None and self._memory is None:
                self._memory = _read_source(self._source)
        return self._con

    def forget(self) -> None:
        """Drop the remembered look-ups (see :mod:`lbcheck.learnt`)."""
        self._memo.clear()

    def lemma_of(self, form: str) -> str | None:
        """The table's lemma of ``form`` (None when the table does not have it)."""
        if form in self._memo:
            return self._memo[form]
        con = self._connection()
        if con is None:
            assert self._memory is not None
            return self._memory.get(form)
        row = con.execute("SELECT lemma FROM lemma WHERE form = ?", (form,)).fetchone()
        lemma = row[0] if row is not None else None
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[form] = lemma
        return lemma

    def prefetch(self, forms: Iterable[str]) -> None:
        """Look up many forms in a few queries (one query per form costs more than the lookup)."""
        wanted = sorted({f for f in forms if f not in self._memo})
        con = self._connection() if wanted else None
        if con is None:
            return
        if len(self._memo) + len(wanted) >= _MEMO_LIMIT:
            self._memo.clear()
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            found = dict(
                con.execute(f"SELECT form, lemma FROM lemma WHERE form IN ({marks})", batch)
            )
            for form in batch:
                self._memo[form] = found.get(form)

    def get(self, key: str, default: str | None = None) -> str | None:
        lemma = self.lemma_of(key)
        return default if lemma is None else lemma


@lru_cache(maxsize=1)
def source_digest() -> str:
    """SHA-256 of the installed German lookup table (names the file built from it)."""
    return hashlib.sha256(source_path().read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def german_lemmas() -> LemmaLookup:
    """The German lemma table, on disk when a cache folder is available."""
    root = cache_root()
    database = None
    if root is not None:
        database = root / "lemmas" / f"de-{source_digest()[:24]}-v{_FORMAT}.sqlite"
    return LemmaLookup(source_path(), database)
