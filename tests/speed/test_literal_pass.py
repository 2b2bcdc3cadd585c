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


def test_regexes_without_literals_are_scanned_while_the_others_are_prefiltered() -> None:
    """A matcher whose regexes only partly have literals: those are prefiltered per sentence,
    the rest scanned over the document; a sentence either kind matches is found."""
    from lbcheck.app.examples import example_document
    from lbcheck.criteria.schema import Matcher
    from lbcheck.engine.compiled import compile_matcher
    from lbcheck.engine.segments import segment

    matcher = compile_matcher(
        Matcher(regex=(r"Rezyklat\w*", r"\bRC[-\s]{0,2}0\s?/\s?\d{1,2}\b")), "test"
    )
    assert matcher.text_literals == ("rezyklat",)
    assert matcher.text_free_rx is not None
    text = (
        "Der Auftragnehmer liefert Schotter RC 0/32.\n\n"
        "Das Gehäuse besteht aus Rezyklaten.\n\n"
        "Die Fenster sind zu reinigen."
    )
    sentences = segment(example_document(text))
    found = Context(sentences).candidates(matcher)
    assert [sentences[i].text for i in sorted(found)] == [
        "Der Auftragnehmer liefert Schotter RC 0/32.",
        "Das Gehäuse besteht aus Rezyklaten.",
    ]
    assert [matcher.search(s.text, s.lemmas) for s in sentences] == [True, True, False]
