"""Plain-text German explanation of one entry, for ``lbcheck explain`` and ``criteria show``."""

from __future__ import annotations

import textwrap

from lbcheck.criteria.schema import CriteriaSet, Entry


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=96, initial_indent=f"{label}: ", subsequent_indent="  "
    )


def explain_entry(s: CriteriaSet, e: Entry) -> str:
    kind = "Regel (Fundstellen)" if e.kind == "rule" else "Kriterium (Status je Dokument)"
    lines = [
        f"{e.code} {e.name} – {e.title}",
        f"Set: {s.set} ({s.title}) · Art: {kind} · Dimension: {e.dimension} · "
        f"Schweregrad: {e.severity.value}",
        "",
        _wrap("Meldung", e.message),
        _wrap("Warum", e.rationale),
        "Rechtsgrundlage:",
        *[f"  - {ref.ref} <{ref.source}>" for ref in e.legal_basis],
        _wrap("Textbaustein", e.model_clause),
    ]
    if e.proof:
        lines.append(_wrap("Nachweis", e.proof))
    if s.applies_note:
        lines.append(_wrap("Anwendbar", s.applies_note))
    label_pass = "Unauffällig" if e.kind == "rule" else "Erfüllt"
    label_fail = "Löst aus" if e.kind == "rule" else "Nicht erfüllt"
    lines.append(f"Beispiele – {label_pass}:")
    lines.extend(
        f"  + {ex.text}" + (f" [{ex.status}]" if ex.status else "") for ex in e.examples.pass_
    )
    lines.append(f"Beispiele – {label_fail}:")
    lines.extend(f"  - {ex.text}" for ex in e.examples.fail)
    return "\n".join(lines) + "\n"
