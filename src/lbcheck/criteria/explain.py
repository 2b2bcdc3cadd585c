"""Plain-text explanation of one entry, for ``lbcheck explain`` and ``criteria show``: the
labels in the run's language (``lbcheck.i18n``), the catalogue's texts in German."""

from __future__ import annotations

import textwrap

from lbcheck.criteria.schema import CriteriaSet, Entry
from lbcheck.i18n import label, tr
from lbcheck.reporters.labels import SEVERITY_DE


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=96, initial_indent=f"{label}: ", subsequent_indent="  "
    )


def _severity(code: str) -> str:
    """``Warnung (warning)``: the word for the reader, the code for ``--severity`` and config."""
    shown = label("severity", code, SEVERITY_DE)
    return code if shown == code else f"{shown} ({code})"


def explain_entry(s: CriteriaSet, e: Entry) -> str:
    rule = e.kind == "rule"
    kind = tr("Regel (Fundstellen)") if rule else tr("Kriterium (Status je Dokument)")
    lines = [
        f"{e.code} {e.name} – {e.title}",
        tr(
            "Set: {set} ({title}) · Art: {kind} · Dimension: {dimension} · Schweregrad: {severity}",
            set=s.set,
            title=s.title,
            kind=kind,
            dimension=e.dimension,
            severity=_severity(e.severity.value),
        ),
        "",
        _wrap(tr("Meldung"), e.message),
        _wrap(tr("Warum"), e.rationale),
        tr("Rechtsgrundlage") + ":",
        *[f"  - {ref.ref} <{ref.source}>" for ref in e.legal_basis],
        _wrap(tr("Textbaustein"), e.model_clause),
    ]
    if e.proof:
        lines.append(_wrap(tr("Nachweis"), e.proof))
    if s.applies_note:
        lines.append(_wrap(tr("Anwendbar"), s.applies_note))
    lines.append(tr("Beispiele – Unauffällig:") if rule else tr("Beispiele – Erfüllt:"))
    lines.extend(
        f"  + {ex.text}" + (f" [{ex.status}]" if ex.status else "") for ex in e.examples.pass_
    )
    lines.append(tr("Beispiele – Löst aus:") if rule else tr("Beispiele – Nicht erfüllt:"))
    lines.extend(f"  - {ex.text}" for ex in e.examples.fail)
    return "\n".join(lines) + "\n"
