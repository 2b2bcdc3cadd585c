"""The reporter interface: a small class with a name that renders a Report to text."""

from __future__ import annotations

import shutil
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar, Self

from lbcheck.i18n import Lang
from lbcheck.models import Report


@dataclass(frozen=True, slots=True)
class RenderEnv:
    """What a reporter may know about the run besides the report.

    The CLI fills it at the edge (terminal, working directory, command line); the defaults keep
    output deterministic, which is what the golden files rely on.
    """

    color: bool = False
    width: int = 100
    working_directory: PurePath | None = None
    command_line: tuple[str, ...] = ()
    # Base of the SARIF helpUri (docs/criteria/ of the project); None: the project's repository.
    docs_url: str | None = None
    # The language of lbcheck's own texts (lbcheck.i18n); the catalogue's texts stay German.
    lang: Lang = "de"


class Reporter(ABC):
    """Turns a report into text. Reporters never print: the CLI writes what they return."""

    name: ClassVar[str]
    extension: ClassVar[str]

    @classmethod
    def from_env(cls, env: RenderEnv) -> Self:
        """An instance for this run; reporters that need nothing from ``env`` take no arguments."""
        del env
        return cls()

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole report as text."""

    def job_summary(self, report: Report) -> str | None:
        """Markdown for a CI job summary (``$GITHUB_STEP_SUMMARY``), if the format has one."""
        del report
        return None


def terminal_width(default: int = 100) -> int:
    """The width of the terminal on stdout, or ``default`` when stdout is not a terminal."""
    if not sys.stdout.isatty():
        return default
    return max(40, shutil.get_terminal_size((default, 24)).columns)
