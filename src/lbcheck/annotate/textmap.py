"""Find a sentence in a document's raw text, whatever the line breaks, hyphens and ligatures.

Both sides are reduced to letters and digits (NFKC, case-folded); the match is mapped back to
offsets in the raw text.
"""

from __future__ import annotations

import unicodedata

_MIN_KEY = 4


def key(text: str) -> tuple[str, list[int]]:
    """``text`` reduced to letters and digits, and for each kept character its raw offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).casefold():
            if c.isalnum():
                chars.append(c)
                offsets.append(i)
    return "".join(chars), offsets


def find(haystack: str, needle: str) -> tuple[int, int] | None:
    """Raw offsets ``[start, end)`` of ``needle`` in ``haystack``; a trailing ``…`` (a shortened
    excerpt) is dropped. None when absent or too short to be found reliably."""
    needle = needle.strip().removesuffix("…")
    wanted, _ = key(needle)
    if len(wanted) < _MIN_KEY:
        return None
    text, offsets = key(haystack)
    at = text.find(wanted)
    if at < 0:
        return None
    start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
    # Take the sentence's own opening and closing punctuation along ("„", ".", "“").
    head = len(needle) - len(needle.lstrip("„\"'‚(["))
    tail = needle[len(needle.rstrip(".!?;:“”\"')]")) :]
    if head and haystack[max(0, start - head) : start] == needle[:head]:
        start -= head
    if tail and haystack[end : end + len(tail)] == tail:
        end += len(tail)
    return start, end
