"""Turn a Document into sentences with lemma view, place and modality."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from lbcheck.criteria.lexicon import pattern
from lbcheck.engine.modality import classify, is_scored
from lbcheck.engine.places import announces_award, place_of
from lbcheck.ingest.characters import fold
from lbcheck.models import Block, BlockKind, Document, Modality, Place, Sentence
from lbcheck.nlp import lemma_view, split_clauses, split_sentences

_SPACE = regex.compile(r"\s+")
_MINIMUM_HEADING = pattern("minimum-heading")
_MAX_BLOCK = 20_000
# A paragraph that introduces a list: ends with ":" or without a full stop ("zu schulen in",
# "Nicht eingesetzt werden dürfen"). It only governs the list items that follow it.
_SENTENCE_END = frozenset(".!?;")


def _ends_as_lead_in(text: str) -> bool:
    return bool(text) and text[-1] not in _SENTENCE_END


# In an award sentence a percentage is a weight ("Preis 50 %").
_WEIGHT = pattern("award-weight")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class _ScoredScopes:
    """Sections and tables that carry points or weights somewhere in them."""

    sections: frozenset[tuple[str, ...]]
    tables: frozenset[int]


class _Memo:
    """The text tests of one document, each text tested once: a block of one sentence is
    tested as block and as sentence, and a document repeats its boilerplate."""

    __slots__ = ("_modality", "_scored")

    def __init__(self) -> None:
        self._scored: dict[str, bool] = {}
        self._modality: dict[str, Modality] = {}

    def scored(self, text: str) -> bool:
        found = self._scored.get(text)
        if found is None:
            found = self._scored[text] = is_scored(text)
        return found

    def modality(self, text: str) -> Modality:
        found = self._modality.get(text)
        if found is None:
            found = self._modality[text] = classify(text)
        return found


def _scored_scopes(blocks: Sequence[Block], texts: Sequence[str], memo: _Memo) -> _ScoredScopes:
    sections: set[tuple[str, ...]] = set()
    tables: set[int] = set()
    for block, text in zip(blocks, texts, strict=True):
        if memo.scored(text):
            sections.add(block.location.section)
            if block.location.table is not None:
                tables.add(block.location.table)
    return _ScoredScopes(frozenset(sections), frozenset(tables))


def _sentence_scored(
    full: str, place: Place, block: Block, scopes: _ScoredScopes, memo: _Memo
) -> bool:
    """A sentence in a Zuschlag section or table that carries points or weights is part of a
    scored award criterion. One that announces its own award role but carries no points stays
    unscored even inside a weighted section (VR-05 looks for exactly that)."""
    if memo.scored(full):
        return True
    if place is not Place.ZUSCHLAG:
        return False
    if _WEIGHT.search(full):
        return True
    in_scope = block.location.section in scopes.sections or block.location.table in scopes.tables
    return not announces_award(full) and in_scope


@dataclass(slots=True)
class _Governors:
    """What governs the blocks that follow: a list's lead-in and each table column's header."""

    lead_in: Modality | None = None
    lead_text: str = ""
    lead_lemmas: str = ""
    headers: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)

    def enter(self, block: Block, text: str, lemmas: str) -> tuple[str, str]:
        """Note a new block; the (text, lemmas) context of its sentences."""
        loc = block.location
        if block.kind is not BlockKind.LIST_ITEM and block.kind is not BlockKind.HEADING:
            self.lead_in = None
            self.lead_text = self.lead_lemmas = ""
        if block.kind is BlockKind.LIST_ITEM:
            return self.lead_text, self.lead_lemmas
        if block.kind is BlockKind.TABLE_CELL and loc.table is not None:
            if loc.row == 1 and loc.column is not None:
                self.headers[(loc.table, loc.column)] = (text, lemmas)
            elif loc.row is not None and loc.row > 1:
                return self.headers.get((loc.table, loc.column or 0), ("", ""))
        return "", ""

    def after(self, block: Block, text: str, modality: Modality, lemmas: str) -> None:
        """A paragraph that ends like a lead-in governs the list items after it."""
        if block.kind is BlockKind.PARAGRAPH and _ends_as_lead_in(text):
            self.lead_in = modality if modality is not Modality.STATEMENT else None
            self.lead_text, self.lead_lemmas = text, lemmas


def _clause_modality(view: str, block: Block, lead_in: Modality | None, memo: _Memo) -> Modality:
    """How binding one clause is, in its place: under a minimum-requirements heading "soll"
    binds; a question requires nothing; a verbless list item takes its lead-in's wording
    ("Wünschenswert sind:")."""
    modality = memo.modality(view)
    if modality is Modality.AMBIGUOUS and any(
        _MINIMUM_HEADING.search(h) for h in block.location.section
    ):
        modality = Modality.BINDING
    if view.endswith("?"):
        return Modality.STATEMENT
    if block.kind is BlockKind.LIST_ITEM and modality is Modality.STATEMENT and lead_in:
        return lead_in
    return modality


def segment(document: Document, model: str | None = None) -> tuple[Sentence, ...]:
    """Split every block into sentences and classify each one (place, scoring, modality)."""
    texts = [_clean(b.text)[:_MAX_BLOCK] for b in document.blocks]
    memo = _Memo()
    scopes = _scored_scopes(document.blocks, texts, memo)
    governors = _Governors()
    sentences: list[Sentence] = []
    for b_index, (block, text, spans) in enumerate(
        zip(document.blocks, texts, split_sentences(texts, model), strict=True)
    ):
        block_lemmas = lemma_view([t for span in spans for t in span.tokens])
        context = governors.enter(block, text, block_lemmas)
        for span in spans:
            full = text[span.start : span.end].strip()
            if not full:
                continue
            # Place and scoring belong to the whole sentence; wording to each clause.
            place = place_of(block.location.section, full)
            scored = _sentence_scored(full, place, block, scopes, memo)
            for clause in split_clauses(span):
                s_text = text[clause.start : clause.end].strip()
                view = fold(s_text)
                lemmas = lemma_view(clause.tokens)
                modality = _clause_modality(view, block, governors.lead_in, memo)
                governors.after(block, s_text, modality, lemmas)
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=s_text,
                        lemmas=lemmas,
                        block_index=b_index,
                        kind=block.kind,
                        location=block.location,
                        place=place,
                        modality=modality,
                        scored=scored,
                        context=context[0],
                        context_lemmas=context[1],
                        view=view,
                    )
                )
    return tuple(sentences)
