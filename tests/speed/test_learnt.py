"""Forgetting what earlier documents taught a process changes nothing but the speed."""

from __future__ import annotations

from pathlib import Path

from lbcheck import learnt, nlp, nlp_chunks
from lbcheck.config import Settings
from lbcheck.engine import places
from lbcheck.runner import build_entries, check_file

_EXAMPLE = Path(__file__).parents[2] / "examples" / "lb_reinigung.docx"


def test_forget_empties_the_caches_and_keeps_the_report() -> None:
    settings = Settings()
    options, _, entries = build_entries(settings)
    first = check_file(_EXAMPLE, "lb_reinigung.docx", entries, settings, options)
    tokenizer = nlp_chunks.chunk_tokenizer(nlp.load_pipeline(None))
    assert tokenizer._known and nlp_chunks._FORMS
    assert places._section_place.cache_info().currsize > 0

    learnt.forget()

    assert not nlp_chunks.chunk_tokenizer(nlp.load_pipeline(None))._known
    assert not nlp_chunks._FORMS
    assert nlp.lemma_key.cache_info().currsize == 0
    assert places._section_place.cache_info().currsize == 0
    again = check_file(_EXAMPLE, "lb_reinigung.docx", entries, settings, options)
    assert again == first and first.findings
