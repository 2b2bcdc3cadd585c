"""The catalogue as JSON (``lbcheck criteria list --format json``): every field of every entry.

Field names are those of the criteria YAML (``docs/criteria-format.md``), so what a tool reads
here is what an author writes there; ``entries[].set`` names the set of each entry.
"""

from __future__ import annotations

import json
from typing import Any

from lbcheck import __version__
from lbcheck.criteria.loader import Catalogue

CATALOGUE_VERSION = 1


def catalogue_data(catalogue: Catalogue, set_name: str | None = None) -> dict[str, Any]:
    sets = [s for s in catalogue.sets if set_name is None or s.set == set_name]
    return {
        "catalogue_version": CATALOGUE_VERSION,
        "tool": {"name": "lbcheck", "version": __version__},
        "sets": [s.model_dump(mode="json", by_alias=True, exclude={"entries"}) for s in sets],
        "entries": [
            {"set": s.set, **e.model_dump(mode="json", by_alias=True)}
            for s in sets
            for e in s.entries
        ],
    }


def catalogue_json(catalogue: Catalogue, set_name: str | None = None) -> str:
    return json.dumps(catalogue_data(catalogue, set_name), indent=2, ensure_ascii=False) + "\n"
