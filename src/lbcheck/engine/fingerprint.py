"""Stable fingerprints of findings, for baselines, suppression files and CI annotations.

A fingerprint must survive what editing a tender usually does around a finding and still tell
two findings apart: it is the code, the section path and the sentence, normalised so that
renumbered chapters ("3.2 Leistung" -> "4.2 Leistung"), a changed year in a title
("Rahmenvertrag 2025" -> "2026") and page shifts do not change it, plus the occurrence of that
same key within the document (the second identical sentence in one section gets its own).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import regex

# Outline numbers in front of a heading: "3.2.1", "3.2.1.", "IV.", "A)", "§ 4", "Anlage 2:".
_NUMBERING = regex.compile(
    r"^\s*(?:(?:§+|Anlage|Teil|Abschnitt|Kapitel)\s*)?"
    r"(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Za-z][.)]|\d+\))\s*[:.\-–]?\s+",
    regex.IGNORECASE,
)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_SPACE = regex.compile(r"\s+")


def normalise_heading(heading: str) -> str:
    """Heading text without outline number, years replaced, whitespace and case folded."""
    text = _NUMBERING.sub("", heading, count=1)
    text = _YEAR.sub("YYYY", text)
    return _SPACE.sub(" ", text).strip().casefold()


def finding_key(code: str, section: Sequence[str], sentence: str) -> str:
    """What identifies a finding before its occurrence is counted."""
    parts = (code, *(normalise_heading(h) for h in section), _SPACE.sub(" ", sentence).casefold())
    return "\x1f".join(p.strip() for p in parts)


def fingerprint(key: str, occurrence: int = 1) -> str:
    """16 hex digits for a key and its 1-based occurrence in the document."""
    data = key if occurrence == 1 else f"{key}\x1e{occurrence}"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
