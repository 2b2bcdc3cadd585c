"""``lbcheck scan``: parse options, call the scan use case, render, exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, cast

import typer

from lbcheck.app.output import check_target, refuse_named_input, write_report
from lbcheck.app.stream import write_text
from lbcheck.cli._app import LANG_OPTION, app, apply_lang
from lbcheck.cli.options import (
    ConfigOption,
    CriteriaOption,
    DisableOption,
    IsolatedOption,
    SetsOption,
    SeverityOption,
)
from lbcheck.config import FailOn, parse_severity
from lbcheck.errors import UsageError
from lbcheck.gate import RANK, statistics
from lbcheck.i18n import counted, current, label, localized, tr
from lbcheck.models import Report
from lbcheck.outputs import append_summary, parse_formats, render_outputs
from lbcheck.reporters import REPORTERS, RenderEnv
from lbcheck.reporters.safe_text import clean

KIND_DE = {"finding": "Befund", "missing": "fehlt", "unreadable": "nicht lesbar"}


def render_statistics(report: Report) -> str:
    """One line per code: count, code, kind, severity; then the total."""
    rows = statistics(report)
    lines = [
        f"{n:5}  {code:12} {label('kind', kind, KIND_DE):13} {sev.value}"
        for code, kind, sev, n in rows
    ]
    total = sum(r[3] for r in rows)
    where = counted(len(report.documents), "Dokument")
    lines.append(f"{total:5}  " + tr("insgesamt in {documents}", documents=where))
    return "\n".join(lines) + "\n"


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
            help="Berichtsformat: "
            + ", ".join(REPORTERS)
            + "; mehrfach, NAME:DATEI schreibt in eine Datei (docs/formats.md)",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Bericht des Formats ohne eigene Datei hierhin"),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="eine vorhandene --output-Datei überschreiben")
    ] = False,
    sets: SetsOption = None,
    disable: DisableOption = None,
    severity: SeverityOption = None,
    criteria: CriteriaOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    fail_on: Annotated[str | None, typer.Option(help="error, warning, info oder never")] = None,
    exit_zero: Annotated[
        bool, typer.Option(help="Exit-Code 0 auch bei Befunden (Aufruffehler bleiben 2)")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="keinen Bericht ausgeben, nur den Exit-Code")
    ] = False,
    show_statistics: Annotated[
        bool, typer.Option("--statistics", help="statt des Berichts: Anzahl je Code")
    ] = False,
    max_size: Annotated[
        float | None, typer.Option(help="Höchstgröße je Datei in MB (Standard 50)")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="parallele Prozesse (0 = alle Kerne)")
    ] = 0,
    spacy_model: Annotated[
        str | None, typer.Option(help="installiertes spaCy-Modell statt der eingebauten Pipeline")
    ] = None,
    suppressions: Annotated[
        list[Path] | None,
        typer.Option(help="Unterdrückungsdatei (YAML: fingerprint, reason) zusätzlich"),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="nur Befunde melden, die nicht in dieser Baseline stehen")
    ] = None,
    write_baseline: Annotated[
        bool, typer.Option(help="die --baseline-Datei aus diesem Lauf schreiben (Exit-Code 0)")
    ] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(help="nur seit diesem git-Stand geänderte Dateien und neue Befunde"),
    ] = None,
    lang: Annotated[str | None, LANG_OPTION] = None,
    docs_url: Annotated[
        str | None,
        typer.Option(
            envvar="LBCHECK_DOCS_URL",
            help="Basisadresse der Katalogseiten für SARIF-helpUri (Standard: Repository)",
        ),
    ] = None,
) -> None:
    """Prüft Ausschreibungsunterlagen (DOCX, PDF, ODT, Markdown, Text)."""
    # Imported here: the use case loads spaCy, which --help and --version do not need.
    from lbcheck.app.scan import ScanOptions, check_max_size, run_scan

    apply_lang(lang)
    specs = parse_formats(output_format or [], output)
    if fail_on is not None and fail_on not in RANK:
        raise UsageError(tr("--fail-on muss error, warning, info oder never sein."))
    check_max_size(max_size)
    for spec in specs:
        if spec.path is not None:
            # A named input is never a target, --force or not: say that first.
            refuse_named_input(spec.path, paths)
            check_target(spec.path, force)
    if docs_url is not None and not docs_url.startswith(("https://", "http://")):
        raise UsageError(
            tr(
                "--docs-url {url!r}: erwartet wird eine Adresse mit https://, z. B. "
                "https://gitlab.example.org/vergabe/lbcheck/-/blob/main/docs/criteria/.",
                url=docs_url,
            )
        )
    if write_baseline and baseline is None:
        raise UsageError(tr("--write-baseline braucht --baseline DATEI (wohin geschrieben wird)."))
    options = ScanOptions(
        sets=tuple(s.strip() for s in sets.split(",") if s.strip()) if sets else (),
        disable=tuple(disable or ()),
        severity=parse_severity(severity or []),
        criteria=tuple(criteria or ()),
        config=config,
        isolated=isolated,
        fail_on=cast(FailOn | None, fail_on),
        max_size_mb=max_size,
        jobs=jobs,
        spacy_model=spacy_model,
        outputs=tuple(s.path for s in specs if s.path is not None),
        suppressions=tuple(suppressions or ()),
        baseline=baseline,
        write_baseline=write_baseline,
        changed_since=changed_since,
    )
    result = run_scan(paths, options)
    report = localized(result.report, current())
    for note in result.notes:
        write_text(sys.stderr, f"lbcheck: {note}\n", machine=False)
    for unused in result.unused:
        write_text(
            sys.stderr,
            "lbcheck: "
            + tr(
                "Unterdrückung ohne Treffer: {where} ({what}). Bitte entfernen.",
                where=clean(unused.where),
                what=", ".join(unused.codes) or unused.fingerprint,
            )
            + "\n",
            machine=False,
        )
    if write_baseline and baseline is not None:
        from lbcheck.app import baseline as baselines

        data = baselines.render(report, baseline.absolute().parent)
        write_report(data, baseline, result.inputs, force=True)
        count = len(baselines.entries(report, baseline.absolute().parent))
        message = tr("Baseline {file} mit {count} Einträgen.", file=baseline, count=count)
        write_text(sys.stderr, f"lbcheck: {message}\n", False)
        raise typer.Exit(0)
    from lbcheck.reporters.base import terminal_width

    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    env = RenderEnv(color, terminal_width(), Path.cwd(), tuple(sys.argv), docs_url, current())
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    shown = not (show_statistics or quiet)
    for out in render_outputs(report, specs, env, shown=shown, summaries=bool(step_summary)):
        if out.spec.path is not None:
            write_report(out.text.encode("utf-8"), out.spec.path, result.inputs, force)
        elif shown:
            write_text(sys.stdout, out.text, machine=out.spec.format != "terminal")
        if out.summary and step_summary:
            append_summary(out.summary, Path(step_summary))
    if show_statistics:
        write_text(sys.stdout, render_statistics(report), machine=False)
    raise typer.Exit(result.exit_code(exit_zero))
