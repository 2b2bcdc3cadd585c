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


def _better(best: list[str] | None, candidates: list[str] | None) -> list[str] | None:
    if not candidates or min(len(c) for c in candidates) < _MIN:
        return best
    if best is None or min(len(c) for c in candidates) > min(len(c) for c in best):
        return candidates
    return best


def _required(seq: Any) -> list[str] | None:
    """Literals such that every match of the sequence contains at least one of them."""
    best: list[str] | None = None
    run: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        best = _better(best, ["".join(run)])
        run = []
        if op is _c.SUBPATTERN:
            best = _better(best, _required(av[-1]))
        elif op is _c.BRANCH:
            parts = [_required(branch) for branch in av[1]]
            if all(parts):
                best = _better(best, [lit for part in parts if part for lit in part])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            best = _better(best, _required(av[2]))
    return _better(best, ["".join(run)])


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
