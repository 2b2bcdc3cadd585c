"""Compile criteria entries once: phrases to lemma-view regexes, regexes to ``regex`` patterns.

Lemmatising the phrases and analysing the patterns' literals is the costly part; its result is
kept on disk per catalogue content (:mod:`lbcheck.engine.compiled_cache`). Patterns then compile
when a document first needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from lbcheck.criteria.loader import Catalogue
from lbcheck.criteria.schema import Concept, CriteriaSet, Entry, Matcher, Pattern
from lbcheck.engine.literals import LiteralIndex, required_literals
from lbcheck.errors import CriteriaError
from lbcheck.models import BlockKind, Modality, Place, Severity
from lbcheck.nlp import load_pipeline, split_sentences, token_key

#: Seconds one search of a ``regex`` pattern (user regexes, headings) may take. Criteria files
#: come from users: a pattern that backtracks badly and slipped past the load-time probe
#: (lbcheck.criteria.safety) stops here with a TimeoutError instead of stalling the run.
REGEX_TIMEOUT = 5.0

# Inflection endings tolerated after each phrase word (nouns and adjectives).
_ENDING = r"(?:e|s|es|en|n|er|ern|em|ns)?"
_TEXT_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.MULTILINE
_HEADING_FLAGS = regex.IGNORECASE


class LazyPattern:
    """A regular expression compiled when a document first needs it.

    Phrases compile with the stdlib ``re`` (about three times faster than ``regex`` for plain
    alternations); user regexes keep the ``regex`` module's syntax.
    """

    __slots__ = ("_compiled", "flags", "pattern", "uses_regex")

    def __init__(self, pattern: str, flags: int = 0, uses_regex: bool = False) -> None:
        self.pattern = pattern
        self.flags = flags
        self.uses_regex = uses_regex
        self._compiled: Any = None

    def compiled(self) -> Any:
        if self._compiled is None:
            module: Any = regex if self.uses_regex else re
            self._compiled = module.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, timeout: float | None = None) -> Any:
        # Only user regexes can backtrack badly; phrase alternations (stdlib re) cannot.
        if self.uses_regex and timeout is not None:
            return self.compiled().search(text, timeout=timeout)
        return self.compiled().search(text)

    def finditer(self, text: str, timeout: float | None = None) -> Iterator[Any]:
        if self.uses_regex and timeout is not None:
            return iter(self.compiled().finditer(text, timeout=timeout))
        return iter(self.compiled().finditer(text))


@dataclass(frozen=True, slots=True)
class CompiledMatcher:
    lemma_rx: LazyPattern | None
    text_rx: LazyPattern | None
    within: str
    window: int
    # Literals one of which every match contains (None: no prefilter possible).
    lemma_literals: tuple[str, ...] | None = None
    text_literals: tuple[str, ...] | None = None
    # The text regexes without literals, when others have them: scanned over the whole document
    # while the others are prefiltered (``text_literals`` are then the others' literals).
    text_free_rx: LazyPattern | None = None
    # The catalogue's one-pass literal search, when the literals above are all in it.
    literal_index: LiteralIndex | None = field(default=None, compare=False, repr=False)

    def word_positions(self, text: str, lemmas: str) -> list[int]:
        """Word indices (whitespace-separated, in the view that matched) of every hit."""
        positions: list[int] = []
        if self.lemma_rx is not None:
            positions += [
                lemmas.count(" ", 0, h.start()) - 1 for h in self.lemma_rx.finditer(lemmas)
            ]
        if self.text_rx is not None:
            positions += [
                len(text[: h.start()].split())
                for h in self.text_rx.finditer(text, timeout=REGEX_TIMEOUT)
            ]
        return positions

    def search(self, text: str, lemmas: str) -> bool:
        # Every match contains one of the literals: without one, neither compile nor search.
        return bool(
            (
                self.lemma_rx is not None
                and _may_match(self.lemma_literals, lemmas)
                and self.lemma_rx.search(lemmas)
            )
            or (
                self.text_rx is not None
                and (self.text_free_rx is not None or _may_match_text(self.text_literals, text))
                and self.text_rx.search(text, timeout=REGEX_TIMEOUT)
            )
        )


def _may_match(literals: tuple[str, ...] | None, haystack: str) -> bool:
    return literals is None or any(lit in haystack for lit in literals)


def _may_match_text(literals: tuple[str, ...] | None, text: str) -> bool:
    """The literal test on lower-cased text, as the document prefilter does it (and only where
    lower-casing keeps every offset, like there)."""
    if literals is None:
        return True
    lowered = text.lower()
    return len(lowered) != len(text) or any(lit in lowered for lit in literals)


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    matcher: CompiledMatcher
    near: tuple[tuple[CompiledMatcher, int], ...]
    headings: LazyPattern | None
    requires: tuple[CompiledMatcher, ...]
    unless: tuple[CompiledMatcher, ...]
    modality: frozenset[Modality]
    places: frozenset[Place]
    kinds: frozenset[BlockKind]
    confidence: float
    severity: Severity | None


@dataclass(frozen=True, slots=True)
class CompiledEntry:
    entry: Entry
    set: CriteriaSet
    patterns: tuple[CompiledPattern, ...]
    unless: tuple[CompiledMatcher, ...]
    document_unless: tuple[CompiledMatcher, ...]


def _phrase_regex(words: Sequence[str]) -> str:
    parts = []
    for word in words:
        prefix = r"\S*" if word.startswith("*") else ""
        suffix = r"\S*" if word.endswith("*") else _ENDING
        core = re.escape(word.strip("*"))
        parts.append(prefix + core + suffix)
    return " ".join(parts)


def _lemmatise_phrases(phrases: Sequence[str], model: str | None) -> list[list[str]]:
    """Lemmatise phrases with the document pipeline, keeping ``*`` markers on their words."""
    stripped = [p.replace("*", " ").strip() for p in phrases]
    result: list[list[str]] = []
    for phrase, spans in zip(phrases, split_sentences(stripped, model), strict=True):
        tokens = [t for span in spans for t in span.tokens]
        words = [token_key(t) for t in tokens]
        if not words:
            continue
        if phrase.lstrip().startswith("*"):
            words[0] = "*" + words[0]
        if phrase.rstrip().endswith("*"):
            words[-1] = words[-1] + "*"
        result.append(words)
    return result


def expand_concepts(
    m: Matcher, concepts: Mapping[str, Concept]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The matcher's phrases and expressions with those of its concepts (transitively)."""
    phrases, expressions = list(m.phrases), list(m.regex)
    todo, seen = list(m.concepts), set[str]()
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        concept = concepts.get(name)
        if concept is None:
            raise CriteriaError(f"unbekannter Begriff '{name}'")
        phrases += concept.phrases
        expressions += concept.regex
        todo += concept.concepts
    return tuple(dict.fromkeys(phrases)), tuple(dict.fromkeys(expressions))


