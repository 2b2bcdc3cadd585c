"""``lbcheck annotate FILE``: the buyer's document back with comments (registered on the app)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lbcheck.cli.options import ConfigOption, CriteriaOption, SetsOption


def annotate(
    file: Annotated[Path, typer.Argument(help="DOCX, PDF oder ODT")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Zieldatei (Standard: DATEI.lbcheck.ENDUNG daneben)"),
    ] = None,
    force: Annotated[bool, typer.Option(help="eine vorhandene Zieldatei überschreiben")] = False,
    sets: SetsOption = None,
    criteria: CriteriaOption = None,
    config: ConfigOption = None,
) -> None:
    """Schreibt eine Kopie des Dokuments mit Kommentaren an den Stellen, die lbcheck findet.

    Word-Kommentare (DOCX), Markierungen mit Notiz (PDF) oder Kommentare (ODT): je Satz Warum,
    Besser so und Regelcode; die fehlenden Kriterien mit Textbaustein als Kommentar am Titel.
    Die geprüfte Datei bleibt unverändert.
    """
    from lbcheck.annotate.run import annotate_file
    from lbcheck.config import merge
    from lbcheck.config_files import find_config, load_config

    config_path = config or find_config(file.absolute().parent)
    project = load_config(config_path) if config_path else None
    settings = merge(
        project,
        config_path.parent if config_path else None,
        sets=tuple(s.strip() for s in sets.split(",") if s.strip()) if sets else (),
        disable=(),
        severity=(),
        criteria=tuple(criteria or ()),
        fail_on=None,
        max_size_mb=None,
        jobs=1,
        spacy_model=None,
    )
    message = annotate_file(file, output, force, settings)
    sys.stdout.write(message + "\n")


def register(app: typer.Typer) -> None:
    """Add the ``annotate`` command to ``app``."""
    app.command("annotate")(annotate)
