"""Sentences the matcher searched one by one need no second search in find_matches.

Context.found splits a matcher's sentences into ``sure`` (its regex matched the sentence on its
own) and ``joined`` (hit in a scan of the joined document). find_matches skips the confirming
``m.search`` for the sure ones: that is only right if ``m.search`` holds for each of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.config import Settings
from lbcheck.engine.match import Context
from lbcheck.engine.segments import segment
from lbcheck.ingest import read_document
from lbcheck.runner import build_entries

_EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.mark.parametrize("name", ["lb_reinigung.docx", "lb_bueromaterial.md"])
def test_sure_sentences_pass_the_confirming_search(name: str) -> None:
    _, _, entries = build_entries(Settings())
    document = read_document(_EXAMPLES / name, name)
    ctx = Context(segment(document))
    checked = 0
    for entry in entries:
        matchers = [p.matcher for p in entry.patterns]
        matchers += [m for p in entry.patterns for m in (*p.requires, *p.unless)]
        for m in matchers:
            sure, joined = ctx.found(m)
            assert not sure & joined
            for i in sure:
                s = ctx.sentences[i]
                assert m.search(s.view, s.lemmas), (entry.entry.code, s.text)
                checked += 1
    assert checked > 50  # the examples exercise many matchers
