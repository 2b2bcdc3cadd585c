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
    r"|\bnicht\s+(?:\w+\s+){0,3}?(?:dürfen|darf)\b"
    r"|\b(?:unzulässig|untersagt|verboten)\b"
    r"|\bist\s+(?:zu\s+)?(?:unterlassen|auszuschließen)\b",
    _F,
)

# Negations that remove the requirement.
NEGATION = regex.compile(
    r"\bnicht\s+(?:\w+\s+){0,2}?(?:gefordert|verlangt|erforderlich|vorgesehen|notwendig|"
    r"vorausgesetzt|gewertet|berücksichtigt|bewertet|beschafft|Gegenstand|Bestandteil|"
    r"ausgeschrieben|benötigt|angefragt|angenommen|akzeptiert)\b"
    r"|\b(?:findet|erfolgt|erfolgen|finden)\b[^.;]{0,60}?\bnicht\b(?:\s+statt)?"
    r"|\bkeine?[nrs]?\s+(?:\w+\s+){0,3}?(?:gefordert|verlangt|erforderlich|vorgesehen|notwendig)\b"
    r"|\bentfällt\b|\bentfallen\b|\bverzichtet\b"
    r"|\b(?:findet|finden)\s+keine\s+Anwendung\b"
    r"|\bbleib(?:t|en)\s+(?:\w+\s+){0,4}?unberührt\b"
    # "ist nicht nachzuweisen / vorzulegen": a proof that is not asked for. (With other verbs
    # "ist nicht zu betreten" forbids, which PROHIBITION_ZU catches first.)
    r"|\b(?:ist|sind)\s+(?:\w+\s+){0,3}?nicht\s+(?:\w+\s+){0,2}?"
    r"(?:nachzuweisen|vorzulegen|abzugeben|einzureichen|beizufügen|beizulegen|zu\s+erbringen"
    r"|anzugeben|nachzureichen|zu\s+belegen|vorzuweisen)\b",
    _F,
)

# "ist nicht zu verwenden", "sind nicht einzusetzen": a prohibition, unless a proof verb.
PROHIBITION_ZU = regex.compile(
    r"\b(?:ist|sind)\s+(?:\w+\s+){0,3}?nicht\s+(?!nachzuweisen|vorzulegen|abzugeben|einzureichen"
    r"|beizufügen|beizulegen|anzugeben|nachzureichen|vorzuweisen|zu\s+erbringen|zu\s+belegen)"
    r"(?:zu\s+[a-zäöüß]{3,}(?:en|ern|eln)|[a-zäöüß]+zu[a-zäöüß]{2,}(?:en|ern|eln))\b",
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
    r"|\b(?:haben|hat|ist|sind|hätte|wäre)\b[^;]{0,250}?\b(?:zu\s+[a-zäöüß]{3,}(?:en|ern|eln)|"
    + _SEPARABLE
    + r")\b"
    r"|\b(?:sicherzustellen|nachzuweisen|einzuhalten|zu\s+gewährleisten|gewährleistet)\b"
    r"|\bgelten\s+als\s+Mindest",
    _F,
)

# "um ... zu sparen" is a purpose clause, not a duty; "hat den Auftrag, ... bereitzustellen"
# and "hat zum Ziel, ... zu verankern" describe a mission, not a duty of the bidder.
_PURPOSE = regex.compile(
    r"\bum\b[^,.;]{0,80}?\bzu\s+[a-zäöüß]+\b"
    r"|\b(?:hat|haben|ist|sind)\s+(?:\w+\s+){0,3}?(?:Auftrag|Aufgabe|Ziel|Zweck|Inhalt|Absicht"
    r"|Möglichkeit|Recht|Gelegenheit|Anspruch|bestrebt|bemüht|in\s+der\s+Lage|berechtigt)\b[^;]*",
    _F,
)

