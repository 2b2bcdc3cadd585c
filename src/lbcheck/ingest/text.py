"""Plain text: decoding, paragraphs at blank lines, numbered/capital headings and list items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.blocks import BlockBuilder, Extracted
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits
from lbcheck.ingest.normalize import (
    clean,
    heading_number,
    is_caps_heading,
    list_marker,
    numbered_heading_level,
    unwrap,
)
from lbcheck.models import BlockKind

_UNDERLINE = re.compile(r"^\s*(=+|-+|\*+|_+|~+)\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:+-]+$")
_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16 with BOM, else cp1252 / latin-1.

    Binary content (NUL bytes without a UTF-16 BOM, many control characters) is UNSUPPORTED;
    more characters than ``limits.max_chars`` is TOO_LARGE (checked before any parsing).
    """
    # Every encoding here takes at least one byte per character (UTF-16: two).
    if len(data) > 4 * limits.max_chars + 4:
        raise IngestError(IngestCode.TOO_LARGE, _too_many(len(data), limits, "Bytes"))
    text = _decode(data)
    if len(text) > limits.max_chars:
        raise IngestError(IngestCode.TOO_LARGE, _too_many(len(text), limits, "Zeichen"))
    return text


def _too_many(size: int, limits: Limits, unit: str) -> str:
    return f"{size} {unit} Text, Grenze {limits.max_chars} Zeichen"


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(codec, errors="replace"))
    if b"\x00" in data[:8192]:
        raise IngestError(IngestCode.UNSUPPORTED, "Binärdatei, kein Text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return _checked(text)


def _checked(text: str) -> str:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls > 0.01 * len(sample):
        raise IngestError(IngestCode.UNSUPPORTED, "Binärdatei, kein Text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(slots=True)
class _Pending:
    kind: BlockKind
    line: int
    lines: list[str] = field(default_factory=list)
    level: int | None = None


def read_text(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Extract the blocks of a plain text file given as bytes."""
    lines = decode(data, limits).split("\n")
    out = BlockBuilder()
    pending: _Pending | None = None
    table = row = 0
    in_table = False

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            out.add(
                pending.kind, clean(unwrap(pending.lines)), level=pending.level, line=pending.line
            )
            pending = None

    for number, raw in enumerate(lines, start=1):
        stripped = clean(raw)
        following = lines[number] if number < len(lines) else ""
        # Pipe tables ("| Pos. | Artikel | Menge |") as in Markdown: one block per cell.
        if _TABLE_ROW.match(raw):
            flush()
            if not in_table:
                table, row, in_table = table + 1, 0, True
            if _TABLE_RULE.match(raw):
                continue
            row += 1
            cells = raw.strip().strip("|").split("|")
            for column, cell in enumerate(cells, start=1):
                out.add(
                    BlockKind.TABLE_CELL, clean(cell), line=number, table=table, row=row,
                    column=column,
                )  # fmt: skip
            continue
        in_table = False
        if not stripped or _UNDERLINE.match(raw):
            flush()
            continue
        level = _heading_level(stripped, following, pending is None)
        if level is not None:
            flush()
            out.heading(stripped, level, line=number)
            continue
        marker = list_marker(stripped)
        indented = raw[: len(raw) - len(raw.lstrip())]
        if marker:
            flush()
            text = stripped[marker:] if stripped[0] in "-•*▪–·" else stripped
            pending = _Pending(BlockKind.LIST_ITEM, number, [text], len(indented) // 4 + 1)
        elif pending is None:
            pending = _Pending(BlockKind.PARAGRAPH, number, [stripped])
        else:
            pending.lines.append(stripped)
    flush()
    return out.result()


def _heading_level(text: str, following: str, starts_block: bool) -> int | None:
    """Heading level of a text line, or None.

    A line underlined with ``===`` or ``---`` is a heading (level from its number or 1/2); a
    numbered short line (``3.2 Papier``) or a short all-capitals line that starts a block is
    one too. ``1. Text`` lists stay lists unless underlined.
    """
    underline = _UNDERLINE.match(following)
    if underline and len(underline.group(1)) >= 3:
        found = heading_number(text)
        return found[1] if found else (1 if underline.group(1)[0] == "=" else 2)
    if not starts_block:
        return None
    # A numbered line whose next line continues it ("2.4 Polyester sollte … /
    # (zum Beispiel …) bestehen.") is the start of a paragraph, not a heading.
    nxt = following.strip()
    if nxt[:1].islower() or nxt[:1] == "(" or ";" in text:
        return None
    if re.match(r"^§\s*\d+[a-z]?\s+[A-ZÄÖÜ]", text) and len(text) <= 90 and not text.endswith("."):
        return 1
    numbered = numbered_heading_level(text)
    if numbered is not None and not re.match(r"^\d{1,2}\.\s", text):
        return numbered
    # "7. Umweltmanagement und Berichte" alone on its line: a heading, not a list item.
    if (
        re.match(r"^\d{1,2}\.\s+[A-ZÄÖÜ]", text)
        and len(text) <= 80
        and not text.endswith((".", ":", ";", ","))
        and not following.strip()
    ):
        return 1
    return 1 if is_caps_heading(text) else None
