"""Criteria YAML texts for the safety tests: a valid user set, an alias bomb, a Python tag."""

from __future__ import annotations

import json


def user_set(regex: str) -> str:
    """A complete, valid user set whose one pattern is ``regex``."""
    return f"""set: haus
title: Hausregeln
description: Eigene Regeln.
dimension: umwelt
entries:
  - code: HR-01
    name: hr-gruenstrom
    title: Grünstrom
    kind: criterion
    dimension: umwelt
    severity: warning
    patterns:
      - regex: [{json.dumps(regex)}]
    message: Grünstrom fehlt.
    rationale: Klimaschutzkonzept.
    legal_basis:
      - {{ref: "Konzept", source: "https://example.org/k"}}
    model_clause: Der Strom muss Grünstrom sein.
    proof: Herkunftsnachweis oder gleichwertig.
    examples:
      pass: ["Die Liegenschaften müssen mit Grünstrom versorgt werden."]
      fail: ["Der Auftragnehmer liefert Strom."]
"""


def alias_bomb(levels: int = 9) -> str:
    """Billion laughs: nine levels of nine aliases each expand to 9**9 strings."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    lines.append("set: haus")
    lines.append(f"entries: *l{levels - 1}")
    return "\n".join(lines) + "\n"


PYTHON_TAG = 'set: !!python/object/apply:os.system ["echo lbcheck-pwned"]\n'
