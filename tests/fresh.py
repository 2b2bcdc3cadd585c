"""Run test code in a new interpreter: one thread, spaCy not loaded, nothing patched yet."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).parents[1]


def run_fresh(code: str, *args: str) -> str:
    """Run ``code`` (dedented) with ``args`` in a new interpreter at the project root; its
    stdout. A non-zero exit fails the test with the interpreter's stderr."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
