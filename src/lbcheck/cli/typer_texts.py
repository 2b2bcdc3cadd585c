"""What typer prints on its own (help panels, usage line, its usage errors), in the run's language.

Typer renders ``--help`` and usage errors with fixed English words ("Usage:", "Options",
"[required]", "Show this message and exit.", "Missing argument …") and Python type names
(``<list[str]>``, ``<bool>``). lbcheck's users read German, so for each run:

- typer's panel titles and markers are set in the language of the run when help or an error
  is drawn (they are module constants of ``typer.rich_utils``; English restores typer's own);
- every parameter shows a value name in words ("PFAD", "ZAHL", "TEXT"; flags none) instead of
  a Python type, and arguments are named in the language of the run ("PFADE", "ORDNER");
- the usage line ("Aufruf:", "[OPTIONEN]") comes from the command's context class;
- a command's description flows in paragraphs (typer would keep each docstring line break);
- click's usage error messages are translated by pattern (:func:`german_usage_error`); a
  message no pattern knows stays as click wrote it.

Everything is applied to the command tree typer builds for one run, so nothing outlives it but
the panel constants, which every drawing sets again. Attributes a typer version lacks are skipped:
its own defaults then remain.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import typer.core

from lbcheck.i18n import Lang

# typer.rich_utils constants: German, and typer's own (read before anything is changed).
_GERMAN_TERMS = {
    "ARGUMENTS_PANEL_TITLE": "Argumente",
    "OPTIONS_PANEL_TITLE": "Optionen",
    "COMMANDS_PANEL_TITLE": "Befehle",
    "ERRORS_PANEL_TITLE": "Fehler",
    "REQUIRED_LONG_STRING": "[Pflicht]",
    "DEFAULT_STRING": "[Standard: {}]",
    "ENVVAR_STRING": "[Umgebungsvariable: {}]",
    "DEPRECATED_STRING": "(veraltet) ",
    "ABORTED_TEXT": "Abgebrochen.",
    "RICH_HELP": "Hilfe: [blue]'{command_path} {help_option}'[/]",
}
_TYPER_TERMS: dict[str, Any] = {}

_WORDS: dict[Lang, dict[str, str]] = {
    "de": {
        "usage": "Aufruf: ",
        "options": "[OPTIONEN]",
        "subcommand": "BEFEHL [ARGUMENTE]...",
        "help": "Diese Hilfe anzeigen und beenden.",
        "path": "PFAD",
        "int": "ZAHL",
        "float": "ZAHL",
        "text": "TEXT",
    },
    "en": {
        "usage": "Usage: ",
        "options": "[OPTIONS]",
        "subcommand": "COMMAND [ARGS]...",
        "help": "Show this message and exit.",
        "path": "PATH",
        "int": "INTEGER",
        "float": "NUMBER",
        "text": "TEXT",
    },
}

#: Argument names as the help and the usage line show them.
_ARGUMENTS: dict[Lang, dict[str, str]] = {
    "de": {
        "paths": "PFADE",
        "folders": "ORDNER",
        "folder": "ORDNER",
        "file": "DATEI",
        "files": "DATEIEN",
        "code": "CODE",
    },
    "en": {
        "paths": "PATHS",
        "folders": "FOLDERS",
        "folder": "FOLDER",
        "file": "FILE",
        "files": "FILES",
        "code": "CODE",
    },
}


def speak(command: Any, lang: Lang) -> None:
    """Name every parameter's value in ``lang``; typer's own words follow when it draws."""
    base = getattr(command, "context_class", None)
    context_class = _context_class(base, lang) if base is not None else None
    _name_values(command, lang, context_class)


def use_terms(lang: Lang) -> None:
    """Set typer's panel words for ``lang``.

    Called only when help or an error is drawn: ``typer.rich_utils`` imports rich's Markdown
    renderer (about 90 ms), which a run that draws neither must not pay.
    """
    from typer import rich_utils

    if not _TYPER_TERMS:
        _TYPER_TERMS.update(
            (name, getattr(rich_utils, name)) for name in _GERMAN_TERMS if hasattr(rich_utils, name)
        )
    for name, value in (_GERMAN_TERMS if lang == "de" else _TYPER_TERMS).items():
        setattr(rich_utils, name, value)


def _context_class(base: type[Any], lang: Lang) -> type[Any]:
    """A context that draws help and usage in ``lang`` (the usage line's first word too)."""
    formatter: type[Any] = base.formatter_class
    usage = _WORDS[lang]["usage"]

    class _Formatter(formatter):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, usage if prefix is None else prefix)

    class _Context(base):  # type: ignore[misc]
        formatter_class = _Formatter

        def get_help(self) -> Any:
            use_terms(lang)
            return super().get_help()

        def get_usage(self) -> Any:
            # An error panel draws the usage line first, then its title and hint.
            use_terms(lang)
            return super().get_usage()

    return _Context


