"""JSON Lines: one document per line, each the same object as a ``documents[]`` entry of
``--format json`` (schema_version 1), for streaming thousands of tenders into other tools."""

from __future__ import annotations

from lbcheck.models import Report
from lbcheck.reporters.base import Reporter
from lbcheck.reporters.json_reporter import to_model
from lbcheck.reporters.safe_text import json_escaped


class JsonLinesReporter(Reporter):
    name = "json-lines"
    extension = ".jsonl"

    def render(self, report: Report) -> str:
        return "".join(json_escaped(d.model_dump_json()) + "\n" for d in to_model(report).documents)
