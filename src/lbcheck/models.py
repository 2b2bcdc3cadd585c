"""Frozen values that flow through lbcheck: path -> Document -> Sentence -> Match -> Report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block of text is in its document."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    TEXTBOX = "textbox"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a document a person can find again.

    ``paragraph`` is the 1-based index of the body paragraph (DOCX/ODT: among body paragraphs,
    tables not counted; PDF: within its page), ``line`` the 1-based line for text formats.
    ``table`` numbers tables from 1 in document order; ``row``/``column`` are 1-based.
    """

    page: int | None = None
    section: tuple[str, ...] = ()
    paragraph: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """German one-line description: ``S. 3, Abschnitt 3.2 Papier, Tabelle 1 Z. 2 Sp. 3``."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"S. {self.page}")
        if self.section:
            parts.append(f"Abschnitt {self.section[-1]}")
        if self.table is not None:
            cell = f"Tabelle {self.table}"
            if self.row is not None:
                cell += f" Z. {self.row}"
            if self.column is not None:
                cell += f" Sp. {self.column}"
            parts.append(cell)
        elif self.paragraph is not None:
            parts.append(f"Abs. {self.paragraph}")
        if self.line is not None:
            parts.append(f"Zeile {self.line}")
        return ", ".join(parts) if parts else "Dokument"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text in reading order: a heading, paragraph, list item, cell, note ..."""

    kind: BlockKind
    text: str
    location: Location
    level: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one file as ordered blocks."""

    path: str
    format: str
    blocks: tuple[Block, ...]
    pages: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


class Place(StrEnum):
    """Where in a tender a requirement stands (VergStatVO / eForms-DE BT-DEX-02)."""

    LEISTUNG = "leistungsbeschreibung"
    EIGNUNG = "eignung"
    ZUSCHLAG = "zuschlag"
    AUSFUEHRUNG = "ausfuehrungsbedingung"


class Modality(StrEnum):
    """How binding a sentence is."""

    BINDING = "binding"
    WEAK = "weak"
    AMBIGUOUS = "ambiguous"
    STATEMENT = "statement"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its normalised views and its context in the tender."""

    index: int
    text: str
    lemmas: str
    block_index: int
    kind: BlockKind
    location: Location
    place: Place
    modality: Modality
    scored: bool = False
    # Text that governs this sentence without being part of it: the lead-in of a list item
    # ("Nicht eingesetzt werden dürfen:"), the column header and caption of a table cell.
    context: str = ""
    context_lemmas: str = ""
    # The text that is matched: ``text`` with look-alike and full-width letters folded to
    # Latin, same length (``text`` stays what the document says, for excerpts).
    view: str = ""


class Status(StrEnum):
    MET = "met"
    WEAK = "weak"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Evidence:
    location: Location
    excerpt: str
    place: Place
    modality: Modality


@dataclass(frozen=True, slots=True)
class Advice:
    """What a buyer needs to fix a missing or weak criterion."""

    title: str
    message: str
    rationale: str
    legal_basis: tuple[tuple[str, str], ...]
    model_clause: str
    proof: str


@dataclass(frozen=True, slots=True)
class CriterionResult:
    code: str
    name: str
    title: str
    set: str
    dimension: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    severity: Severity = Severity.WARNING
    advice: Advice | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    excerpt: str
    confidence: float
    fingerprint: str
    place: Place = Place.LEISTUNG


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    code: str
    message: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DocumentReport:
    path: str
    status: str
    format: str | None = None
    pages: int | None = None
    subject: tuple[str, ...] = ()
    # False when the text says too little about what is bought: sets that depend on the
    # subject may have been switched off wrongly, and the report says so.
    subject_certain: bool = True
    sets: tuple[tuple[str, bool], ...] = ()
    criteria: tuple[CriterionResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: ErrorInfo | None = None
    placement: tuple[tuple[str, tuple[str, ...]], ...] = ()
    eforms: tuple[EformsHint, ...] = ()
    rule_advice: tuple[tuple[str, Advice], ...] = ()


@dataclass(frozen=True, slots=True)
class EformsHint:
    """An eForms field the buyer should set, with the code and why."""

    field: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A catalogue entry as it ran: identity, kind, effective severity and its texts."""

    code: str
    name: str
    set: str
    kind: str  # "criterion" or "rule"
    dimension: str
    severity: Severity
    advice: Advice


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[DocumentReport, ...] = field(default_factory=tuple)
    # The entries that ran (after --sets/--disable, with --severity applied), in catalogue
    # order; machine formats describe them (SARIF rules, JUnit test cases).
    rules: tuple[RuleInfo, ...] = ()
