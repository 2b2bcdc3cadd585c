"""Settings per file: the nearest project config (or ``--config``), its include / exclude globs,
``.gitignore`` and per-path overrides, merged with the command line. Files with equal settings
form one group, checked with one compiled catalogue."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from lbcheck.app.gitignore import ignored_by_git
from lbcheck.app.inputs import Candidate, raise_nothing_left
from lbcheck.config import FailOn, ProjectConfig, Settings, merge
from lbcheck.config_files import find_config, load_config
from lbcheck.errors import UsageError
from lbcheck.i18n import tr
from lbcheck.models import Severity


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What a caller (the command line or :func:`lbcheck.scan`) asks for; ``None`` = config."""

    sets: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    criteria: tuple[Path, ...] = ()
    config: Path | None = None
    isolated: bool = False
    fail_on: FailOn | None = None
    max_size_mb: float | None = None
    jobs: int = 1
    spacy_model: str | None = None
    # The report files of this run: never read as a tender, never written over an input.
    outputs: tuple[Path, ...] = ()
    suppressions: tuple[Path, ...] = ()
    baseline: Path | None = None
    write_baseline: bool = False
    changed_since: str | None = None


@dataclass(slots=True)
class Group:
    settings: Settings
    items: list[Candidate] = field(default_factory=list)


def check_max_size(value: float | None, source: str = "--max-size") -> None:
    if value is not None and not (math.isfinite(value) and value > 0):
        raise UsageError(
            tr(
                "{source} erwartet eine Größe in MB größer als 0 (z. B. 50), nicht {value}.",
                source=source,
                value=value,
            )
        )


def _spec(patterns: Sequence[str]) -> pathspec.PathSpec[pathspec.Pattern]:
    return pathspec.PathSpec.from_lines("gitignore", patterns)


class _Planner:
    def __init__(self, options: ScanOptions) -> None:
        check_max_size(options.max_size_mb)
        if options.jobs < 0:
            raise UsageError(tr("--jobs erwartet 0 (alle Kerne) oder eine positive Zahl."))
        self.options = options
        self.configs: dict[Path, ProjectConfig] = {}
        self.found: dict[Path, Path | None] = {}  # per folder: thousands of files, few folders
        self.fallback = None if options.isolated else (options.config or find_config(Path.cwd()))

    def config_path(self, path: Path) -> Path | None:
        if self.options.isolated:
            return None
        if self.options.config is not None:
            return self.options.config
        folder = path.absolute().parent
        if folder not in self.found:
            self.found[folder] = find_config(folder) or self.fallback
        return self.found[folder]

    def config(self, path: Path) -> ProjectConfig:
        if path not in self.configs:
            project = load_config(path)
            check_max_size(project.max_size_mb, f"{path}: max_size_mb")
            self.configs[path] = project
        return self.configs[path]

    def settings(self, project: ProjectConfig | None, folder: Path | None) -> Settings:
        o = self.options
        return merge(
            project,
            folder,
            sets=o.sets,
            disable=o.disable,
            severity=o.severity,
            criteria=o.criteria,
            fail_on=o.fail_on,
            max_size_mb=o.max_size_mb,
            jobs=o.jobs if o.jobs > 0 else (os.cpu_count() or 1),
            spacy_model=o.spacy_model,
            suppressions=o.suppressions,
        )


def _relative(path: Path, folder: Path) -> str | None:
    try:
        return path.absolute().relative_to(folder.absolute()).as_posix()
    except ValueError:
        return None


def _selected(project: ProjectConfig, rel: str | None) -> bool:
    if rel is None:
        return True
    if project.include and not _spec(project.include).match_file(rel):
        return False
    return not (project.exclude and _spec(project.exclude).match_file(rel))


def plan(candidates: Sequence[Candidate], options: ScanOptions) -> list[Group]:
    """Groups of files with equal settings, in the order their first file was named.

    Include, exclude and ``.gitignore`` only leave out files found in folders or globs; a file
    named on the command line is always checked (as in ruff and git).
    """
    planner = _Planner(options)
    found = [c.path.absolute() for c in candidates if not c.explicit]
    ignored = ignored_by_git(found) if found else set()
    groups: dict[Settings, Group] = {}
    for c in candidates:
        config_path = planner.config_path(c.path)
        project = planner.config(config_path) if config_path else None
        gitignored = not c.explicit and c.path.absolute() in ignored
        if gitignored and (project is None or project.respect_gitignore):
            continue
        if config_path is None or project is None:
            settings = planner.settings(None, None)
        else:
            rel = _relative(c.path, config_path.parent)
            if not c.explicit and not _selected(project, rel):
                continue
            for override in project.overrides:
                if rel is not None and _spec(override.paths).match_file(rel):
                    project = project.with_override(override)
            settings = planner.settings(project, config_path.parent)
        groups.setdefault(settings, Group(settings)).items.append(c)
    if not groups:
        raise_nothing_left()
    return list(groups.values())
