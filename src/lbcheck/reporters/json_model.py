"""The machine-readable report, version 1: pydantic models from which ``docs/report.schema.json``
is generated (``python -m lbcheck.reporters.json_model``). Other tools depend on these fields;
add fields freely, but rename or remove one only with a new ``schema_version``."""

from __future__ import annotations

import json
import sys
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1
PlaceName = Literal["leistungsbeschreibung", "eignung", "zuschlag", "ausfuehrungsbedingung"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JsonLocation(_Model):
    page: int | None = Field(None, description="1-based PDF page")
    section: list[str] = Field(default_factory=list, description="heading path, outermost first")
    paragraph: int | None = Field(
        None, description="1-based body paragraph (DOCX/ODT) or paragraph on the page (PDF)"
    )
    line: int | None = Field(None, description="1-based line (Markdown, text)")
    table: int | None = None
    row: int | None = None
    column: int | None = None
    text: str = Field(
        description="one-line description of the place (German; English with --lang en)"
    )


class JsonEvidence(_Model):
    location: JsonLocation
    excerpt: str
    place: PlaceName
    modality: Literal["binding", "weak", "ambiguous", "statement", "negated"]


class JsonLegalRef(_Model):
    ref: str
    source: str


class JsonAdvice(_Model):
    title: str
    message: str
    rationale: str
    legal_basis: list[JsonLegalRef]
    model_clause: str
    proof: str


class JsonRuleAdvice(_Model):
    code: str = Field(description="a rule that fired in this document")
    advice: JsonAdvice


class JsonCriterion(_Model):
    code: str
    name: str
    title: str
    set: str
    dimension: str
    status: Literal["met", "weak", "missing", "not_applicable"]
    severity: Literal["error", "warning", "info"]
    evidence: list[JsonEvidence]
    advice: JsonAdvice | None = Field(None, description="for weak and missing criteria")


class JsonFinding(_Model):
    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    message: str
    location: JsonLocation
    excerpt: str
    confidence: float = Field(ge=0, le=1)
    fingerprint: str = Field(description="stable id: code, section path and sentence")
    place: PlaceName


class JsonError(_Model):
    code: str = Field(
        description=(
            "no-text, encrypted, corrupt, empty, unsupported, too-large, garbled, not-found, "
            "unreadable, symlink-loop, symlink-outside, timeout, internal"
        )
    )
    message: str = Field(description="sentence saying what to do (German; English with --lang en)")
    detail: str = ""


class JsonSet(_Model):
    set: str
    applies: bool


class JsonPlacement(_Model):
    place: PlaceName
    dimensions: list[str] = Field(description="umwelt / sozial / innovation found at this place")


class JsonEforms(_Model):
    field: str
    code: str
    reason: str


class JsonDocument(_Model):
    path: str = Field(description="as given on the command line")
    status: Literal["ok", "error"]
    format: str | None = None
    pages: int | None = None
    error: JsonError | None = None
    subject: list[str] = Field(default_factory=list)
    subject_certain: bool = Field(
        default=True,
        description="false when the text says too little about what is bought; sets that "
        "depend on the subject may then not apply wrongly",
    )
    sets: list[JsonSet] = Field(default_factory=list)
    criteria: list[JsonCriterion] = Field(default_factory=list)
    findings: list[JsonFinding] = Field(default_factory=list)
    placement: list[JsonPlacement] = Field(default_factory=list)
    eforms: list[JsonEforms] = Field(default_factory=list)
    rules: list[JsonRuleAdvice] = Field(
        default_factory=list, description="why each fired rule matters and what to write instead"
    )


class JsonSummary(_Model):
    documents: int
    ok: int
    errors: int
    findings: dict[str, int]
    criteria: dict[str, int]


class JsonTool(_Model):
    name: Literal["lbcheck"] = "lbcheck"
    version: str


class JsonReport(_Model):
    schema_version: Literal[1] = 1
    tool: JsonTool
    summary: JsonSummary
    documents: list[JsonDocument]


def _open(node: object) -> None:
    """Drop ``additionalProperties: false``: tools must accept fields added later (the models
    themselves stay strict, so lbcheck never writes a field the schema does not describe)."""
    if isinstance(node, dict):
        if node.get("additionalProperties") is False:
            del node["additionalProperties"]
        for value in node.values():
            _open(value)
    elif isinstance(node, list):
        for value in node:
            _open(value)


def schema_text() -> str:
    schema = JsonReport.model_json_schema()
    _open(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "lbcheck report"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
