"""Shared text clean-up: characters, hyphenation, line unwrapping and line shapes."""

from __future__ import annotations

import re

# Character-level mapping lives in characters.py.
from lbcheck.criteria.lexicon import lexicon
from lbcheck.ingest.characters import SOFT_BREAKS, clean_chars


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for readable word lists)."""
    return frozenset(text.split())


_SPACES = re.compile(r"[ \f\v\r]+")
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "bzw.", "sowie", "bis", "als", "u.", "od."})

_NUMBER = re.compile(r"^((?:\d{1,2}\.){0,5}\d{1,3})(\.?)\s+(\S.*)$")
_DATE_LIKE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\b|^\d{2}\.\d{2}\.\d{2}\b")
_LIST = re.compile(
    r"^(?:[-•*▪◦●■–·✓➢►]|\(?\d{1,2}[.)]|\(?[a-zA-Z][)]|[a-z]\.|[ivx]{1,4}[.)])\s+(?=\S)"
)
_PAGE_NUMBER = re.compile(
    r"^(?:(?:seite|page|s\.|blatt)\s*:?\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:von|/|of|aus)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_PAGE_NUMBER_PART = re.compile(
    r"\b(?:seite|page|blatt)\s*:?\s*\d{1,4}(?:\s*(?:von|/|of|aus)\s*\d{1,4})?", re.IGNORECASE
)
_OPEN_ENDINGS = word_set(
    """und oder der die das den dem des ein eine einer eines in im mit von zu zur zum für auf
    bei an am nach aus über unter sowie bzw als wie durch gegen ohne um vor je pro"""
)
_ARTICLES = word_set("Der Die Das Ein Eine Den Dem Des Es Er Sie Wir")
_FINITE_VERBS = word_set(
    """ist sind hat haben wird werden muss müssen kann können soll sollen darf dürfen
    wurde wurden gilt gelten"""
)
_ABBREVIATIONS = frozenset(f"{a}." for a in lexicon().abbreviations)
_ABBREVIATION = re.compile(r"^(?:[a-zäöü]\.){1,3}$|^\(?\d{1,3}\.$")
_PAGE_WORDS_END = re.compile(r"\b(?:seite|page|blatt)\s*:?(?:\s*(?:von|/|of|aus))?\s*$", re.I)
_PAGE_OF = re.compile(r"^\d{1,4}\s*(?:/|von)\s*\d{1,4}\s+|\s+\d{1,4}\s*(?:/|von)\s*\d{1,4}$")
_FINAL = re.compile(r"[.!?:;][\"'”“»«)\]]*$")


def clean(text: str) -> str:
    """Return ``text`` in NFC with ligatures expanded, odd spaces unified and spaces collapsed.

    Invisible and control characters are removed (:func:`clean_chars`). Line breaks are
    kept; each line is stripped.
    """
    text = _collapse_spaces(clean_chars(text))
    if "\n" not in text:
        return text.strip()
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _collapse_spaces(text: str) -> str:
    # Most lines have nothing to collapse: the substring tests are much cheaper than the sub.
    if "  " in text or "\f" in text or "\r" in text or "\v" in text:
        return _SPACES.sub(" ", text)
    return text


def join_hyphenated(left: str, right: str) -> str:
    """Join two wrapped lines, resolving a hyphen at the end of ``left``.

    A soft break marker or a ``-`` before a lower-case continuation is a hyphenation and is
    removed; before an upper-case letter or a digit the hyphen belongs to a compound
    (``REACH-Verordnung``) and is kept. ``Dach- und`` keeps its space.
    """
    if not left:
        return right
    if not right:
        return left
    last = left[-1]
    first = right[0]
    if last in SOFT_BREAKS:
        stem = left[:-1]
        return stem + ("-" if first.isupper() or first.isdigit() else "") + right
    if last == "-" and len(left) > 1 and left[-2].isalpha() and first.islower():
        if right.split(" ", 1)[0] in _CONJUNCTIONS:
            return left + " " + right
        return left[:-1] + right
    return left + " " + right


def unwrap(lines: list[str]) -> str:
    """Join the lines of one paragraph into one line (hyphenation resolved)."""
    # join_hyphenated looks at two characters of the left side only: joining the tail of the
    # last piece keeps this linear in the paragraph length (a crafted PDF page can put tens of
    # thousands of lines into one paragraph).
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts:
            tail = parts[-1]
            parts[-1] = tail[:-2]
            parts.append(join_hyphenated(tail[-2:], line))
        else:
            parts.append(line)
    return "".join(parts).replace("\x02", "-").replace("\ufffe", "-")


def heading_number(text: str) -> tuple[str, int] | None:
    """Return ``(number, depth)`` for text starting with ``3``, ``3.2``, ``3.2.`` and a title."""
    match = _NUMBER.match(text)
    if match is None or _DATE_LIKE.match(text):
        return None
    number = match.group(1)
    first = int(number.split(".")[0])
    if first > 60:
        return None
    return number, number.count(".") + 1


def numbered_heading_level(text: str, max_len: int = 90) -> int | None:
    """Level of a line that looks like a numbered heading (``3.2 Papier``), else None.

    The line must be short, must not end like a sentence and its title must start with a
    capital letter (``3 Stück`` is rejected only by the caller's context, not here).
    """
    if len(text) > max_len or _FINAL.search(text) or text.endswith(","):
        return None
    found = heading_number(text)
    if found is None:
        return None
    title = text.split(None, 1)[1]
    words = title.split()
    if not title[0].isupper() or len(words) > 12 or sum(w[0].isdigit() for w in words) > 4:
        return None
    if words[0] in _ARTICLES or words[-1] in _OPEN_ENDINGS:
        return None  # a sentence that goes on in the next line, not a title
    if any(w in _FINITE_VERBS for w in words):
        return None
    return found[1]


def plausible_heading(text: str) -> bool:
    """False for text styled as a heading that reads like a sentence or a list fragment."""
    words = text.split()
    if not words or len(words) > 25 or text.endswith((",", ";")) or text.startswith("("):
        return False
    if text.endswith(":") and len(words) >= 8:
        return False
    return not (text.endswith(".") and len(words) >= 6 and ends_sentence(text))


def heading_depth(text: str, default: int) -> int:
    """The numbering depth of a heading text (``3.2 Papier`` -> 2), else ``default``."""
    found = heading_number(text)
    return found[1] if found else default


def is_caps_heading(text: str) -> bool:
    """True for a short all-capitals line such as ``LEISTUNGSBESCHREIBUNG DRUCK``."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 4
        and len(text) <= 80
        and all(c.isupper() for c in letters)
        and not text.endswith((".", ",", ";"))
    )


def list_marker(text: str) -> int:
    """Length of a leading list marker (``- ``, ``• ``, ``a) ``, ``1. ``), 0 if none."""
    match = _LIST.match(text)
    return match.end() if match else 0


def is_page_number(text: str) -> bool:
    """True for ``3``, ``- 3 -``, ``Seite 3 von 12``, ``3/12``."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def strip_page_numbers(text: str) -> str:
    """Remove ``Seite 3 von 12``-like parts (or what is left of them without fields)."""
    text = _PAGE_NUMBER_PART.sub("", text)
    text = _PAGE_WORDS_END.sub("", text)
    text = _PAGE_OF.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip(" |·-–")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (or a colon), not an abbreviation."""
    if not _FINAL.search(text):
        return False
    if text.endswith("."):
        word = text.rsplit(None, 1)[-1].lower()
        if word in _ABBREVIATIONS or _ABBREVIATION.match(word):
            return False
    return True
