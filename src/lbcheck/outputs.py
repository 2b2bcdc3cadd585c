"""Several report formats in one run: ``--format NAME[:FILE]``, rendered once each.

``--format terminal --format sarif:lbcheck.sarif --format junit:junit.xml`` prints the terminal
report and writes the other two files. At most one format goes without a file; it is written to
``--output`` if given, else to standard output. The CLI writes what ``render_outputs`` returns;
this module decides nothing about files on disk except that two formats may not share one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lbcheck.errors import UsageError
from lbcheck.i18n import tr, use
from lbcheck.ingest.folders import resolved
from lbcheck.models import Report
from lbcheck.reporters import REPORTERS, RenderEnv, get_reporter

DEFAULT_FORMAT = "terminal"


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """One report to produce: its format and its file (None: standard output)."""

    format: str
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered report, and the Markdown job summary its format offers (``github``)."""

    spec: OutputSpec
    text: str
    summary: str | None = None


def _known() -> str:
    return ", ".join(sorted(REPORTERS))


def parse_formats(values: Sequence[str], output: Path | None = None) -> tuple[OutputSpec, ...]:
    """``["terminal", "sarif:out.sarif"]`` -> specs; every mistake is a German usage error."""
    specs: list[OutputSpec] = []
    for value in values or (DEFAULT_FORMAT,):
        name, sep, file = value.partition(":")
        name = name.strip()
        if name not in REPORTERS:
            raise UsageError(
                tr(
                    "--format {value!r}: unbekanntes Format; bekannt sind {v0}.",
                    value=value,
                    v0=_known(),
                )
            )
        if sep and not file.strip():
            raise UsageError(
                tr("--format {value!r}: nach dem Doppelpunkt fehlt der Dateiname.", value=value)
            )
        specs.append(OutputSpec(name, Path(file.strip()) if sep else None))
    plain = [s for s in specs if s.path is None]
    if len(plain) > 1:
        names = ", ".join(s.format for s in plain)
        raise UsageError(
            tr(
                "--format: nur ein Format kann auf die Standardausgabe ({names}); geben Sie den "
                "übrigen eine Datei mit NAME:DATEI, z. B. --format sarif:lbcheck.sarif.",
                names=names,
            )
        )
    if output is not None:
        if not plain:
            raise UsageError(
                tr(
                    "--output gilt für das Format ohne eigene Datei; alle --format-Angaben nennen "
                    "schon eine Datei. Lassen Sie --output weg."
                )
            )
        specs = [replace(s, path=output) if s.path is None else s for s in specs]
    targets = [resolved(s.path) for s in specs if s.path is not None]
    if len(targets) != len(set(targets)):
        raise UsageError(
            tr("--format/--output: zwei Berichte würden in dieselbe Datei geschrieben.")
        )
    return tuple(specs)


def check_targets(specs: Sequence[OutputSpec], inputs: Sequence[str], force: bool) -> None:
    """Refuse before scanning what writing would refuse after it, so no report is half done."""
    for spec in specs:
        if spec.path is None:
            continue
        target = resolved(spec.path)
        if any(resolved(Path(p)) == target for p in inputs):
            raise UsageError(
                tr(
                    "{spec_path} ist eine der geprüften Dateien; lbcheck überschreibt sie nicht.",
                    spec_path=spec.path,
                )
            )
        if target.exists() and not force:
            raise UsageError(
                tr("{spec_path} existiert bereits. Mit --force überschreiben.", spec_path=spec.path)
            )


def render_outputs(
    report: Report,
    specs: Sequence[OutputSpec],
    env: RenderEnv,
    *,
    shown: bool = True,
    summaries: bool = True,
) -> tuple[Rendered, ...]:
    """Render each spec; colour only for the report on standard output.

    ``shown=False`` (``--quiet``, ``--statistics``): the reports for standard output are not
    rendered at all (their text is empty), since nobody sees them; for 150 documents the
    terminal report alone took about 2 s. ``summaries=False``: no job summaries either.
    """
    rendered = []
    for spec in specs:
        local = replace(env, color=env.color and spec.path is None)
        reporter = get_reporter(spec.format, local)
        with use(env.lang):  # lbcheck's own texts in the run's language
            text = reporter.render(report) if shown or spec.path is not None else ""
            summary = reporter.job_summary(report) if summaries else None
            rendered.append(Rendered(spec, text, summary))
    return tuple(rendered)


def append_summary(text: str, path: Path) -> None:
    """Append to the job summary file GitHub names in ``$GITHUB_STEP_SUMMARY`` (never replace)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
