"""Garbage collection around what lives for the whole run.

Importing lbcheck and spaCy and compiling the catalogue make 70 000 to 90 000 tracked objects
that live as long as the process. Python's cyclic collector would walk them again and again:
about 80 ms of a one-file scan, 3.5 ms per document in a worker, and in a forked worker every
walk writes to the inherited pages, which the kernel then copies. So:

- :func:`loading` holds collection back while they are made (they make few cycles);
- :func:`keep` moves everything made so far to the collector's permanent generation
  (:func:`gc.freeze`), but only in a process lbcheck owns: the command line
  (:mod:`lbcheck.entry`) and its worker processes. A program that embeds lbcheck keeps its
  collector as it is: its own garbage must stay collectable.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between two collections of the youngest generation in an owned process
#: (Python's default is 700): 2 instead of 3.5 ms of collection per 30-page document.
YOUNG_THRESHOLD = 5000


class _Process:
    owned = False


def own_process() -> None:
    """This process runs lbcheck only (the command line, a worker): :func:`keep` may freeze,
    and young objects are collected less often (most die young by reference counting)."""
    _Process.owned = True
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)


@contextmanager
def loading() -> Iterator[None]:
    """No collection while long-lived objects are made; the collector's state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep() -> None:
    """What exists now lives for the run: never walk it again (in an owned process)."""
    if _Process.owned:
        gc.freeze()
