"""Named escape hatches for rules that data alone cannot express. Each one takes the pattern
matches of its rule plus the criteria evidence and returns the places where the rule fires,
with a confidence. A rule names its heuristic in YAML (``heuristic: weak-sustainability``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import regex

from lbcheck.criteria.lexicon import lexicon
from lbcheck.engine.match import Context, Match
from lbcheck.engine.places import announces_award
from lbcheck.models import BlockKind, Modality, Place, Sentence

Heuristic = Callable[[Context, Sequence[Match], Mapping[str, Sequence[Match]]], list[Match]]

_WEAK = frozenset({Modality.WEAK, Modality.AMBIGUOUS})


def _merge(*groups: Sequence[Match]) -> list[Match]:
    best: dict[int, Match] = {}
    for group in groups:
        for m in group:
            old = best.get(m.sentence.index)
            if old is None or m.confidence > old.confidence:
                best[m.sentence.index] = m
    return [best[i] for i in sorted(best)]


def _unscored_with_evidence(
    own: Sequence[Match],
    evidence: Mapping[str, Sequence[Match]],
    keep: Callable[[Sentence], bool],
    cap: float,
) -> list[Match]:
    """The rule's own unscored matches plus the criteria evidence ``keep`` selects."""
    chosen = [
        Match(m.sentence, min(m.confidence, cap), m.severity)
        for matches in evidence.values()
        for m in matches
        if not m.sentence.scored and keep(m.sentence)
    ]
    return _merge([m for m in own if not m.sentence.scored], chosen)


def weak_sustainability(
    ctx: Context, own: Sequence[Match], evidence: Mapping[str, Sequence[Match]]
) -> list[Match]:
    """VR-04: a sustainability requirement in weak words, outside a scored award criterion."""
    return _unscored_with_evidence(own, evidence, lambda s: s.modality is Modality.WEAK, 0.85)


def _enters_award(s: Sentence) -> bool:
    # Only sentences that put themselves into the award ("fließt in die Wertung ein") or
    # stand in an award table; lists of annexes under an award heading are no criterion.
    return s.place is Place.ZUSCHLAG and (announces_award(s.view) or s.kind is BlockKind.TABLE_CELL)


def unweighted_award(
    ctx: Context, own: Sequence[Match], evidence: Mapping[str, Sequence[Match]]
) -> list[Match]:
    """VR-05: a sustainability aspect used for the award without weighting or points."""
    return _unscored_with_evidence(own, evidence, _enters_award, 0.8)


def vague_term(
    ctx: Context, own: Sequence[Match], evidence: Mapping[str, Sequence[Match]]
) -> list[Match]:
    """VR-06: a vague term is the requirement itself. Where the same sentence states a concrete
    criterion (training, take-back, a label ...), the adjective only colours it."""
    concrete = {m.sentence.index for matches in evidence.values() for m in matches}
    return [m for m in own if m.sentence.index not in concrete]


_NUMBER = regex.compile(r"(?<![\d,.])0*(\d{2,3})(?!\d|,\d)")


def _numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def ilo_enumeration(
    ctx: Context, own: Sequence[Match], evidence: Mapping[str, Sequence[Match]]
) -> list[Match]:
    """VR-07: the ILO core conventions enumerated by number without C155 and C187."""
    core = set(lexicon().ilo_core_conventions.classic)
    added = set(lexicon().ilo_core_conventions.added_2022)
    fired: list[Match] = []
    for m in own:
        block = [s.text for s in ctx.sentences if s.block_index == m.sentence.block_index]
        window = ctx.sentences[max(0, m.sentence.index - 3) : m.sentence.index + 4]
        numbers = _numbers(" ".join(block + [s.text for s in window]))
        if len(numbers & core) >= 5 and not added <= numbers:
            fired.append(m)
    if not fired:
        return []
    everything = _numbers(
        " ".join(s.text for s in ctx.sentences if any(n in s.text for n in added))
    )
    if added <= everything:
        return []
    return fired[:1]


REGISTRY: dict[str, Heuristic] = {
    "weak-sustainability": weak_sustainability,
    "unweighted-award": unweighted_award,
    "ilo-enumeration": ilo_enumeration,
    "vague-term": vague_term,
}
