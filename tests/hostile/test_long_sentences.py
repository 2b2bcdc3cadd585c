"""A long stretch without a full stop (a table row, a material list) is checked, not timed out:
every built-in pattern stays linear in the length of a sentence."""

from __future__ import annotations

from collections.abc import Sequence

from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options, check_document
from lbcheck.ingest.markdown import read_markdown
from lbcheck.models import Document

# About 19 800 characters in one sentence: a food word and "Einweg…" everywhere, but no
# single-use packaging. VR-08's look-ahead once searched to the end of it from every position
# (12 s, over the 5 s a regular expression may take: the document ended as "timeout").
ROW = "Pos. 1 Material " + "Einwegpalette Holz Lagerung Getränkekisten " * 450


def test_long_table_row_is_checked(compiled: Sequence[CompiledEntry]) -> None:
    text = f"# Leistungsverzeichnis\n\n{ROW}\n"
    document = Document("lv.md", "markdown", read_markdown(text.encode("utf-8")).blocks)
    report = check_document(document, compiled, Options())
    assert report.status == "ok"
    assert "VR-08" not in {f.code for f in report.findings}
