"""Documents of one procedure share its subject.

A procedure's forms, declarations and cover letters rarely say what is bought; its
Leistungsbeschreibung does. Files downloaded from an e-procurement platform sit in one folder
and carry the procedure's number at the start of their names ("2024-017_Preisblatt.pdf",
"TN076_Eigenerklärung.docx"). A document whose own subject is uncertain takes the subjects that
the certain documents of its procedure found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePath

import regex

from lbcheck.models import DocumentReport

_TOKEN = regex.compile(r"[^_\s]+")
_NUMBER_DIGITS = 3


def procedure_key(path: str) -> tuple[str, str] | None:
    """Folder and file-name prefix up to the procedure number: the first token with at least
    three digits ("2024-017", "TN076"); "h3" or "Los 1" number something else."""
    pure = PurePath(path)
    prefix: list[str] = []
    for token in _TOKEN.findall(pure.stem):
        prefix.append(token)
        if sum(ch.isdigit() for ch in token) >= _NUMBER_DIGITS:
            return str(pure.parent), "_".join(prefix)
    return None


def shared_subjects(reports: Sequence[DocumentReport]) -> dict[str, tuple[str, ...]]:
    """For each uncertain document, the subjects its procedure's certain documents found."""
    groups: dict[tuple[str, str], list[DocumentReport]] = defaultdict(list)
    for report in reports:
        key = procedure_key(report.path)
        if key is not None and report.status == "ok":
            groups[key].append(report)
    result: dict[str, tuple[str, ...]] = {}
    for members in groups.values():
        known = sorted(
            {s for r in members if r.subject_certain for s in r.subject if s != "sonstiges"}
        )
        if not known:
            continue
        for r in members:
            if not r.subject_certain and tuple(known) != r.subject:
                result[r.path] = tuple(known)
    return result