def _flowing(text: str) -> str:
    """Paragraphs as flowing text: typer's rich help keeps every line break of a docstring."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def _name_values(command: Any, lang: Lang, context_class: type[Any] | None) -> None:
    words = _WORDS[lang]
    if command.help:
        command.help = _flowing(command.help)
    if context_class is not None:
        command.context_class = context_class
    if getattr(command, "options_metavar", None):
        command.options_metavar = words["options"]
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = words["subcommand"]
    help_option = _help_option(command, context_class)
    if help_option is not None:
        help_option.help = words["help"]
        help_option.metavar = ""
    for param in command.params:
        if isinstance(param, typer.core.TyperArgument):
            param.metavar = _ARGUMENTS[lang].get(param.name or "", (param.name or "").upper())
            # The argument's name already says it: no type column.
            _no_type_column(param)
        elif getattr(param, "is_flag", False):
            param.metavar = ""
        else:
            value = _value_word(param, words)
            if value is not None:
                param.metavar = value
    for sub in getattr(command, "commands", {}).values():
        _name_values(sub, lang, context_class)


def _help_option(command: Any, context_class: type[Any] | None) -> Any:
    """The command's ``--help`` option (typer makes it lazily, once per command)."""
    get = getattr(command, "get_help_option", None)
    if get is None or context_class is None:
        return None
    try:
        context = context_class(command, info_name=command.name, help_option_names=["-h", "--help"])
        return get(context)
    except TypeError:  # another typer's signature: its own help text stays
        return None


def _no_type_column(param: Any) -> None:
    if hasattr(param, "display_type_rich"):
        param.display_type_rich = _no_type


def _no_type(ctx: Any) -> None:
    del ctx


