"""The scan use case: which files, with which settings, what is suppressed or already known,
and the report."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lbcheck.app import baseline
from lbcheck.app.changed import Changes, changes_since
from lbcheck.app.inputs import Candidate, select_inputs
from lbcheck.app.plan import Group, ScanOptions, check_max_size, plan
from lbcheck.app.suppress import (
    Suppression,
    apply,
    inline_suppressions,
    load_suppression_file,
)
from lbcheck.config import Settings
from lbcheck.gate import EXIT_FINDINGS, EXIT_OK, failing
from lbcheck.i18n import tr
from lbcheck.models import DocumentReport, Report, RuleInfo
from lbcheck.runner import scan_items

__all__ = ["ScanOptions", "ScanResult", "check_max_size", "run_scan"]


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The report, the settings of each group of files, and what the caller should be told."""

    report: Report
    groups: tuple[tuple[Settings, Report], ...]
    inputs: tuple[Path, ...]
    unused: tuple[Suppression, ...] = ()
    notes: tuple[str, ...] = ()

    def exit_code(self, exit_zero: bool = False) -> int:
        """1 when any file reaches the ``fail_on`` of its own settings."""
        if exit_zero:
            return EXIT_OK
        hit = any(failing(r, s.fail_on) for s, r in self.groups)
        return EXIT_FINDINGS if hit else EXIT_OK


class _Suppressions:
    """Suppression files read once; inline ones per file; which of them were used."""

    def __init__(self) -> None:
        self.files: dict[Path, list[Suppression]] = {}
        self.all: list[Suppression] = []
        self.used: set[Suppression] = set()

    def for_doc(self, settings: Settings, candidate: Candidate) -> list[Suppression]:
        found: list[Suppression] = []
        for path in settings.suppressions:
            if path not in self.files:
                self.files[path] = load_suppression_file(path)
                self.all.extend(self.files[path])
            found.extend(self.files[path])
        inline = inline_suppressions(candidate.path, candidate.shown)
        self.all.extend(inline)
        return found + inline


def _old_versions(group: Group, changes: Changes) -> baseline.Known:
    """Check REF's version of each file of the group; what it found is not new."""
    with tempfile.TemporaryDirectory(prefix="lbcheck-ref-") as tmp:
        items: list[tuple[Path, str]] = []
        for index, c in enumerate(group.items):
            content = changes.old_version(c.path)
            if content is None:
                continue  # new file: everything in it is new
            old = Path(tmp) / str(index) / c.path.name  # same name: it informs the subject
            old.parent.mkdir()
            old.write_bytes(content)
            items.append((old, c.shown))
        old_report = scan_items(items, group.settings) if items else Report(())
    return baseline.known_from(baseline.entries(old_report, Path.cwd()))


def _check_group(
    group: Group,
    suppressions: _Suppressions,
    known: baseline.Known | None,
    base: Path,
    changes: Changes | None,
) -> Report:
    report = scan_items([(c.path, c.shown) for c in group.items], group.settings)
    by_shown = {c.shown: c for c in group.items}
    old = _old_versions(group, changes) if changes else None
    docs: list[DocumentReport] = []
    for checked in report.documents:
        own = suppressions.for_doc(group.settings, by_shown[checked.path])
        doc = apply(checked, own, suppressions.used)
        if known is not None:
            doc = baseline.only_new(doc, baseline.path_key(doc.path, base), known)
        if old is not None:
            doc = baseline.only_new(doc, baseline.path_key(doc.path, Path.cwd()), old)
        docs.append(doc)
    return Report(tuple(docs), report.rules)


def run_scan(paths: Sequence[str], options: ScanOptions) -> ScanResult:
    """Check the files the paths name; usage errors come before any file is read."""
    candidates = select_inputs(paths, options.outputs)
    inputs = tuple(c.path for c in candidates)
    changes = None
    if options.changed_since:
        changes = changes_since(options.changed_since, Path.cwd())
        candidates = [c for c in candidates if c.path.absolute() in changes.files]
        if not candidates:
            note = tr(
                "Keine der gewählten Dateien hat sich seit {ref} geändert.",
                ref=options.changed_since,
            )
            return ScanResult(Report(()), (), inputs, notes=(note,))
    groups = plan(candidates, options)
    known = None
    base = Path.cwd()
    if options.baseline is not None and not options.write_baseline:
        known = baseline.load(options.baseline)
        base = options.baseline.absolute().parent
    suppressions = _Suppressions()
    results = [(g.settings, _check_group(g, suppressions, known, base, changes)) for g in groups]
    by_path: dict[str, DocumentReport] = {}
    for _, report in results:
        by_path.update((d.path, d) for d in report.documents)
    checked = {c.shown for g in groups for c in g.items}
    rules: dict[str, RuleInfo] = {}
    for _, report in results:
        for rule in report.rules:
            rules.setdefault(rule.code, rule)
    merged = Report(
        tuple(by_path[c.shown] for c in candidates if c.shown in checked), tuple(rules.values())
    )
    unused = tuple(s for s in suppressions.all if s not in suppressions.used)
    return ScanResult(merged, tuple(results), inputs, unused)
