"""Criteria files are data from users: bound what loading them and matching them may cost.

* YAML: anchors and aliases may share nodes, and a few lines then expand to billions of
  values when the loader or the schema walks them ("billion laughs"). The composed node
  graph is measured (memoised, so the check itself is linear) before anything is built.
* Regular expressions: a pattern such as ``(a|a)+$`` backtracks exponentially. Every user
  pattern is tried, with the ``regex`` module's timeout, on strings built from its own
  characters; one that does not finish in time is rejected with a criteria error. A pattern
  can also be quadratic: ``(?=[^.]*\bGetränk)`` looks to the end of the sentence from every
  position, harmless on a short sentence and seconds on a table of 20 000 characters without a
  full stop. So each pattern is also tried on such a text made of its own words.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
import yaml
from pydantic import BaseModel

from lbcheck.errors import CriteriaError
from lbcheck.i18n import decimal, tr

#: Bytes of one criteria file: the five built-in sets together are about 200 KB.
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Nodes the YAML document may expand to when aliases are followed.
MAX_NODES = 200_000
#: Aliases (``*name``) in one file.
MAX_ALIASES = 1_000

_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.MULTILINE
_PROBE_TIMEOUT = 0.25  # seconds per probe; a harmless pattern needs microseconds
_PROBE_LENGTHS = (30, 500)  # exponential patterns stall on the short, cubic ones on the long
#: The longest text one block gives the matcher (``lbcheck.engine.segments._MAX_BLOCK``): a
#: sentence can be that long where a table or list has no full stop.
PROSE_LENGTH = 20_000
_LITERAL = regex.compile(r"[^\W_]+|[^\w\s]")


def check_yaml_size(node: yaml.Node | None, source: str) -> None:
    """Raise CriteriaError when the composed document expands beyond :data:`MAX_NODES`."""
    sizes: dict[int, int] = {}
    aliases = 0

    def size(n: yaml.Node) -> int:
        nonlocal aliases
        key = id(n)
        if key in sizes:
            aliases += 1  # a node reached again is an alias (or a merge key)
            return sizes[key]
        sizes[key] = 1  # also ends a cycle (a recursive alias)
        total = 1
        if isinstance(n, yaml.SequenceNode):
            total += sum(size(child) for child in n.value)
        elif isinstance(n, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in n.value)
        sizes[key] = total
        if total > MAX_NODES or aliases > MAX_ALIASES:
            raise CriteriaError(
                tr(
                    "{source}: die YAML-Datei entfaltet über Anker und Aliase (&/*) zu viele "
                    "Werte (Grenze {nodes} Werte, {aliases} Aliase). Bitte Aliase auflösen.",
                    source=source,
                    nodes=MAX_NODES,
                    aliases=MAX_ALIASES,
                )
            )
        return total

    if node is not None:
        size(node)


def check_patterns(value: BaseModel, source: str) -> None:
    """Raise CriteriaError for a regular expression in ``value`` that backtracks badly."""
    for where, pattern in _regexes(value, ""):
        try:
            compiled = regex.compile(pattern, _FLAGS)
        except regex.error:
            continue  # reported with its position when the catalogue is compiled
        for probe in _probes(pattern):
            try:
                compiled.search(probe, timeout=_PROBE_TIMEOUT)
            except TimeoutError:
                raise CriteriaError(
                    tr(
                        "{source}: {where}: der reguläre Ausdruck {pattern} braucht auf einem "
                        "Text von {length} Zeichen mehr als {seconds} s (katastrophales "
                        "Backtracking, z. B. '(a|a)+$' oder '(a+)+', oder eine Vorausschau wie "
                        "'(?=[^.]*Wort)', die von jeder Stelle aus neu sucht). Bitte "
                        "verschachtelte Wiederholungen vermeiden und Vorausschauen verankern.",
                        source=source,
                        where=where,
                        pattern=repr(pattern),
                        length=len(probe),
                        seconds=decimal(_PROBE_TIMEOUT, "g"),
                    )
                ) from None


def _regexes(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        code = getattr(value, "code", None)
        here = code if isinstance(code, str) else where
        for name in type(value).model_fields:
            field = getattr(value, name)
            path = f"{here}.{name}" if here else name
            if name in ("regex", "headings") and isinstance(field, tuple):
                yield from ((path, p) for p in field if isinstance(p, str))
            else:
                yield from _regexes(field, path)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _regexes(item, where)


def _probes(pattern: str) -> Iterator[str]:
    """Strings that make a backtracking pattern show itself: runs of its own pieces, then a
    character that cannot match, so every way of splitting the run is tried."""
    pieces = dict.fromkeys([*_LITERAL.findall(pattern), "a", "1", " ", "a ", "-"])
    for piece in pieces:
        for length in _PROBE_LENGTHS:
            run = piece * max(1, length // len(piece))
            yield run + "\x00"
            yield run + "\x00" + run
    # A long sentence without a full stop, of the pattern's words: quadratic patterns show here.
    words = " ".join([*(w for w in pieces if w.isalnum()), "und", "der"]) + " "
    yield (words * (PROSE_LENGTH // len(words) + 1))[:PROSE_LENGTH]
