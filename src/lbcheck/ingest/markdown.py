"""Markdown with markdown-it-py (CommonMark + tables): blocks with their first line number.

Code blocks and fences are kept as PARAGRAPH blocks (tenders quote requirement catalogues in
them); HTML comments and tags are dropped, the text between tags is kept.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lbcheck.ingest.blocks import BlockBuilder, Extracted
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits
from lbcheck.ingest.normalize import clean
from lbcheck.ingest.text import decode, read_text
from lbcheck.models import BlockKind

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
# markdown-it stops reading a container nested deeper than maxNesting and silently skips the
# rest of it (the default 20 is a list ten levels deep). Deeper documents are read as plain
# text instead, so no text is ever lost; the bound also keeps recursion far from Python's limit.
_MAX_NESTING = 100
_PARSER = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
# markdown-it looks for the end of a link label from every "[": quadratic in the brackets of
# one paragraph (100 KB of "[" take minutes). Past this many, brackets are escaped: the text
# stays, only link syntax is no longer recognised.
_MAX_BRACKETS = 5_000
_BRACKET = re.compile(r"(?<!\\)\[")


def read_markdown(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Extract the blocks of a Markdown file given as bytes."""
    source = decode(data, limits)
    front = _FRONT_MATTER.match(source)
    if front:
        # Blank the front matter instead of cutting it so that line numbers stay true.
        source = "\n" * front.group(0).count("\n") + source[front.end() :]
    if source.count("[") > _MAX_BRACKETS:
        source = _BRACKET.sub(r"\\[", source)
    try:
        tokens = _PARSER.parse(source)
    except RecursionError:
        tokens = []
    if not tokens or max(t.level for t in tokens) >= _MAX_NESTING - 1:
        return read_text(data, limits)
    out = BlockBuilder()
    lists = 0
    table = row = column = 0
    row_line: int | None = None
    for i, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else None
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "table_open":
            table += 1
            row = 0
        elif kind == "tr_open":
            row += 1
            column = 0
            row_line = line
        elif kind in ("th_open", "td_open"):
            column += 1
            text = _inline(tokens[i + 1])
            out.add(BlockKind.TABLE_CELL, text, line=row_line, table=table, row=row, column=column)
        elif kind == "heading_open":
            out.heading(_inline(tokens[i + 1]), int(token.tag[1:]), line=line)
        elif kind == "paragraph_open" and not _in_cell(tokens, i):
            block = BlockKind.LIST_ITEM if lists else BlockKind.PARAGRAPH
            out.add(block, _inline(tokens[i + 1]), level=lists or None, line=line)
        elif kind in ("fence", "code_block"):
            out.add(BlockKind.PARAGRAPH, clean(token.content), line=line)
        elif kind == "html_block":
            out.add(BlockKind.PARAGRAPH, clean(_TAG.sub(" ", token.content)), line=line)
    return out.result()


def _in_cell(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].type in ("th_open", "td_open")


def _inline(token: Token) -> str:
    """Plain text of an inline token: markup, links and HTML tags removed."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return clean("".join(parts))
