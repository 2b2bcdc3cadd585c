"""Turn a Document into sentences with lemma view, place and modality."""

from __future__ import annotations

import regex

from lbcheck.criteria.lexicon import pattern
from lbcheck.engine.modality import classify, is_scored
from lbcheck.engine.places import announces_award, place_of
from lbcheck.ingest.characters import fold
from lbcheck.models import BlockKind, Document, Modality, Place, Sentence
from lbcheck.nlp import lemma_view, split_clauses, split_sentences

_SPACE = regex.compile(r"\s+")
_MINIMUM_HEADING = pattern("minimum-heading")
_MAX_BLOCK = 20_000
# A paragraph that introduces a list: ends with ":" or without a full stop ("zu schulen in",
# "Nicht eingesetzt werden dürfen"). It only governs the list items that follow it.
_LEAD_IN_END = regex.compile(r"(?::|[^.!?;])\s*$")
# In an award sentence a percentage is a weight ("Preis 50 %").
_WEIGHT = pattern("award-weight")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def segment(document: Document, model: str | None = None) -> tuple[Sentence, ...]:
    """Split every block into sentences and classify each one.

    A sentence in a Zuschlag section or table whose section/table carries points or weights
    counts as part of a scored award criterion.
    """
    texts = [_clean(b.text)[:_MAX_BLOCK] for b in document.blocks]
    scored_sections: set[tuple[str, ...]] = set()
    scored_tables: set[int] = set()
    for block, text in zip(document.blocks, texts, strict=True):
        if is_scored(text):
            scored_sections.add(block.location.section)
            if block.location.table is not None:
                scored_tables.add(block.location.table)

    sentences: list[Sentence] = []
    lead_in: Modality | None = None
    lead_text = lead_lemmas = ""
    headers: dict[tuple[int, int], tuple[str, str]] = {}
    for b_index, (block, text, spans) in enumerate(
        zip(document.blocks, texts, split_sentences(texts, model), strict=True)
    ):
        section = block.location.section
        loc = block.location
        if block.kind is not BlockKind.LIST_ITEM and block.kind is not BlockKind.HEADING:
            lead_in = None
            lead_text = lead_lemmas = ""
        block_lemmas = lemma_view([t for span in spans for t in span.tokens])
        context = ("", "")
        if block.kind is BlockKind.LIST_ITEM:
            context = (lead_text, lead_lemmas)
        elif block.kind is BlockKind.TABLE_CELL and loc.table is not None:
            if loc.row == 1 and loc.column is not None:
                headers[(loc.table, loc.column)] = (text, block_lemmas)
            elif loc.row is not None and loc.row > 1:
                context = headers.get((loc.table, loc.column or 0), ("", ""))
        for span in spans:
            full = text[span.start : span.end].strip()
            if not full:
                continue
            # Place and scoring belong to the whole sentence; wording to each clause.
            place = place_of(section, full)
            # A sentence that announces its own award role but carries no points stays
            # unscored even inside a weighted section (VR-05 looks for exactly that).
            scored = is_scored(full) or (
                place is Place.ZUSCHLAG
                and (
                    bool(_WEIGHT.search(full))
                    or (
                        not announces_award(full)
                        and (section in scored_sections or block.location.table in scored_tables)
                    )
                )
            )
            for clause in split_clauses(span):
                s_text = text[clause.start : clause.end].strip()
                view = fold(s_text)
                modality = classify(view)
                if modality is Modality.AMBIGUOUS and any(
                    _MINIMUM_HEADING.search(h) for h in section
                ):
                    modality = Modality.BINDING
                # List items take the wording of their lead-in: "Wünschenswert sind:". A
                # question ("Welche Instrumente tragen … bei?") asks, it requires nothing.
                if view.endswith("?"):
                    modality = Modality.STATEMENT
                elif (
                    block.kind is BlockKind.LIST_ITEM and modality is Modality.STATEMENT and lead_in
                ):
                    modality = lead_in
                if block.kind is BlockKind.PARAGRAPH and _LEAD_IN_END.search(s_text):
                    lead_in = modality if modality is not Modality.STATEMENT else None
                    lead_text, lead_lemmas = s_text, lemma_view(clause.tokens)
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=s_text,
                        lemmas=lemma_view(clause.tokens),
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
