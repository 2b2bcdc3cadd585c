"""The console-script entry point: run the command line, flush, and leave without teardown.

Tearing down the interpreter (freeing spaCy's vocabulary, the compiled catalogue, every module)
costs about 0.2 s after the report is already written and changes nothing a user sees. The
installed ``lbcheck`` command therefore ends with :func:`os._exit` once stdout, stderr and the
log handlers are flushed. :func:`lbcheck.cli.main`, which tests and embedding programs call,
still returns normally; only this thin wrapper, used by ``[project.scripts]``, exits hard.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import NoReturn

#: Exit code when the report cannot be written (closed pipe, full disk): the one Python uses.
EXIT_FLUSH_FAILED = 120


def main() -> NoReturn:
    from lbcheck import heap

    heap.own_process()
    with heap.loading():  # the modules live as long as the process (lbcheck.heap)
        from lbcheck.cli import main as cli_main
    heap.keep()

    code = cli_main()
    # Everything os._exit skips that could still hold output: the log handlers and both streams.
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or EXIT_FLUSH_FAILED
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover - ``python -m lbcheck.entry``
    main()
