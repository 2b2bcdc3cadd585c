"""The prefilter literals of a pattern are sound: every string the pattern matches contains one.

Strings are generated from the patterns themselves (``hypothesis.strategies.from_regex``), for
hand-picked shapes and for every text pattern of the built-in catalogue that ``re`` can parse.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lbcheck.engine.literals import required_literals

SHAPES = [
    r"\b(?:ILO|IAO)\b",  # the parser factors out the common "I": the run is rebuilt
    r"\bz\.\s?B\.",
    r"\.{4,}|…|_{3,}",
    r"§\s*(13|438|634a)\b",
    r"\d+\s*(%|Prozent)",
    r"\bDE[-\s]?UZ[-\s]?(38|117)\b",
    r"\bBlau(?:e[rnms]?)?\s+Engel",
    r"\w*(?:rezyklat|recyclat)\w*",
    r"\b[3-5]\s*Jahre?n?\b",
    r"Recycling(?:papier|karton)?|Altpapier",
]


def test_shapes_get_the_expected_literals() -> None:
    assert required_literals(SHAPES[0]) == ("iao", "ilo")
    assert required_literals(SHAPES[1]) == ("z.",)
    assert required_literals(SHAPES[2]) == ("...", "___", "…")
    assert required_literals(SHAPES[3]) == ("13", "438", "634a")
    assert required_literals(r"§\s*\d+") == ("§",)
    assert required_literals(r"\bde\s+uz\b") is None  # two letters say too little
    assert required_literals(r"\w+") is None


def _catalogue_text_patterns() -> list[str]:
    """The text-view patterns of every compiled matcher of the built-in catalogue."""
    from lbcheck.config import Settings
    from lbcheck.engine.compiled import CompiledMatcher
    from lbcheck.runner import build_entries

    _opts, _catalogue, entries = build_entries(Settings())
    found: set[str] = set()
    seen: set[int] = set()

    def walk(node: object) -> None:
        if id(node) in seen or isinstance(node, str | int | float | bool | type(None)):
            return
        seen.add(id(node))
        if isinstance(node, CompiledMatcher):
            if node.text_rx is not None:
                found.add(node.text_rx.pattern)
            return
        if isinstance(node, list | tuple):
            for item in node:
                walk(item)
        elif hasattr(node, "__dataclass_fields__"):
            for name in node.__dataclass_fields__:
                walk(getattr(node, name))

    walk(entries)
    return sorted(p for p in found if _re_parses(p))


def _re_parses(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _check(pattern: str, data: st.DataObject) -> None:
    literals = required_literals(pattern)
    if literals is None:
        return
    text = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    lowered = text.lower()
    if len(lowered) != len(text):  # the engine skips the prefilter for such texts too
        return
    assert any(lit in lowered for lit in literals), (pattern, text, literals)


@pytest.mark.parametrize("pattern", SHAPES)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_contains_a_literal(pattern: str, data: st.DataObject) -> None:
    _check(pattern, data)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_catalogue_patterns_every_match_contains_a_literal(data: st.DataObject) -> None:
    patterns = _catalogue_patterns()
    _check(data.draw(st.sampled_from(patterns)), data)


_CACHE: list[str] = []


def _catalogue_patterns() -> list[str]:
    if not _CACHE:
        _CACHE.extend(_catalogue_text_patterns())
    return _CACHE
