"""Markdown and plain text: headings, lists, tables, line numbers, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import read_document
from lbcheck.models import BlockKind, Document

MARKDOWN = """---
title: Muster
tags: [a, b]
---
<!-- Vorlage -->
# Leistungsbeschreibung

Die **Lieferung** erfolgt
frei [Verwendungsstelle](https://example.org) mit `Mehrweg`-Boxen.<br>

Papier
------

- Recyclingpapier aus 100 % Altpapier
- Blauer Engel
  oder gleichwertig

1. Erster Schritt

> Hinweis: Angebote ohne Nachweis werden ausgeschlossen.

| Pos. | Artikel |
|------|---------|
| 1    | Ordner  |

```
level: MUST
```
"""

TEXT = """LEISTUNGSBESCHREIBUNG REINIGUNG

1 Gegenstand
Die Stadt vergibt die Reinigung. Die Leistung umfasst
alle Verwaltungsgebäude und ist umwelt-
freundlich zu erbringen.

1.1 Umfang
- Büroräume
- Sanitärbereiche
  inklusive Duschen
a) Glasflächen

2. Vergütung
============
Monatlich nach Aufmaß.
"""


def _read(tmp_path: Path, name: str, data: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def test_markdown_blocks_and_lines(tmp_path: Path) -> None:
    doc = _read(tmp_path, "lb.md", MARKDOWN.encode())
    got = [(b.kind, b.text, b.location.line) for b in doc.blocks]
    assert got[:4] == [
        (BlockKind.HEADING, "Leistungsbeschreibung", 6),
        (
            BlockKind.PARAGRAPH,
            "Die Lieferung erfolgt frei Verwendungsstelle mit Mehrweg-Boxen.",
            8,
        ),
        (BlockKind.HEADING, "Papier", 11),
        (BlockKind.LIST_ITEM, "Recyclingpapier aus 100 % Altpapier", 14),
    ]
    assert (BlockKind.LIST_ITEM, "Blauer Engel oder gleichwertig", 15) in got
    assert (BlockKind.LIST_ITEM, "Erster Schritt", 18) in got
    assert (
        BlockKind.PARAGRAPH,
        "Hinweis: Angebote ohne Nachweis werden ausgeschlossen.",
        20,
    ) in got
    assert (BlockKind.PARAGRAPH, "level: MUST", 26) in got
    assert all("title" not in b.text and "Vorlage" not in b.text for b in doc.blocks)
    assert all(b.location.paragraph is None for b in doc.blocks)


def test_markdown_table_and_sections(tmp_path: Path) -> None:
    doc = _read(tmp_path, "lb.markdown", MARKDOWN.encode())
    cells = [
        (b.location.table, b.location.row, b.location.column, b.text, b.location.line)
        for b in doc.blocks
        if b.kind is BlockKind.TABLE_CELL
    ]
    assert cells == [
        (1, 1, 1, "Pos.", 22),
        (1, 1, 2, "Artikel", 22),
        (1, 2, 1, "1", 24),
        (1, 2, 2, "Ordner", 24),
    ]
    heading = next(b for b in doc.blocks if b.text == "Papier")
    assert heading.level == 2
    assert heading.location.section == ("Leistungsbeschreibung", "Papier")


def test_text_blocks(tmp_path: Path) -> None:
    doc = _read(tmp_path, "lb.txt", TEXT.encode())
    got = [(b.kind, b.text, b.level, b.location.line) for b in doc.blocks]
    assert got == [
        (BlockKind.HEADING, "LEISTUNGSBESCHREIBUNG REINIGUNG", 1, 1),
        (BlockKind.HEADING, "1 Gegenstand", 1, 3),
        (
            BlockKind.PARAGRAPH,
            "Die Stadt vergibt die Reinigung. Die Leistung umfasst alle Verwaltungsgebäude "
            "und ist umweltfreundlich zu erbringen.",
            None,
            4,
        ),
        (BlockKind.HEADING, "1.1 Umfang", 2, 8),
        (BlockKind.LIST_ITEM, "Büroräume", 1, 9),
        (BlockKind.LIST_ITEM, "Sanitärbereiche inklusive Duschen", 1, 10),
        (BlockKind.LIST_ITEM, "a) Glasflächen", 1, 12),
        (BlockKind.HEADING, "2. Vergütung", 1, 14),
        (BlockKind.PARAGRAPH, "Monatlich nach Aufmaß.", None, 16),
    ]
    assert doc.blocks[4].location.section == ("1 Gegenstand", "1.1 Umfang")


@pytest.mark.parametrize(
    "data",
    [
        "Müll-Trennung ist Pflicht.".encode("cp1252"),
        "\ufeffMüll-Trennung ist Pflicht.".encode(),
        "\ufeffMüll-Trennung ist Pflicht.".encode("utf-16-le"),
    ],
)
def test_text_encodings(tmp_path: Path, data: bytes) -> None:
    doc = _read(tmp_path, "x.text", data)
    assert doc.blocks[0].text == "Müll-Trennung ist Pflicht."


def test_binary_text_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        _read(tmp_path, "x.txt", b"abc\x00\x01\x02def" * 50)
    assert err.value.code is IngestCode.UNSUPPORTED


@pytest.mark.parametrize("name", ["x.txt", "x.md"])
def test_blank_text_is_empty(tmp_path: Path, name: str) -> None:
    with pytest.raises(IngestError) as err:
        _read(tmp_path, name, b"\n\n   \n")
    assert err.value.code is IngestCode.EMPTY
