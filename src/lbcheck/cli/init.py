"""``lbcheck init``: write a commented starter configuration."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lbcheck.app.starter import write_starter
from lbcheck.app.stream import write_text
from lbcheck.cli._app import LANG_OPTION, app, apply_lang
from lbcheck.i18n import tr


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="Ordner für lbcheck.toml (Standard: aktueller Ordner)")
    ] = Path(),
    lang: Annotated[str | None, LANG_OPTION] = None,
) -> None:
    """Legt eine kommentierte Konfiguration lbcheck.toml an (nie über eine vorhandene)."""
    apply_lang(lang)
    target = write_starter(folder)
    write_text(sys.stdout, tr("{file} angelegt.", file=target) + "\n", machine=False)
