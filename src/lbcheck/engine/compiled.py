"""Compile criteria entries once: phrases to lemma-view regexes, regexes to ``regex`` patterns."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from lbcheck.criteria.loader import Catalogue
from lbcheck.criteria.schema import Concept, CriteriaSet, Entry, Matcher, Pattern
from lbcheck.engine.literals import required_literals
from lbcheck.errors import CriteriaError
from lbcheck.models import BlockKind, Modality, Place, Severity
from lbcheck.nlp import split_sentences, token_key

#: Seconds one search of a ``regex`` pattern (user regexes, headings) may take. Criteria files
#: come from users: a pattern that backtracks badly and slipped past the load-time probe
#: (lbcheck.criteria.safety) stops here with a TimeoutError instead of stalling the run.
REGEX_TIMEOUT = 5.0

# Inflection endings tolerated after each phrase word (nouns and adjectives).
_ENDING = r"(?:e|s|es|en|n|er|ern|em|ns)?"


@dataclass(frozen=True, slots=True)
class CompiledMatcher:
    # Phrases compile to plain alternations: the stdlib ``re`` compiles and scans them about
    # three times faster than ``regex``. User regexes keep the ``regex`` module's syntax.
    lemma_rx: re.Pattern[str] | None
    text_rx: regex.Pattern[str] | None
    within: str
    window: int
    # Literals one of which every match contains (None: no prefilter possible).
    lemma_literals: tuple[str, ...] | None = None
    text_literals: tuple[str, ...] | None = None

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
        return bool(
            (self.lemma_rx is not None and self.lemma_rx.search(lemmas))
            or (self.text_rx is not None and self.text_rx.search(text, timeout=REGEX_TIMEOUT))
        )


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    matcher: CompiledMatcher
    near: tuple[tuple[CompiledMatcher, int], ...]
    headings: regex.Pattern[str] | None
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
) -> CompiledMatcher:
    lemma_rx = text_rx = None
    try:
        phrases, expressions = expand_concepts(m, concepts or {})
    except CriteriaError as exc:
        raise CriteriaError(f"{where}: {exc}") from exc
    try:
        if phrases:
            alternatives = sorted(
                {_phrase_regex(w) for w in _lemmatise_phrases(phrases, model)},
                key=len,
                reverse=True,
            )
            lemma_rx = re.compile(r"(?<= )(?:" + "|".join(alternatives) + r")(?= )")
        if expressions:
            text_rx = regex.compile(
                "|".join(f"(?:{r})" for r in expressions),
                regex.IGNORECASE | regex.UNICODE | regex.MULTILINE,
            )
    except (regex.error, re.error) as exc:
        raise CriteriaError(f"{where}: ungültiger regulärer Ausdruck ({exc})") from exc
    return CompiledMatcher(
        lemma_rx,
        text_rx,
        m.within,
        m.window,
        required_literals(lemma_rx.pattern) if lemma_rx is not None else None,
        required_literals(text_rx.pattern) if text_rx is not None else None,
    )


def _compile_pattern(
    p: Pattern, where: str, model: str | None, concepts: Mapping[str, Concept]
) -> CompiledPattern:
    try:
        headings = (
            regex.compile("|".join(f"(?:{h})" for h in p.headings), regex.IGNORECASE)
            if p.headings
            else None
        )
    except regex.error as exc:
        raise CriteriaError(f"{where}.headings: ungültiger regulärer Ausdruck ({exc})") from exc
    return CompiledPattern(
        matcher=compile_matcher(p, where, model, concepts),
        near=tuple(
            (compile_matcher(n, f"{where}.near", model, concepts), n.tokens) for n in p.near
        ),
        headings=headings,
        requires=tuple(
            compile_matcher(r, f"{where}.requires", model, concepts) for r in p.requires
        ),
        unless=tuple(compile_matcher(u, f"{where}.unless", model, concepts) for u in p.unless),
        modality=frozenset(p.modality),
        places=frozenset(p.places),
        kinds=frozenset(p.kinds),
        confidence=p.confidence,
        severity=p.severity,
    )


def compile_catalogue(catalogue: Catalogue, model: str | None = None) -> tuple[CompiledEntry, ...]:
    """Compile every enabled entry of the catalogue, in catalogue order."""
    from lbcheck.engine.heuristics import REGISTRY

    concepts = catalogue.concepts
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
                    _compile_pattern(p, f"{where}.patterns[{i}]", model, concepts)
                    for i, p in enumerate(e.patterns)
                ),
                unless=tuple(
                    compile_matcher(m, f"{where}.unless", model, concepts) for m in e.unless
                ),
                document_unless=tuple(
                    compile_matcher(m, f"{where}.document_unless", model, concepts)
                    for m in e.document_unless
                ),
            )
        )
    return tuple(compiled)
