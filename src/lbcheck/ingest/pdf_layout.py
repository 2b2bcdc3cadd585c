"""Turning positioned PDF lines into blocks: running heads, footnotes, paragraphs, headings."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from lbcheck.ingest.blocks import BlockBuilder
from lbcheck.ingest.characters import SOFT_BREAKS
from lbcheck.ingest.normalize import (
    clean,
    ends_sentence,
    is_page_number,
    list_marker,
    numbered_heading_level,
    strip_page_numbers,
    unwrap,
)
from lbcheck.ingest.pdf_lines import (
    Line,
    PageLines,
    Para,
    line_pitches,
    size_class,
    split_paragraphs,
)
from lbcheck.models import Block, BlockKind

_RUNNING_KEY = re.compile(r"\d+")
_FOOTNOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})\s*(?=\S)")


def build_blocks(pages: list[PageLines]) -> tuple[Block, ...]:
    """Blocks of a whole PDF: running heads once, body per page, footnotes after their page."""
    running = _running_keys(pages)
    heads: list[tuple[BlockKind, str, int]] = []
    seen: set[str] = set()
    builder = BlockBuilder()
    ref_sections: dict[str, tuple[str, ...]] = {}
    body_size, heading_sizes = _sizes(pages)
    pitches = line_pitches(ln for p in pages for ln in p.lines)
    last: Para | None = None
    paras_out: list[tuple[Para, tuple[str, ...]]] = []
    for page in pages:
        body: list[Line] = []
        head_lines: list[Line] = []
        foot_lines: list[Line] = []
        for line in page.lines:
            band = _band(line, page)
            if band and (_key(line.text) in running or is_page_number(line.text)):
                if not is_page_number(line.text):
                    (head_lines if band == "top" else foot_lines).append(line)
            else:
                body.append(line)
        for kind, group in ((BlockKind.HEADER, head_lines), (BlockKind.FOOTER, foot_lines)):
            fresh = [ln for ln in group if _key(ln.text) not in seen]
            seen.update(_key(ln.text) for ln in fresh)
            for para in split_paragraphs(fresh, pitches):
                text = strip_page_numbers(_text(para))
                if text:
                    heads.append((kind, text, page.number))
        body, notes = _split_footnotes(body, body_size)
        paras = split_paragraphs(body, pitches)
        left = min((ln.x0 for ln in body), default=0.0)
        count = 0
        for i, para in enumerate(paras):
            text = _text(para)
            if i == 0 and last is not None and _continues(last, para, text):
                last.lines.extend(para.lines)
                last.text = None
                continue
            count += 1
            para.page, para.number = page.number, count
            level = _heading_level(para, text, body_size, heading_sizes, left)
            if level is not None:
                para.kind, para.level = BlockKind.HEADING, level
                builder.heading(text, level)  # keeps the section path current
            elif list_marker(text):
                para.kind = BlockKind.LIST_ITEM
            paras_out.append((para, builder.section))
            for ref in (r for ln in para.lines for r in ln.refs):
                ref_sections.setdefault(ref, builder.section)
            last = para if para.kind is not BlockKind.HEADING else None
        for number, note in notes:
            section = ref_sections.get(number, builder.section)
            paras_out.append((Para([note], kind=BlockKind.FOOTNOTE, page=page.number), section))
    return _emit(heads, paras_out)


def _emit(
    heads: list[tuple[BlockKind, str, int]], paras: list[tuple[Para, tuple[str, ...]]]
) -> tuple[Block, ...]:
    out = BlockBuilder()
    for kind, text, page in heads:
        if kind is BlockKind.HEADER:
            out.add(kind, text, section=(), page=page)
    for para, section in paras:
        text = _text(para)
        if para.kind is BlockKind.LIST_ITEM and text[:1] in "•▪-–*·✓":
            text = text[list_marker(text) :]
        out.add(
            para.kind,
            text,
            level=para.level,
            section=section,
            page=para.page,
            paragraph=para.number,
        )
    for kind, text, page in heads:
        if kind is BlockKind.FOOTER:
            out.add(kind, text, section=(), page=page)
    return tuple(out.blocks)


def _text(para: Para) -> str:
    if para.text is None:
        para.text = clean(unwrap([ln.text for ln in para.lines]))
    return para.text


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return _RUNNING_KEY.sub("#", " ".join(text.lower().split()))


def _band(line: Line, page: PageLines) -> str | None:
    if line.y > page.height * 0.70:
        return "top"
    if line.y < page.height * 0.20:
        return "bottom"
    return None


def _sizes(pages: list[PageLines]) -> tuple[float, list[float]]:
    """The body text size and the heading sizes (largest first).

    A heading size is clearly larger than the body and rare: a size that carries a good share
    of the text is a second body size (e.g. long texts set in 9 pt beside 8 pt).
    """
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[size_class(line.size)] += len(line.text)
    if not sizes:
        return 10.0, []
    body = sizes.most_common(1)[0][0]
    total = sum(sizes.values())
    heads = [s for s, n in sizes.items() if s >= body * 1.15 and n < 0.15 * total]
    return body, sorted(heads, reverse=True)


def _running_keys(pages: list[PageLines]) -> set[str]:
    """Texts (digits ignored) that stand at the same height near the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    where: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        for line in page.lines:
            if _band(line, page):
                where[_key(line.text)].append((page.number, line.y))
    need = max(2, math.ceil(len(pages) * 0.5))
    keys: set[str] = set()
    for key, hits in where.items():
        if len({p for p, _ in hits}) < need:
            continue
        ys = sorted(y for _, y in hits)
        mid = ys[len(ys) // 2]
        if len({p for p, y in hits if abs(y - mid) <= 3.0}) >= need:
            keys.add(key)
    return keys


def _split_footnotes(
    lines: list[Line], body_size: float
) -> tuple[list[Line], list[tuple[str, Line]]]:
    """Cut small-print lines at the end of a page that start with a reference number."""
    refs = {r for ln in lines for r in ln.refs}
    start = len(lines)
    while start > 0 and lines[start - 1].size < body_size * 0.92:
        start -= 1
    tail = lines[start:]
    for offset, line in enumerate(tail):
        match = _FOOTNOTE_START.match(line.text)
        if match and match.group(1) in refs:
            start += offset
            break
    else:
        return lines, []
    tail = lines[start:]
    notes: list[tuple[str, Line]] = []
    for line in tail:
        match = _FOOTNOTE_START.match(line.text)
        if match and (match.group(1) in refs or not notes):
            text = line.text[match.end() :]
            notes.append((match.group(1), Line(text, line.x0, line.x1, line.y, line.size)))
        else:
            note = notes[-1][1]
            note.text = unwrap([note.text, line.text])
    return lines[:start], notes


def _heading_level(
    para: Para, text: str, body_size: float, heading_sizes: list[float], left: float
) -> int | None:
    size = para.lines[0].size
    if len(para.lines) > 2 or len(text) > 150 or not text[:1].isalnum():
        return None
    numbered = numbered_heading_level(text)
    if size_class(size) in heading_sizes and not text.endswith((".", ",", ";")):
        if numbered is not None:
            return numbered
        return min(heading_sizes.index(size_class(size)) + 1, 6)
    if (
        size >= body_size * 0.92
        and len(para.lines) == 1
        and numbered is not None
        and para.lines[0].x0 <= left + 0.5 * size
    ):
        return numbered
    return None


def _continues(prev: Para, para: Para, text: str) -> bool:
    """A paragraph cut by a page break: no final punctuation, and the same type size."""
    if prev.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not text:
        return False
    before = prev.lines[-1].text
    if not before:  # a line that cleaned to nothing (only control characters) ends nothing
        return False
    if ends_sentence(before) or list_marker(text) or numbered_heading_level(text) is not None:
        return False
    if abs(prev.lines[-1].size - para.lines[0].size) > 0.1 * para.lines[0].size:
        return False
    end = before[-1]
    return text[0].islower() or end.islower() or end in "," + SOFT_BREAKS or end == "-"
