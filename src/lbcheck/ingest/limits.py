"""Resource limits for reading untrusted files, with defaults the pipeline handles in seconds.

Every limit that is hit becomes an ``IngestError`` TOO_LARGE whose detail names the limit, so
a crafted file is reported as a row and the rest of a batch goes on. The numbers and why they
were chosen are in ``docs/security.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits of the readers (all checked before or while the work is done)."""

    #: Characters of extracted text per document: 500 dense pages (3 000 characters each) or
    #: 1 000 average ones. The pipeline needs about 15 s of one core for that much. Text and
    #: Markdown are checked right after decoding, other formats after extraction.
    max_chars: int = 1_500_000
    #: Pages of a PDF: a 500-page tender fits with room to spare.
    max_pages: int = 2_000
    #: Content-stream operations a PDF page may expand to through nested form XObjects.
    max_page_ops: int = 500_000
    #: Members of a ZIP package (DOCX/ODT): Word writes a few dozen.
    max_members: int = 2_000
    #: Bytes all parts read from one ZIP package may inflate to in total (XML budget).
    max_inflated: int = 160 * MB
    #: Inflated/compressed ratio of one part beyond which it is a ZIP bomb (checked while
    #: inflating, once the part is past ``ratio_floor`` bytes).
    max_ratio: int = 200
    ratio_floor: int = 4 * MB


DEFAULT_LIMITS = Limits()


def count_attribute(text: str | None, default: int, high: int) -> int:
    """A non-negative count from an XML attribute, clamped to ``high``.

    Counts come from the file (``text:s c="10000000000"``, ``w:start``): a crafted value must
    neither allocate nor loop in proportion to it. More than 18 digits is taken as ``high``
    without converting (Python refuses very long digit strings anyway).
    """
    if text is None:
        return default
    text = text.strip()
    if not text.isdigit() or not text.isascii():
        return default
    if len(text) > 18:
        return high
    return min(int(text), high)
