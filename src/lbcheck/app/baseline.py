"""Baselines: what a report already contained, so that only new results count.

A baseline is JSON: ``{"lbcheck_baseline": 1, "entries": [...]}``, one entry per finding
(path, code, fingerprint) and per missing criterion (path, code, ``"kind": "missing"``). Paths
are relative to the baseline file, so the check can run from any folder. The same comparison
serves ``--changed-since``, with the old version of each file as the baseline.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.models import DocumentReport, Report, Status

VERSION = 1


@dataclass(frozen=True, slots=True)
class Known:
    """Results that are not new: finding fingerprints and missing criteria, per path key."""

    findings: frozenset[tuple[str, str]] = frozenset()
    missing: frozenset[tuple[str, str]] = frozenset()


def path_key(path: str, base: Path) -> str:
    """A document path relative to ``base`` (POSIX, ``../`` allowed), the same from any cwd."""
    try:
        return Path(os.path.relpath(path, base.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).absolute().as_posix()


def entries(report: Report, base: Path) -> list[dict[str, str]]:
    """Baseline entries for every finding and missing criterion of the report."""
    out: list[dict[str, str]] = []
    for doc in report.documents:
        key = path_key(doc.path, base)
        out.extend(
            {"path": key, "code": f.code, "fingerprint": f.fingerprint} for f in doc.findings
        )
        out.extend(
            {"path": key, "code": c.code, "kind": "missing"}
            for c in doc.criteria
            if c.status is Status.MISSING
        )
    return out


def known_from(items: Iterable[dict[str, str]]) -> Known:
    findings = {(e["path"], e["fingerprint"]) for e in items if "fingerprint" in e}
    missing = {(e["path"], e["code"]) for e in items if e.get("kind") == "missing"}
    return Known(frozenset(findings), frozenset(missing))


def render(report: Report, base: Path) -> bytes:
    data = {"lbcheck_baseline": VERSION, "entries": entries(report, base)}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def load(path: Path) -> Known:
    """Read a baseline file; a usage error with what to do when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(
            tr("--baseline {path} gibt es nicht. Zuerst mit --write-baseline anlegen.", path=path)
        ) from exc
    except (OSError, ValueError) as exc:
        raise UsageError(
            tr("--baseline {path} ist keine lesbare Baseline-Datei ({exc}).", path=path, exc=exc)
        ) from exc
    if not isinstance(data, dict) or data.get("lbcheck_baseline") != VERSION:
        raise UsageError(
            tr(
                "--baseline {path} ist keine Baseline von lbcheck (Version {VERSION}). Bitte mit "
                "--write-baseline neu anlegen.",
                path=path,
                VERSION=VERSION,
            )
        )
    items = data.get("entries", [])
    if not isinstance(items, list) or not all(isinstance(e, dict) for e in items):
        raise UsageError(
            tr("--baseline {path}: 'entries' muss eine Liste von Einträgen sein.", path=path)
        )
    return known_from(items)


def only_new(doc: DocumentReport, key: str, known: Known) -> DocumentReport:
    """The document with known findings and known missing criteria left out."""
    findings = tuple(f for f in doc.findings if (key, f.fingerprint) not in known.findings)
    criteria = tuple(
        c
        for c in doc.criteria
        if not (c.status is Status.MISSING and (key, c.code) in known.missing)
    )
    return replace(doc, findings=findings, criteria=criteria)