def compile_matcher(
    m: Matcher,
    where: str,
    model: str | None = None,
    concepts: Mapping[str, Concept] | None = None,
    *,
    index: LiteralIndex | None = None,
    memo: dict[str, list[Any]] | None = None,
) -> CompiledMatcher:
    """Compile one matcher; ``memo`` holds (and receives) the costly parts by matcher content."""
    try:
        phrases, expressions = expand_concepts(m, concepts or {})
    except CriteriaError as exc:
        raise CriteriaError(f"{where}: {exc}") from exc
    key = "\x1f".join(phrases) + "\x1e" + "\x1f".join(expressions)
    parts = memo.get(key) if memo is not None else None
    if parts is None:
        parts = _compile_parts(phrases, expressions, where, model)
        if memo is not None:
            memo[key] = parts
    lemma_pattern, text_pattern, lemma_lits, text_lits, free_pattern = parts
    lemma_literals = tuple(lemma_lits) if lemma_lits is not None else None
    text_literals = tuple(text_lits) if text_lits is not None else None
    lemma_rx = LazyPattern(lemma_pattern) if lemma_pattern is not None else None
    text_rx = LazyPattern(text_pattern, _TEXT_FLAGS, True) if text_pattern is not None else None
    free_rx = LazyPattern(free_pattern, _TEXT_FLAGS, True) if free_pattern is not None else None
    if index is not None and all(
        LiteralIndex.indexable(lits)
        for rx, lits in ((lemma_rx, lemma_literals), (text_rx, text_literals))
        if rx is not None
    ):
        index.add(lemma_literals, text_literals)
    else:
        index = None
    return CompiledMatcher(
        lemma_rx,
        text_rx,
        m.within,
        m.window,
        lemma_literals,
        text_literals,
        literal_index=index,
        text_free_rx=free_rx,
    )


