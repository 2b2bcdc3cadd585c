"""The typer applications; commands register themselves in the sibling modules."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from lbcheck import __version__
from lbcheck.cli.usage import CodedGroup
from lbcheck.i18n import parse_lang, set_language

CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    help="lbcheck prüft Leistungsbeschreibungen auf Nachhaltigkeitskriterien.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
    cls=CodedGroup,  # usage errors carry the code word "usage"
)
criteria_app = typer.Typer(
    help="Kriterienkatalog anzeigen und eigene Kriteriendateien prüfen.",
    no_args_is_help=True,
    context_settings=CONTEXT,
)
app.add_typer(criteria_app, name="criteria")


LANG_OPTION = typer.Option(
    "--lang",
    help="Sprache der Meldungen und Berichte: de (Standard) oder en; auch LBCHECK_LANG",
)


def apply_lang(value: str | None) -> None:
    """``--lang`` wins over ``LBCHECK_LANG`` (read in ``main``)."""
    if value is not None:
        set_language(parse_lang(value))


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"lbcheck {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Version anzeigen und beenden.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
    lang: Annotated[str | None, LANG_OPTION] = None,
) -> None:
    """lbcheck prüft Leistungsbeschreibungen auf Nachhaltigkeitskriterien."""
    apply_lang(lang)
