"""The compiled catalogue is cached on disk as JSON, keyed by content and versions."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from lbcheck.cache_files import ENV
from lbcheck.criteria.loader import Catalogue
from lbcheck.engine import compiled_cache
from lbcheck.engine.compiled import CompiledEntry, CompiledMatcher, compile_catalogue
from lbcheck.engine.evaluate import check_document
from lbcheck.ingest import read_document

ROOT = Path(__file__).resolve().parents[2]


def _matchers(entries: tuple[CompiledEntry, ...]) -> list[tuple[object, ...]]:
    def parts(m: CompiledMatcher) -> tuple[object, ...]:
        return (
            m.lemma_rx.pattern if m.lemma_rx else None,
            m.text_rx.pattern if m.text_rx else None,
            m.lemma_literals,
            m.text_literals,
            m.literal_index is not None,
            m.text_free_rx.pattern if m.text_free_rx else None,
        )

    out = []
    for e in entries:
        for p in e.patterns:
            out.append(parts(p.matcher))
            out += [parts(m) for m in (*p.requires, *p.unless, *(n for n, _ in p.near))]
            out.append(p.headings.pattern if p.headings else None)
        out += [parts(m) for m in (*e.unless, *e.document_unless)]
    return out


def test_cache_round_trip_gives_the_same_catalogue_and_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    fresh = compile_catalogue(catalogue)
    files = list((tmp_path / "catalogue").glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text(encoding="utf-8"))  # plain JSON, no pickle
    assert data["key"] == compiled_cache.catalogue_key(catalogue)
    cached = compile_catalogue(catalogue)
    assert _matchers(cached) == _matchers(fresh)
    document = read_document(ROOT / "examples" / "lb_bueromaterial.md")
    assert check_document(document, cached) == check_document(document, fresh)
    # Spawned workers (no fork) receive the compiled catalogue pickled.
    assert check_document(document, pickle.loads(pickle.dumps(cached))) == check_document(
        document, fresh
    )


def test_key_follows_content_and_bad_files_are_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalogue: Catalogue
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    key = compiled_cache.catalogue_key(catalogue)
    first = catalogue.sets[0]
    entry = first.entries[0].model_copy(update={"title": first.entries[0].title + " (geändert)"})
    edited = Catalogue(
        (first.model_copy(update={"entries": (entry, *first.entries[1:])}), *catalogue.sets[1:]),
        catalogue.concepts,
    )
    assert compiled_cache.catalogue_key(edited) != key
    assert compiled_cache.catalogue_key(Catalogue(catalogue.sets[1:], catalogue.concepts)) != key

    folder = tmp_path / "catalogue"
    folder.mkdir()
    target = folder / f"{key}.json"
    for bad in (
        "{not json",
        json.dumps({"key": "other", "matchers": {}}),
        json.dumps({"key": key, "matchers": {"x": ["a", None, [1], None, None]}}),
        json.dumps({"key": key, "matchers": {"x": ["a", None, None, None, 5]}}),
        json.dumps({"key": key, "matchers": {"x": ["a", None, None, None]}}),
    ):
        target.write_text(bad, encoding="utf-8")
        assert compiled_cache.load(key) is None
    good = {"x": ["(?<= )a(?= )", "(?:b)|(?:c)", ["a"], ["b"], "(?:c)"]}
    assert compiled_cache.store(key, good)
    assert compiled_cache.load(key) == good


def test_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "")
    assert compiled_cache.store("k", {}) is False
    assert compiled_cache.load("k") is None
