"""The audit use case in-process: outputs, CSV, cache, overwrite protection, resume."""

from __future__ import annotations

import csv
import dataclasses
import json
import multiprocessing
from pathlib import Path

import pytest

from lbcheck.audit import store
from lbcheck.audit.run import AuditOptions, run_audit
from lbcheck.config import Settings
from lbcheck.errors import RunInterruptedError, UsageError
from lbcheck.reporters.json_model import JsonDocument

from .conftest import make_tenders


def _lines(folder: Path, name: str = store.DOCUMENTS) -> list[dict[str, object]]:
    text = (folder / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _options(tmp_path: Path, **changes: object) -> AuditOptions:
    base = AuditOptions(
        paths=(str(tmp_path / "in"),),
        output_dir=tmp_path / "out",
        settings=Settings(jobs=1),
        jobs=2,
        cache_dir=tmp_path / "cache",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_outputs_csv_and_cache_hit(tmp_path: Path) -> None:
    paths = make_tenders(tmp_path / "in", 6)
    (tmp_path / "in" / "~$Reinigung_Büro_Ä.docx").write_bytes(b"lock")
    first = run_audit(_options(tmp_path))
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} == set(store.OUTPUTS)
    lines = _lines(out)
    assert sorted(str(d["path"]) for d in lines) == sorted(str(p) for p in paths)
    for line in lines:  # each line is the scan JSON per-document model
        JsonDocument.model_validate(line)
    assert first.checked == 6 and first.cached == 0

    # documents.csv: BOM, umlauts, one row per document, a status column per criterion.
    raw = (out / store.DOCUMENTS_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (out / store.DOCUMENTS_CSV).open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == 6
    docx = next(r for r in rows if r["Pfad"].endswith("Reinigung_Büro_Ä.docx"))
    assert docx["Status"] == "geprüft" and docx["Format"] == "docx"
    assert "reinigung" in docx["Gegenstand"]
    md = next(r for r in rows if r["Pfad"].endswith("lb_000.md"))
    assert md["BUE-01"] in {"erfüllt", "schwach", "fehlt"}
    assert int(md["Warnungen"]) + int(md["Fehler"]) > 0
    with (out / store.FINDINGS_CSV).open(encoding="utf-8-sig", newline="") as f:
        findings = list(csv.DictReader(f, delimiter=";"))
    expected = sum(len(d["findings"]) for d in lines)  # type: ignore[arg-type]
    assert len(findings) == expected > 0
    assert all(r["Code"] and r["Schweregrad"] in {"Fehler", "Warnung", "Hinweis"} for r in findings)
    assert json.loads((out / store.REPORT_JSON).read_text(encoding="utf-8"))
    assert "<html" in (out / store.REPORT_HTML).read_text(encoding="utf-8")

    # The same files again: every document from the cache, marked so, same content.
    second = run_audit(_options(tmp_path, force=True))
    assert second.cached == 6 and second.checked == 0
    timings = _lines(out, store.TIMINGS)
    assert all(t["cached"] is True for t in timings)
    assert sorted(_lines(out), key=str) == sorted(lines, key=str)
    assert second.documents_seconds < first.documents_seconds / 5

    # One file changed: only that one is checked again.
    paths[0].write_text("Wir kaufen Recyclingpapier mit dem Blauen Engel.", encoding="utf-8")
    third = run_audit(_options(tmp_path, force=True))
    assert (third.checked, third.cached) == (1, 5)


def test_existing_audit_is_not_overwritten(tmp_path: Path) -> None:
    make_tenders(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / store.DOCUMENTS).write_text("earlier\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--resume"):
        run_audit(_options(tmp_path))
    assert (out / store.DOCUMENTS).read_text(encoding="utf-8") == "earlier\n"
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="Datei"):
        run_audit(_options(tmp_path, output_dir=tmp_path / "datei"))


class _StopAfter:
    """Acts like Ctrl-C after ``n`` documents."""

    def __init__(self, n: int) -> None:
        self.n = n

    def start(self, total: int, already: int) -> None:
        pass

    def document(self, document: JsonDocument, cached: bool) -> None:
        self.n -= 1
        if self.n == 0:
            raise KeyboardInterrupt


def test_interrupted_run_keeps_finished_and_resumes(tmp_path: Path) -> None:
    paths = make_tenders(tmp_path / "in", 7)
    out = tmp_path / "out"
    with pytest.raises(RunInterruptedError):
        run_audit(_options(tmp_path, cache_dir=None), _StopAfter(3))
    assert multiprocessing.active_children() == []  # workers reaped
    assert {p.name for p in out.iterdir()} <= {store.DOCUMENTS, store.TIMINGS}
    assert len(_lines(out)) == 3
    # A line half written when the power went: dropped on resume, that file checked again.
    with (out / store.DOCUMENTS).open("a", encoding="utf-8") as f:
        f.write('{"path": "/half')
    resumed = run_audit(_options(tmp_path, resume=True, cache_dir=None))
    assert resumed.resumed == 3 and resumed.checked == 4
    assert sorted(str(d["path"]) for d in _lines(out)) == sorted(str(p) for p in paths)
    with (out / store.DOCUMENTS_CSV).open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.DictReader(f, delimiter=";"))) == 7
    # The tables and counts of the resumed run took in the rows the first run had written:
    # both reports are those of one uninterrupted run, whatever order the rows came in.
    whole = tmp_path / "whole"
    run_audit(_options(tmp_path, output_dir=whole, cache_dir=None))
    for name in (store.REPORT_JSON, store.REPORT_HTML):
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name


def test_resume_refuses_a_line_it_cannot_read(tmp_path: Path) -> None:
    """A row from another lbcheck version (here: a field this one does not know) would be
    left out of the reports: the resumed audit stops before checking anything and says so."""
    make_tenders(tmp_path / "in", 3)
    out = tmp_path / "out"
    with pytest.raises(RunInterruptedError):
        run_audit(_options(tmp_path, cache_dir=None), _StopAfter(2))
    rows = _lines(out)
    rows[1]["from_a_newer_version"] = True
    written = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    (out / store.DOCUMENTS).write_text(written, encoding="utf-8")
    with pytest.raises(UsageError, match=r"Zeile 2 .*documents\.jsonl.*--force"):
        run_audit(_options(tmp_path, resume=True, cache_dir=None))
    assert (out / store.DOCUMENTS).read_text(encoding="utf-8") == written
    assert {p.name for p in out.iterdir()} == {store.DOCUMENTS, store.TIMINGS}


def test_spawn_audit_gives_the_fork_result(tmp_path: Path) -> None:
    make_tenders(tmp_path / "in", 3)
    run_audit(_options(tmp_path, jobs=1, cache_dir=None))
    forked = sorted(_lines(tmp_path / "out"), key=lambda d: str(d["path"]))
    run_audit(_options(tmp_path, jobs=1, cache_dir=None, start_method="spawn", force=True))
    assert sorted(_lines(tmp_path / "out"), key=lambda d: str(d["path"])) == forked
