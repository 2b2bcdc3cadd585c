"""Builds and caches the German pipeline (with :mod:`lbcheck.nlp_chunks` the only spaCy user).

By default lbcheck uses the tokenizer of ``spacy.blank("de")`` and applies the rule of spaCy's
sentencizer and the lookup table of its lemmatiser (``spacy-lookups-data``) itself: nothing is
downloaded at run time. A trained pipeline is used only when the user names one
(``--spacy-model de_core_news_sm``) and has it installed; its own sentences and lemmas count.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from lbcheck.criteria.lexicon import lexicon
from lbcheck.errors import UsageError
from lbcheck.ingest.characters import fold

if TYPE_CHECKING:
    from lbcheck.nlp_chunks import Piece

_HYPHEN_IN_WORD = regex.compile(r"(?<=\w)[-‐‑](?=\w)")
# Abbreviations after which a trailing period does not end a sentence (the German lexicon).
_ABBREVIATIONS = frozenset(lexicon().abbreviations)
_ENDS_WITH_DAY = regex.compile(r"(?:^|\s)\d{1,2}\.$")


class Token(NamedTuple):
    """One token of a block: its text, lemma, offset and lemma-view form (:func:`token_key`)."""

    text: str
    lemma: str
    idx: int
    key: str


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence of one block: character span in the block text and its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]


@lru_cache(maxsize=1 << 16)  # called for every token; a document repeats most of its words
def lemma_key(word: str) -> str:
    """The form a lemma takes in the lemma view: lower case, no hyphens inside words."""
    return _HYPHEN_IN_WORD.sub("", word.lower())


def _no_info(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("spacy.info is not available inside lbcheck; run `python -m spacy info`")


def import_spacy() -> Any:
    """``import spacy`` without running ``spacy.cli``'s package init on the way.

    spaCy's package init imports ``spacy.cli.info`` for ``spacy.info``, which loads every
    command-line command (typer apps, ``requests``, the model downloader): about a third of the
    import time, and lbcheck uses none of it. While spaCy is imported, placeholders stand in for
    ``spacy.cli`` and ``spacy.cli.info``; they are removed afterwards, so an explicit
    ``import spacy.cli`` later still gets the real package.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [f"{next(iter(spec.submodule_search_locations))}/cli"]
    info = types.ModuleType("spacy.cli.info")
    info.info = _no_info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    for name, stub in stubs.items():
        sys.modules.setdefault(name, stub)
    try:
        import spacy
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
    return spacy


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Any:
    """Build (once per process) the German pipeline.

    The default pipeline is the German tokenizer alone: sentence starts and lemmas are found
    by :func:`split_sentences` itself, with the rule of spaCy's sentencizer and the lookup
    table of spaCy's lookup lemmatiser. The tokenizer's special cases for whitespace strings
    are dropped: they put spaCy on a slow path for newline-heavy extractor text (4-9x slower)
    and change no token.
    """
    spacy = import_spacy()
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "parser"])
        except OSError as exc:
            raise UsageError(
                f"Das spaCy-Modell {model!r} ist nicht installiert. Bitte mit pip installieren "
                "oder ohne --spacy-model arbeiten."
            ) from exc
        # Trained German pipelines ship a disabled "senter"; the parser is excluded for speed.
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
    else:
        from spacy.attrs import IS_PUNCT, IS_SPACE

        nlp = spacy.blank("de")
        # New words get only the two flags split_sentences reads: the other twenty lexical
        # attributes (shape, norm, like_url, ...) cost a third of the tokenizer's time.
        getters = nlp.vocab.lex_attr_getters
        nlp.vocab.lex_attr_getters = {a: getters[a] for a in (IS_SPACE, IS_PUNCT)}
    tokenizer: Any = nlp.tokenizer
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if not k.isspace()}
    return nlp


def _should_merge(previous: SentenceSpan, text: str, start: int) -> bool:
    """Rejoin sentences that the sentencizer split after an abbreviation or a fragment.

    Specifications are full of abbreviations ("Fabr.:", "gew.", "Max.", "Nr."), enumerations
    ("3.2.") and dates ("am 31. Januar"); a period there does not end the sentence.
    """
    words = [t for t in previous.tokens if any(ch.isalnum() for ch in t.text)]
    tokens = previous.tokens
    last = tokens[-1].text.lower().rsplit("-", 1)[-1] if tokens else ""
    if last == "." and len(tokens) > 1:
        # The tokenizer may cut the period off ("Ziff" "."): judge the word before it.
        last = tokens[-2].text.lower().rsplit("-", 1)[-1] + "."
    if len(words) <= 2:
        return True
    if last.rstrip(".") in _ABBREVIATIONS or last in _ABBREVIATIONS:
        return True
    following = text[start : start + 1]
    if following.islower():
        return True
    stripped = text[previous.start : previous.end].rstrip()
    return bool(_ENDS_WITH_DAY.search(stripped))


# spaCy's tokenizer strips prefixes and suffixes one at a time, copying the rest of the chunk
# each time: a long run of "(" or "[" without spaces is quadratic (100 KB take minutes).
_PUNCT_RUN = regex.compile(r"[^\w\s]{17,}")
_LONG_WORD = regex.compile(r"\S{1001,}")
_LEADERS = ".-"


