"""Visible text of one WordprocessingML paragraph, with its note references and text boxes."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from lbcheck.ingest.docx_styles import W
from lbcheck.ingest.normalize import word_set

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

T = f"{W}t"
P = f"{W}p"
R = f"{W}r"
TBL = f"{W}tbl"
TXBX = f"{W}txbxContent"
FOOTNOTE_REF = f"{W}footnoteReference"
ENDNOTE_REF = f"{W}endnoteReference"
_ALTERNATE = f"{MC}AlternateContent"
_CHOICE = f"{MC}Choice"
_FALLBACK = f"{MC}Fallback"
_RPR = f"{W}rPr"
_VANISH = f"{W}vanish"
_TYPE = f"{W}type"
_VAL = f"{W}val"

_SIMPLE = {
    f"{W}tab": " ",
    f"{W}ptab": " ",
    f"{W}cr": "\n",
    f"{W}noBreakHyphen": "-",
    f"{W}softHyphen": "",
}
# Deleted or moved-away text, field codes, properties and comments are not visible text.
_SKIP = frozenset(
    f"{W}{name}"
    for name in word_set(
        "del delText moveFrom instrText delInstrText fldData pPr rPr sdtPr sdtEndPr "
        "commentReference annotationRef footnoteRef endnoteRef separator "
        "continuationSeparator object"
    )
)
_SYMBOL_CHARS = {"F0B7": "•", "F0A7": "▪", "F0D8": "•", "F0FC": "✓", "F02D": "-"}


@dataclass(slots=True)
class ParagraphText:
    """Text of a paragraph plus what hangs off it."""

    text: str = ""
    notes: list[tuple[str, str]] = field(default_factory=list)  # ("footnote"|"endnote", id)
    boxes: list[etree._Element] = field(default_factory=list)  # w:txbxContent elements


def paragraph_text(p: etree._Element) -> ParagraphText:
    """Collect the visible text of ``p`` (tracked insertions kept, deletions dropped)."""
    out = ParagraphText()
    parts: list[str] = []
    _walk(p, parts, out)
    out.text = "".join(parts)
    return out


def _walk(el: etree._Element, parts: list[str], out: ParagraphText) -> None:
    for child in el:
        tag = child.tag
        if tag == T:
            # A raw line break inside w:t is only XML layout; Word shows a space. Unresolved
            # entity references (never expanded: XXE) are left out, the text after them kept.
            text = (child.text or "") + "".join(ref.tail or "" for ref in child)
            parts.append(text.replace("\n", " "))
        elif tag in _SIMPLE:
            parts.append(_SIMPLE[tag])
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        elif tag == R:
            rpr = child.find(_RPR)
            vanish = rpr.find(_VANISH) if rpr is not None else None
            if vanish is None or vanish.get(_VAL) in ("0", "false", "off"):
                _walk(child, parts, out)
        elif tag == f"{W}br":
            parts.append(" " if child.get(_TYPE) in ("page", "column") else "\n")
        elif tag == f"{W}sym":
            code = (child.get(f"{W}char") or "").upper()
            parts.append(_SYMBOL_CHARS.get(code, ""))
        elif tag == FOOTNOTE_REF:
            out.notes.append(("footnote", child.get(f"{W}id", "")))
        elif tag == ENDNOTE_REF:
            out.notes.append(("endnote", child.get(f"{W}id", "")))
        elif tag == TXBX:
            out.boxes.append(child)
        elif tag == _ALTERNATE:
            # Choice (DrawingML) and Fallback (VML) hold the same text box: read one of them.
            branch = child.find(_CHOICE)
            if branch is None:
                branch = child.find(_FALLBACK)
            if branch is not None:
                _walk(branch, parts, out)
        else:
            _walk(child, parts, out)


def box_paragraphs(box: etree._Element) -> list[etree._Element]:
    """The paragraphs of a text box in order, including those in its tables."""
    return [p for p in box.iter(P) if _owner_box(p) is box]


def _owner_box(p: etree._Element) -> etree._Element | None:
    for ancestor in p.iterancestors(TXBX):
        return ancestor
    return None


def outside_fallback(p: etree._Element) -> bool:
    """False for paragraphs inside ``mc:Fallback`` (a copy of the ``mc:Choice`` content)."""
    return next(p.iterancestors(_FALLBACK), None) is None
