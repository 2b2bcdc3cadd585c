"""The buyer's own document back, with lbcheck's advice as comments in place.

``notes`` turns a report into notes (pure), ``textmap`` finds a sentence in a document's text,
and one module per format writes the notes: ``docx`` (Word comments), ``pdf`` (highlight
annotations), ``odt`` (``office:annotation``). ``annotate_bytes`` is the entry point; writing
the result next to the input is ``output``'s job.
"""

from __future__ import annotations

from collections.abc import Callable

from lbcheck.annotate.notes import Notes, Placed
from lbcheck.errors import UsageError
from lbcheck.i18n import tr

FORMATS = (".docx", ".pdf", ".odt")


def check_format(suffix: str) -> None:
    """Raise a ``UsageError`` with a German sentence unless ``suffix`` can be annotated."""
    _writer(suffix.lower())


def _writer(suffix: str) -> Callable[[bytes, Notes], tuple[bytes, Placed]]:
    if suffix == ".docx":
        from lbcheck.annotate.docx import annotate_docx

        return annotate_docx
    if suffix == ".pdf":
        from lbcheck.annotate.pdf import annotate_pdf

        return annotate_pdf
    if suffix == ".odt":
        from lbcheck.annotate.odt import annotate_odt

        return annotate_odt
    what = suffix or tr("Dateien ohne Endung")
    raise UsageError(
        tr(
            "lbcheck annotate kommentiert DOCX, PDF und ODT, nicht {what}. Für Markdown und Text "
            "zeigt 'lbcheck scan' die Stellen mit Zeilennummer.",
            what=what,
        )
    )


def annotate_bytes(suffix: str, data: bytes, notes: Notes) -> tuple[bytes, Placed]:
    """The document ``data`` (format by ``suffix``) with ``notes`` added, and where they went."""
    return _writer(suffix.lower())(data, notes)


__all__ = ["FORMATS", "Notes", "Placed", "annotate_bytes", "check_format"]
