"""Required literals of a regular expression, for a fast ``str.find`` prefilter.

Scanning a whole document with a large alternation costs 15-60 ms per pattern in ``regex``;
finding the literals every match must contain costs well under a millisecond. A pattern whose
every match contains one of a few literals (of at least three characters) is then run only on
the sentences that contain one of them. Patterns we cannot analyse get no prefilter.
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from collections import defaultdict
from typing import Any

try:  # CPython 3.11+: the stdlib parser behind ``re`` (private, hence the fallback)
    _sre_parse: Any = importlib.import_module("re._parser")
    _c: Any = _sre_parse
except ImportError:  # pragma: no cover - other interpreters
    _sre_parse = None

_MIN = 3
#: Largest set of alternative strings a run of small choices may expand to ("I(?:LO|AO)").
_MAX_CHOICES = 64
#: Characters rare enough in prose that one of them alone is a useful prefilter ("§", "%").
_RARE_SIGNS = frozenset("§%€≥≤<>=?…°²³₂")

Strings = frozenset[str]


def _selective(candidates: list[str]) -> bool:
    """Literals rare enough in prose to be worth a prefilter: three characters, two when one
    of them is no letter ("z.", "38"), or a rare sign alone."""
    return all(
        len(c) >= _MIN or (len(c) == 2 and not c.isalpha()) or (c != "" and set(c) <= _RARE_SIGNS)
        for c in candidates
    )


def _better(best: list[str] | None, candidates: list[str] | None) -> list[str] | None:
    if not candidates or not _selective(candidates):
        return best
    if best is None or min(len(c) for c in candidates) > min(len(c) for c in best):
        return candidates
    return best


def _finite(op: Any, av: Any) -> Strings | None:
    """All strings a small element can match (None: too many, or unbounded like ``\\s+``).

    Zero-width assertions match the empty string: they do not break a run of literals.
    """
    if op is _c.LITERAL:
        return frozenset((chr(av),))
    if op is _c.AT:
        return frozenset(("",))
    if op is _c.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _c.LITERAL:
                chars.add(chr(item_av))
            elif item_op is _c.RANGE and item_av[1] - item_av[0] < 10:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None
        return frozenset(chars) if len(chars) <= 10 else None
    if op is _c.SUBPATTERN:
        return _finite_seq(av[-1])
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            part = _finite_seq(branch)
            if part is None:
                return None
            union |= part
        return frozenset(union) if len(union) <= _MAX_CHOICES else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        inner = _finite_seq(av[2])
        return inner | {""} if inner is not None else None
    return None


def _finite_seq(seq: Any) -> Strings | None:
    result: Strings = frozenset(("",))
    for op, av in seq:
        part = _finite(op, av)
        if part is None:
            return None
        result = frozenset(a + b for a in result for b in part)
        if len(result) > _MAX_CHOICES:
            return None
    return result


def _run_candidates(run: Strings) -> list[str] | None:
    """A run's strings as prefilter literals, if every one of them is non-empty."""
    if "" in run:
        return None
    return sorted(run)


def _required(seq: Any) -> list[str] | None:
    """Literals such that every match of the sequence contains at least one of them."""
    best: list[str] | None = None
    run: Strings = frozenset(("",))
    for op, av in seq:
        part = _finite(op, av)
        if part is not None:
            expanded = frozenset(a + b for a in run for b in part)
            if len(expanded) <= _MAX_CHOICES:
                run = expanded
                continue
        best = _better(best, _run_candidates(run))
        run = frozenset(("",))
        if part is not None:
            run = part
            continue
        if op is _c.SUBPATTERN:
            best = _better(best, _required(av[-1]))
        elif op is _c.BRANCH:
            parts = [_required(branch) for branch in av[1]]
            if all(parts):
                best = _better(best, [lit for part in parts if part for lit in part])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            best = _better(best, _required(av[2]))
            inner = _finite_seq(av[2])
            if inner is not None and "" not in inner:
                # "\.{4,}" must contain "....": the element repeated its minimum (capped) times.
                best = _better(best, sorted(f * min(av[0], _MIN) for f in inner))
    return _better(best, _run_candidates(run))


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match contains, or None when unknown."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # regex-module syntax that re cannot parse
        return None
    found = _required(parsed)
    if not found:
        return None
    return tuple(sorted({lit.lower() for lit in found}))


class LiteralIndex:
    """All prefilter literals of a compiled catalogue, found in one Aho-Corasick pass each.

    A document's views are scanned once per view (lemmas, lower-cased text) instead of once per
    literal (about 3,000 ``str.find`` loops per document). Every occurrence is mapped to the
    sentence it starts in, exactly as the per-literal search did. Literals with a line break
    could span two joined sentences and stay on the per-literal path.
    """

    def __init__(self) -> None:
        self._lemma: set[str] = set()
        self._text: set[str] = set()
        self.lemma_automaton: Any = None
        self.text_automaton: Any = None

    @staticmethod
    def indexable(literals: tuple[str, ...] | None) -> bool:
        return literals is None or not any("\n" in lit for lit in literals)

    def add(self, lemma: tuple[str, ...] | None, text: tuple[str, ...] | None) -> None:
        self._lemma.update(lemma or ())
        self._text.update(text or ())

    def freeze(self) -> None:
        """Build the automata once every matcher has added its literals."""
        self.lemma_automaton = _automaton(self._lemma)
        self.text_automaton = _automaton(self._text)


def _automaton(literals: set[str]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for lit in sorted(literals):
        automaton.add_word(lit, (len(lit) - 1, lit))
    if literals:
        automaton.make_automaton()
    return automaton


def sentences_by_literal(automaton: Any, haystack: str, starts: list[int]) -> dict[str, set[int]]:
    """For each literal of ``automaton``, the sentences (by ``starts`` offsets) it starts in."""
    found: dict[str, set[int]] = defaultdict(set)
    if automaton is None or not len(automaton):
        return found
    for end, (back, lit) in automaton.iter(haystack):
        found[lit].add(bisect_right(starts, end - back) - 1)
    return found
