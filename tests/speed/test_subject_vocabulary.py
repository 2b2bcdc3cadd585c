"""One Aho-Corasick pass counts subject vocabulary exactly as ``str.count`` per word did."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lbcheck.criteria.subjects import subject_table
from lbcheck.engine import subject
from lbcheck.engine.subject import VocabularyCounter, VocabularyScores, vocabulary_scores
from lbcheck.models import Sentence
from tests.conftest import corpus_or_skip

# A small alphabet with spaces makes prefixes, repeats and self-overlapping words common.
_WORD = st.text(alphabet="ab ä", max_size=4)
_TEXT = st.text(alphabet="ab ä\n", max_size=40)


def _per_word(vocabularies: Sequence[Sequence[str]], text: str) -> list[int]:
    return [sum(text.count(" " + w) for w in vocabulary) for vocabulary in vocabularies]


@settings(max_examples=500, deadline=None)
@given(vocabularies=st.lists(st.lists(_WORD, max_size=6), max_size=4), text=_TEXT)
@example(vocabularies=[["drucker "]], text=" drucker drucker drucker ")
@example(vocabularies=[["a a", "a"], ["a", "a"]], text=" a a a a")
@example(vocabularies=[[""]], text="  a  ")
def test_counts_equal_str_count(vocabularies: list[list[str]], text: str) -> None:
    assert VocabularyCounter(vocabularies).counts(text) == _per_word(vocabularies, text)


def test_overlapping_occurrences_of_one_word_count_once() -> None:
    counter = VocabularyCounter([["drucker "], ["druck"]])
    assert counter.counts(" drucker drucker ") == [1, 2]


def _scores_per_word(sentences: Sequence[Sentence], title: str) -> VocabularyScores:
    """The former computation: ``str.count`` per subject, view and word."""
    scores = Counter[str]()
    anchored: set[str] = set()
    views = [(s.lemmas, subject._weight(s)) for s in sentences]
    views.append((" " + title.lower().replace("_", " ").replace("-", " ") + " ", 3))
    subjects = subject_table().subjects
    for sub in subjects:
        for lemmas, weight in views:
            hits = sum(lemmas.count(" " + w) for w in sub.vocabulary)
            if hits:
                scores[sub.name] += hits * weight
                if weight > 1:
                    anchored.add(sub.name)
    on_object = any(
        weight == 5 and any(" " + w in lemmas for sub in subjects for w in sub.vocabulary)
        for lemmas, weight in views
    )
    return VocabularyScores(scores, frozenset(anchored), on_object)


def _corpus_files() -> list[Path]:
    files: list[Path] = []
    for sub in ("synthetic", "real"):
        folder = corpus_or_skip(sub)
        files += sorted(p for p in folder.iterdir() if p.suffix in {".pdf", ".docx", ".md", ".txt"})
    return files


def test_scores_equal_on_corpus() -> None:
    from lbcheck.engine.segments import segment
    from lbcheck.errors import IngestError
    from lbcheck.ingest import read_document

    files = _corpus_files()
    assert files
    for path in files:
        try:
            document = read_document(path)
        except IngestError:  # encrypted or broken on purpose
            continue
        sentences = segment(document)
        new = vocabulary_scores(sentences, path.stem)
        old = _scores_per_word(sentences, path.stem)
        assert new == old, path.name
        # Ties in most_common() are broken by insertion order: keep it too.
        assert list(new.scores) == list(old.scores), path.name
