"""What the audit writes besides ``documents.jsonl``: ``documents.csv``, ``findings.csv``,
``report.json`` and ``report.html``.

The tables' rows and the summary's counts grow with each recorded document, from the row in
hand, while the workers check the next ones. After the last document the tables are put in
path order (copied from their temporary files), and ``report.json`` and ``report.html`` are
written, ``documents.jsonl`` read anew one document at a time. Only the path and a few numbers
per document stay in memory, so memory stays flat over thousands of tenders. Every output is
in path order, whatever order the workers finished in, and replaced atomically; an
interrupted run leaves no temporary file behind.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from lbcheck.audit import store
from lbcheck.audit.cache import atomic_write_text
from lbcheck.audit.summary import DocumentRow, Tally, document_row, summary_json
from lbcheck.audit.tables import Tables
from lbcheck.models import RuleInfo
from lbcheck.reporters.json_model import JsonDocument

#: The page :func:`Reports.write` renders.
TEMPLATE = "audit.html.j2"


class Reports:
    """The audit's tables and reports for the documents of ``folder``, fed one by one."""

    def __init__(self, folder: Path, rules: Sequence[RuleInfo]) -> None:
        self.folder = folder
        self._temporary = {
            name: folder / f".{name}.tmp" for name in (store.DOCUMENTS_CSV, store.FINDINGS_CSV)
        }
        self._tables = Tables(folder / ".tables.tmp", rules)
        self._tally = Tally(rules, keep_rows=False)
        # Per document, in the order added: its path and where its line is in documents.jsonl.
        self._paths: list[str] = []
        self._offsets = array("q")
        self._ready = False

    def add(self, document: JsonDocument, offset: int) -> None:
        """``document``, whose line starts at byte ``offset`` of ``documents.jsonl``."""
        self._paths.append(document.path)
        self._offsets.append(offset)
        self._tables.add(document)
        self._tally.add(document)

    def prepare(self) -> None:
        """Load the page's code and compile its templates now (about 0.2 s), while workers
        are still checking, rather than after the last document."""
        if not self._ready:
            from lbcheck.audit import html  # noqa: F401  (its imports: Jinja, the page's helpers)
            from lbcheck.reporters.html.render import prepare

            prepare(TEMPLATE)
            self._ready = True

    def write(self) -> None:
        """The tables into place, then ``report.json`` and ``report.html``."""
        from lbcheck.audit.html import stream_audit_html

        # Everything by path, then by place in documents.jsonl: the order of the matrix, not
        # the order the workers happened to finish in.
        paths, offsets = self._paths, self._offsets
        order = sorted(range(len(paths)), key=lambda i: (paths[i], offsets[i]))
        self._tables.write(
            self._temporary[store.DOCUMENTS_CSV], self._temporary[store.FINDINGS_CSV], order
        )
        for name, temporary in self._temporary.items():
            temporary.replace(self.folder / name)
        summary = self._tally.result()
        folder = self.folder

        def documents() -> Iterator[JsonDocument]:
            return store.read_at(folder, (offsets[i] for i in order))

        def rows() -> Iterator[DocumentRow]:
            return map(document_row, documents())

        atomic_write_text(folder / store.REPORT_JSON, summary_json(summary, rows()))
        html = stream_audit_html(summary, documents(), rows(), documents())
        atomic_write_text(folder / store.REPORT_HTML, html)

    def discard(self) -> None:
        """Remove the temporary files (and unfinished tables: after :meth:`write` there are
        none)."""
        self._tables.close()
        for temporary in self._temporary.values():
            temporary.unlink(missing_ok=True)


def write_reports(folder: Path, rules: Sequence[RuleInfo]) -> None:
    """Tables and reports from the ``documents.jsonl`` in ``folder`` alone."""
    reports = Reports(folder, rules)
    try:
        for offset, document in store.read_indexed(folder):
            reports.add(document, offset)
        reports.write()
    finally:
        reports.discard()


__all__ = ["TEMPLATE", "Reports", "write_reports"]
