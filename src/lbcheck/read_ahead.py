"""Reading the first file while the catalogue loads.

A scan in one process spends its first half second on one core: spaCy is imported and the
compiled catalogue loaded before the first file is opened. Where ``fork`` exists and a second
core is there, a helper process reads the first file meanwhile (PDF pages, DOCX and ODT parts)
and hands the Document back; the scan then only checks it.

The helper returns exactly the Document :func:`lbcheck.ingest.read_document` returns. Whenever
it cannot (the file does not read, the helper dies, the machine has one core, no ``fork``), the
file is read in the scan's own process as before, so errors and their codes stay the same. A
process that has loaded spaCy already (a second scan through the Python API) or runs other
threads reads the file itself: there is nothing to wait for, or forking is not safe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from lbcheck.ingest import read_document
from lbcheck.models import Document

log = logging.getLogger(__name__)


def _waits_for_spacy() -> bool:
    """Only a process that has not loaded spaCy yet waits long enough before the first file."""
    return "spacy" not in sys.modules


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _read_into(conn: Connection, path: Path, shown: str, max_bytes: int) -> None:
    # Ctrl-C is the scan's to handle: it stops this helper (close) without a second traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        document: Document | None = read_document(path, shown, max_bytes=max_bytes)
    except Exception:  # the scan reads it again and reports the error itself
        document = None
    try:
        conn.send(document)
    except OSError:  # the scan stopped waiting (closed its end): nothing to hand over
        pass
    finally:
        conn.close()


class ReadAhead:
    """One file read in a helper process; :meth:`document` takes the result."""

    def __init__(self, path: Path, shown: str, max_bytes: int) -> None:
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        if (
            not _waits_for_spacy()
            # fork() copies one thread only: with other threads running (a program that
            # embeds lbcheck) a lock they hold could stay locked in the helper forever.
            or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()
            or _cores() < 2
        ):
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_read_into, args=(send, path, shown, max_bytes), daemon=True
        )
        try:
            process.start()
        except OSError as exc:  # no process left to fork: read in-process
            log.debug("read-ahead not started: %s", exc)
            receive.close()
            send.close()
            return
        send.close()
        self._process, self._conn = process, receive

    def document(self) -> Document | None:
        """The Document the helper read, or None: then the caller reads the file itself."""
        if self._conn is None or self._process is None:
            return None
        try:
            result = self._conn.recv()
        except (EOFError, OSError):  # the helper died before sending
            result = None
        finally:
            self.close()
        return result if isinstance(result, Document) else None

    def close(self) -> None:
        """Stop the helper if it still runs (Ctrl-C, an error in the caller)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process.close()
            self._process = None
