"""Find, read and validate criteria set files.

Errors name the file, the line, the entry and the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from lbcheck.criteria.builtin import builtin_dir
from lbcheck.criteria.lexicon import entry as lexicon_entry
from lbcheck.criteria.lexicon import lexicon
from lbcheck.criteria.safety import MAX_FILE_BYTES, check_patterns, check_yaml_size
from lbcheck.criteria.schema import Concept, ConceptFile, CriteriaSet, Entry, Matcher
from lbcheck.errors import CriteriaError
from lbcheck.i18n import tr
from lbcheck.ingest.folders import resolved

_Model = TypeVar("_Model", bound=BaseModel)

BUILTIN_SETS = ("ilo", "kreislauf", "buero", "dienstleistungen", "vergaberecht")


# The C parser (libyaml) reads the built-in sets about ten times faster than the pure-Python
# one. It composes the same node graph (an alias is the anchored node object itself), so the
# alias and size limits of ``check_yaml_size`` hold for both.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[misc]
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
            code = entries[loc[1]].get("code", "#" + str(loc[1] + 1))
            entry = tr(" Eintrag {code},", code=code)
    key = ".".join(str(p) for p in loc) or tr("(Datei)")
    line = _line_of(raw, loc)
    where = tr("Zeile {line},", line=line) if line else ""
    return tr(
        "{where}{entry} Schlüssel '{key}': {message}",
        where=where,
        entry=entry,
        key=key,
        message=error["msg"],
    ).strip()


def parse_set(text: str, source: str) -> CriteriaSet:
    """Validate the YAML text of one set file."""
    return _parse(text, source, CriteriaSet, tr("'set' und 'entries'"))


def _parse(text: str, source: str, model: type[_Model], expected: str) -> _Model:
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        check_yaml_size(node, source)
        raw = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = tr(" Zeile {line}:", line=mark.line + 1) if mark else ""
        raise CriteriaError(
            tr(
                "{source}:{line} kein gültiges YAML ({problem})",
                source=source,
                line=line,
                problem=exc,
            )
        ) from exc
    except RecursionError as exc:
        raise CriteriaError(tr("{source}: YAML zu tief verschachtelt", source=source)) from exc
    finally:
        loader.dispose()
    if not isinstance(raw, dict):
        raise CriteriaError(
            tr(
                "{source}: erwartet wird eine Zuordnung mit {expected}.",
                source=source,
                expected=expected,
            )
        )
    try:
        return model.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        details = "\n  ".join(_describe(raw, e) for e in exc.errors())
        raise CriteriaError(
            tr("{source}: ungültige Kriteriendatei", source=source) + "\n  " + details
        ) from exc


def _read(path: Path) -> str:
    """A criteria or concept file as text (size-checked before reading, UTF-8)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CriteriaError(
                tr(
                    "{path}: Kriteriendatei mit {size} Bytes ist zu groß (Grenze {limit} Bytes). "
                    "Bitte in mehrere Dateien aufteilen.",
                    path=path,
                    size=size,
                    limit=MAX_FILE_BYTES,
                )
            )
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CriteriaError(
            tr(
                "{path}: Datei kann nicht gelesen werden ({reason}).",
                path=path,
                reason=exc.strerror,
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise CriteriaError(
            tr("{path}: Datei ist nicht UTF-8-kodiert. Bitte als UTF-8 speichern.", path=path)
        ) from exc


def load_set_file(path: Path) -> CriteriaSet:
    """Read and validate one set file."""
    return parse_set(_read(path), str(path))


def load_concept_file(path: Path) -> ConceptFile:
    return _parse(_read(path), str(path), ConceptFile, tr("'title' und 'concepts'"))


def builtin_concept_files() -> list[Path]:
    return sorted((builtin_dir() / "concepts").glob("*.yaml"))


def entry_matchers(entry: Entry) -> Iterator[tuple[str, Matcher]]:
    """Every matcher of an entry with its key path (for error messages)."""
    for i, p in enumerate(entry.patterns):
        yield f"patterns[{i}]", p
        for key, group in (("near", p.near), ("requires", p.requires), ("unless", p.unless)):
            for j, m in enumerate(group):
                yield f"patterns[{i}].{key}[{j}]", m
    for j, m in enumerate(entry.unless):
        yield f"unless[{j}]", m
    for j, m in enumerate(entry.document_unless):
        yield f"document_unless[{j}]", m


def _check_concept_refs(
    concepts: Mapping[str, Concept], sets: Sequence[CriteriaSet], sources: Sequence[str]
) -> None:
    known = ", ".join(sorted(concepts))
    for c in concepts.values():
        for ref in c.concepts:
            if ref not in concepts:
                raise CriteriaError(
                    tr(
                        "Begriff {name}: unbekannter Begriff '{ref}' unter 'concepts'. "
                        "Bekannt sind: {known}",
                        name=c.name,
                        ref=ref,
                        known=known,
                    )
                )
    for s, source in zip(sets, sources, strict=True):
        for e in s.entries:
            for where, m in entry_matchers(e):
                for ref in m.concepts:
                    if ref not in concepts:
                        raise CriteriaError(
                            tr(
                                "{source}: Eintrag {code}, Schlüssel '{key}.concepts': "
                                "unbekannter Begriff '{ref}'. Bekannt sind: {known}",
                                source=source,
                                code=e.code,
                                key=where,
                                ref=ref,
                                known=known,
                            )
                        )
    _check_cycles(concepts)


def _check_cycles(concepts: Mapping[str, Concept]) -> None:
    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            cycle = " -> ".join((*path[path.index(name) :], name))
            raise CriteriaError(tr("Begriffe schließen einen Kreis: {cycle}", cycle=cycle))
        for ref in concepts[name].concepts:
            visit(ref, (*path, name))

    for name in concepts:
        visit(name, ())


def load_user_set(path: Path) -> CriteriaSet:
    """A user's set file: like :func:`load_set_file`, and its regular expressions are tried
    for catastrophic backtracking (built-in sets are checked by the test suite instead)."""
    criteria_set = load_set_file(path)
    check_patterns(criteria_set, str(path))
    return criteria_set


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All loaded sets, and their entries by code and by name, and the shared concepts."""

    sets: tuple[CriteriaSet, ...]
    concepts: Mapping[str, Concept] = field(default_factory=dict)

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


def _with_lexicon(concept: Concept, source: str) -> Concept:
    """The concept with the expressions of the lexicon entries it names added to ``regex``."""
    if not concept.lexicon:
        return concept
    shared: list[str] = []
    for name in concept.lexicon:
        try:
            shared += lexicon_entry(name).alternatives()
        except KeyError:
            known = ", ".join(e.name for e in lexicon().entries)
            raise CriteriaError(
                tr(
                    "{source}: Begriff {concept}: unbekannter Lexikon-Eintrag '{name}' unter "
                    "'lexicon'. Bekannt sind: {known}.",
                    source=source,
                    concept=concept.name,
                    name=name,
                    known=known,
                )
            ) from None
    return concept.model_copy(update={"regex": (*concept.regex, *shared)})


def load_concepts(sets: Sequence[CriteriaSet] = ()) -> dict[str, Concept]:
    """The built-in concepts plus those user sets bring; a name may be defined once."""
    found: dict[str, tuple[Concept, str]] = {}
    owned = [
        (c, str(path)) for path in builtin_concept_files() for c in load_concept_file(path).concepts
    ]
    owned += [(c, f"Set {s.set}") for s in sets for c in s.concepts]
    for raw, source in owned:
        concept = _with_lexicon(raw, source)
        if concept.name in found:
            raise CriteriaError(
                tr(
                    "{source}: Begriff '{name}' ist bereits in {other} definiert. Namen von "
                    "Begriffen müssen eindeutig sein.",
                    source=source,
                    name=concept.name,
                    other=found[concept.name][1],
                )
            )
        found[concept.name] = (concept, source)
    return {name: c for name, (c, _) in sorted(found.items())}


def load_catalogue(extra: Sequence[Path] = ()) -> Catalogue:
    """Load the built-in sets plus user set files; duplicate codes or names are an error."""
    folder = builtin_dir()
    builtin = [
        folder / f"{name}.yaml" for name in BUILTIN_SETS if (folder / f"{name}.yaml").exists()
    ]
    # The same file named twice (config and command line) is loaded once.
    paths: list[Path] = []
    for p in (*builtin, *extra):
        if all(resolved(p) != resolved(q) for q in paths):
            paths.append(p)
    sets = [load_set_file(p) if p in builtin else load_user_set(p) for p in paths]
    seen: dict[str, str] = {}
    for s in sets:
        for e in s.entries:
            for key in (e.code, e.name):
                if key in seen:
                    raise CriteriaError(
                        tr(
                            "Set {set}: '{key}' ist bereits in Set {other} vergeben. Codes und "
                            "Namen müssen eindeutig sein.",
                            set=s.set,
                            key=key,
                            other=seen[key],
                        )
                    )
                seen[key] = s.set
    concepts = load_concepts(sets)
    _check_concept_refs(concepts, sets, [str(p) for p in paths])
    return Catalogue(tuple(sets), concepts)
