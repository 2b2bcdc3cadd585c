"""The audit's tables and reports, fed one document at a time as the run records them."""

from __future__ import annotations

import csv
from pathlib import Path

from lbcheck.audit import store
from lbcheck.audit.reports import Reports, write_reports
from lbcheck.audit.summary import summarize
from lbcheck.reporters.json_model import JsonDocument
from tests.audit_report.conftest import RULES, hand_counted
from tests.audit_report.test_html import page_of


def _record(folder: Path, docs: list[JsonDocument]) -> Reports:
    """What the audit does per document: append its line, hand it to the reports."""
    folder.mkdir()
    sink = store.Sink(folder)
    reports = Reports(folder, RULES)
    for doc in docs:
        reports.add(doc, sink.add(doc, 0.1, False, ""))
    sink.close()
    return reports


def test_reports_do_not_depend_on_the_order_documents_finished(tmp_path: Path) -> None:
    docs = hand_counted()
    assert [d.path for d in docs] != sorted(d.path for d in docs)
    for name, order in (("forward", docs), ("backward", docs[::-1])):
        reports = _record(tmp_path / name, order)
        reports.write()
        reports.discard()
        expected = summarize(docs, RULES).model_dump_json(indent=2) + "\n"
        assert (tmp_path / name / store.REPORT_JSON).read_text(encoding="utf-8") == expected
    for output in (store.DOCUMENTS_CSV, store.FINDINGS_CSV, store.REPORT_HTML):
        forward = (tmp_path / "forward" / output).read_bytes()
        assert forward == (tmp_path / "backward" / output).read_bytes(), output
    # The document table of the page and the rows of the tables in path order, as the matrix.
    page = (tmp_path / "forward" / store.REPORT_HTML).read_text(encoding="utf-8")
    assert page == page_of(sorted(docs, key=lambda d: d.path))
    with (tmp_path / "forward" / store.DOCUMENTS_CSV).open(encoding="utf-8-sig") as f:
        paths = [row["Pfad"] for row in csv.DictReader(f, delimiter=";")]
    assert paths == sorted(d.path for d in docs)


def test_unfinished_tables_leave_nothing_behind(tmp_path: Path) -> None:
    reports = _record(tmp_path / "out", hand_counted())
    reports.discard()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [store.DOCUMENTS, store.TIMINGS]


def test_from_the_documents_file_alone_equals_recording(tmp_path: Path) -> None:
    docs = hand_counted()[::-1]
    recorded = _record(tmp_path / "recorded", docs)
    recorded.write()
    recorded.discard()
    again = tmp_path / "again"
    again.mkdir()
    for name in (store.DOCUMENTS, store.TIMINGS):
        (again / name).write_bytes((tmp_path / "recorded" / name).read_bytes())
    write_reports(again, RULES)
    for name in store.OUTPUTS:
        assert (again / name).read_bytes() == (tmp_path / "recorded" / name).read_bytes(), name