def _compile_parts(
    phrases: Sequence[str], expressions: Sequence[str], where: str, model: str | None
) -> list[Any]:
    """Pattern texts and prefilter literals of a matcher; every pattern compiled once to check
    it (a catalogue found in the cache was checked when it was stored)."""
    lemma_pattern = text_pattern = None
    try:
        if phrases:
            alternatives = sorted(
                {_phrase_regex(w) for w in _lemmatise_phrases(phrases, model)},
                key=len,
                reverse=True,
            )
            lemma_pattern = r"(?<= )(?:" + "|".join(alternatives) + r")(?= )"
            re.compile(lemma_pattern)
        if expressions:
            text_pattern = "|".join(f"(?:{r})" for r in expressions)
            regex.compile(text_pattern, _TEXT_FLAGS)
    except (regex.error, re.error) as exc:
        raise CriteriaError(f"{where}: ungültiger regulärer Ausdruck ({exc})") from exc
    text_literals = _literals(text_pattern)
    free_pattern = None
    if text_literals is None and len(expressions) > 1:
        # Prefilter the expressions that have literals; scan only the others over the document.
        found = [(r, required_literals(f"(?:{r})")) for r in expressions]
        free = [r for r, lits in found if lits is None]
        if len(free) < len(expressions):
            free_pattern = "|".join(f"(?:{r})" for r in free)
            text_literals = sorted({lit for _r, lits in found for lit in lits or ()})
    return [lemma_pattern, text_pattern, _literals(lemma_pattern), text_literals, free_pattern]


def _literals(pattern: str | None) -> list[str] | None:
    found = required_literals(pattern) if pattern is not None else None
    return list(found) if found is not None else None


def _compile_pattern(
    p: Pattern,
    where: str,
    model: str | None,
    concepts: Mapping[str, Concept],
    *,
    index: LiteralIndex | None,
    memo: dict[str, list[Any]] | None,
    checked: bool,
) -> CompiledPattern:
    headings = None
    if p.headings:
        headings = LazyPattern("|".join(f"(?:{h})" for h in p.headings), _HEADING_FLAGS, True)
        if not checked:
            try:
                headings.compiled()
            except regex.error as exc:
                raise CriteriaError(
                    f"{where}.headings: ungültiger regulärer Ausdruck ({exc})"
                ) from exc

    def matcher(m: Matcher, at: str) -> CompiledMatcher:
        return compile_matcher(m, at, model, concepts, index=index, memo=memo)

    return CompiledPattern(
        matcher=matcher(p, where),
        near=tuple((matcher(n, f"{where}.near"), n.tokens) for n in p.near),
        headings=headings,
        requires=tuple(matcher(r, f"{where}.requires") for r in p.requires),
        unless=tuple(matcher(u, f"{where}.unless") for u in p.unless),
        modality=frozenset(p.modality),
        places=frozenset(p.places),
        kinds=frozenset(p.kinds),
        confidence=p.confidence,
        severity=p.severity,
    )


def compile_catalogue(catalogue: Catalogue, model: str | None = None) -> tuple[CompiledEntry, ...]:
    """Compile every enabled entry of the catalogue, in catalogue order."""
    from lbcheck.engine import compiled_cache
    from lbcheck.engine.heuristics import REGISTRY

    concepts = catalogue.concepts
    # Only the default pipeline's lemmas are cached: a named spaCy model may change any time.
    cache_key = compiled_cache.catalogue_key(catalogue) if model is None else None
    stored = compiled_cache.load(cache_key) if cache_key is not None else None
    memo: dict[str, list[Any]] = dict(stored) if stored is not None else {}
    index = LiteralIndex()
    compiled = []
    for s, e in catalogue.entries():
        if not e.enabled:
            continue
        where = f"{s.set}/{e.code}"
        if e.heuristic is not None and e.heuristic not in REGISTRY:
            raise CriteriaError(
                f"Set {s.set}: Eintrag {e.code}, Schlüssel 'heuristic': unbekannte Heuristik "
                f"'{e.heuristic}'. Bekannt sind: {', '.join(sorted(REGISTRY))}"
            )
        compiled.append(
            CompiledEntry(
                entry=e,
                set=s,
                patterns=tuple(
                    _compile_pattern(
                        p,
                        f"{where}.patterns[{i}]",
                        model,
                        concepts,
                        index=index,
                        memo=memo,
                        checked=stored is not None,
                    )
                    for i, p in enumerate(e.patterns)
                ),
                unless=tuple(
                    compile_matcher(m, f"{where}.unless", model, concepts, index=index, memo=memo)
                    for m in e.unless
                ),
                document_unless=tuple(
                    compile_matcher(
                        m, f"{where}.document_unless", model, concepts, index=index, memo=memo
                    )
                    for m in e.document_unless
                ),
            )
        )
    index.freeze()
    if cache_key is not None and (stored is None or len(memo) != len(stored)):
        compiled_cache.store(cache_key, memo)
    # Without the cache the pipeline was needed for the phrases; with it, load it here all the
    # same: every check needs it, forked workers then inherit it, and a first document's time
    # is its own.
    load_pipeline(model)
    return tuple(compiled)
