"""Find a sentence in a document's raw text, whatever the line breaks, hyphens and ligatures.

Both sides are reduced to letters and digits (NFKC, case-folded); the match is mapped back to
offsets in the raw text.
"""

from __future__ import annotations

import unicodedata

_MIN_KEY = 4
Span = tuple[int, int]


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


def find(haystack: str, needle: str) -> Span | None:
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
    return _opening(haystack, start, needle), _closing(haystack, end, needle)


def _opening(haystack: str, start: int, needle: str) -> int:
    """``start`` moved back over the sentence's own opening punctuation („, (, ")."""
    head = len(needle) - len(needle.lstrip("„\"'‚(["))
    if head and haystack[max(0, start - head) : start] == needle[:head]:
        return start - head
    return start


def _closing(haystack: str, end: int, needle: str) -> int:
    """``end`` moved on over the sentence's own closing punctuation (., “, ))."""
    tail = needle[len(needle.rstrip(".!?;:“”\"')]")) :]
    if tail and haystack[end : end + len(tail)] == tail:
        return end + len(tail)
    return end


_MIN_PART = 12  # letters and digits each side of a page break must have to count as found


def find_across(first: str, second: str, needle: str) -> tuple[Span, Span | None] | None:
    """A sentence that runs from ``first`` (the end of a page) onto ``second`` (the next), with
    running footers and headers between: the raw span of its start in ``first`` and of its rest
    in ``second`` (None when the rest is too short to be found reliably). None when the
    sentence does not start in ``first`` with at least a few words."""
    needle = needle.strip().removesuffix("…")
    wanted, _ = key(needle)
    text1, offsets1 = key(first)
    # The longest start of the sentence that ``first`` holds (a longer start is never found
    # where a shorter one is not, so halving the range finds it).
    low, high = 0, len(wanted)
    while low < high:
        mid = (low + high + 1) // 2
        if wanted[:mid] in text1:
            low = mid
        else:
            high = mid - 1
    if low < _MIN_PART or low == len(wanted):
        return None
    at = text1.rfind(wanted[:low])  # the occurrence nearest the page's end
    head = (_opening(first, offsets1[at], needle), offsets1[at + low - 1] + 1)
    rest = wanted[low:]
    if len(rest) < _MIN_PART:
        return head, None
    text2, offsets2 = key(second)
    at2 = text2.find(rest)
    if at2 < 0:
        return None
    return head, (offsets2[at2], _closing(second, offsets2[at2 + len(rest) - 1] + 1, needle))
