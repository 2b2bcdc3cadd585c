"""``lbcheck criteria list|show|validate``, ``explain``, ``schema``, ``version``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lbcheck import __version__
from lbcheck.app.stream import write_text
from lbcheck.cli._app import app, criteria_app
from lbcheck.errors import UsageError
from lbcheck.gate import EXIT_USAGE
from lbcheck.i18n import counted, tr


@criteria_app.command("list")
def criteria_list(
    set_name: Annotated[str | None, typer.Option("--set", help="nur dieses Set")] = None,
    criteria: Annotated[
        list[Path] | None, typer.Option(help="eigene Kriteriendatei zusätzlich")
    ] = None,
    list_format: Annotated[
        str, typer.Option("--format", "-f", help="text oder json (alle Felder je Eintrag)")
    ] = "text",
) -> None:
    """Listet alle Kriterien und Regeln mit Code, Name und Titel."""
    from lbcheck.criteria.export import catalogue_json
    from lbcheck.criteria.loader import load_catalogue

    if list_format not in {"text", "json"}:
        raise UsageError(tr("--format muss text oder json sein."))
    catalogue = load_catalogue(tuple(criteria or ()))
    if list_format == "json":
        write_text(sys.stdout, catalogue_json(catalogue, set_name), machine=True)
        return
    for s, e in catalogue.entries():
        if set_name and s.set != set_name:
            continue
        kind = tr("Regel") if e.kind == "rule" else tr("Kriterium")
        line = f"{e.code:7} {e.name:32} {s.set:16} {kind:9} {e.severity.value:7} {e.title}\n"
        write_text(sys.stdout, line, machine=False)


def _explain(key: str, extra: tuple[Path, ...]) -> str:
    from lbcheck.criteria.explain import explain_entry
    from lbcheck.criteria.loader import load_catalogue

    found = load_catalogue(extra).find(key)
    if found is None:
        raise UsageError(
            tr("Unbekannter Code oder Name: {key!r}. 'lbcheck criteria list' zeigt alle.", key=key)
        )
    return explain_entry(*found)


@criteria_app.command("show")
def criteria_show(
    code: Annotated[str, typer.Argument(help="Code (BUE-01) oder Name (buero-recyclingpapier)")],
    criteria: Annotated[
        list[Path] | None, typer.Option(help="eigene Kriteriendatei zusätzlich")
    ] = None,
) -> None:
    """Zeigt ein Kriterium mit Mustern, Begründung, Rechtsgrundlage und Beispielen."""
    write_text(sys.stdout, _explain(code, tuple(criteria or ())), machine=False)


@app.command()
def explain(
    code: Annotated[
        str, typer.Argument(help="Code (VR-03) oder Name (vr-guetezeichen-gleichwertig)")
    ],
) -> None:
    """Erklärt ein Kriterium oder eine Regel: warum, Rechtsgrundlage, Textbaustein, Beispiele."""
    write_text(sys.stdout, _explain(code, ()), machine=False)


@criteria_app.command("validate")
def criteria_validate(
    files: Annotated[list[Path], typer.Argument(help="eigene Kriteriendateien (YAML)")],
) -> None:
    """Prüft eigene Kriteriendateien: Schema, reguläre Ausdrücke, Beispiele."""
    from lbcheck.app.validate import validate_files

    problems = validate_files(files)
    for line in problems:
        write_text(sys.stderr, line + "\n", machine=False)
    if problems:
        raise typer.Exit(EXIT_USAGE)
    write_text(sys.stdout, tr("{files} gültig.", files=counted(len(files), "Datei")) + "\n", False)


@app.command()
def schema() -> None:
    """Gibt das JSON-Schema des JSON-Berichts aus (schema_version 1)."""
    from lbcheck.reporters.json_model import schema_text

    write_text(sys.stdout, schema_text(), machine=True)


@app.command()
def version() -> None:
    """Zeigt die Version."""
    write_text(sys.stdout, f"lbcheck {__version__}\n", machine=False)
