"""Find the sentences where an entry's patterns hold, with their requires/unless context."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from lbcheck.engine.compiled import (
    REGEX_TIMEOUT,
    CompiledEntry,
    CompiledMatcher,
    CompiledPattern,
)
from lbcheck.engine.literals import LiteralIndex, sentences_by_literal
from lbcheck.models import BlockKind, Modality, Sentence, Severity


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence where a pattern of an entry holds."""

    sentence: Sentence
    confidence: float
    # The most a finding from this match may be (None: the entry's own severity).
    severity: Severity | None = None


@dataclass
class Context:
    """The sentences of one document with the joined views that matchers scan.

    Joining all sentences into one string lets each entry's main pattern run once per document
    instead of once per sentence; offsets map back to sentences with ``bisect``.
    """

    sentences: Sequence[Sentence]
    _starts: list[int] = field(default_factory=list)
    _lemmas: str = ""
    _text_starts: list[int] = field(default_factory=list)
    _text: str = ""
    _text_lower: str | None = None
    _title: str = ""
    _groups: dict[tuple[str, object], list[int]] = field(default_factory=dict)
    _cache: dict[tuple[int, str, object], bool] = field(default_factory=dict)
    # Per literal index: sentences each literal occurs in (lemma view, lower-cased text view).
    _literal_hits: dict[int, tuple[dict[str, set[int]], dict[str, set[int]]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        parts: list[str] = []
        texts: list[str] = []
        pos = tpos = 0
        groups: dict[tuple[str, object], list[int]] = defaultdict(list)
        for s in self.sentences:
            self._starts.append(pos)
            parts.append(s.lemmas)
            pos += len(s.lemmas) + 1
            self._text_starts.append(tpos)
            texts.append(s.view)
            tpos += len(s.view) + 1
            groups[("block", s.block_index)].append(s.index)
            groups[("section", s.location.section)].append(s.index)
        # The document title (its first heading, if it opens the document, or the running page
        # header that carries it) heads every section.
        self._title = " / ".join(
            s.view for s in self.sentences[:8] if s.kind in (BlockKind.HEADING, BlockKind.HEADER)
        )
        self._lemmas = "\n".join(parts)
        self._text = "\n".join(texts)
        lowered = self._text.lower()
        # lower() can change the length of a few characters; then offsets would not map back.
        self._text_lower = lowered if len(lowered) == len(self._text) else None
        self._groups = dict(groups)

    def _sentences_with(
        self, haystack: str, starts: list[int], literals: tuple[str, ...]
    ) -> set[int]:
        found: set[int] = set()
        for lit in literals:
            pos = haystack.find(lit)
            while pos >= 0:
                index = bisect_right(starts, pos) - 1
                found.add(index)
                # Continue after this sentence: one hit per sentence is enough.
                nxt = starts[index + 1] if index + 1 < len(starts) else len(haystack)
                pos = haystack.find(lit, max(pos + 1, nxt))
        return found

    def _hits(self, index: LiteralIndex) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
        """One Aho-Corasick pass per view finds every literal of the catalogue at once."""
        key = id(index)
        if key not in self._literal_hits:
            self._literal_hits[key] = (
                sentences_by_literal(index.lemma_automaton, self._lemmas, self._starts),
                sentences_by_literal(index.text_automaton, self._text_lower, self._text_starts)
                if self._text_lower is not None
                else {},
            )
        return self._literal_hits[key]

    def _with_literals(
        self, m: CompiledMatcher, literals: tuple[str, ...], lemma_view: bool
    ) -> set[int]:
        if m.literal_index is not None:
            hits = self._hits(m.literal_index)[0 if lemma_view else 1]
            # A document holds few of a matcher's literals: intersect, then join their sets.
            return set().union(*(hits[lit] for lit in hits.keys() & literals))
        if lemma_view:
            return self._sentences_with(self._lemmas, self._starts, literals)
        assert self._text_lower is not None
        return self._sentences_with(self._text_lower, self._text_starts, literals)

    def candidates(self, m: CompiledMatcher) -> set[int]:
        """Indices of sentences the matcher finds."""
        sure, joined = self.found(m)
        return sure | joined

    def found(self, m: CompiledMatcher) -> tuple[set[int], set[int]]:
        """Sentences the matcher finds: searched one by one (``sure``: ``m.search`` holds
        there), and hit in a scan of the joined document (``joined``, not in ``sure``: the hit
        may straddle two sentences).

        A literal prefilter (one Aho-Corasick pass for the whole catalogue, or ``str.find``)
        picks the sentences worth a regex search; patterns without one scan the joined
        document once, offsets mapped back with ``bisect``. Every match contains one of the
        matcher's literals, so a sentence the regex matches passes ``m.search``'s literal test.
        """
        sure: set[int] = set()
        joined: set[int] = set()
        if m.lemma_rx is not None:
            if m.lemma_literals is not None:
                for i in self._with_literals(m, m.lemma_literals, lemma_view=True):
                    if m.lemma_rx.search(self.sentences[i].lemmas):
                        sure.add(i)
            else:
                for start in (h.start() for h in m.lemma_rx.finditer(self._lemmas)):
                    joined.add(bisect_right(self._starts, start) - 1)
        if m.text_rx is not None:
            if m.text_literals is not None and self._text_lower is not None:
                hits = self._with_literals(m, m.text_literals, lemma_view=False)
                for i in hits - sure:
                    if m.text_rx.search(self.sentences[i].view, timeout=REGEX_TIMEOUT):
                        sure.add(i)
                if m.text_free_rx is not None:
                    scan = m.text_free_rx.finditer(self._text, timeout=REGEX_TIMEOUT)
                    for start in (h.start() for h in scan):
                        joined.add(bisect_right(self._text_starts, start) - 1)
            else:
                scan = m.text_rx.finditer(self._text, timeout=REGEX_TIMEOUT)
                for start in (h.start() for h in scan):
                    joined.add(bisect_right(self._text_starts, start) - 1)
        return sure, joined - sure

    def _group(self, m: CompiledMatcher, s: Sentence) -> tuple[object, list[int]]:
        if m.within == "window":
            lo, hi = max(0, s.index - m.window), min(len(self.sentences), s.index + m.window + 1)
            return (lo, hi), list(range(lo, hi))
        if m.within == "block":
            return s.block_index, self._groups[("block", s.block_index)]
        if m.within == "section":
            return s.location.section, self._groups[("section", s.location.section)]
        return None, list(range(len(self.sentences)))

    def holds(self, m: CompiledMatcher, s: Sentence) -> bool:
        """Does the matcher find its text around sentence ``s`` (as far as its ``within``)?"""
        if m.within == "headings":
            heading_key = (id(m), m.within, s.location.section)
            if heading_key not in self._cache:
                heads = " / ".join((self._title, *s.location.section))
                self._cache[heading_key] = m.search(heads, " " + heads.lower() + " ")
            return self._cache[heading_key]
        if m.within == "sentence":
            if s.context:
                return m.search(f"{s.view} {s.context}", f"{s.lemmas}{s.context_lemmas}")
            return m.search(s.view, s.lemmas)
        key, members = self._group(m, s)
        cache_key = (id(m), m.within, key)
        if cache_key not in self._cache:
            self._cache[cache_key] = any(
                m.search(self.sentences[i].view, self.sentences[i].lemmas) for i in members
            )
        return self._cache[cache_key]

    def document_has(self, m: CompiledMatcher) -> bool:
        cache_key = (id(m), "document", None)
        if cache_key not in self._cache:
            self._cache[cache_key] = bool(self.candidates(m))
        return self._cache[cache_key]


def _near(p: CompiledPattern, s: Sentence) -> bool:
    """Every ``near`` matcher hits within its number of words of one of the pattern's hits."""
    own = p.matcher.word_positions(s.view, s.lemmas)
    for matcher, distance in p.near:
        other = matcher.word_positions(s.view, s.lemmas)
        if not any(abs(a - b) <= distance for a in own for b in other):
            return False
    return True


def _pattern_holds(ctx: Context, p: CompiledPattern, s: Sentence) -> bool:
    if p.modality:
        if s.modality not in p.modality:
            return False
    elif s.modality is Modality.NEGATED:
        return False
    if p.places and s.place not in p.places:
        return False
    if p.kinds and s.kind not in p.kinds:
        return False
    if p.headings is not None and not any(
        p.headings.search(h, timeout=REGEX_TIMEOUT) for h in s.location.section
    ):
        return False
    if p.near and not _near(p, s):
        return False
    if not all(ctx.holds(r, s) for r in p.requires):
        return False
    return not any(ctx.holds(u, s) for u in p.unless)


def find_matches(ctx: Context, entry: CompiledEntry) -> list[Match]:
    """All sentences where one of the entry's patterns holds, in document order."""
    if any(ctx.document_has(m) for m in entry.document_unless):
        return []
    best: dict[int, Match] = {}
    for p in entry.patterns:
        sure, joined = ctx.found(p.matcher)
        for i in sure | joined:
            s = ctx.sentences[i]
            # A joined-view hit may straddle two sentences; confirm it inside this one.
            if (i in sure or p.matcher.search(s.view, s.lemmas)) and _pattern_holds(ctx, p, s):
                old = best.get(i)
                if old is None or _stronger(p, old):
                    best[i] = Match(s, p.confidence, p.severity)
    return vetoed(ctx, entry, [best[i] for i in sorted(best)])


def vetoed(ctx: Context, entry: CompiledEntry, matches: Sequence[Match]) -> list[Match]:
    """The matches at places the entry's own ``unless`` does not rule out."""
    return [m for m in matches if not any(ctx.holds(u, m.sentence) for u in entry.unless)]


def _stronger(p: CompiledPattern, old: Match) -> bool:
    """An uncapped pattern outranks a capped one; then the higher confidence wins."""
    rank = 99 if p.severity is None else p.severity.rank
    old_rank = 99 if old.severity is None else old.severity.rank
    return (rank, p.confidence) > (old_rank, old.confidence)
