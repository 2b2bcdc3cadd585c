"""Usage errors carry lbcheck's code word, like its other errors: ``Aufruffehler [usage]: …``.

Typer prints its own usage message for a wrong command line (unknown option, missing argument,
bad value) and exits 2; the root group adds the code to that message (in German unless the run
speaks English), whichever copy of click typer ships (the class is taken from
``typer.BadParameter``, which both copies export).
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from lbcheck.cli.typer_texts import german_usage_error, use_terms
from lbcheck.errors import CriteriaError, UsageError
from lbcheck.i18n import current, tr

_CLICK_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)


def with_code(message: str, code: str = UsageError.code) -> str:
    """``Aufruffehler [usage]: message`` (``Usage error [usage]: …`` in English)."""
    if code == CriteriaError.code:
        return tr("Fehler in den Kriterien [{code}]: {message}", code=code, message=message)
    return tr("Aufruffehler [{code}]: {message}", code=code, message=message)


def _coded(exc: Exception) -> Exception:
    """``exc`` as a usage error whose whole message (with click's "Invalid value for …" part)
    follows the code; ``exc`` itself when it is help rather than an error, or coded already."""
    # NoArgsIsHelpError carries the help page as its message: help, not an error to code.
    if type(exc).__name__ == "NoArgsIsHelpError" or getattr(exc, "lbcheck_coded", False):
        return exc
    message = exc.format_message()  # type: ignore[attr-defined]
    use_terms(current())  # the error panel, also when the error has no context
    if current() == "de":
        message = german_usage_error(message)
    coded = _CLICK_USAGE_ERROR(with_code(message), getattr(exc, "ctx", None))
    coded.lbcheck_coded = True  # type: ignore[attr-defined]
    return coded


class CodedGroup(TyperGroup):
    """The root group: every usage error raised while parsing or dispatching gets the code."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _CLICK_USAGE_ERROR as exc:
            coded = _coded(exc)
            if coded is exc:
                raise
            raise coded from exc

    def invoke(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().invoke(*args, **kwargs)
        except _CLICK_USAGE_ERROR as exc:
            coded = _coded(exc)
            if coded is exc:
                raise
            raise coded from exc
