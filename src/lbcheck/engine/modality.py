"""How binding a German tender sentence is: binding, weak, ambiguous, statement or negated.

The wording comes from the German lexicon (``criteria/lexicon.yaml``); this module decides
which reading wins.

The lexicon follows the usual reading of tender wording (§ 121 Abs. 1 GWB: a specification must
be unambiguous): "muss", "ist ... zu", "verpflichtet sich", prohibitions and minimum requirements
bind; "möglichst", "sollte", "wünschenswert", "wird begrüßt" do not; "soll" is ambiguous.
A negation that removes the requirement ("wird nicht gefordert") makes a sentence no evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from lbcheck.criteria.lexicon import entry, pattern
from lbcheck.models import Modality

BINDING = pattern("binding")
_PURPOSE = pattern("purpose")
LIMIT = pattern("limit")


# The entries tested through the literal filter (purpose is applied with ``sub``: always).
_FILTERED = (
    "optional-item",
    "prohibition",
    "prohibition-zu",
    "negation",
    "weak",
    "effort",
    "binding",
    "ambiguous",
    "duty-subject",
    "applies",
    "scored",
)
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@dataclass(frozen=True, slots=True)
class _Filter:
    """One Aho-Corasick automaton over the literals of the filtered entries' alternatives.

    Most clauses contain the words of only a few entries: one pass over the lower-cased clause
    names them, and only their patterns run. An entry whose alternatives do not all have
    literals ("weak": "..., ob") is split: the alternatives without literals always run (as
    ``free``), the others only when a literal occurs (as ``guarded``). For a yes/no search that
    is the same: an alternation matches somewhere exactly when one alternative does.
    """

    automaton: Any
    guarded: dict[str, regex.Pattern[str]]
    free: dict[str, regex.Pattern[str]]


@cache
def _literal_filter() -> _Filter:
    import ahocorasick

    from lbcheck.engine.literals import required_literals

    automaton = ahocorasick.Automaton()
    by_literal: dict[str, set[str]] = {}
    guarded: dict[str, regex.Pattern[str]] = {}
    free: dict[str, regex.Pattern[str]] = {}
    for name in _FILTERED:
        e = entry(name)
        found = [(alt, required_literals(alt)) for alt in e.alternatives()]
        with_literals = [alt for alt, lits in found if lits is not None]
        if len(with_literals) == len(found) or any(_BACKREFERENCE.search(a) for a in e.regex):
            # All alternatives have literals, or splitting would renumber a backreference.
            joined = required_literals("|".join(f"(?:{a})" for a in e.alternatives()))
            found = [("", joined)]
            if joined is None:
                free[name] = pattern(name)
            else:
                guarded[name] = pattern(name)
        else:
            flags = regex.UNICODE | (0 if e.case_sensitive else regex.IGNORECASE)
            without = [alt for alt, lits in found if lits is None]
            free[name] = regex.compile("|".join(f"(?:{a})" for a in without), flags)
            if with_literals:
                guarded[name] = regex.compile("|".join(f"(?:{a})" for a in with_literals), flags)
        for _, lits in found:
            for literal in lits or ():
                by_literal.setdefault(literal, set()).add(name)
    for literal, names in sorted(by_literal.items()):
        automaton.add_word(literal, frozenset(names))
    if by_literal:
        automaton.make_automaton()
    return _Filter(automaton, guarded, free)


class _Clause:
    """The filtered entries' tests on one text, their literal pass done once."""

    __slots__ = ("_filter", "_names", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._filter = _literal_filter()
        lowered = text.lower()
        self._names: set[str] | None = None  # None: a letter whose lower case is longer
        if len(lowered) == len(text):
            self._names = set()
            for _, names in self._filter.automaton.iter(lowered):
                self._names |= names

    def has(self, name: str) -> bool:
        """Does the entry's pattern match somewhere in the text?"""
        free = self._filter.free.get(name)
        if free is not None and free.search(self.text):
            return True
        guarded = self._filter.guarded.get(name)
        if guarded is None or (self._names is not None and name not in self._names):
            return False
        return bool(guarded.search(self.text))


def classify(text: str) -> Modality:
    """Classify one sentence. Weak words win over binding ones in the same sentence."""
    clause = _Clause(text)
    if clause.has("optional-item"):
        return Modality.WEAK
    if clause.has("prohibition") or clause.has("prohibition-zu"):
        return Modality.BINDING
    if clause.has("negation"):
        return Modality.NEGATED
    if clause.has("weak") or clause.has("effort"):
        return Modality.WEAK
    # Removing a purpose clause can join words: the binding test then sees the new text whole.
    binding_text = _PURPOSE.sub(" ", text)
    if binding_text != text:
        if BINDING.search(binding_text):
            return Modality.BINDING
    elif clause.has("binding"):
        return Modality.BINDING
    if clause.has("ambiguous"):
        return Modality.AMBIGUOUS
    if clause.has("duty-subject") or clause.has("applies"):
        return Modality.BINDING
    return Modality.STATEMENT


def has_limit(text: str) -> bool:
    """True when the sentence sets a limit value (a maximum, a minimum)."""
    return bool(LIMIT.search(text))


def is_scored(text: str) -> bool:
    """True when the sentence itself carries a points or weighting scheme."""
    return _Clause(text).has("scored")
