"""Write text to a stream whose encoding may not be UTF-8 (``PYTHONIOENCODING=cp1252``, a
Windows console or redirection) without ever failing on a character like "≥" or "₂".

Machine formats are defined as UTF-8: JSON goes out with every non-ASCII character
escaped (valid JSON in any ASCII-compatible encoding), other machine formats as UTF-8 bytes.
Text for people is degraded: typographic characters become their ASCII look-alikes, anything
else a "?".
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import TextIO

# Characters NFKD does not take apart but that have a plain fallback.
_FALLBACK = str.maketrans(
    {
        "≥": ">=",
        "≤": "<=",
        "≠": "!=",
        "„": '"',
        "“": '"',
        "”": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "•": "*",
        "…": "...",
        "€": "EUR",
        "§": "Par.",
        "×": "x",
        "→": "->",
        "─": "-",
        "━": "-",
        "│": "|",
        "┃": "|",
        "╭": "+",
        "╮": "+",
        "╰": "+",
        "╯": "+",
        "┏": "+",
        "┓": "+",
        "┗": "+",
        "┛": "+",
        "┡": "+",
        "┩": "+",
        "└": "+",
        "┘": "+",
        "┌": "+",
        "┐": "+",
        "├": "+",
        "┤": "+",
        "┬": "+",
        "┴": "+",
        "┼": "+",
        "\u00a0": " ",
    }
)


def _encoding(stream: TextIO) -> str:
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "ascii"


def degrade(text: str, encoding: str) -> str:
    """``text`` with every character the encoding cannot hold replaced by a look-alike."""
    out: list[str] = []
    for ch in text:
        try:
            ch.encode(encoding)
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        plain = ch.translate(_FALLBACK)
        if plain == ch:
            plain = unicodedata.normalize("NFKD", ch)
        out.append(plain.encode(encoding, errors="replace").decode(encoding))
    return "".join(out)


def ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character as a ``\\uXXXX`` escape (valid: they only occur
    inside strings)."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            out.append(ch)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            high, low = divmod(code - 0x10000, 0x400)
            out.append(f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}")
    return "".join(out)


def write_text(stream: TextIO, text: str, machine: bool) -> None:
    """Write without a UnicodeEncodeError, whatever the stream's encoding."""
    encoding = _encoding(stream)
    if encoding == "utf-8":
        stream.write(text)
        return
    if machine and text.lstrip().startswith(("{", "[")):
        stream.write(ascii_json(text))  # JSON and JSON Lines: valid in any ASCII superset
        return
    buffer = getattr(stream, "buffer", None)
    if machine and buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    stream.write(degrade(text, encoding))
