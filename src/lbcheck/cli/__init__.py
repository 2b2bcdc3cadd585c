"""Command line: parse arguments -> use case (``lbcheck.app``) -> reporter -> exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage or criteria
error; 3 internal error; 130 interrupted.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys

from lbcheck.cli import criteria as _criteria  # noqa: F401 - registers the commands
from lbcheck.cli import init as _init  # noqa: F401 - registers the command
from lbcheck.cli import scan as _scan  # noqa: F401 - registers the command
from lbcheck.cli._app import app
from lbcheck.cli.help_text import build as build_command
from lbcheck.cli.help_text import command_line_language
from lbcheck.cli.usage import with_code
from lbcheck.cli_annotate import register as register_annotate
from lbcheck.cli_audit import register as register_audit
from lbcheck.cli_serve import register as register_serve
from lbcheck.errors import CriteriaError, RunInterruptedError, UsageError
from lbcheck.gate import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from lbcheck.i18n import ENV_VAR, parse_lang, set_language, tr, use
from lbcheck.reporters.safe_text import clean_keeping_lines

register_annotate(app)
register_serve(app)
register_audit(app)


def _exit_status(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def _exit_now(code: int) -> None:
    """End the process without tearing down the interpreter: freeing spaCy's tables takes
    longer than the second a Ctrl-C may take. Everything is written and flushed by now."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    logging.shutdown()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Entry point; see :func:`_main`. The run's language ends with the run (tests and tools
    call ``main`` many times in one process)."""
    with use("de"):
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    """Entry point; returns the exit code instead of raising, so tests can call it.

    Typer runs in standalone mode: it prints its own usage message for every usage error and
    exits 2, whichever copy of click it ships. lbcheck's own errors are caught here.
    """
    logging.basicConfig(
        level=os.environ.get("LBCHECK_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        if os.environ.get(ENV_VAR):
            set_language(parse_lang(os.environ[ENV_VAR], ENV_VAR))
        args = sys.argv[1:] if argv is None else argv
        asked = command_line_language(args)
        if asked is not None:  # also for typer's usage errors, raised before --lang is applied
            set_language(asked)
        command = build_command(app, args, os.environ)  # help in the language asked for
        command(args=args, prog_name="lbcheck", standalone_mode=True)
    except SystemExit as exc:
        return _exit_status(exc.code)
    except RunInterruptedError as exc:
        sys.stderr.write(f"lbcheck: {exc}\n")
        if argv is None:
            _exit_now(EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    except (UsageError, CriteriaError) as exc:
        # The message may quote a path or a criteria file: no escape sequence reaches the terminal.
        text = with_code(clean_keeping_lines(str(exc)), exc.code)
        sys.stderr.write(f"lbcheck: {text}\n")
        return EXIT_USAGE
    except Exception as exc:
        logging.getLogger("lbcheck").exception("interner Fehler")
        sys.stderr.write(f"lbcheck: {tr('interner Fehler')}: {exc!r}\n")
        return EXIT_INTERNAL
    return EXIT_OK


__all__ = ["app", "main"]
