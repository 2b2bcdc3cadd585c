"""Suppressions: inline comments in Markdown and text files, and suppression files keyed by
fingerprint (for DOCX, PDF and ODT, which have no comment lbcheck could read back).

Inline, on a line of its own::

    <!-- lbcheck-disable-next VR-01 -- Bestandsgeräte, Vermerk vom 3. März -->
    # lbcheck-disable-next VR-01, VR-02 -- Grund        (text files; also // or %)
    <!-- lbcheck-disable-file VR-07 -- Grund -->

``-next`` silences the named codes in the next block (paragraph, list item, table row),
``-file`` in the whole file. A suppression that silences nothing is reported, so stale ones
do not pile up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.models import DocumentReport, Finding

_DIRECTIVE = regex.compile(
    r"^\s*(?:<!--|#|//|%)?\s*lbcheck-disable-(next|file)\s+"
    r"(?P<codes>[\w\-]+(?:\s*,\s*[\w\-]+)*)(?:\s+--\s*(?P<reason>.*?))?\s*(?:-->)?\s*$",
    regex.IGNORECASE,
)
INLINE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression; ``where`` says where it is written, for the report of unused ones."""

    where: str
    codes: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()  # inline "-next": its own line and the next block's first
    fingerprint: str | None = None
    reason: str = ""

    def covers(self, finding: Finding) -> bool:
        if self.fingerprint is not None:
            return finding.fingerprint == self.fingerprint
        if not any(c.upper() in (finding.code.upper(), finding.name.upper()) for c in self.codes):
            return False
        # In text files a comment line directly above a paragraph becomes part of it.
        return not self.lines or finding.location.line in self.lines


def inline_suppressions(path: Path, shown: str) -> list[Suppression]:
    """The directives in a Markdown or text file (none for other formats)."""
    if path.suffix.lower() not in INLINE_SUFFIXES:
        return []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found: list[Suppression] = []
    for number, text in enumerate(lines, start=1):
        m = _DIRECTIVE.match(text)
        if not m:
            continue
        codes = tuple(c.strip() for c in m["codes"].split(","))
        covered: tuple[int, ...] = ()
        if m.group(1).lower() == "next":
            target = next(
                (
                    n
                    for n, t in enumerate(lines[number:], start=number + 1)
                    if t.strip() and not _DIRECTIVE.match(t)
                ),
                -1,
            )
            covered = (number, target)
        found.append(Suppression(f"{shown}:{number}", codes, covered, None, m["reason"] or ""))
    return found


class _FileEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str = Field(pattern=r"^[0-9a-f]{16}$")
    reason: str = Field(min_length=3)
    code: str | None = None
    path: str | None = None


def load_suppression_file(path: Path) -> list[Suppression]:
    """A YAML list of ``{fingerprint, reason, code?, path?}``; a reason is required."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except OSError as exc:
        raise UsageError(
            tr(
                "{path}: Unterdrückungsdatei nicht lesbar ({exc_strerror}).",
                path=path,
                exc_strerror=exc.strerror,
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise UsageError(tr("{path}: kein gültiges YAML ({exc}).", path=path, exc=exc)) from exc
    items = raw.get("suppressions", []) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise UsageError(tr("{path}: erwartet wird eine Liste 'suppressions'.", path=path))
    result = []
    for index, item in enumerate(items, start=1):
        try:
            entry = _FileEntry.model_validate(item)
        except ValidationError as exc:
            keys = "; ".join(f"'{'.'.join(map(str, e['loc']))}': {e['msg']}" for e in exc.errors())
            raise UsageError(
                tr(
                    "{path}: Eintrag {index}: {keys}. Erlaubt sind fingerprint (16 Hexziffern), "
                    "reason (Pflicht), code, path.",
                    path=path,
                    index=index,
                    keys=keys,
                )
            ) from exc
        result.append(
            Suppression(
                f"{path}:{entry.fingerprint}",
                (entry.code,) if entry.code else (),
                (),
                entry.fingerprint,
                entry.reason,
            )
        )
    return result


def apply(
    doc: DocumentReport, suppressions: Sequence[Suppression], used: set[Suppression]
) -> DocumentReport:
    """The document without suppressed findings; every suppression that hit goes into used."""
    if not suppressions or not doc.findings:
        return doc
    kept: list[Finding] = []
    for finding in doc.findings:
        hits = [s for s in suppressions if s.covers(finding)]
        used.update(hits)
        if not hits:
            kept.append(finding)
    return replace(doc, findings=tuple(kept))
