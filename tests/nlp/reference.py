"""lbcheck's sentence splitting as it was before the fast path: spaCy's sentencizer and lookup
lemmatiser components, ``doc.sents`` and per-token attributes. Kept as the reference the fast
path must equal token for token."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

# The merge rule is unchanged and shared; the reference differs in tokens, sentence starts, lemmas.
from lbcheck.nlp import SentenceSpan, _should_merge, import_spacy, tokenizer_view
from lbcheck.nlp_lemmas import german_lemmas

Reference = list[tuple[int, int, tuple[tuple[str, str, int], ...]]]


@lru_cache(maxsize=1)
def reference_pipeline() -> Any:
    spacy = import_spacy()
    from spacy.lookups import Lookups

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    lemmatizer: Any = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    table: Any = german_lemmas()
    lookups.set_table("lemma_lookup", table)
    lemmatizer.lookups = lookups
    tokenizer: Any = nlp.tokenizer
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if not k.isspace()}
    return nlp


class _OldToken:
    __slots__ = ("idx", "lemma", "text")

    def __init__(self, text: str, lemma: str, idx: int) -> None:
        self.text, self.lemma, self.idx = text, lemma, idx


def reference_sentences(texts: Iterable[str], nlp: Any = None) -> Iterator[Reference]:
    """The old ``split_sentences``, as plain tuples (start, end, ((text, lemma, idx), ...))."""
    nlp = nlp if nlp is not None else reference_pipeline()
    for doc in nlp.pipe((tokenizer_view(t) for t in texts), batch_size=64):
        spans: list[Any] = []
        for sent in doc.sents:
            tokens = tuple(
                _OldToken(t.text, t.lemma_ or t.text, t.idx) for t in sent if not t.is_space
            )
            if not tokens:
                continue
            span: Any = SentenceSpan(sent.start_char, sent.end_char, tokens)
            if spans and _should_merge(spans[-1], doc.text, span.start):
                prev = spans[-1]
                span = SentenceSpan(prev.start, span.end, prev.tokens + span.tokens)
                spans[-1] = span
            else:
                spans.append(span)
        yield [(s.start, s.end, tuple((t.text, t.lemma, t.idx) for t in s.tokens)) for s in spans]


def plain(spans: Iterable[SentenceSpan]) -> Reference:
    """New spans in the reference's plain form."""
    return [(s.start, s.end, tuple((t.text, t.lemma, t.idx) for t in s.tokens)) for s in spans]
