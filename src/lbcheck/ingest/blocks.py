"""Collecting blocks in reading order while tracking the heading path."""

from __future__ import annotations

from dataclasses import dataclass

from lbcheck.errors import IngestCode, IngestError
from lbcheck.models import Block, BlockKind, Location


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a format reader returns: blocks in reading order and the page count if known."""

    blocks: tuple[Block, ...]
    pages: int | None = None


class BlockBuilder:
    """Appends blocks and keeps the current section (heading path) up to date."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._path: list[tuple[int, str]] = []

    @property
    def section(self) -> tuple[str, ...]:
        """The heading texts from the outermost to the innermost current heading."""
        return tuple(text for _, text in self._path)

    def heading(
        self,
        text: str,
        level: int,
        *,
        page: int | None = None,
        paragraph: int | None = None,
        line: int | None = None,
    ) -> Block | None:
        """Add a heading of ``level`` (1 = top); its own section includes itself."""
        text = text.strip()
        if not text:
            return None
        level = max(1, level)
        while self._path and self._path[-1][0] >= level:
            self._path.pop()
        self._path.append((level, text))
        loc = Location(page=page, section=self.section, paragraph=paragraph, line=line)
        block = Block(BlockKind.HEADING, text, loc, level)
        self.blocks.append(block)
        return block

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int | None = None,
        section: tuple[str, ...] | None = None,
        page: int | None = None,
        paragraph: int | None = None,
        line: int | None = None,
        table: int | None = None,
        row: int | None = None,
        column: int | None = None,
    ) -> Block | None:
        """Add a non-heading block at the current section (or ``section``); skip empty text."""
        text = text.strip()
        if not text:
            return None
        loc = Location(
            page=page,
            section=self.section if section is None else section,
            paragraph=paragraph,
            line=line,
            table=table,
            row=row,
            column=column,
        )
        block = Block(kind, text, loc, level)
        self.blocks.append(block)
        return block

    def result(self, pages: int | None = None) -> Extracted:
        """Freeze the blocks; a document without any text is an :class:`IngestError` EMPTY."""
        if not any(b.text.strip() for b in self.blocks):
            raise IngestError(IngestCode.EMPTY, "kein Text gefunden")
        return Extracted(tuple(self.blocks), pages)