def _value_word(param: Any, words: dict[str, str]) -> str | None:
    """The value name of an option from its annotation; None keeps typer's (choices)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or descriptor.is_choice:
        return None
    if descriptor.is_path:
        return words["path"]
    annotation = descriptor.annotation
    if descriptor.is_list:
        (annotation,) = getattr(annotation, "__args__", (str,))
    if annotation is int:
        return words["int"]
    if annotation is float:
        return words["float"]
    if isinstance(annotation, type) and annotation.__name__.endswith("Path"):
        return words["path"]
    return words["text"]


# Click's usage error messages and their German (the fields are kept as click filled them).
_KINDS = {"argument": "das Argument", "option": "die Option", "parameter": "der Parameter"}
_VALUE_TYPES = {"integer": "ganze Zahl", "int": "ganze Zahl", "float": "Zahl"}
_PATH_KINDS = {"file": "Die Datei", "dir": "Der Ordner", "path": "Der Pfad"}
_PATH_PROBLEMS = {
    "does not exist.": "gibt es nicht.",
    "is a file.": "ist eine Datei.",
    "is a directory.": "ist ein Ordner.",
    "is not readable.": "ist nicht lesbar.",
    "is not writable.": "ist nicht beschreibbar.",
}

_Translate = Callable[[re.Match[str]], str]


def _missing(m: re.Match[str]) -> str:
    rest = f" {german_usage_error(m['rest'])}" if m["rest"] else ""
    return f"Es fehlt {_KINDS[m['kind']]} {m['hint']}.{rest}"


def _no_such_option(m: re.Match[str]) -> str:
    similar = m["similar"] or m["meant"]  # click before typer's own copy: "Did you mean …?"
    return f"Unbekannte Option: {m['name']}" + (f" (ähnlich: {similar})" if similar else "")


def _no_such_command(m: re.Match[str]) -> str:
    meant = f" Gemeint: {m['meant']}?" if m["meant"] else ""
    return f"Unbekannter Befehl {m['name']}.{meant}"


def _requires(m: re.Match[str]) -> str:
    count = m["count"]
    return f"Die Option {m['name']} braucht {'einen Wert' if count is None else count + ' Werte'}."


def _extra(m: re.Match[str]) -> str:
    return f"Überzählige Angabe: {m['extra']}"


def _takes_no_value(m: re.Match[str]) -> str:
    return f"Die Option {m['name']} nimmt keinen Wert."


def _not_one_of(m: re.Match[str]) -> str:
    return f"{m['value']} ist keiner der Werte {m['choices']}."


def _invalid(m: re.Match[str]) -> str:
    return f"Ungültiger Wert für {m['hint']}: {german_usage_error(m['message'])}"


def _not_valid(m: re.Match[str]) -> str:
    kind = _VALUE_TYPES.get(m["type"], m["type"])
    return f"{m['value']} ist keine gültige {kind}."


def _path_problem(m: re.Match[str]) -> str:
    return f"{_PATH_KINDS[m['kind']]} {m['path']} {_PATH_PROBLEMS[m['problem']]}"


def _invalid_alone(m: re.Match[str]) -> str:
    return f"Ungültiger Wert: {german_usage_error(m['message'])}"


def _fixed(text: str) -> _Translate:
    return lambda _: text


_PATH_PROBLEM = "|".join(re.escape(problem) for problem in _PATH_PROBLEMS)
_MESSAGES: tuple[tuple[re.Pattern[str], _Translate], ...] = tuple(
    (re.compile(pattern, re.DOTALL), translate)
    for pattern, translate in (
        (
            r"Missing (?P<kind>argument|option|parameter) (?P<hint>.+?)\.(?: (?P<rest>.+))?",
            _missing,
        ),
        (r"Missing parameter: (?P<name>.+)", lambda m: f"Es fehlt der Parameter {m['name']}."),
        (r"Missing command\.", _fixed("Es fehlt ein Befehl.")),
        (
            r"No such option: (?P<name>\S+)"
            r"(?: \(Possible options: (?P<similar>.+)\)| Did you mean (?P<meant>\S+)\?)?",
            _no_such_option,
        ),
        (r"No such command (?P<name>.+?)\.(?: Did you mean (?P<meant>.+)\?)?", _no_such_command),
        (r"Got unexpected extra argument\(s\) \((?P<extra>.+)\)", _extra),
        (r"Option (?P<name>.+?) requires (?:an argument|(?P<count>\d+) arguments)\.", _requires),
        (r"Option (?P<name>.+?) does not take a value\.", _takes_no_value),
        (r"Invalid value for (?P<hint>.+?): (?P<message>.+)", _invalid),
        (r"Invalid value: (?P<message>.+)", _invalid_alone),
        (r"Value (?P<value>.+) is not a valid (?P<type>\w+)\.", _not_valid),
        # Values typer checks with pydantic (int, float).
        (r"Input should be a valid integer(?:,.*)?", _fixed("erwartet wird eine ganze Zahl.")),
        (r"Input should be a valid number(?:,.*)?", _fixed("erwartet wird eine Zahl.")),
        (r"(?P<value>.+) is not one of (?P<choices>.+)\.", _not_one_of),
        (rf"(?P<kind>file|dir|path) (?P<path>'.*') (?P<problem>{_PATH_PROBLEM})", _path_problem),
    )
)


def german_usage_error(message: str) -> str:
    """Click's message for a wrong command line, in German; unknown messages as they are."""
    for pattern, translate in _MESSAGES:
        found = pattern.fullmatch(message)
        if found is not None:
            return translate(found)
    return message
