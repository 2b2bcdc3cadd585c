"""Settings from the command line and a project configuration.

The project configuration lets a buyer keep house rules next to the specifications, in
``lbcheck.toml``, ``[tool.lbcheck]`` of ``pyproject.toml`` or ``lbcheck.yaml``::

    sets = ["ilo", "kreislauf", "buero", "dienstleistungen", "vergaberecht"]
    disable = ["VR-07", "buero-holz"]            # codes, names or prefixes
    severity = {VR-02 = "error", KRW-08 = "info"}
    criteria = ["hausregeln/umweltleitfaden.yaml"]  # relative to the config file
    fail_on = "warning"
    exclude = ["archiv/**"]

    [[overrides]]                                 # for some paths only
    paths = ["vorlagen/**"]
    disable = ["VR-06"]

Command-line options override the file; lists are added up. Finding and reading the files is
in :mod:`lbcheck.config_files`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.models import Severity

FailOn = Literal["error", "warning", "info", "never"]


class PathOverride(BaseModel):
    """Settings for the files matching ``paths`` (gitignore-style, relative to the config)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paths: tuple[str, ...] = Field(min_length=1)
    sets: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)


class ProjectConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sets: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    criteria: tuple[str, ...] = ()
    fail_on: FailOn | None = None
    max_size_mb: float | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    suppressions: tuple[str, ...] = ()
    overrides: tuple[PathOverride, ...] = ()

    def with_override(self, override: PathOverride) -> ProjectConfig:
        """This config for a file ``override`` matches: its lists added, its sets instead."""
        return self.model_copy(
            update={
                "sets": override.sets or self.sets,
                "disable": self.disable + override.disable,
                "severity": {**self.severity, **override.severity},
            }
        )


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
    suppressions: tuple[Path, ...] = ()


def parse_severity(items: list[str]) -> tuple[tuple[str, Severity], ...]:
    """``["VR-02=error", "KRW-08=info"]`` -> pairs; a wrong level is a usage error."""
    pairs = []
    for item in items:
        key, sep, level = item.partition("=")
        if not sep or level.strip() not in {s.value for s in Severity}:
            raise UsageError(
                tr("--severity erwartet CODE=error|warning|info, nicht {item!r}.", item=item)
            )
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
    suppressions: tuple[Path, ...] = (),
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
        suppressions=tuple(folder / s for s in base.suppressions) + suppressions,
    )
