"""The command tree typer builds from the app, with English help texts when asked for.

Typer prints ``--help`` while it parses the command line, before any option is applied, so the
language of the help is read from the command line itself: the last ``--lang`` before ``--``,
else ``LBCHECK_LANG``, else German. The English texts are data (``[help]`` in
``locale/en.toml``), keyed by the German text with its whitespace collapsed; a text without an
entry stays German.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import typer
import typer.main

from lbcheck.cli.typer_texts import speak
from lbcheck.errors import UsageError
from lbcheck.i18n import ENV_VAR, Lang, english, parse_lang


def _lang_or_none(value: str, source: str) -> Lang | None:
    try:
        return parse_lang(value, source)
    except UsageError:
        return None  # the command itself reports the bad value with its usage error


def command_line_language(args: Sequence[str]) -> Lang | None:
    """The language the last ``--lang`` before ``--`` asks for; None without ``--lang`` or
    with a value that is no language (the option itself reports that)."""
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return None if found is None else _lang_or_none(found, "--lang")


def help_language(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language ``--help`` should speak for this command line."""
    found = command_line_language(args)
    if found is not None:
        return found
    if environ.get(ENV_VAR):
        return _lang_or_none(environ[ENV_VAR], ENV_VAR) or "de"
    return "de"


def help_key(text: str) -> str:
    """The key of a help text in ``[help]``: its words, separated by single spaces."""
    return " ".join(text.split())


def help_texts(command: Any) -> list[tuple[str, str]]:
    """(where, text) for every help text of ``command`` and its subcommands."""
    name = command.name or "lbcheck"
    found = [(name, t) for t in (command.help, command.short_help) if t]
    found += [(f"{name} {p.name}", p.help) for p in command.params if getattr(p, "help", None)]
    for sub in getattr(command, "commands", {}).values():
        found += [(f"{name} {where}", text) for where, text in help_texts(sub)]
    return found


def to_english(command: Any) -> None:
    """Replace the help texts of ``command`` and its subcommands by their English ones."""
    table: dict[str, str] = english()["help"]

    def swap(text: str | None) -> str | None:
        return table.get(help_key(text), text) if text else text

    command.help = swap(command.help)
    command.short_help = swap(command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = swap(param.help)
    for sub in getattr(command, "commands", {}).values():
        to_english(sub)


def build(app: typer.Typer, args: Sequence[str], environ: Mapping[str, str]) -> Any:
    """The click command of ``app``, its help (lbcheck's texts and typer's own words) in the
    language this command line asks for."""
    command = typer.main.get_command(app)
    lang = help_language(args, environ)
    if lang == "en":
        to_english(command)
    speak(command, lang)
    return command
