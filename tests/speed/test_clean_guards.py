"""The guarded clean-up (translate and collapse only where needed) equals the former one."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lbcheck.ingest.characters import _TRANSLATE, clean_chars
from lbcheck.ingest.normalize import clean
from tests.conftest import corpus_or_skip

_SPACES = re.compile(r"[ \f\v\r]+")
# Every mapped character, the kept controls, combining marks (NFC) and ordinary letters.
_ALPHABET = "".join(chr(c) for c in _TRANSLATE) + "\n\f\r\x02ae\u0301\u0308ü  §\u2028\x85"


def _clean_chars_before(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_TRANSLATE))


def _clean_before(text: str) -> str:
    text = _clean_chars_before(text)
    if "\n" not in text:
        return _SPACES.sub(" ", text).strip()
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@settings(max_examples=1000, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=30))
@example(text="a \r\n\fb  c\v")
@example(text="\ufb01x\u00a0\u00a0y")
@example(text="e\u0301\u200b")
def test_clean_equals_former(text: str) -> None:
    assert clean_chars(text) == _clean_chars_before(text)
    assert clean(text) == _clean_before(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_clean_equals_former_on_any_text(text: str) -> None:
    assert clean(text) == _clean_before(text)


def test_clean_equals_former_on_corpus_texts() -> None:
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for sub in ("real", "synthetic")
        for p in sorted(corpus_or_skip(sub).iterdir())
        if p.suffix in {".txt", ".md"}
    ]
    assert texts
    for text in texts:
        assert clean(text) == _clean_before(text)
        for line in text.splitlines():
            assert clean(line) == _clean_before(line)
