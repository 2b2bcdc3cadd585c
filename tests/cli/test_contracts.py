"""Contracts other tools and engineers rely on: the JSON report's schema accepts fields added
later while every field lbcheck writes is described; the layers (cli -> app -> engine/ingest)
import only downwards; dependencies whose breaking releases would break the CLI have upper
bounds."""

from __future__ import annotations

import ast
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
from packaging.requirements import Requirement

from lbcheck.reporters.json_model import JsonReport, schema_text
from tests.cli.helpers import EXAMPLE, ROOT, run

SRC = ROOT / "src" / "lbcheck"


def test_json_schema_allows_added_fields_and_models_describe_every_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "scan", "-f", "json", "--exit-zero", str(EXAMPLE))
    data = json.loads(out)
    JsonReport.model_validate(data)  # strict models: no field the schema does not describe
    schema = json.loads(schema_text())
    data["later_field"] = {"x": 1}
    data["documents"][0]["later_field"] = [1]
    data["documents"][0]["findings"][0]["location"]["later_field"] = "y"
    jsonschema.validate(data, schema)  # a newer lbcheck's report still validates
    data["documents"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)  # the known fields are still checked


def _imports(package: str) -> dict[Path, set[str]]:
    found: dict[Path, set[str]] = {}
    for path in sorted((SRC / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        found[path] = names
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        # The command line parses, calls a use case, renders: no scanning of its own.
        ("cli", ("lbcheck.engine", "lbcheck.ingest", "lbcheck.runner", "lbcheck.nlp")),
        # The core knows nothing of the layers above it.
        ("engine", ("lbcheck.app", "lbcheck.cli", "lbcheck.reporters", "lbcheck.outputs")),
        ("ingest", ("lbcheck.app", "lbcheck.cli", "lbcheck.reporters", "lbcheck.engine")),
        ("criteria", ("lbcheck.app", "lbcheck.cli", "lbcheck.runner", "lbcheck.outputs")),
        ("app", ("lbcheck.cli",)),
    ],
)
def test_layers_import_only_downwards(package: str, forbidden: tuple[str, ...]) -> None:
    for path, names in _imports(package).items():
        bad = sorted(n for n in names if n.startswith(forbidden))
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_examples_and_validation_live_in_the_application_layer() -> None:
    """Running criteria examples reads Markdown and runs the engine: that is a use case."""
    assert not (SRC / "engine" / "examples.py").exists()
    assert not (SRC / "criteria" / "validate.py").exists()
    assert (SRC / "app" / "examples.py").exists() and (SRC / "app" / "validate.py").exists()


# Calendar-versioned, no breaking releases so far; a bound would only expire.
_UNBOUNDED_OK = {"regex"}


def test_runtime_dependencies_have_upper_bounds() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    assert any(r.name == "typer" for r in requirements)
    for req in requirements:
        if req.name in _UNBOUNDED_OK:
            continue
        assert any(s.operator in ("<", "<=", "~=", "==") for s in req.specifier), req
    for extra in project["optional-dependencies"]["web"]:
        req = Requirement(extra)
        assert any(s.operator in ("<", "<=", "~=", "==") for s in req.specifier), req
