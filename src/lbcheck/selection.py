"""Choose which entries run: sets, disabled codes/names/prefixes and severity overrides."""

from __future__ import annotations

from collections.abc import Iterable

from lbcheck.criteria.loader import Catalogue
from lbcheck.criteria.schema import CriteriaSet, Entry
from lbcheck.errors import UsageError
from lbcheck.models import Severity


def matches_key(entry: Entry, key: str) -> bool:
    """A key names an entry by code, name, or a prefix of either (most specific wins later)."""
    k = key.strip().lower()
    return (
        entry.code.lower() == k
        or entry.name == k
        or entry.code.lower().startswith(k)
        or entry.name.startswith(k)
    )


def _check_known(catalogue: Catalogue, keys: Iterable[str], option: str) -> None:
    entries = [e for _, e in catalogue.entries()]
    for key in keys:
        if not any(matches_key(e, key) for e in entries):
            raise UsageError(f"{option}: kein Kriterium und keine Regel passt zu {key!r}.")


def select(catalogue: Catalogue, sets: Iterable[str], disable: Iterable[str]) -> Catalogue:
    """The catalogue restricted to the chosen sets, without disabled entries."""
    wanted = tuple(sets)
    known = {s.set for s in catalogue.sets}
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise UsageError(
            f"--sets: unbekanntes Set {', '.join(unknown)}; bekannt: {', '.join(sorted(known))}."
        )
    disabled = tuple(disable)
    _check_known(catalogue, disabled, "--disable")
    chosen: list[CriteriaSet] = []
    for s in catalogue.sets:
        if wanted and s.set not in wanted:
            continue
        entries = tuple(e for e in s.entries if not any(matches_key(e, k) for k in disabled))
        if entries:
            chosen.append(s.model_copy(update={"entries": entries}))
    return Catalogue(tuple(chosen), catalogue.concepts)


def severity_overrides(
    catalogue: Catalogue, pairs: Iterable[tuple[str, Severity]]
) -> tuple[tuple[str, Severity], ...]:
    """Resolve keys to codes; a longer (more specific) key wins over a prefix."""
    resolved: dict[str, tuple[int, Severity]] = {}
    items = list(pairs)
    _check_known(catalogue, (k for k, _ in items), "--severity")
    for key, level in items:
        for _, e in catalogue.entries():
            if matches_key(e, key):
                specificity = len(key)
                if e.code not in resolved or resolved[e.code][0] <= specificity:
                    resolved[e.code] = (specificity, level)
    return tuple((code, level) for code, (_, level) in sorted(resolved.items()))