# A present-tense sentence with the contractor as subject states a contractual duty:
# "Der Auftragnehmer legt jährlich einen Bericht vor", "nimmt die Anbieterin ... zurück".
DUTY_SUBJECT = regex.compile(
    r"\b(?:der|die|dem|den)\s+(?:Auftragnehmer(?:in)?|Anbieter(?:in)?|Bieter(?:in)?"
    r"|Dienstleister(?:in)?|Lieferant(?:in)?|Caterer(?:in)?|Unternehmer(?:in)?)\b|\bAN\b",
    _F,
)

WEAK = regex.compile(
    r"\bmöglichst\b|\bnach\s+Möglichkeit\b|\b(?:wenn|soweit|sofern|wo)\s+(?:\w+\s+){0,2}?möglich\b"
    r"|\bwie\s+möglich\b|\bwünschenswert\w*|\berwünscht\w*|\bsollten?\b|\bvorzugsweise\b"
    r"|\bbevorzugt\b|\bidealerweise\b|\banzustreben\b|\bangestrebt\b|\bbegrüß(?:t|en|enswert)\b"
    r"|\boptional\b|\bgerne?\b|\bWert\s+(?:darauf\s+)?gelegt\b|\bbitten\b|\bempfohlen\b"
    r"|\bempfehlen\b|\bwäre\s+(?:schön|gut|vorteilhaft|wünschenswert)\b|\bwird\s+angeregt\b"
    r"|\b(?:sehr|besonders)\s+wichtig\b|\bliegt\s+uns\s+am\s+Herzen\b"
    # An effort, not a result: "verpflichtet sich, ... darauf hinzuwirken, dass".
    r"|\bhinzuwirken\b|\bhinwirk(?:en|t)\b|\bbemüh(?:t|en)\s+sich\b|\bsich\s+(?:zu\s+)?bemühen\b"
    # A preference or a ranking of options: "vorrangig", "1. Priorität: Wiederverwendung".
    r"|\bvorrangig\b|\bPriorität\b|\bprioritär\b"
    # A question to the bidder: "Bitte geben Sie an, ob ...".
    r"|\b(?:an|angeben|anzugeben|mit|mitteilen|mitzuteilen|erklären|ankreuzen|anzukreuzen"
    r"|darlegen|darzulegen)\s*,\s*ob\b",
    _F,
)
# Positions of a bill of quantities that are only ordered when needed or chosen as an
# alternative ("Bedarfsposition", "Eventualposition", "Wahlposition") bind nobody to them.
OPTIONAL_ITEM = regex.compile(r"\b(?:Bedarfs|Eventual|Alternativ|Wahl)pos(?:ition|\.)\w*", _F)
# "Es gilt / gelten die Regelungen des LTMG": a rule set made part of the contract binds.
APPLIES = regex.compile(
    r"\b(?:gilt|gelten)\b[^.;]{0,60}?\b(?:Einhaltung|Regelungen|Bestimmungen|Vorschriften"
    r"|Vorgaben|Anforderungen)\b",
    _F,
)
# "Soll-Konzept", "Ist-/Soll-Analyse" are nouns, not the modal verb.
AMBIGUOUS = regex.compile(r"(?<![-/‐])\b(?:soll|sollen)\b(?![-‐/])", _F)

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
    if OPTIONAL_ITEM.search(text):
        return Modality.WEAK
    if PROHIBITION.search(text) or PROHIBITION_ZU.search(text):
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
    if DUTY_SUBJECT.search(text) or APPLIES.search(text):
        return Modality.BINDING
    return Modality.STATEMENT


# A limit value makes a telegraphic line a requirement: "ohne Lösemittel (max. 1 %)".
LIMIT = regex.compile(
    r"\b(?:max(?:imal)?|mind(?:estens)?|min|höchstens|wenigstens)\.?\s*\d"
    r"|\b(?:weniger|nicht\s+mehr)\s+als\s+\d|[≤≥<>]\s*\d",
    _F,
)


def has_limit(text: str) -> bool:
    """True when the sentence sets a limit value (a maximum, a minimum)."""
    return bool(LIMIT.search(text))


def is_scored(text: str) -> bool:
    """True when the sentence itself carries a points or weighting scheme."""
    return bool(SCORED.search(text))
