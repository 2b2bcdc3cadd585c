"""Reporters by name. The mapping is read-only: a new reporter is a new class listed here.

A reporter's module is imported when the reporter is first asked for: a run that writes JSON
does not load Jinja (HTML), lxml (JUnit) or rich's console (terminal) at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from lbcheck.reporters.base import RenderEnv, Reporter

#: name -> (module, class), in the order the formats are listed to users.
_WHERE: dict[str, tuple[str, str]] = {
    "terminal": ("lbcheck.reporters.terminal", "TerminalReporter"),
    "json": ("lbcheck.reporters.json_reporter", "JsonReporter"),
    "html": ("lbcheck.reporters.html", "HtmlReporter"),
    "json-lines": ("lbcheck.reporters.json_lines", "JsonLinesReporter"),
    "concise": ("lbcheck.reporters.concise", "ConciseReporter"),
    "markdown": ("lbcheck.reporters.markdown", "MarkdownReporter"),
    "sarif": ("lbcheck.reporters.sarif", "SarifReporter"),
    "github": ("lbcheck.reporters.github", "GithubReporter"),
    "gitlab": ("lbcheck.reporters.gitlab", "GitlabReporter"),
    "junit": ("lbcheck.reporters.junit", "JunitReporter"),
}


class _Registry(Mapping[str, type[Reporter]]):
    """Reporter classes by name, each imported on first use."""

    def __init__(self, where: Mapping[str, tuple[str, str]]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, type[Reporter]] = {}

    def __getitem__(self, name: str) -> type[Reporter]:
        if name not in self._loaded:
            module, attr = self._where[name]
            cls: type[Reporter] = getattr(importlib.import_module(module), attr)
            if cls.name != name:
                raise LookupError(f"reporter {module}.{attr} is called {cls.name!r}, not {name!r}")
            self._loaded[name] = cls
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, name: object) -> bool:
        return name in self._where


REPORTERS: Mapping[str, type[Reporter]] = _Registry(_WHERE)


def get_reporter(name: str, env: RenderEnv | None = None) -> Reporter:
    """An instance of the reporter called ``name`` (see ``REPORTERS``) for this run."""
    return REPORTERS[name].from_env(env or RenderEnv())


__all__ = ["REPORTERS", "RenderEnv", "Reporter", "get_reporter"]
