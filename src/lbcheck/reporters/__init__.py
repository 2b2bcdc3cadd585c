"""Reporters by name. The mapping is read-only: a new reporter is a new class listed here."""

from __future__ import annotations

from types import MappingProxyType

from lbcheck.reporters.base import RenderEnv, Reporter
from lbcheck.reporters.concise import ConciseReporter
from lbcheck.reporters.github import GithubReporter
from lbcheck.reporters.gitlab import GitlabReporter
from lbcheck.reporters.html import HtmlReporter
from lbcheck.reporters.json_lines import JsonLinesReporter
from lbcheck.reporters.json_reporter import JsonReporter
from lbcheck.reporters.junit import JunitReporter
from lbcheck.reporters.markdown import MarkdownReporter
from lbcheck.reporters.sarif import SarifReporter
from lbcheck.reporters.terminal import TerminalReporter

REPORTERS: MappingProxyType[str, type[Reporter]] = MappingProxyType(
    {
        cls.name: cls
        for cls in (
            TerminalReporter,
            JsonReporter,
            HtmlReporter,
            JsonLinesReporter,
            ConciseReporter,
            MarkdownReporter,
            SarifReporter,
            GithubReporter,
            GitlabReporter,
            JunitReporter,
        )
    }
)


def get_reporter(name: str, env: RenderEnv | None = None) -> Reporter:
    """An instance of the reporter called ``name`` (see ``REPORTERS``) for this run."""
    return REPORTERS[name].from_env(env or RenderEnv())


__all__ = ["REPORTERS", "RenderEnv", "Reporter", "get_reporter"]
