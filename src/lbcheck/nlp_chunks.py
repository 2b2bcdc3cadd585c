"""spaCy's German tokenizer, remembered chunk by chunk, with lemmas and sentencizer flags.

spaCy tokenizes each whitespace-separated chunk of a text on its own (no special case contains
whitespace), and keeps a cache of chunks, but that cache stops filling for the rest of a text
once a special case such as "z.B." occurred in it, and even a cache hit still builds a Doc
token by token. Here every distinct chunk is tokenized once per process (the new chunks of a
text together, one space apart) and stored with what :func:`lbcheck.nlp.split_sentences`
needs of each token: offset, text, spaCy's is_space and is_punct flags, whether the
sentencizer ends sentences at it, and its lemma as spaCy's lookup lemmatiser found it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lbcheck.nlp import key_of

# (lemma, lemma-view key) of each form met in this process; bounded for endless runs.
_FORMS: dict[str, tuple[str, str]] = {}
_FORMS_LIMIT = 500_000


def _form(text: str) -> tuple[str, str]:
    """Lemma and key of a form, as spaCy's lookup lemmatiser looked it up: by the exact text,
    the text itself when the table does not have it."""
    from lbcheck.nlp_lemmas import german_lemmas

    lemma = german_lemmas().lemma_of(text) or text
    form = (lemma, key_of(text, lemma))
    if len(_FORMS) >= _FORMS_LIMIT:
        _FORMS.clear()
    _FORMS[text] = form
    return form


# A token of a chunk: offset in the chunk, text, is_space, is_punct, sentence-final, lemma, key.
Piece = tuple[int, str, bool, bool, bool, str, str]
# Python's ``re`` (not ``regex``): its \s is exactly str.isspace(), which spaCy splits at.
_NON_SPACE = re.compile(r"\S+")
# About 0.9 KB a chunk with its forms; a 500-page document has fewer distinct chunks.
_CHUNKS_LIMIT = 100_000


class ChunkTokenizer:
    """The tokenizer of one pipeline with its chunks remembered (bounded for endless runs)."""

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH
        from spacy.pipeline import Sentencizer

        self._nlp = nlp
        self._attrs = [IDX, LENGTH, IS_SPACE, IS_PUNCT]
        self._finals = frozenset(Sentencizer.default_punct_chars)
        self._known: dict[str, tuple[Piece, ...]] = {}

    def chunks(self, text: str) -> tuple[list[int], list[tuple[Piece, ...]]]:
        """The chunks of ``text`` as spaCy's tokenizer cuts them: runs of non-space characters
        and runs of whitespace, where a whitespace run after a word loses its first character
        if that is a plain space. Their start offsets and their tokens."""
        if len(text) > self._nlp.max_length:
            self._nlp.make_doc(text)  # spaCy's error for overlong texts
        known = self._known
        if len(known) >= _CHUNKS_LIMIT:
            known.clear()
        cut = text.split(" ")
        starts: list[int] = []
        # The common case: words one plain space apart, no other whitespace (isprintable()
        # is False for every other whitespace character).
        if text.isprintable() and "" not in cut:
            pos = 0
            for chunk in cut:
                starts.append(pos)
                pos += len(chunk) + 1
        else:
            cut = []
            pos = 0
            for match in _NON_SPACE.finditer(text):
                start = match.start()
                if start > pos:
                    gap = pos + 1 if pos and text[pos] == " " else pos
                    if gap < start:
                        starts.append(gap)
                        cut.append(text[gap:start])
                starts.append(start)
                cut.append(match.group())
                pos = match.end()
            if pos < len(text):
                gap = pos + 1 if pos and text[pos] == " " else pos
                if gap < len(text):
                    starts.append(gap)
                    cut.append(text[gap:])
        missing = set(cut).difference(known)
        if missing:
            self._learn(missing)
        return starts, [known[chunk] for chunk in cut]

    def _learn(self, chunks: set[str]) -> None:
        words = sorted(c for c in chunks if not c[0].isspace())
        # Words tokenized together, one space apart: each is still a chunk of its own.
        groups = [(" ".join(words), words)] if words else []
        groups += [(c, [c]) for c in chunks if c[0].isspace()]
        from lbcheck.nlp_lemmas import german_lemmas

        for text, members in groups:
            rows = self._nlp.tokenizer(text).to_array(self._attrs).tolist()
            german_lemmas().prefetch(
                text[idx : idx + length]
                for idx, length, space, _ in rows
                if not space and text[idx : idx + length] not in _FORMS
            )
            i = 0
            start = 0
            for chunk in members:
                end = start + len(chunk)
                pieces: list[Piece] = []
                while i < len(rows) and rows[i][0] < end:
                    idx, length, space, punct = rows[i]
                    word = text[idx : idx + length]
                    lemma, key = ("", "") if space else (_FORMS.get(word) or _form(word))
                    pieces.append(
                        (
                            idx - start,
                            word,
                            bool(space),
                            bool(punct),
                            word in self._finals,
                            lemma,
                            key,
                        )
                    )
                    i += 1
                self._known[chunk] = tuple(pieces)
                start = end + 1


@lru_cache(maxsize=1)
def chunk_tokenizer(nlp: Any) -> ChunkTokenizer:
    return ChunkTokenizer(nlp)


def forget_chunks() -> None:
    """Drop every remembered chunk and word form (see :mod:`lbcheck.learnt`)."""
    _FORMS.clear()
    chunk_tokenizer.cache_clear()  # the next call starts a tokenizer with no chunks
