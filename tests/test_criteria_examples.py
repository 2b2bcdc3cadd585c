"""Every example of every criterion and rule runs as a test (one case per example)."""

from __future__ import annotations

import pytest

from lbcheck.app.examples import run_example
from lbcheck.criteria.loader import load_catalogue
from lbcheck.engine.compiled import CompiledEntry

_CASES = [
    pytest.param(e.code, kind, ex.text, ex.status, id=f"{e.code}-{kind}-{i}")
    for _, e in load_catalogue().entries()
    for kind, examples in (("pass", e.examples.pass_), ("fail", e.examples.fail))
    for i, ex in enumerate(examples, 1)
]


@pytest.mark.parametrize(("code", "kind", "text", "status"), _CASES)
def test_example(
    compiled: tuple[CompiledEntry, ...], code: str, kind: str, text: str, status: str | None
) -> None:
    target = next(e for e in compiled if e.entry.code == code)
    outcome = run_example(compiled, target, kind, text, status)
    assert outcome.ok, f"{code} {kind}: expected {outcome.expected}, got {outcome.got}: {text}"
