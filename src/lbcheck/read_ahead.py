"""Reading files while the catalogue loads.

A run spends its first half second or more on one core: spaCy is imported and the compiled
catalogue loaded before the first file is opened. Where ``fork`` exists and a second core is
there, a helper process reads files meanwhile (PDF pages, DOCX and ODT parts), in the order
they will be checked, and hands the Documents back:

- a scan in one process takes the first file's Document (:meth:`ReadAhead.document`);
- a run on worker processes stops the helper once it is ready to start them and passes every
  Document read so far to the worker that checks that file (:meth:`ReadAhead.documents`).

The helper returns exactly the Document :func:`lbcheck.ingest.read_document` returns. Whenever
it cannot (the file does not read, the helper dies, the machine has one core, no ``fork``), the
file is read where it is checked, as before, so errors and their codes stay the same. A process
that has loaded spaCy already (a second scan through the Python API) or runs other threads reads
its files itself: there is nothing to wait for, or forking is not safe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType

from lbcheck.ingest import read_document
from lbcheck.models import Document

log = logging.getLogger(__name__)

#: A file to read: its path, the name shown for it and the size limit of its settings.
Wanted = tuple[Path, str, int]
#: Seconds the caller waits at most, after asking the helper to stop, for what it has read
#: already (it comes within milliseconds; a helper stuck in one long PDFium call is killed).
STOP_WAIT = 1.0
_INDEX_BYTES = 4
#: What the helper sends for a file it could not read (the worker reads it and reports why).
_NONE = pickle.dumps(None, protocol=pickle.HIGHEST_PROTOCOL)


def _waits_for_spacy() -> bool:
    """Only a process that has not loaded spaCy yet waits long enough before the first file."""
    return "spacy" not in sys.modules


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


# --- in the helper ---------------------------------------------------------------------------


class _Stopped(BaseException):
    """Raised in the helper by the stop signal while it reads (not caught by ``Exception``)."""


class _Reading:
    active = False
    stopped = False


def _on_stop(signum: int, frame: FrameType | None) -> None:
    _Reading.stopped = True
    if _Reading.active:
        raise _Stopped


def _send_all(conn: Connection, out: queue.SimpleQueue[bytes | None]) -> None:
    """Send what the reader queues; a separate thread, so reading goes on while the caller
    is still loading and the pipe is full."""
    try:
        while (message := out.get()) is not None:
            conn.send_bytes(message)
        conn.send_bytes(b"")  # the end: everything read is sent
    except OSError:  # the caller stopped waiting (closed its end): nothing to hand over
        pass


def _read_into(conn: Connection, wanted: Sequence[Wanted]) -> None:
    # Ctrl-C is the caller's to handle: it stops this helper (close) without a second traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGUSR1, _on_stop)
    out: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(conn, out), daemon=True)
    sender.start()
    try:
        for index, (path, shown, max_bytes) in enumerate(wanted):
            if _Reading.stopped:
                break
            _Reading.active = True
            try:
                document: Document | None = read_document(path, shown, max_bytes=max_bytes)
            except Exception:  # read again where it is checked, which reports the error
                document = None
            finally:
                _Reading.active = False
            blob = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
            out.put(index.to_bytes(_INDEX_BYTES, "big") + blob)
    except _Stopped:
        pass  # the file being read is left to the worker that checks it
    out.put(None)
    sender.join()
    conn.close()


# --- in the caller ---------------------------------------------------------------------------


class ReadAhead:
    """Files read in a helper process, in the given order; take them with :meth:`document`
    (the first file) or :meth:`documents` (all read so far)."""

    def __init__(self, wanted: Sequence[Wanted]) -> None:
        self._wanted = tuple(wanted)
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        if (
            not self._wanted
            or not _waits_for_spacy()
            # fork() copies one thread only: with other threads running (a program that
            # embeds lbcheck, a progress display) a lock they hold could stay locked forever.
            or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()
            or _cores() < 2
        ):
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_read_into, args=(send, self._wanted), daemon=True)
        try:
            process.start()
        except OSError as exc:  # no process left to fork: read where checked
            log.debug("read-ahead not started: %s", exc)
            receive.close()
            send.close()
            return
        send.close()
        self._process, self._conn = process, receive

    def document(self) -> Document | None:
        """The first file's Document, waiting for it; None: the caller reads it itself."""
        if self._conn is None:
            return None
        try:
            message = self._conn.recv_bytes()
        except (EOFError, OSError):  # the helper died before sending
            message = b""
        finally:
            self.close()
        if len(message) <= _INDEX_BYTES or int.from_bytes(message[:_INDEX_BYTES], "big"):
            return None
        return load_document(message[_INDEX_BYTES:])

    def documents(self) -> dict[tuple[Path, str], bytes]:
        """Stop the helper and return the files it has read completely, as pickled Documents
        by (path, shown name); a file it could not read is not among them."""
        found: dict[tuple[Path, str], bytes] = {}
        if self._conn is None or self._process is None:
            return found
        conn = self._conn
        try:
            # Still running (exit code None, so not reaped: the pid is still this helper's).
            if self._process.exitcode is None and self._process.pid is not None:
                os.kill(self._process.pid, signal.SIGUSR1)
            deadline = time.monotonic() + STOP_WAIT
            while conn.poll(max(0.0, deadline - time.monotonic())):
                message = conn.recv_bytes()
                if not message:
                    break
                blob = message[_INDEX_BYTES:]
                if blob != _NONE:
                    path, shown, _ = self._wanted[int.from_bytes(message[:_INDEX_BYTES], "big")]
                    found[path, shown] = blob
        except (EOFError, OSError):  # the helper died: keep what came before
            pass
        finally:
            self.close()
        return found

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


def load_document(blob: bytes | None) -> Document | None:
    """A Document from :meth:`ReadAhead.documents`, in the process that checks it."""
    if blob is None:
        return None
    # Only bytes this run's own helper pickled come here, never a file's content.
    document = pickle.loads(blob)
    return document if isinstance(document, Document) else None
