"""Find, read and validate criteria set files.

Errors name the file, the line, the entry and the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import ValidationError

from lbcheck.criteria.schema import CriteriaSet, Entry
from lbcheck.errors import CriteriaError

BUILTIN_SETS = ("ilo", "kreislauf", "buero", "dienstleistungen", "vergaberecht")


def builtin_dir() -> Path:
    """The folder of the built-in sets: packaged in the wheel, or ``criteria/`` in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_criteria"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "criteria"


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = cast(dict[str, Any], loader.construct_mapping(node, deep=True))
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(raw: Any, loc: Sequence[int | str]) -> int | None:
    """Walk the raw YAML along a pydantic error location and return the nearest line."""
    line = raw.get("__line__") if isinstance(raw, dict) else None
    node = raw
    for key in loc:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
        else:
            break
        if isinstance(node, dict) and "__line__" in node:
            line = node["__line__"]
    return line if isinstance(line, int) else None


def _describe(raw: Any, error: Any) -> str:
    loc = tuple(error["loc"])
    entry = ""
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        entries = raw.get("entries") if isinstance(raw, dict) else None
        if (
            isinstance(entries, list)
            and loc[1] < len(entries)
            and isinstance(entries[loc[1]], dict)
        ):
            entry = f" Eintrag {entries[loc[1]].get('code', '#' + str(loc[1] + 1))},"
    key = ".".join(str(p) for p in loc) or "(Datei)"
    line = _line_of(raw, loc)
    where = f"Zeile {line}," if line else ""
    return f"{where}{entry} Schlüssel '{key}': {error['msg']}".strip()


def parse_set(text: str, source: str) -> CriteriaSet:
    """Validate the YAML text of one set file."""
    try:
        raw = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" Zeile {mark.line + 1}:" if mark else ""
        raise CriteriaError(f"{source}:{line} kein gültiges YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise CriteriaError(f"{source}: erwartet wird eine Zuordnung mit 'set' und 'entries'.")
    try:
        return CriteriaSet.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        details = "\n  ".join(_describe(raw, e) for e in exc.errors())
        raise CriteriaError(f"{source}: ungültige Kriteriendatei\n  {details}") from exc


def load_set_file(path: Path) -> CriteriaSet:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CriteriaError(f"{path}: Datei kann nicht gelesen werden ({exc.strerror}).") from exc
    return parse_set(text, str(path))


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All loaded sets, and their entries by code and by name."""

    sets: tuple[CriteriaSet, ...]

    def entries(self) -> Iterable[tuple[CriteriaSet, Entry]]:
        for s in self.sets:
            for e in s.entries:
                yield s, e

    def find(self, key: str) -> tuple[CriteriaSet, Entry] | None:
        """Look an entry up by code (``BUE-01``) or name (``buero-recyclingpapier``)."""
        wanted = key.strip().lower()
        for s, e in self.entries():
            if e.code.lower() == wanted or e.name == wanted:
                return s, e
        return None


def load_catalogue(extra: Sequence[Path] = ()) -> Catalogue:
    """Load the built-in sets plus user set files; duplicate codes or names are an error."""
    folder = builtin_dir()
    sets = [
        load_set_file(folder / f"{name}.yaml")
        for name in BUILTIN_SETS
        if (folder / f"{name}.yaml").exists()
    ]
    # The same file named in the config and on the command line is one file, loaded once.
    unique = {p.resolve(): p for p in extra}
    sets.extend(load_set_file(p) for p in unique.values())
    seen: dict[str, str] = {}
    for s in sets:
        for e in s.entries:
            for key in (e.code, e.name):
                if key in seen:
                    raise CriteriaError(
                        f"Set {s.set}: '{key}' ist bereits in Set {seen[key]} vergeben. "
                        "Codes und Namen müssen eindeutig sein."
                    )
                seen[key] = s.set
    return Catalogue(tuple(sets))
