"""DOCX paragraph styles (heading levels, list styles) and automatic numbering labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from lbcheck.ingest.limits import count_attribute

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"
_HEADING_NAME = re.compile(r"^(?:heading|überschrift|berschrift|titre|kop)\s*([1-9])$")
_LIST_NAME = re.compile(r"list|liste|aufzählung|aufzaehlung|nummerierung")
# Bounds for numbers taken from numbering.xml (start values) and for rendering them.
_MAX_NUMBER = 10**15
_MAX_LETTERS = 26 * 20
_MAX_ROMAN = 3999


def val(el: etree._Element | None, default: str | None = None) -> str | None:
    """The ``w:val`` attribute of ``el`` (or ``default``)."""
    if el is None:
        return default
    return el.get(_VAL, default)


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, str | None] | None


class Styles:
    """Resolves heading levels, list-ness and numbering of paragraph styles (with basedOn)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            sid = style.get(f"{W}styleId")
            if sid is None:
                continue
            ppr = style.find(f"{W}pPr")
            outline = val(ppr.find(f"{W}outlineLvl")) if ppr is not None else None
            num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
            num = None
            if num_pr is not None:
                num_id = val(num_pr.find(f"{W}numId"))
                num = (num_id, val(num_pr.find(f"{W}ilvl"))) if num_id else None
            self._styles[sid] = _Style(
                name=(val(style.find(f"{W}name")) or sid).lower(),
                based_on=val(style.find(f"{W}basedOn")),
                outline=int(outline) if outline and outline.isdigit() else None,
                num=num,
            )

    def _chain(self, sid: str | None) -> list[tuple[str, _Style | None]]:
        chain: list[tuple[str, _Style | None]] = []
        while sid is not None and len(chain) < 20 and sid not in (s for s, _ in chain):
            style = self._styles.get(sid)
            chain.append((sid, style))
            sid = style.based_on if style else None
        return chain

    def heading_level(self, sid: str | None) -> int | None:
        """1-based heading level of style ``sid`` from its outline level or its name."""
        for style_id, style in self._chain(sid):
            for name in (style.name if style else "", style_id.lower()):
                match = _HEADING_NAME.match(name)
                if match:
                    return int(match.group(1))
            if style is not None and style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        return None

    def is_list(self, sid: str | None) -> bool:
        """True for list styles such as ``List Bullet``, ``ListNumber`` or ``Aufzählung``."""
        return any(
            _LIST_NAME.search(style.name if style else style_id.lower())
            and "table" not in (style.name if style else style_id.lower())
            for style_id, style in self._chain(sid)
        )

    def numbering(self, sid: str | None) -> tuple[str, str | None] | None:
        """``(numId, ilvl)`` a style attaches to its paragraphs, if any."""
        for _, style in self._chain(sid):
            if style is not None and style.num is not None:
                return style.num
        return None


@dataclass(slots=True)
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool
    style: str | None


class Numbering:
    """Counts automatic numbers like Word does (per abstract list) and renders labels."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = count_attribute(lvl.get(f"{W}ilvl"), 0, 8)
                levels[ilvl] = _Level(
                    start=count_attribute(val(lvl.find(f"{W}start")), 1, _MAX_NUMBER),
                    fmt=val(lvl.find(f"{W}numFmt"), "decimal") or "decimal",
                    text=val(lvl.find(f"{W}lvlText"), "") or "",
                    legal=lvl.find(f"{W}isLgl") is not None,
                    style=val(lvl.find(f"{W}pStyle")),
                )
            self._abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            overrides: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                restart = val(override.find(f"{W}startOverride"))
                if restart and restart.isdigit():
                    ilvl = count_attribute(override.get(f"{W}ilvl"), 0, 8)
                    overrides[ilvl] = count_attribute(restart, 1, _MAX_NUMBER)
            abstract_id = val(num.find(f"{W}abstractNumId"), "") or ""
            self._nums[num.get(f"{W}numId", "")] = (abstract_id, overrides)

    def level_for_style(self, num_id: str, sid: str | None) -> int | None:
        """The list level whose ``w:pStyle`` is ``sid`` (headings linked to a list)."""
        levels = self._abstract.get(self._nums.get(num_id, ("", {}))[0], {})
        return next((i for i, lvl in levels.items() if sid and lvl.style == sid), None)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of ``(num_id, ilvl)`` and return its label, e.g. ``3.2``.

        Bullets and unknown lists give None.
        """
        if num_id not in self._nums:
            return None
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        key = num_id if overrides else abstract_id
        counters = self._counters.setdefault(key, [None] * 9)
        ilvl = min(max(ilvl, 0), 8)
        level = levels.get(ilvl)
        start = overrides.get(ilvl, level.start if level else 1)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return None

        def render(match: re.Match[str]) -> str:
            i = int(match.group(1)) - 1
            lvl = levels.get(i)
            value = counters[i] if counters[i] is not None else (lvl.start if lvl else 1)
            fmt = "decimal" if level.legal or lvl is None else lvl.fmt
            return _format(value or 0, fmt)

        return re.sub(r"%([1-9])", render, level.text).strip()


def _format(value: int, fmt: str) -> str:
    """A list number as Word writes it; values no one numbers by hand fall back to digits.

    Letters repeat (``aa``, ``bbb``) and roman numerals add an ``M`` per thousand, so both are
    built only for small values: the cost must not grow with a number taken from the file.
    """
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= _MAX_LETTERS:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value <= _MAX_ROMAN:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out += numeral
            value -= number
    return out
