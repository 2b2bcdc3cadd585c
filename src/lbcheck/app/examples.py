"""Run the examples of criteria entries: every ``pass``/``fail`` text is checked as a one-paragraph
document (a text with line breaks is read as Markdown). Used by the test suite and by
``lbcheck criteria validate``; it lives above ``engine`` and ``ingest`` because it uses both."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from lbcheck.criteria.schema import Concept, Matcher
from lbcheck.engine.compiled import CompiledEntry, compile_matcher
from lbcheck.engine.evaluate import check_document
from lbcheck.engine.segments import segment
from lbcheck.ingest.markdown import read_markdown
from lbcheck.models import Block, BlockKind, Document, Location


@dataclass(frozen=True, slots=True)
class ExampleOutcome:
    code: str
    kind: str
    text: str
    expected: str
    got: str

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def example_document(text: str) -> Document:
    """One paragraph; or, for a text with line breaks, a Markdown snippet (headings, lists)."""
    if "\n" in text:
        extracted = read_markdown(text.encode("utf-8"))
        return Document("beispiel.md", "markdown", extracted.blocks)
    return Document("beispiel.txt", "txt", (Block(BlockKind.PARAGRAPH, text, Location(line=1)),))


def run_example(
    entries: Sequence[CompiledEntry],
    target: CompiledEntry,
    kind: str,
    text: str,
    status: str | None,
) -> ExampleOutcome:
    """Check one example text against the whole catalogue; report the target's result."""
    report = check_document(example_document(text), entries)
    code = target.entry.code
    if target.entry.kind == "rule":
        fired = any(f.code == code for f in report.findings)
        expected = "fires" if kind == "fail" else "silent"
        return ExampleOutcome(code, kind, text, expected, "fires" if fired else "silent")
    got = next(c.status.value for c in report.criteria if c.code == code)
    if kind == "pass":
        expected = status or "met"
    else:
        expected = "absent"
        got = got if got in ("met", "weak") else "absent"
    return ExampleOutcome(code, kind, text, expected, got)


def iter_examples(
    entries: Sequence[CompiledEntry],
) -> Iterator[tuple[CompiledEntry, str, str, str | None]]:
    for entry in entries:
        for ex in entry.entry.examples.pass_:
            yield entry, "pass", ex.text, ex.status
        for ex in entry.entry.examples.fail:
            yield entry, "fail", ex.text, None


def run_all(
    entries: Sequence[CompiledEntry], only: Sequence[CompiledEntry] | None = None
) -> list[ExampleOutcome]:
    return [run_example(entries, e, k, t, s) for e, k, t, s in iter_examples(only or entries)]


def concept_finds(concepts: Mapping[str, Concept], name: str, text: str) -> bool:
    """Does the concept find its words in one of the sentences of ``text``?"""
    matcher = compile_matcher(Matcher(concepts=(name,)), f"Begriff {name}", None, concepts)
    return any(matcher.search(s.view, s.lemmas) for s in segment(example_document(text)))


def concept_problems(concepts: Mapping[str, Concept], names: Sequence[str]) -> list[str]:
    """The examples of the named concepts that do not behave as they say, one line each."""
    problems = []
    for name in names:
        examples = concepts[name].examples
        for kind, texts, wanted in (
            ("match", examples.match, True),
            ("no_match", examples.no_match, False),
        ):
            for text in texts:
                if concept_finds(concepts, name, text) != wanted:
                    expected = "findet" if wanted else "findet nicht"
                    problems.append(
                        f"Begriff {name}: Beispiel ({kind}) erwartet '{expected}': {text!r}"
                    )
    return problems
