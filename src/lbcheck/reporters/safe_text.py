"""Text from documents and criteria files made harmless for a terminal.

Rich interprets ``[...]`` in plain strings as markup, and a terminal obeys escape sequences
(window title, clearing the screen) and bidi overrides (text shown reversed). Reporters build
``rich.text.Text`` from this module's output only, so neither can come from a file.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# Controls that reorder or hide text without being visible themselves.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + "".join(sorted(_BIDI)) + "]")


def _visible(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control, escape and bidi character shown as a visible escape.

    Tabs and line breaks become spaces: a report line never moves the cursor.
    """
    return _shown(text, "\t\n\r")


def clean_keeping_lines(text: str) -> str:
    """Like :func:`clean`, but line breaks (CR, LF) stay: messages of several lines, and CI
    commands that escape them in their own way."""
    return _shown(text, "\t")


# Everything _shown may change: the Cc controls (C0, DEL, C1) and the bidi controls.
_TOUCHED = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")


def _shown(text: str, as_space: str) -> str:
    if not _TOUCHED.search(text):  # the usual case: nothing to replace
        return text
    return _shown_each(text, as_space)


def _shown_each(text: str, as_space: str) -> str:
    """Character by character: what :func:`_shown` does to a text with controls in it."""
    out: list[str] = []
    for ch in text:
        if ch in as_space:
            out.append(" ")
        elif ch in "\n\r":
            out.append(ch)
        elif ch in _BIDI or unicodedata.category(ch) == "Cc":
            out.append(_visible(ch))
        else:
            out.append(ch)
    return "".join(out)


def json_escaped(rendered: str) -> str:
    """Rendered JSON with C1 controls (``\\x9b`` starts an escape sequence too), DEL, bidi
    controls and line separators written as ``\\uXXXX``: the same JSON value, but ``cat``
    of the file on a terminal shows them instead of obeying them. JSON encoders escape only
    C0 controls; these characters can only stand inside strings, so the swap is lossless."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", rendered)


def safe(text: str, style: str = "") -> Text:
    """A rich ``Text`` of untrusted ``text``: never parsed as markup, controls neutralised."""
    from rich.text import Text  # only the terminal reporter needs rich

    return Text(clean(text), style=style)
