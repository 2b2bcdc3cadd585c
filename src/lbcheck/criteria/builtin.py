"""Where the built-in data lives: packaged in the wheel, or ``criteria/`` in a checkout."""

from __future__ import annotations

from pathlib import Path


def builtin_dir() -> Path:
    """The folder of the built-in sets, concepts and subject table."""
    packaged = Path(__file__).resolve().parent.parent / "_criteria"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "criteria"
