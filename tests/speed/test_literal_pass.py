"""One Aho-Corasick pass finds the same sentences as a ``str.find`` loop per literal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lbcheck.engine.literals import LiteralIndex, sentences_by_literal
from lbcheck.engine.match import Context

_WORDS = st.text(alphabet="abcäß -", min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    sentences=st.lists(_WORDS, min_size=1, max_size=12),
    literals=st.sets(st.text(alphabet="abcäß -", min_size=3, max_size=5), min_size=1, max_size=8),
)
def test_one_pass_equals_per_literal_search(sentences: list[str], literals: set[str]) -> None:
    haystack = "\n".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    index = LiteralIndex()
    index.add(tuple(literals), None)
    index.freeze()
    found = sentences_by_literal(index.lemma_automaton, haystack, starts)
    ctx = Context([])
    for lit in literals:
        assert found.get(lit, set()) == ctx._sentences_with(haystack, starts, (lit,))


def test_literals_with_line_breaks_stay_on_the_per_literal_path() -> None:
    assert LiteralIndex.indexable(("abc", "def"))
    assert LiteralIndex.indexable(None)
    assert not LiteralIndex.indexable(("ab\nc",))


def test_empty_index_finds_nothing() -> None:
    index = LiteralIndex()
    index.freeze()
    assert sentences_by_literal(index.text_automaton, "irgendein text", [0]) == {}
