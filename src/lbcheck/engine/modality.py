"""How binding a German tender sentence is: binding, weak, ambiguous, statement or negated.

The wording comes from the German lexicon (``criteria/lexicon.yaml``); this module decides
which reading wins.

The lexicon follows the usual reading of tender wording (§ 121 Abs. 1 GWB: a specification must
be unambiguous): "muss", "ist ... zu", "verpflichtet sich", prohibitions and minimum requirements
bind; "möglichst", "sollte", "wünschenswert", "wird begrüßt" do not; "soll" is ambiguous.
A negation that removes the requirement ("wird nicht gefordert") makes a sentence no evidence.
"""

from __future__ import annotations

from lbcheck.criteria.lexicon import pattern
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


def classify(text: str) -> Modality:
    """Classify one sentence. Weak words win over binding ones in the same sentence."""
    if OPTIONAL_ITEM.search(text):
        return Modality.WEAK
    if PROHIBITION.search(text) or PROHIBITION_ZU.search(text):
        return Modality.BINDING
    if NEGATION.search(text):
        return Modality.NEGATED
    if WEAK.search(text) or EFFORT.search(text):
        return Modality.WEAK
    binding_text = _PURPOSE.sub(" ", text)
    if BINDING.search(binding_text):
        return Modality.BINDING
    if AMBIGUOUS.search(text):
        return Modality.AMBIGUOUS
    if DUTY_SUBJECT.search(text) or APPLIES.search(text):
        return Modality.BINDING
    return Modality.STATEMENT


def has_limit(text: str) -> bool:
    """True when the sentence sets a limit value (a maximum, a minimum)."""
    return bool(LIMIT.search(text))


def is_scored(text: str) -> bool:
    """True when the sentence itself carries a points or weighting scheme."""
    return bool(SCORED.search(text))
