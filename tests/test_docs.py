"""Generated documentation is current: catalogue pages and the JSON Schema of the report."""

from __future__ import annotations

from pathlib import Path

from lbcheck.criteria.docgen import render_all
from lbcheck.criteria.loader import Catalogue
from lbcheck.reporters.json_model import schema_text

ROOT = Path(__file__).resolve().parents[1]


def test_catalogue_pages_are_current(catalogue: Catalogue) -> None:
    for name, text in render_all(catalogue).items():
        page = ROOT / "docs" / "criteria" / name
        assert page.exists(), f"run: python -m lbcheck.criteria.docgen docs/criteria ({name})"
        assert page.read_text(encoding="utf-8") == text, f"{name} is stale: regenerate it"


def test_json_schema_is_current() -> None:
    path = ROOT / "docs" / "report.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(), (
        "run: lbcheck schema > docs/report.schema.json"
    )


def test_json_output_validates_against_schema(tmp_path: Path) -> None:
    import json

    import jsonschema

    from lbcheck.config import Settings
    from lbcheck.reporters import get_reporter
    from lbcheck.runner import scan

    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    report = scan(
        [str(ROOT / "examples" / "lb_bueromaterial.md"), str(tmp_path / "leer.txt")], Settings()
    )
    data = json.loads(get_reporter("json").render(report))
    jsonschema.validate(data, json.loads(schema_text()))
