"""``lbcheck criteria validate``: schema, regular expressions, unique codes and the examples."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lbcheck.errors import CriteriaError
from lbcheck.i18n import tr


def validate_files(files: Sequence[Path]) -> list[str]:
    """Problems found in user set files, one line each in the run's language; empty when all
    is well."""
    from lbcheck.app.examples import concept_problems, run_all
    from lbcheck.criteria.loader import load_catalogue, load_set_file
    from lbcheck.engine.compiled import compile_catalogue

    problems: list[str] = []
    for path in files:
        try:
            load_set_file(path)
        except CriteriaError as exc:
            problems.append(str(exc))
    if problems:
        return problems
    try:
        catalogue = load_catalogue(tuple(files))
        compiled = compile_catalogue(catalogue)
    except CriteriaError as exc:
        return [str(exc)]
    user = [load_set_file(p) for p in files]
    user_sets = {s.set for s in user}
    problems += concept_problems(catalogue.concepts, [c.name for s in user for c in s.concepts])
    own = [e for e in compiled if e.set.set in user_sets]
    for outcome in run_all(compiled, own):
        if not outcome.ok:
            problems.append(
                tr(
                    "{code}: Beispiel ({kind}) ergibt {got}, erwartet {expected}: {text}",
                    code=outcome.code,
                    kind=outcome.kind,
                    got=outcome.got,
                    expected=outcome.expected,
                    text=repr(outcome.text),
                )
            )
    return problems
