"""Positioned PDF lines and their grouping into paragraphs by geometry."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lbcheck.ingest.characters import SOFT_BREAKS
from lbcheck.ingest.normalize import ends_sentence, list_marker, numbered_heading_level
from lbcheck.models import BlockKind


@dataclass(slots=True)
class Line:
    """One visual line of a PDF page; ``y`` is the baseline, PDF units with y upwards."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    blank_before: bool = False
    refs: list[str] = field(default_factory=list)
    space_around: tuple[bool, bool] = (True, True)


@dataclass(slots=True)
class PageLines:
    """The lines of one page in content order."""

    number: int
    width: float
    height: float
    lines: list[Line]


@dataclass(slots=True)
class Para:
    """Lines that form one paragraph, with what the layout analysis found out about it."""

    lines: list[Line]
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int | None = None
    page: int | None = None
    number: int | None = None
    #: The joined text once computed (``None`` again whenever ``lines`` changes).
    text: str | None = None


def size_class(size: float) -> float:
    """Font sizes rounded to half points."""
    return round(size * 2) / 2


def line_pitches(lines: Iterable[Line]) -> dict[float, float]:
    """The usual tight baseline distance for each size class.

    Not simply the most common distance: in tables the row distance is as common as the
    distance inside a cell, so the smallest distance that is still frequent is taken.
    """
    gaps: dict[float, Counter[float]] = defaultdict(Counter)
    prev: Line | None = None
    for line in lines:
        if prev is not None and size_class(prev.size) == size_class(line.size):
            dy = prev.y - line.y
            if 0.9 * line.size < dy < 2.6 * line.size:
                gaps[size_class(line.size)][round(dy * 2) / 2] += 1
        prev = line
    pitches: dict[float, float] = {}
    for size, counter in gaps.items():
        top = counter.most_common(1)[0][1]
        pitches[size] = min(dy for dy, n in counter.items() if n >= max(2, 0.15 * top) or n == top)
    return pitches


def split_paragraphs(lines: list[Line], pitches: dict[float, float]) -> list[Para]:
    """Group consecutive lines into paragraphs using gaps, size changes, indents and markers."""
    paras: list[Para] = []
    right = max((ln.x1 for ln in lines), default=0.0)
    # Leftmost start of the current paragraph's lines after its first (kept as it grows, so
    # the work stays linear however many lines a crafted page puts in one paragraph).
    rest_left = math.inf
    for line in lines:
        para = paras[-1] if paras else None
        if para is None or _breaks(para, line, pitches, right, rest_left):
            paras.append(Para([line]))
            rest_left = math.inf
        else:
            para.lines.append(line)
            rest_left = min(rest_left, line.x0)
    return paras


def _breaks(
    para: Para, line: Line, pitches: dict[float, float], right: float, rest_left: float
) -> bool:
    prev = para.lines[-1]
    size = max(prev.size, line.size, 1.0)
    if line.blank_before or abs(prev.size - line.size) > 0.12 * size:
        return True
    dy = prev.y - line.y
    pitch = pitches.get(size_class(size), 1.25 * size)
    if dy < -0.5 * size or dy > max(1.25 * pitch, 1.1 * size):
        return True
    if prev.text.endswith(tuple(SOFT_BREAKS)):
        return False
    if list_marker(line.text) or numbered_heading_level(line.text) is not None:
        return True
    if len(para.lines) == 1 and numbered_heading_level(prev.text) is not None:
        return not line.text[:1].islower()
    if ends_sentence(prev.text) and prev.x1 < right - 6 * size:
        return True
    return len(para.lines) > 1 and line.x0 < rest_left - 0.8 * size
