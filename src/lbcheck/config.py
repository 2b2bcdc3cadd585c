"""Settings from the command line and an optional project file (``lbcheck.yaml``).

The project file lets a buyer keep house rules next to the specifications::

    sets: [ilo, kreislauf, buero, dienstleistungen, vergaberecht]
    disable: [VR-07, buero-holz]          # codes, names or prefixes
    severity: {VR-02: error, KRW-08: info}
    criteria: [hausregeln/umweltleitfaden.yaml]   # relative to this file
    fail_on: warning

Command-line options override the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lbcheck.errors import UsageError
from lbcheck.models import Severity

CONFIG_NAMES = ("lbcheck.yaml", ".lbcheck.yaml")
FailOn = Literal["error", "warning", "info", "never"]


class ProjectConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sets: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    criteria: tuple[str, ...] = ()
    fail_on: FailOn | None = None
    max_size_mb: float | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a scan needs to know besides the files."""

    sets: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    criteria: tuple[Path, ...] = ()
    fail_on: FailOn = "error"
    max_bytes: int = 50 * 1024 * 1024
    jobs: int = 1
    spacy_model: str | None = None


def find_config(start: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = start / name
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> ProjectConfig:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return ProjectConfig.model_validate(raw)
    except OSError as exc:
        raise UsageError(f"{path}: Konfiguration nicht lesbar ({exc.strerror}).") from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: kein gültiges YAML ({exc}).") from exc
    except ValidationError as exc:
        details = "; ".join(
            f"Schlüssel '{'.'.join(map(str, e['loc']))}': {e['msg']}" for e in exc.errors()
        )
        raise UsageError(f"{path}: ungültige Konfiguration: {details}") from exc


def parse_severity(items: list[str]) -> tuple[tuple[str, Severity], ...]:
    """``["VR-02=error", "KRW-08=info"]`` -> pairs; a wrong level is a usage error."""
    pairs = []
    for item in items:
        key, sep, level = item.partition("=")
        if not sep or level.strip() not in {s.value for s in Severity}:
            raise UsageError(f"--severity erwartet CODE=error|warning|info, nicht {item!r}.")
        pairs.append((key.strip(), Severity(level.strip())))
    return tuple(pairs)


def merge(
    config: ProjectConfig | None,
    config_dir: Path | None,
    *,
    sets: tuple[str, ...],
    disable: tuple[str, ...],
    severity: tuple[tuple[str, Severity], ...],
    criteria: tuple[Path, ...],
    fail_on: FailOn | None,
    max_size_mb: float | None,
    jobs: int,
    spacy_model: str | None,
) -> Settings:
    """Combine file and command line; the command line wins, lists are added up."""
    base = config or ProjectConfig()
    folder = config_dir or Path.cwd()
    size = max_size_mb if max_size_mb is not None else (base.max_size_mb or 50.0)
    return Settings(
        sets=sets or base.sets,
        disable=base.disable + disable,
        severity=tuple(base.severity.items()) + severity,
        criteria=tuple(folder / c for c in base.criteria) + criteria,
        fail_on=fail_on or base.fail_on or "error",
        max_bytes=int(size * 1024 * 1024),
        jobs=jobs,
        spacy_model=spacy_model,
    )