def _spaced(match: regex.Match[str]) -> str:
    run = match.group()
    if not run.strip(_LEADERS):
        return run  # dot leaders and rules ("......", "-----") are cheap and stay one token
    return "".join(c if i % 2 == 0 else " " for i, c in enumerate(run))


def _chunked(match: regex.Match[str]) -> str:
    run = match.group()
    return "".join(c if i % 1000 != 999 else " " for i, c in enumerate(run))


def tokenizer_view(text: str) -> str:
    """The text spaCy sees: same length as ``text``, so every offset stays valid.

    Look-alike and wide letters are folded to Latin (:func:`fold`); runs of brackets, quotes
    and other affix characters get a space between every second character (dot leaders stay)
    and space-free chunks one every 1000 characters,
    which keeps the tokenizer linear. Sentence texts are cut from the original, so excerpts
    show what the document says.
    """
    text = fold(text)
    text = _PUNCT_RUN.sub(_spaced, text)
    return _LONG_WORD.sub(_chunked, text)


def _close(spans: list[SentenceSpan], tokens: list[Token], start: int, end: int, text: str) -> None:
    """Append the sentence ``text[start:end]``, or join it to the one before it."""
    if not tokens:
        return
    if spans and _should_merge(spans[-1], text, start):
        prev = spans[-1]
        spans[-1] = SentenceSpan(prev.start, end, prev.tokens + tuple(tokens))
    else:
        spans.append(SentenceSpan(start, end, tuple(tokens)))


def _default_sentences(
    text: str, chunks: tuple[list[int], list[tuple[Piece, ...]]]
) -> list[SentenceSpan]:
    """Sentences by the rule of spaCy's sentencizer: a sentence ends after a run of
    punctuation tokens that contains a sentence-final character. Lemmas as spaCy's lookup
    lemmatiser would have set them."""
    spans: list[SentenceSpan] = []
    tokens: list[Token] = []
    start = end = 0
    seen_final = False
    for offset, pieces in zip(*chunks, strict=True):
        for rel, word, space, punct, final, lemma, key in pieces:
            idx = offset + rel
            if seen_final and not punct and not final:
                _close(spans, tokens, start, end, text)
                tokens = []
                start = idx
                seen_final = False
            elif final:
                seen_final = True
            end = idx + len(word)
            if not space:
                tokens.append(Token(word, lemma, idx, key))
    _close(spans, tokens, start, end, text)
    return spans


def _model_sentences(doc: Any, text: str) -> list[SentenceSpan]:
    """Sentences of a trained pipeline's Doc: its own sentence starts and lemmas."""
    spans: list[SentenceSpan] = []
    tokens: list[Token] = []
    start = end = 0
    for t in doc:
        if t.i > 0 and t.is_sent_start is True:
            _close(spans, tokens, start, end, text)
            tokens = []
            start = t.idx
        word = t.text
        end = t.idx + len(word)
        if not t.is_space:
            lemma = t.lemma_ or word
            tokens.append(Token(word, lemma, t.idx, key_of(word, lemma)))
    _close(spans, tokens, start, end, text)
    return spans


def split_sentences(texts: Iterable[str], model: str | None = None) -> Iterator[list[SentenceSpan]]:
    """Yield, for each text, its sentences with tokens and lemmas (of :func:`tokenizer_view`)."""
    nlp = load_pipeline(model)
    views = [tokenizer_view(t) for t in texts]
    if model:
        for view, doc in zip(views, nlp.pipe(views, batch_size=64), strict=True):
            yield _model_sentences(doc, view)
        return
    from lbcheck.nlp_chunks import chunk_tokenizer

    tokenizer = chunk_tokenizer(nlp)
    for view in views:
        yield _default_sentences(view, tokenizer.chunks(view))


def split_clauses(span: SentenceSpan) -> list[SentenceSpan]:
    """Split at semicolons: in specifications each clause is its own requirement, with its own
    wording ("…ist zu beschränken; Recyclingkarton wird bevorzugt")."""
    parts: list[SentenceSpan] = []
    current: list[Token] = []
    for token in span.tokens:
        current.append(token)
        if token.text == ";" and sum(1 for t in current if t.text[:1].isalnum()) >= 3:
            parts.append(_span_of(current))
            current = []
    if current:
        if parts and sum(1 for t in current if t.text[:1].isalnum()) < 3:
            merged = list(parts.pop().tokens) + current
            parts.append(_span_of(merged))
        else:
            parts.append(_span_of(current))
    return parts


def _span_of(tokens: list[Token]) -> SentenceSpan:
    last = tokens[-1]
    return SentenceSpan(tokens[0].idx, last.idx + len(last.text), tuple(tokens))


def lemma_view(tokens: Iterable[Token]) -> str:
    """The lemma view of a token sequence: ``" recyclingpapier aus 100 % altpapier "``.

    Padded with spaces so that phrase patterns can anchor on word boundaries cheaply.
    """
    return " " + " ".join([t.key for t in tokens]) + " "


def token_key(token: Token) -> str:
    """The lemma-view form of one token."""
    return token.key


def key_of(text: str, lemma: str) -> str:
    """The lemma-view form of a token with this text and lemma."""
    # The lookup table maps a few frequent function words oddly ("sein" -> "mein"); for
    # lower-case tokens the surface form is the safer choice when the lemma changes the stem.
    if text.islower() and lemma[:2].lower() != text[:2]:
        return lemma_key(text)
    return lemma_key(lemma)
