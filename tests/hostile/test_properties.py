"""Property tests: any text in (as Markdown or plain text), a valid report out, in bounded time."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lbcheck.engine.compiled import CompiledEntry
from lbcheck.engine.evaluate import Options, check_document
from lbcheck.errors import IngestError
from lbcheck.ingest import Limits
from lbcheck.ingest.markdown import read_markdown
from lbcheck.ingest.normalize import clean
from lbcheck.ingest.text import read_text
from lbcheck.models import Document, DocumentReport, Report
from lbcheck.reporters import get_reporter
from lbcheck.reporters.json_model import schema_text

SCHEMA = json.loads(schema_text())
_PLAIN = "Kopierpapier muss soll sollte möglichst Altpapier Blauer Engel oder gleichwertig ILO"
_MORE = "Kernarbeitsnormen Zuschlag Preis 70 % Punkte Fabrikat Marke # ## - * 1. | ( [ ] ) > ```"
_ODD = ["<b>", "&", ";", ":", "\n", "\n\n", "\u202e", "\u200b", "а", "е", "Ａ", "\x1b", "\t", "."]
WORDS = st.sampled_from([*_PLAIN.split(" "), *_MORE.split(" "), *_ODD])
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=120).map(" ".join))
PROFILE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _report(text: str, fmt: str, compiled: Sequence[CompiledEntry]) -> DocumentReport | None:
    reader = read_markdown if fmt == "markdown" else read_text
    try:
        extracted = reader(text.encode("utf-8"), Limits())
    except IngestError:
        return None  # empty or binary-looking text: a clean error code, also fine
    document = Document(f"t.{fmt}", fmt, extracted.blocks)
    return check_document(document, compiled, Options())


def _valid(report: DocumentReport) -> None:
    for reporter in ("json", "terminal"):
        rendered = get_reporter(reporter).render(Report((report,)))
        assert isinstance(rendered, str)
    jsonschema.validate(json.loads(get_reporter("json").render(Report((report,)))), SCHEMA)


@PROFILE
@given(text=TEXTS, fmt=st.sampled_from(["markdown", "text"]))
def test_any_text_gives_a_valid_report_quickly(
    text: str, fmt: str, compiled: Sequence[CompiledEntry]
) -> None:
    start = time.perf_counter()
    report = _report(text, fmt, compiled)
    if report is not None:
        _valid(report)
        assert report.status == "ok"
    assert time.perf_counter() - start < 10.0


@PROFILE
@given(text=TEXTS)
def test_excerpts_are_cut_from_the_document_text(
    text: str, compiled: Sequence[CompiledEntry]
) -> None:
    report = _report(text, "text", compiled)
    if report is None:
        return
    squashed = " ".join(clean(text).split())
    for finding in report.findings:
        words = finding.excerpt.replace("…", " ").split()
        assert all(w in squashed or "\u2026" in w for w in words[:3]) or not words
