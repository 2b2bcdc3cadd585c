"""How binding a German tender sentence is: binding, weak, ambiguous, statement or negated.

The lexicon follows the usual reading of tender wording (§ 121 Abs. 1 GWB: a specification must
be unambiguous): "muss", "ist ... zu", "verpflichtet sich", prohibitions and minimum requirements
bind; "möglichst", "sollte", "wünschenswert", "wird begrüßt" do not; "soll" is ambiguous.
A negation that removes the requirement ("wird nicht gefordert") makes a sentence no evidence.
"""

from __future__ import annotations

import regex

from lbcheck.models import Modality

_F = regex.IGNORECASE | regex.UNICODE

# Prohibitions bind: "dürfen nicht eingesetzt werden", "sind nicht zulässig".
PROHIBITION = regex.compile(
    r"\b(?:darf|dürfen|durfte|dürften)\b[^.;]{0,80}?\b(?:nicht|keine?[nmrs]?|nur)\b"
    r"|\bnicht\s+(?:mehr\s+)?(?:zulässig|zugelassen|gestattet|erlaubt|statthaft)\b"
    r"|\b(?:unzulässig|untersagt|verboten)\b"
    r"|\bist\s+(?:zu\s+)?(?:unterlassen|auszuschließen)\b",
    _F,
)

# Negations that remove the requirement.
NEGATION = regex.compile(
    r"\bnicht\s+(?:\w+\s+){0,2}?(?:gefordert|verlangt|erforderlich|vorgesehen|notwendig|"
    r"vorausgesetzt|gewertet|berücksichtigt|bewertet|beschafft|Gegenstand|Bestandteil|"
    r"ausgeschrieben|benötigt|angefragt)\b"
    r"|\b(?:findet|erfolgt|erfolgen|finden)\b[^.;]{0,60}?\bnicht\b(?:\s+statt)?"
    r"|\bkeine?[nrs]?\s+(?:\w+\s+){0,3}?(?:gefordert|verlangt|erforderlich|vorgesehen|notwendig)\b"
    r"|\bentfällt\b|\bentfallen\b|\bverzichtet\b",
    _F,
)

_SEPARABLE = (
    r"(?:ab|an|auf|aus|bei|bereit|dar|durch|ein|fest|frei|her|heraus|hin|hinzu|mit|nach|"
    r"nieder|sicher|statt|teil|um|vor|vorher|weg|weiter|wieder|zurück|zusammen|zu|fort|"
    r"gegenüber|offen|instand|nachzu|vorzu|gleich)zu[a-zäöüß]{2,}(?:en|ern|eln|n)"
)
BINDING = regex.compile(
    r"\b(?:muss|müssen|musst|müsste|müssten|mußte?n?)\b"
    r"|\bverpflichte[tn]?\b|\bverpflichtung\b|\bobliegt\b|\bzwingend\b"
    r"|\bmindest(?:anforderung|kriteri|standard|vorgabe|bedingung)\w*"
    r"|\bausschluss(?:kriteri|grund)\w*|\bA-Kriteri\w*|\bK\.?\s?O\.?-Kriteri\w*"
    r"|\b(?:darf|dürfen)\s+(?:\w+\s+){0,4}?nur\b|\bausschließlich\b|\bnur\s+zulässig\b"
    r"|\bvorausgesetzt\b|\bVoraussetzung\b|\bist\s+Bedingung\b"
    r"|\b(?:ist|sind|wird|werden)\s+(?:\w+\s+){0,3}?(?:gefordert|verlangt|vorgeschrieben|erforderlich)\b"
    r"|\b(?:haben|hat|ist|sind|hätte|wäre)\b[^.;,]{0,200}?\b(?:zu\s+[a-zäöüß]{3,}(?:en|ern|eln)|"
    + _SEPARABLE
    + r")\b"
    r"|\b(?:sicherzustellen|nachzuweisen|einzuhalten|zu\s+gewährleisten|gewährleistet)\b"
    r"|\bgelten\s+als\s+Mindest",
    _F,
)

# "um ... zu sparen" is a purpose clause, not a duty.
_PURPOSE = regex.compile(r"\bum\b[^,.;]{0,80}?\bzu\s+[a-zäöüß]+\b", _F)

WEAK = regex.compile(
    r"\bmöglichst\b|\bnach\s+Möglichkeit\b|\b(?:wenn|soweit|sofern|wo)\s+(?:\w+\s+){0,2}?möglich\b"
    r"|\bwie\s+möglich\b|\bwünschenswert\w*|\berwünscht\w*|\bsollten?\b|\bvorzugsweise\b"
    r"|\bbevorzugt\b|\bidealerweise\b|\banzustreben\b|\bangestrebt\b|\bbegrüß(?:t|en|enswert)\b"
    r"|\boptional\b|\bgerne?\b|\bWert\s+(?:darauf\s+)?gelegt\b|\bbitten\b|\bempfohlen\b"
    r"|\bempfehlen\b|\bwäre\s+(?:schön|gut|vorteilhaft|wünschenswert)\b|\bwird\s+angeregt\b"
    r"|\b(?:sehr|besonders)\s+wichtig\b|\bliegt\s+uns\s+am\s+Herzen\b",
    _F,
)
AMBIGUOUS = regex.compile(r"\b(?:soll|sollen)\b", _F)

# Scored award criteria: points, weights, "je höher ..., desto mehr Punkte".
SCORED = regex.compile(
    r"\b\d+(?:[,.]\d+)?\s*(?:Punkte?|Pkt\.?|Wertungspunkte?)\b|\bPunkte?\s*:?\s*\d"
    r"|\bGewichtung\b|\bgewichtet\b|\bdesto\s+(?:mehr|höher|besser)\b|\bje\s+(?:höher|mehr|geringer|niedriger|länger)\b"
    r"|\b\d+\s*%\s*(?:der\s+)?(?:Gesamt)?(?:punkte|gewicht|wertung)\w*"
    r"|\bMaximalpunkt\w*|\bPunktzahl\b|\bPunktevergabe\b|\bBewertungsmatrix\b",
    _F,
)


def classify(text: str) -> Modality:
    """Classify one sentence. Weak words win over binding ones in the same sentence."""
    if PROHIBITION.search(text):
        return Modality.BINDING
    if NEGATION.search(text):
        return Modality.NEGATED
    if WEAK.search(text):
        return Modality.WEAK
    binding_text = _PURPOSE.sub(" ", text)
    if BINDING.search(binding_text):
        return Modality.BINDING
    if AMBIGUOUS.search(text):
        return Modality.AMBIGUOUS
    return Modality.STATEMENT


def is_scored(text: str) -> bool:
    """True when the sentence itself carries a points or weighting scheme."""
    return bool(SCORED.search(text))
