"""The pydantic schema of a criteria set file (``criteria/*.yaml``).

A set file holds one set: its header (code, title, applicability) and its entries. An entry is
either a *criterion* (status per document: met / weak / missing / not_applicable) or a *rule*
(located findings). Entries are data only; the engine in ``lbcheck.engine`` interprets them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lbcheck.criteria.subjects import subject_names
from lbcheck.models import BlockKind, Modality, Place, Severity

Within = Literal["sentence", "window", "block", "section", "headings", "document"]
EformsCode = Literal[
    "circ-econ", "clim-mitig", "pollu-prev", "work-cond", "hum-right", "national", "inc"
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Matcher(_Frozen):
    """Text to look for: lemma-aware phrases and/or regular expressions.

    ``phrases`` are matched on the lemma view of a sentence (lower case, lemmatised, hyphens
    inside words removed), so ``Recyclingpapier`` also finds ``Recycling-Papiers``. A leading
    or trailing ``*`` allows a compound part before or after (``*papier`` finds
    ``Kopierpapier``). ``regex`` is matched case-insensitively on the sentence text.
    ``within`` says how far around the sentence the matcher may look: the sentence, a
    ``window`` of sentences, the block, the section (same heading path), the ``headings``
    above the sentence and the document title (a clause under "EVB-ILO"), or the document.
    """

    concepts: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    within: Within = "sentence"
    window: int = Field(default=1, ge=0, le=20)

    @model_validator(mode="after")
    def _not_empty(self) -> Matcher:
        if not self.phrases and not self.regex and not self.concepts:
            raise ValueError("a matcher needs at least one of 'concepts', 'phrases' or 'regex'")
        return self


class ConceptExamples(_Frozen):
    """``match``: sentences the concept must find; ``no_match``: sentences it must not."""

    match: tuple[str, ...] = Field(min_length=1)
    no_match: tuple[str, ...] = Field(min_length=1)


class Concept(_Frozen):
    """A named word family shared by criteria: lemma phrases (with inflection and compounds),
    regular expressions for what is truly a pattern, and other concepts it includes.

    A matcher names concepts (``concepts: [sanktion]``); they are expanded into its phrases and
    expressions when the catalogue is compiled, so a synonym added here helps every criterion.
    """

    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3)
    description: str = Field(min_length=10)
    concepts: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    # Entries of the German lexicon (criteria/lexicon.yaml) whose wording the concept shares;
    # the loader adds their expressions to `regex`.
    lexicon: tuple[str, ...] = ()
    examples: ConceptExamples

    @model_validator(mode="after")
    def _not_empty(self) -> Concept:
        if not (self.phrases or self.regex or self.concepts or self.lexicon):
            raise ValueError(
                "a concept needs at least one of 'concepts', 'phrases', 'regex' or 'lexicon'"
            )
        return self


class ConceptFile(_Frozen):
    """A concept file (``criteria/concepts/*.yaml``): a documented group of concepts."""

    title: str
    description: str = ""
    concepts: tuple[Concept, ...] = Field(min_length=1)


class Near(Matcher):
    """A matcher that must hit within ``tokens`` words of the pattern's own hit (same sentence)."""

    tokens: int = Field(default=5, ge=1, le=50)


class Pattern(Matcher):
    """A matcher that makes a sentence evidence, with its conditions.

    ``headings`` are regular expressions of which one must match a heading of the sentence's
    section path (section scope, e.g. only under "Zuschlagskriterien").
    """

    near: tuple[Near, ...] = ()
    headings: tuple[str, ...] = ()
    requires: tuple[Matcher, ...] = ()
    unless: tuple[Matcher, ...] = ()
    modality: tuple[Modality, ...] = ()
    places: tuple[Place, ...] = ()
    kinds: tuple[BlockKind, ...] = ()
    confidence: float = Field(default=0.9, gt=0.0, le=1.0)
    # At most this level for a rule's findings from this pattern (precision first: a pattern
    # that may hit a non-requirement reports a warning, never an error).
    severity: Severity | None = None


class LegalRef(_Frozen):
    """A legal basis: the norm (law and paragraph, label, convention) and where to read it."""

    ref: str = Field(min_length=3)
    source: str = Field(min_length=8)


class Example(_Frozen):
    text: str = Field(min_length=3)
    status: Literal["met", "weak"] | None = None


class Examples(_Frozen):
    """``pass``: texts where the check is satisfied (criterion addressed / rule silent);
    ``fail``: texts where it is not (criterion not addressed / rule fires)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    pass_: tuple[Example, ...] = Field(alias="pass", min_length=1)
    fail: tuple[Example, ...] = Field(min_length=1)

    @field_validator("pass_", "fail", mode="before")
    @classmethod
    def _strings_to_examples(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class Entry(_Frozen):
    """One criterion or rule: its identity, its patterns, its texts and its examples.

    ``mention_status`` says what a plain indicative sentence in running text (no modal verb,
    no prohibition, not a table cell or list item) counts as for a criterion: ``met`` (tender
    German states duties in the indicative: "Der Auftragnehmer legt jährlich einen Bericht
    vor"), ``weak`` (a mention that requires nothing), or ``ignore`` (for topics whose words are
    common in boilerplate). ``applies_to`` narrows the set's subjects for this entry (a
    catering criterion is not missing from a cleaning tender).
    """

    code: str = Field(pattern=r"^[A-Z]{2,4}-\d{2}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3)
    kind: Literal["criterion", "rule"] = "criterion"
    dimension: Literal["umwelt", "sozial", "innovation", "recht"]
    severity: Severity = Severity.WARNING
    # What the criterion means for the eForms notice (BT-774 / BT-775 / BT-805 / BT-754 codes)
    # when the tender addresses it.
    eforms: tuple[EformsCode, ...] = ()
    patterns: tuple[Pattern, ...] = Field(min_length=1)
    # A place where one of these holds is never reported, whichever pattern or heuristic found
    # it (a rule's heuristic may take places from criteria evidence).
    unless: tuple[Matcher, ...] = ()
    document_unless: tuple[Matcher, ...] = ()
    heuristic: str | None = None
    message: str = Field(min_length=10)
    rationale: str = Field(min_length=10)
    legal_basis: tuple[LegalRef, ...] = Field(min_length=1)
    model_clause: str = Field(min_length=10)
    proof: str = ""
    mention_status: Literal["met", "weak", "ignore"] = "met"
    applies_to: tuple[str, ...] = ()
    enabled: bool = True
    examples: Examples

    @field_validator("applies_to")
    @classmethod
    def _known_subjects(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _check_subjects(value)


def _check_subjects(value: tuple[str, ...]) -> tuple[str, ...]:
    known = subject_names()
    unknown = [s for s in value if s not in known]
    if unknown:
        raise ValueError(f"unknown subject(s) {unknown}; known: {', '.join(known)}")
    return value


class CriteriaSet(_Frozen):
    """A set file: header plus entries."""

    set: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    description: str
    dimension: Literal["umwelt", "sozial", "innovation", "recht", "umwelt-sozial"]
    applies_to: tuple[str, ...] = ()
    applies_note: str = ""
    # A user set may bring its own concepts; built-in ones live in ``criteria/concepts/``.
    concepts: tuple[Concept, ...] = ()
    entries: tuple[Entry, ...] = Field(min_length=1)

    @field_validator("applies_to")
    @classmethod
    def _known_subjects(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _check_subjects(value)
