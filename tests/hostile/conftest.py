"""Show how many inputs the bounded fuzzing run executed (the number the issue asks for)."""

from __future__ import annotations

import pytest

from tests.hostile.test_fuzz import COUNTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if COUNTS:
        per_format = ", ".join(f"{fmt} {n}" for fmt, n in sorted(COUNTS.items()))
        terminalreporter.write_line(f"fuzzing: {sum(COUNTS.values())} executions ({per_format})")
