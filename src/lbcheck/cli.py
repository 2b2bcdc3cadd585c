"""Command line: parse arguments -> settings -> core -> reporter -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage or criteria
error; 3 internal error.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from lbcheck import __version__
from lbcheck.cli_annotate import register as register_annotate
from lbcheck.cli_serve import register as register_serve
from lbcheck.config import FailOn, find_config, load_config, merge, parse_severity
from lbcheck.errors import CriteriaError, UsageError
from lbcheck.models import Report, Severity, Status

app = typer.Typer(
    help="lbcheck prüft Leistungsbeschreibungen auf Nachhaltigkeitskriterien.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
criteria_app = typer.Typer(help="Kriterienkatalog anzeigen und eigene Kriteriendateien prüfen.")
app.add_typer(criteria_app, name="criteria")
register_annotate(app)
register_serve(app)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


def exit_code(report: Report, fail_on: FailOn) -> int:
    """1 when a finding, an applicable missing criterion or an unreadable file reaches the level."""
    threshold = _RANK[fail_on]
    for doc in report.documents:
        if doc.status != "ok" and Severity.ERROR.rank >= threshold:
            return EXIT_FINDINGS
        if any(f.severity.rank >= threshold for f in doc.findings):
            return EXIT_FINDINGS
        if any(c.status is Status.MISSING and c.severity.rank >= threshold for c in doc.criteria):
            return EXIT_FINDINGS
    return EXIT_OK


def _write_output(text: str, output: Path, inputs: list[str], force: bool) -> None:
    """Write atomically; never over an input file, and over another file only with --force."""
    target = output.resolve()
    if any(Path(p).resolve() == target for p in inputs):
        raise UsageError(
            f"--output {output} ist eine der geprüften Dateien; lbcheck überschreibt sie nicht."
        )
    if target.exists() and not force:
        raise UsageError(f"--output {output} existiert bereits. Mit --force überschreiben.")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".lbcheck-", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    Path(tmp).replace(target)


@app.command()
def scan(
    paths: Annotated[
        list[str], typer.Argument(help="Dateien, Ordner (rekursiv) oder Muster wie 'lv/*.pdf'")
    ],
    output_format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="terminal, json, json-lines, concise, markdown, sarif, github, gitlab, junit; "
            "mehrfach, NAME:DATEI schreibt in eine Datei (docs/formats.md)",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Bericht in diese Datei schreiben")
    ] = None,
    force: Annotated[
        bool, typer.Option(help="eine vorhandene --output-Datei überschreiben")
    ] = False,
    sets: Annotated[str | None, typer.Option(help="nur diese Sets, z. B. 'ilo,buero'")] = None,
    disable: Annotated[
        list[str] | None, typer.Option(help="Kriterium/Regel abschalten (Code, Name oder Präfix)")
    ] = None,
    severity: Annotated[
        list[str] | None, typer.Option(help="Schweregrad ändern, z. B. VR-02=error")
    ] = None,
    criteria: Annotated[
        list[Path] | None, typer.Option(help="eigene Kriteriendatei (YAML) zusätzlich laden")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="Konfigurationsdatei (sonst ./lbcheck.yaml, falls vorhanden)"),
    ] = None,
    fail_on: Annotated[str | None, typer.Option(help="error, warning, info oder never")] = None,
    max_size: Annotated[
        float | None, typer.Option(help="Höchstgröße je Datei in MB (Standard 50)")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="parallele Prozesse (0 = alle Kerne)")
    ] = 0,
    spacy_model: Annotated[
        str | None, typer.Option(help="installiertes spaCy-Modell statt der eingebauten Pipeline")
    ] = None,
) -> None:
    """Prüft Ausschreibungsunterlagen (DOCX, PDF, ODT, Markdown, Text)."""
    from lbcheck.outputs import append_summary, check_targets, parse_formats, render_outputs
    from lbcheck.reporters import RenderEnv
    from lbcheck.reporters.terminal import terminal_width
    from lbcheck.runner import scan as run_scan

    specs = parse_formats(output_format or [], output)
    check_targets(specs, paths, force)
    if fail_on is not None and fail_on not in _RANK:
        raise UsageError("--fail-on muss error, warning, info oder never sein.")
    config_path = config or find_config(Path.cwd())
    project = load_config(config_path) if config_path else None
    n_jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    settings = merge(
        project,
        config_path.parent if config_path else None,
        sets=tuple(s.strip() for s in sets.split(",") if s.strip()) if sets else (),
        disable=tuple(disable or ()),
        severity=parse_severity(severity or []),
        criteria=tuple(criteria or ()),
        fail_on=fail_on,  # type: ignore[arg-type]
        max_size_mb=max_size,
        jobs=n_jobs,
        spacy_model=spacy_model,
    )
    report = run_scan(paths, settings)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    env = RenderEnv(color, terminal_width(), Path.cwd(), tuple(sys.argv))
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    for out in render_outputs(report, specs, env):
        if out.spec.path is not None:
            _write_output(out.text, out.spec.path, paths, force)
        else:
            sys.stdout.write(out.text)
        if out.summary and step_summary:
            append_summary(out.summary, Path(step_summary))
    raise typer.Exit(exit_code(report, settings.fail_on))


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
        raise UsageError("--format muss text oder json sein.")
    catalogue = load_catalogue(tuple(criteria or ()))
    if list_format == "json":
        sys.stdout.write(catalogue_json(catalogue, set_name))
        return
    for s, e in catalogue.entries():
        if set_name and s.set != set_name:
            continue
        kind = "Regel" if e.kind == "rule" else "Kriterium"
        sys.stdout.write(
            f"{e.code:7} {e.name:32} {s.set:16} {kind:9} {e.severity.value:7} {e.title}\n"
        )


def _explain(key: str, extra: tuple[Path, ...]) -> str:
    from lbcheck.criteria.explain import explain_entry
    from lbcheck.criteria.loader import load_catalogue

    found = load_catalogue(extra).find(key)
    if found is None:
        raise UsageError(
            f"Unbekannter Code oder Name: {key!r}. 'lbcheck criteria list' zeigt alle."
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
    sys.stdout.write(_explain(code, tuple(criteria or ())))


@app.command()
def explain(
    code: Annotated[
        str, typer.Argument(help="Code (VR-03) oder Name (vr-guetezeichen-gleichwertig)")
    ],
) -> None:
    """Erklärt ein Kriterium oder eine Regel: warum, Rechtsgrundlage, Textbaustein, Beispiele."""
    sys.stdout.write(_explain(code, ()))


@criteria_app.command("validate")
def criteria_validate(
    files: Annotated[list[Path], typer.Argument(help="eigene Kriteriendateien (YAML)")],
) -> None:
    """Prüft eigene Kriteriendateien: Schema, reguläre Ausdrücke, Beispiele."""
    from lbcheck.criteria.validate import validate_files

    problems = validate_files(files)
    for line in problems:
        sys.stderr.write(line + "\n")
    if problems:
        raise typer.Exit(EXIT_USAGE)
    sys.stdout.write(f"{len(files)} Datei(en) gültig.\n")


@app.command()
def schema() -> None:
    """Gibt das JSON-Schema des JSON-Berichts aus (schema_version 1)."""
    from lbcheck.reporters.json_model import schema_text

    sys.stdout.write(schema_text())


@app.command()
def version() -> None:
    """Zeigt die Version."""
    sys.stdout.write(f"lbcheck {__version__}\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising, so tests can call it."""
    logging.basicConfig(
        level=os.environ.get("LBCHECK_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        result = app(args=argv, prog_name="lbcheck", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (UsageError, CriteriaError) as exc:
        sys.stderr.write(f"lbcheck: {exc}\n")
        return EXIT_USAGE
    except Exception as exc:
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            return EXIT_USAGE
        if isinstance(exc, click.exceptions.Abort):
            return EXIT_USAGE
        logging.getLogger("lbcheck").exception("interner Fehler")
        sys.stderr.write(f"lbcheck: interner Fehler: {exc!r}\n")
        return EXIT_INTERNAL
    # click returns the code of typer.Exit instead of raising it in non-standalone mode.
    return result if isinstance(result, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
