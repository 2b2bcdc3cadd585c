"""Reporters by name. The mapping is read-only: a new reporter is a new class listed here."""

from __future__ import annotations

from types import MappingProxyType

from lbcheck.reporters.base import Reporter
from lbcheck.reporters.html import HtmlReporter
from lbcheck.reporters.json_reporter import JsonReporter
from lbcheck.reporters.terminal import TerminalReporter

REPORTERS: MappingProxyType[str, type[Reporter]] = MappingProxyType(
    {cls.name: cls for cls in (TerminalReporter, JsonReporter, HtmlReporter)}
)


def get_reporter(name: str) -> Reporter:
    """An instance of the reporter called ``name`` (see ``REPORTERS``)."""
    return REPORTERS[name]()


__all__ = ["REPORTERS", "Reporter", "get_reporter"]
