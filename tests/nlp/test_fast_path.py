"""The fast sentence splitting (tokenizer only, lemmas and sentence starts found by lbcheck)
equals the former spaCy components (sentencizer, lookup lemmatiser, ``doc.sents``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lbcheck.nlp import lemma_key, load_pipeline, split_sentences, token_key
from tests.conftest import CORPUS
from tests.nlp.reference import plain, reference_sentences

_SUFFIXES = {".pdf", ".docx", ".odt", ".md", ".txt"}


def _corpus_texts() -> list[list[str]]:
    from lbcheck.engine.segments import _MAX_BLOCK, _clean
    from lbcheck.errors import IngestError
    from lbcheck.ingest import read_document

    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not available at {CORPUS}")
    documents: list[list[str]] = []
    for path in sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in _SUFFIXES):
        try:
            blocks = read_document(path).blocks
        except IngestError:
            continue  # encrypted or broken on purpose
        # What segment() splits, and the raw block text (newlines, runs of spaces).
        documents.append([_clean(b.text)[:_MAX_BLOCK] for b in blocks])
        documents.append([b.text[:_MAX_BLOCK] for b in blocks])
    return documents


def test_equal_on_the_real_corpus() -> None:
    documents = _corpus_texts()
    assert len(documents) > 20
    for texts in documents:
        new = [plain(spans) for spans in split_sentences(texts)]
        assert new == list(reference_sentences(texts))


_WORDS = [
    "Die",
    "der",
    "Bieter",
    "hat",
    "Nachweise",
    "vorzulegen",
    "sein",
    "Recyclingpapier",
    "aus",
    "100",
    "%",
    "Altpapier",
    "z.",
    "B.",
    "bzw.",
    "Nr.",
    "ca.",
    "gem.",
    "Abs.",
    "3.2.",
    "31.",
    "Januar",
    "Max.",
    "Fabr.:",
    "Blauer",
    "Engel",
    "EU-Ecolabel",
    "CO2-arm",
    "ISO",
    "14001",
    "soll",
    "muss",
    "kann",
    "Umwelt‐zeichen",
    "(",
    ")",
    "[",
    "]",
    '"',
    "„",
    "“",
    "-",
    "–",
    "…",
    "...",
    "!",
    "?",
    ".",
    ",",
    ";",
    ":",
    "!?",
    "?!",
    ".)",
    "。",
    "！",
    "؟",
    "€",
    "§",
    "/",
    "Straße",
    "ÄÖÜ",
    "äöü",
    "mein",
    "Zuschlag",
    "Punkte",
    "—",
    "e.V.",
    "u.a.",
]
_SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", " \n ", ""]


@st.composite
def german_ish(draw: Any) -> str:
    parts = draw(
        st.lists(
            st.tuples(
                st.one_of(st.sampled_from(_WORDS), st.text(min_size=1, max_size=4)),
                st.sampled_from(_SPACES),
            ),
            max_size=40,
        )
    )
    return "".join(word + space for word, space in parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(german_ish(), min_size=1, max_size=4))
def test_equal_on_generated_german_ish_text(texts: list[str]) -> None:
    new = [plain(spans) for spans in split_sentences(texts)]
    assert new == list(reference_sentences(texts))


@settings(max_examples=100, deadline=None)
@given(german_ish())
def test_token_key_is_the_lemma_view_form(text: str) -> None:
    for span in next(split_sentences([text])):
        for token in span.tokens:
            best = token.lemma
            if token.text.islower() and token.lemma[:2].lower() != token.text[:2]:
                best = token.text
            assert token_key(token) == lemma_key(best)


@pytest.fixture(scope="module")
def lemmatising_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved spaCy pipeline with its own lemmas (no trained German model is installed here):
    sentencizer plus a lookup lemmatiser whose table differs from spacy-lookups-data."""
    import spacy
    from spacy.lookups import Lookups

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    lemmatizer: Any = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"Nachweise": "NACHWEIS-MODELL", "sein": "sein", "hat": ""})
    lemmatizer.initialize(lookups=lookups)
    path = tmp_path_factory.mktemp("model") / "de_test_lemmas"
    nlp.to_disk(path)
    return path


def test_spacy_model_keeps_its_own_lemmas(lemmatising_model: Path) -> None:
    texts = ["Der Bieter hat Nachweise vorzulegen. Nr. 3 muss sein!", "z. B. Papier.  Engel"]
    model = str(lemmatising_model)
    spans = [plain(s) for s in split_sentences(texts, model)]
    assert spans == list(reference_sentences(texts, load_pipeline(model)))
    lemmas = [lemma for _, _, tokens in spans[0] for _, lemma, _ in tokens]
    assert "NACHWEIS-MODELL" in lemmas  # the model's table, not spacy-lookups-data
    assert "Bieter" in lemmas and "hat" in lemmas  # unknown or empty lemma: the text


@settings(max_examples=100, deadline=None)
@given(st.lists(german_ish(), min_size=1, max_size=3))
def test_spacy_model_path_equals_doc_sents(lemmatising_model: Path, texts: list[str]) -> None:
    model = str(lemmatising_model)
    new = [plain(spans) for spans in split_sentences(texts, model)]
    assert new == list(reference_sentences(texts, load_pipeline(model)))


def test_chunk_assumptions_hold_for_every_character() -> None:
    """The chunk tokenizer splits with ``re``'s \\s (spaCy splits at str.isspace()) and takes
    isprintable() text as free of whitespace other than plain spaces."""
    import re
    import sys

    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(space.match(char)) == char.isspace(), hex(code)
        if char.isspace() and char != " ":
            assert not char.isprintable(), hex(code)


def test_no_special_case_contains_whitespace() -> None:
    """Chunks are tokenized on their own only because no special case spans whitespace."""
    rules = load_pipeline().tokenizer.rules
    assert rules and not [k for k in rules if any(c.isspace() for c in k)]


def test_chunks_tokenized_alone_or_together_agree() -> None:
    from lbcheck.nlp_chunks import ChunkTokenizer

    texts = ["(z.B. Nr. 3.2.) ca.,100 %;", "\n\n  Blauer  Engel\t!?", " a", "a ", "  ", ""]
    cold = [ChunkTokenizer(load_pipeline()).chunks(t) for t in texts]
    together = ChunkTokenizer(load_pipeline())
    assert [together.chunks(t) for t in texts] == cold
    assert [together.chunks(t) for t in texts] == cold  # now from the remembered chunks


def test_overlong_text_is_refused_as_before() -> None:
    nlp = load_pipeline()
    with pytest.raises(ValueError, match="E088"):
        next(split_sentences(["x " * (nlp.max_length // 2 + 1)]))
