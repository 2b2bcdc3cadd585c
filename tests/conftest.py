"""Shared fixtures: the compiled built-in catalogue (built once) and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.criteria.loader import Catalogue, load_catalogue
from lbcheck.engine.compiled import CompiledEntry, compile_catalogue

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def compiled(catalogue: Catalogue) -> tuple[CompiledEntry, ...]:
    return compile_catalogue(catalogue)


def corpus_or_skip(sub: str) -> Path:
    path = CORPUS / sub
    if not path.is_dir():
        pytest.skip(f"shared corpus not available at {path}")
    return path
