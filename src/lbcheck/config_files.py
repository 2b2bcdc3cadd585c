"""Find and read project configuration files.

Looked for in each folder from a scanned file upwards; in one folder the first of
``CONFIG_NAMES`` wins, and ``pyproject.toml`` counts only with a ``[tool.lbcheck]`` table.
Errors name the file, the key and what is allowed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from lbcheck.config import PathOverride, ProjectConfig
from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.ingest.folders import is_folder

CONFIG_NAMES = ("lbcheck.toml", ".lbcheck.toml", "lbcheck.yaml", ".lbcheck.yaml", "pyproject.toml")


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "lbcheck" in data["tool"]


def config_in(folder: Path) -> Path | None:
    """The configuration file of this folder, if it has one."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        try:
            is_file = candidate.is_file()
        except OSError:  # a folder we may not look into (Python 3.11 raises on EACCES)
            continue
        if is_file and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    return None


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at ``start`` (a file or folder) or above it."""
    start = start.absolute()
    folder = start if is_folder(start) else start.parent
    for candidate in (folder, *folder.parents):
        found = config_in(candidate)
        if found is not None:
            return found
    return None


def _allowed(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def _describe(error: Any) -> str:
    loc = [str(p) for p in error["loc"]]
    key = ".".join(loc) or "(Datei)"
    if error["type"] == "extra_forbidden":
        model = PathOverride if loc and loc[0] == "overrides" else ProjectConfig
        return tr(
            "unbekannter Schlüssel '{key}'; erlaubt sind: {allowed}",
            key=key,
            allowed=_allowed(model),
        )
    return tr("Schlüssel '{key}': {problem}", key=key, problem=error["msg"])


def _normalise(value: Any) -> Any:
    """``fail-on`` and ``fail_on`` both work (TOML users write the first, YAML users either)."""
    if isinstance(value, dict):
        top = {str(k).replace("-", "_"): v for k, v in value.items()}
        if isinstance(top.get("overrides"), list):
            top["overrides"] = [_normalise(o) for o in top["overrides"]]
        return top
    return value


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        data = tomllib.loads(text)
        if path.name == "pyproject.toml":
            return data.get("tool", {}).get("lbcheck", {})
        return data
    return yaml.safe_load(text) or {}


def load_config(path: Path) -> ProjectConfig:
    """Read and validate one configuration file; a usage error names file and key."""
    try:
        raw = _read(path)
    except OSError as exc:
        raise UsageError(
            tr(
                "{path}: Konfiguration nicht lesbar ({exc_strerror}).",
                path=path,
                exc_strerror=exc.strerror,
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(tr("{path}: Konfiguration ist nicht UTF-8-kodiert.", path=path)) from exc
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(
            tr("{path}: keine gültige Konfiguration ({exc}).", path=path, exc=exc)
        ) from exc
    if not isinstance(raw, dict):
        raise UsageError(
            tr(
                "{path}: erwartet wird eine Zuordnung von Schlüsseln, erlaubt sind: {v0}.",
                path=path,
                v0=_allowed(ProjectConfig),
            )
        )
    try:
        return ProjectConfig.model_validate(_normalise(raw))
    except ValidationError as exc:
        details = "; ".join(_describe(e) for e in exc.errors())
        raise UsageError(
            tr("{path}: ungültige Konfiguration: {details}.", path=path, details=details)
        ) from exc
