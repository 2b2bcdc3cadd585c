"""Character normalisation of extracted text: the one place where characters are mapped.

Two steps with different contracts:

* :func:`clean_chars` runs on every text a reader extracts. It removes what is invisible or
  controls the display (bidi controls, zero-width characters, soft hyphens, C0/C1 control
  characters such as ESC), expands ligatures and unifies odd spaces. Nothing visible is lost,
  so excerpts show what the document shows.
* :func:`fold` makes the view that is matched. It maps one character to one character
  (offsets stay valid, so the original text is kept for excerpts): full-width and
  mathematical letters to ASCII (NFKC where it yields one letter or digit) and Cyrillic or
  Greek look-alikes inside words that also hold Latin letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

#: Marker some extractors (PDFium) put where a word is hyphenated at a line end.
SOFT_BREAKS = "\x02\ufffe"

_INVISIBLE = (
    "\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\x00"
)
# Control characters (ESC starts terminal sequences) except tab, line feed, form feed, CR
# and the soft-break marker that the PDF reader resolves later.
_KEPT = "\t\n\v\f\r\x02"
_CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _KEPT)

_TRANSLATE = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u3000": " ",
        "\t": " ",
        "\v": " ",
        # Symbol/Wingdings bullets land in the private use area when fonts lack a ToUnicode map.
        "\uf0b7": "•",
        "\uf0a7": "▪",
        "\uf0d8": "•",
        "\uf0fc": "✓",
        "\uf02d": "-",
        "\u2022": "•",
        **dict.fromkeys(_INVISIBLE + _CONTROLS),
    }
)


# Few texts hold a mapped character; searching for one is far cheaper than a translate that
# looks up every character in a dict.
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")


def clean_chars(text: str) -> str:
    """``text`` in NFC without invisible and control characters, ligatures expanded."""
    if _MAPPED.search(text):
        text = text.translate(_TRANSLATE)
    return unicodedata.normalize("NFC", text)


_LOOKALIKES = {
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "А": "A", "В": "B", "Е": "E",
    "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "І": "I",
    "Ј": "J", "Ѕ": "S", "У": "Y",
    # Greek
    "ο": "o", "ν": "v", "ι": "i", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I",
    "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_WIDE = regex.compile(r"[\uff01-\uff5e\U0001d400-\U0001d7ff]")
_MIXED_WORD = regex.compile(
    r"\w*(?:[a-zA-ZäöüÄÖÜß]\w*[\p{Cyrillic}\p{Greek}]|[\p{Cyrillic}\p{Greek}]\w*[a-zA-ZäöüÄÖÜß])\w*"
)
_SUSPECT = regex.compile(r"[\p{Cyrillic}\p{Greek}\uff01-\uff5e\U0001d400-\U0001d7ff]")


@lru_cache(maxsize=4096)
def _ascii_form(char: str) -> str:
    form = unicodedata.normalize("NFKC", char)
    return form if len(form) == 1 and form.isascii() and form.isprintable() else char


def fold(text: str) -> str:
    """The matching view of ``text``: same length, look-alike and wide letters made Latin."""
    if not _SUSPECT.search(text):
        return text
    text = _WIDE.sub(lambda m: _ascii_form(m.group()), text)
    return _MIXED_WORD.sub(lambda m: m.group().translate(_LOOKALIKE_TABLE), text)
