"""The reporter interface: a small class with a name that renders a Report to text."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from lbcheck.models import Report


class Reporter(ABC):
    """Turns a report into text. Reporters never print: the CLI writes what they return."""

    name: ClassVar[str]
    extension: ClassVar[str]

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole report as text."""
