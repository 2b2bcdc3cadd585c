"""How binding a German tender sentence is: binding, weak, ambiguous, statement or negated.

The wording comes from the German lexicon (``criteria/lexicon.yaml``); this module decides
which reading wins.

The lexicon follows the usual reading of tender wording (§ 121 Abs. 1 GWB: a specification must
be unambiguous): "muss", "ist ... zu", "verpflichtet sich", prohibitions and minimum requirements
bind; "möglichst", "sollte", "wünschenswert", "wird begrüßt" do not; "soll" is ambiguous.
A negation that removes the requirement ("wird nicht gefordert") makes a sentence no evidence.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from lbcheck.criteria.lexicon import entry, pattern
from lbcheck.models import Modality

PROHIBITION = pattern("prohibition")
NEGATION = pattern("negation")
PROHIBITION_ZU = pattern("prohibition-zu")
BINDING = pattern("binding")
_PURPOSE = pattern("purpose")
DUTY_SUBJECT = pattern("duty-subject")
WEAK = pattern("weak")
EFFORT = pattern("effort")
OPTIONAL_ITEM = pattern("optional-item")
APPLIES = pattern("applies")
AMBIGUOUS = pattern("ambiguous")
SCORED = pattern("scored")
LIMIT = pattern("limit")


# The entries ``classify`` tests only when their literals occur (weak, duty-subject and
# purpose have none: they always run).
_CLASSIFY = (
    "optional-item",
    "prohibition",
    "prohibition-zu",
    "negation",
    "effort",
    "binding",
    "ambiguous",
    "applies",
)


@cache
def _literal_filter() -> tuple[Any, frozenset[str]]:
    """One Aho-Corasick automaton over the literals of the entries ``classify`` uses, and the
    entries among them without literals (always tried).

    Most clauses contain the words of only a few entries: one pass over the lower-cased clause
    names them, and only their patterns run (about half the cost of trying them all).
    """
    import ahocorasick

    from lbcheck.engine.literals import required_literals

    by_literal: dict[str, set[str]] = {}
    always: set[str] = set()
    for name in _CLASSIFY:
        found = required_literals("|".join(f"(?:{a})" for a in entry(name).alternatives()))
        if found is None:
            always.add(name)
        for literal in found or ():
            by_literal.setdefault(literal, set()).add(name)
    automaton = ahocorasick.Automaton()
    for literal, names in sorted(by_literal.items()):
        automaton.add_word(literal, frozenset(names))
    automaton.make_automaton()
    return automaton, frozenset(always)


def _candidates(text: str) -> frozenset[str] | set[str]:
    """The lexicon entries whose pattern can match ``text`` (every match holds a literal)."""
    automaton, always = _literal_filter()
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: test everything
        return frozenset(_CLASSIFY)
    found = set(always)
    for _, names in automaton.iter(lowered):
        found |= names
    return found


def classify(text: str) -> Modality:
    """Classify one sentence. Weak words win over binding ones in the same sentence."""
    can = _candidates(text)
    if "optional-item" in can and OPTIONAL_ITEM.search(text):
        return Modality.WEAK
    if ("prohibition" in can and PROHIBITION.search(text)) or (
        "prohibition-zu" in can and PROHIBITION_ZU.search(text)
    ):
        return Modality.BINDING
    if "negation" in can and NEGATION.search(text):
        return Modality.NEGATED
    if WEAK.search(text) or ("effort" in can and EFFORT.search(text)):
        return Modality.WEAK
    # Removing a purpose clause can join words: the binding test then sees the new text whole.
    binding_text = _PURPOSE.sub(" ", text)
    if ("binding" in can or binding_text != text) and BINDING.search(binding_text):
        return Modality.BINDING
    if "ambiguous" in can and AMBIGUOUS.search(text):
        return Modality.AMBIGUOUS
    if DUTY_SUBJECT.search(text) or ("applies" in can and APPLIES.search(text)):
        return Modality.BINDING
    return Modality.STATEMENT


def has_limit(text: str) -> bool:
    """True when the sentence sets a limit value (a maximum, a minimum)."""
    return bool(LIMIT.search(text))


def is_scored(text: str) -> bool:
    """True when the sentence itself carries a points or weighting scheme."""
    return bool(SCORED.search(text))
