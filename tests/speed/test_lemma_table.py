"""The on-disk lemma table answers exactly like spaCy's in-memory lookup table."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from lbcheck import nlp_lemmas
from lbcheck.nlp_lemmas import LemmaLookup, source_path


@pytest.fixture(scope="module")
def table() -> dict[str, str]:
    return nlp_lemmas._read_source(source_path())


def test_on_disk_lookup_equals_the_source_table(tmp_path: Path, table: dict[str, str]) -> None:
    database = tmp_path / "de.sqlite"
    lookup = LemmaLookup(source_path(), database)
    forms = random.Random(9).sample(sorted(table), 3000)
    assert all(lookup.get(form, form) == table[form] for form in forms)
    assert database.is_file()  # built on first use
    assert lookup.get("Nachweise") == "Nachweis"
    assert lookup.get("Xyzzyquux", "Xyzzyquux") == "Xyzzyquux"  # unknown: the default
    # A second process (a fresh object) reads the same file instead of building it again.
    before = database.stat().st_mtime_ns
    assert LemmaLookup(source_path(), database).get("erbracht") == table["erbracht"]
    assert database.stat().st_mtime_ns == before


def test_broken_file_is_rebuilt(tmp_path: Path, table: dict[str, str]) -> None:
    database = tmp_path / "de.sqlite"
    database.write_bytes(b"not a database at all" * 100)
    lookup = LemmaLookup(source_path(), database)
    assert lookup.get("vorgelegt") == table["vorgelegt"]
    with sqlite3.connect(database) as con:
        assert con.execute("SELECT count(*) FROM lemma").fetchone()[0] == len(table)


def test_without_cache_folder_the_table_is_read_into_memory(
    tmp_path: Path, table: dict[str, str]
) -> None:
    lookup = LemmaLookup(source_path(), None)
    assert lookup.get("Nachweise") == table["Nachweise"]
    unwritable = tmp_path / "file-not-folder"
    unwritable.write_text("x")
    lookup = LemmaLookup(source_path(), unwritable / "de.sqlite")
    assert lookup.get("Nachweise") == table["Nachweise"]


def test_pipeline_lemmas_match_spacy_initialised_lemmatiser() -> None:
    """lbcheck's lemmas (table on disk, looked up without spaCy's lemmatiser component) are
    those of spaCy's own initialised lookup lemmatiser."""
    import spacy

    from lbcheck.nlp import split_sentences

    reference = spacy.blank("de")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    text = (
        "Die Bieter haben die Nachweise über Recyclingpapier vorgelegt; Leistungen wurden "
        "erbracht und die Bescheinigungen der Unterauftragnehmer beigefügt."
    )
    ours = [t.lemma for span in next(split_sentences([text])) for t in span.tokens]
    assert ours == [t.lemma_ for t in reference(text)]
    assert "Nachweis" in ours


def test_spacy_cli_stays_importable_after_the_lean_import() -> None:
    import importlib
    import sys

    from lbcheck.nlp import import_spacy

    spacy = import_spacy()
    assert sys.modules.get("spacy.cli.info") is None or hasattr(
        sys.modules["spacy.cli.info"], "__file__"
    )  # no placeholder left behind
    cli = importlib.import_module("spacy.cli")
    assert hasattr(cli, "download")  # the real package, loaded on demand
    assert spacy.blank("de").lang == "de"
