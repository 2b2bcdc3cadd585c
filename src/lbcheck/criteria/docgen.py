"""Generate the catalogue reference (one Markdown page per set) from the YAML files.

``python -m lbcheck.criteria.docgen docs/criteria`` rewrites the pages; a test checks that the
committed pages match the YAML, so the documentation is never written twice.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from lbcheck.criteria.loader import Catalogue, load_catalogue
from lbcheck.criteria.schema import Concept, CriteriaSet, Entry, Pattern


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _concepts(names: tuple[str, ...]) -> str:
    return ", ".join(f"[`{n}`](concepts.md#{n})" for n in names)


def _pattern(p: Pattern) -> str:
    parts = []
    if p.concepts:
        parts.append("Begriffe: " + _concepts(p.concepts))
    if p.phrases:
        parts.append("Wendungen: " + ", ".join(f"`{x}`" for x in p.phrases))
    if p.regex:
        parts.append(f"{len(p.regex)} regulärer Ausdruck/Ausdrücke")
    if p.requires:
        needed = [
            r.within + (f": {_concepts(r.concepts)}" if r.concepts else "") for r in p.requires
        ]
        parts.append(f"verlangt Kontext ({'; '.join(needed)})")
    if p.unless:
        parts.append("mit Ausschlüssen")
    if p.modality:
        parts.append("nur bei " + ", ".join(m.value for m in p.modality))
    if p.places:
        parts.append("nur in " + ", ".join(x.value for x in p.places))
    if p.severity:
        parts.append(f"höchstens {p.severity.value}")
    return "; ".join(parts)


def _entry(e: Entry) -> list[str]:
    kind = "Regel" if e.kind == "rule" else "Kriterium"
    lines = [
        f"## {e.code} `{e.name}` – {e.title}",
        "",
        f"*{kind} · Dimension {e.dimension} · Schweregrad {e.severity.value}*",
        "",
        f"**Meldung.** {_one_line(e.message)}",
        "",
        f"**Warum.** {_one_line(e.rationale)}",
        "",
        "**Rechtsgrundlage.** " + "; ".join(f"[{r.ref}]({r.source})" for r in e.legal_basis),
        "",
        f"**Textbaustein.** {_one_line(e.model_clause)}",
        "",
    ]
    if e.proof:
        lines += [f"**Nachweis.** {_one_line(e.proof)}", ""]
    if e.applies_to:
        lines += ["**Gilt für.** " + ", ".join(e.applies_to), ""]
    if e.eforms:
        lines += ["**eForms.** " + ", ".join(f"`{x}`" for x in e.eforms), ""]
    lines.append("**Erkennung.**")
    lines += [f"- {_pattern(p)}" for p in e.patterns]
    if e.heuristic:
        lines.append(f"- Heuristik `{e.heuristic}`")
    for m in e.unless:
        lines.append("- nie dort, wo zutrifft: " + (_concepts(m.concepts) or "eigene Ausdrücke"))
    good = "bleibt still" if e.kind == "rule" else "adressiert"
    bad = "löst aus" if e.kind == "rule" else "adressiert nicht"
    lines += ["", f"**Beispiele ({good}).**"]
    lines += [f"- {x.text}" + (f" *({x.status})*" if x.status else "") for x in e.examples.pass_]
    lines += ["", f"**Beispiele ({bad}).**"]
    lines += [f"- {x.text}" for x in e.examples.fail]
    return [*lines, ""]


def render_set(s: CriteriaSet) -> str:
    lines = [
        f"# Set `{s.set}` – {s.title}",
        "",
        "<!-- generated from criteria/"
        + s.set
        + ".yaml by lbcheck.criteria.docgen; do not edit -->",
        "",
        _one_line(s.description),
        "",
        f"**Anwendbar.** {_one_line(s.applies_note) or 'immer'}"
        + (f" (Gegenstände: {', '.join(s.applies_to)})" if s.applies_to else ""),
        "",
        "| Code | Name | Titel | Schweregrad |",
        "|---|---|---|---|",
    ]
    lines += [f"| {e.code} | `{e.name}` | {e.title} | {e.severity.value} |" for e in s.entries]
    lines.append("")
    for e in s.entries:
        lines += _entry(e)
    return "\n".join(lines).rstrip() + "\n"


def render_concepts(concepts: Mapping[str, Concept]) -> str:
    lines = [
        "# Begriffe",
        "",
        "<!-- generated from criteria/concepts/*.yaml by lbcheck.criteria.docgen; do not edit -->",
        "",
        "Gemeinsame Wortfamilien, aus denen die Kriterien gebaut sind. Ein Synonym, das hier",
        "ergänzt wird, gilt für jedes Kriterium, das den Begriff nennt.",
        "",
    ]
    for c in concepts.values():
        lines += [
            f'<a id="{c.name}"></a>',
            f"## `{c.name}` – {c.title}",
            "",
            _one_line(c.description),
            "",
        ]
        if c.concepts:
            lines += ["**Schließt ein.** " + _concepts(c.concepts), ""]
        if c.phrases:
            lines += ["**Wendungen.** " + ", ".join(f"`{x}`" for x in c.phrases), ""]
        if c.regex:
            lines += [f"**Muster.** {len(c.regex)} regulärer Ausdruck/Ausdrücke", ""]
        lines += ["**Findet.**", *(f"- {x}" for x in c.examples.match), ""]
        lines += ["**Findet nicht.**", *(f"- {x}" for x in c.examples.no_match), ""]
    return "\n".join(lines).rstrip() + "\n"


def render_all(catalogue: Catalogue) -> dict[str, str]:
    pages = {f"{s.set}.md": render_set(s) for s in catalogue.sets}
    pages["concepts.md"] = render_concepts(catalogue.concepts)
    index = ["# Kriterienkatalog", "", "| Set | Titel | Einträge |", "|---|---|---|"]
    index += [f"| [{s.set}]({s.set}.md) | {s.title} | {len(s.entries)} |" for s in catalogue.sets]
    index += ["", f"Gemeinsame Begriffe ({len(catalogue.concepts)}): [concepts.md](concepts.md)"]
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("docs/criteria")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in render_all(load_catalogue()).items():
        (target / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
