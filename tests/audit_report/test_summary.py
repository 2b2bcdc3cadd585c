"""The audit summary: numbers counted by hand, order independence, one pass, flat memory."""

from __future__ import annotations

import gc
import random
import tracemalloc
from collections import Counter
from collections.abc import Iterator

from lbcheck.audit.summary import AuditSummary, summarize
from lbcheck.models import RuleInfo
from lbcheck.reporters.json_model import JsonDocument
from tests.audit_report.conftest import RULES, document, finding, hand_counted


def test_counts_by_hand() -> None:
    s = summarize(hand_counted(), RULES)
    assert (s.documents, s.ok, s.errors, s.pages) == (4, 3, 1, 42)
    assert s.errors_by_code == {"encrypted": 1}
    assert s.findings == {"error": 3, "warning": 1, "info": 0}


def test_coverage_per_criterion_by_set() -> None:
    s = summarize(hand_counted(), RULES)
    assert [(c.set, c.documents) for c in s.coverage] == [("alpha", 3), ("beta", 2)]
    rows = {
        c.code: (c.met, c.weak, c.missing, c.not_applicable, c.applicable)
        for cov in s.coverage
        for c in cov.criteria
    }
    assert rows == {
        "A-01": (2, 1, 0, 0, 3),
        "A-02": (2, 0, 1, 0, 3),
        "B-01": (1, 0, 1, 1, 2),
    }


def test_a_criterion_no_document_mentions_is_listed_with_zeros() -> None:
    extra = RuleInfo(
        "B-02", "neu", "beta", "criterion", "sozial", RULES[0].severity, RULES[0].advice
    )
    s = summarize(hand_counted(), (*RULES, extra))
    beta = next(c for c in s.coverage if c.set == "beta")
    assert [(c.code, c.applicable, c.not_applicable) for c in beta.criteria] == [
        ("B-01", 2, 1),
        ("B-02", 0, 0),
    ]


def test_documents_by_sets_matrix() -> None:
    s = summarize(hand_counted(), RULES)
    assert [r.path for r in s.matrix] == [
        "amt-a/moebel.md",
        "amt-a/papier.pdf",
        "amt-b/reinigung.pdf",
        "amt-c/geheim.pdf",
    ]
    shares = {r.path: {x.set: x.share for x in r.sets} for r in s.matrix}
    assert shares["amt-a/papier.pdf"] == {"alpha": 0.5, "beta": None, "recht": None}
    assert shares["amt-b/reinigung.pdf"] == {"alpha": 0.5, "beta": 0.0, "recht": None}
    assert shares["amt-a/moebel.md"] == {"alpha": 1.0, "beta": 1.0}
    assert shares["amt-c/geheim.pdf"] == {}
    by_path = {r.path: r for r in s.matrix}
    assert by_path["amt-c/geheim.pdf"].error == "encrypted"
    assert [(r.missing, r.weak) for r in s.matrix] == [(0, 0), (1, 0), (1, 1), (0, 0)]
    assert by_path["amt-a/papier.pdf"].findings == {"error": 2, "warning": 0, "info": 0}


def test_most_frequent_rule_findings() -> None:
    s = summarize(hand_counted(), RULES)
    top = [(r.code, r.title, r.severity, r.count, r.documents) for r in s.top_findings]
    assert top == [("R-01", "Marke", "error", 3, 2), ("R-02", "Weich", "warning", 1, 1)]
    examples = [(e.path, e.excerpt) for e in s.top_findings[0].examples]
    assert examples == [
        ("amt-a/papier.pdf", "Toner der Marke X"),
        ("amt-b/reinigung.pdf", "Marke Z"),
    ]


def test_examples_are_capped_and_stable() -> None:
    docs = [document(f"d{i:02}.md", {}, [finding("R-01", f"Marke {i}")]) for i in range(9)]
    s = summarize(reversed(docs), RULES)
    assert [e.path for e in s.top_findings[0].examples] == ["d00.md", "d01.md", "d02.md"]


def test_statistics_and_eforms_per_place() -> None:
    s = summarize(hand_counted(), RULES)
    places = [(p.place, p.documents, p.dimensions) for p in s.places]
    assert places == [
        ("leistungsbeschreibung", 2, {"umwelt": 2}),
        ("eignung", 0, {}),
        ("zuschlag", 1, {"sozial": 1, "umwelt": 1}),
        ("ausfuehrungsbedingung", 1, {"sozial": 1}),
    ]
    assert [p.label for p in s.places][-1] == "Ausführungsbedingung"
    eforms = [(e.field, e.code, e.documents) for e in s.eforms]
    assert eforms == [("BT-06", "env-imp", 3), ("BT-06", "soc-obj", 2), ("BT-774", "circ-econ", 1)]
    assert s.eforms[0].label.startswith("BT-06 Strategische Beschaffung = env-imp")


def test_subjects_count() -> None:
    s = summarize(hand_counted(), RULES)
    assert [(x.subject, x.documents, x.uncertain) for x in s.subjects] == [
        ("buero", 2, 0),
        ("moebel", 1, 0),
        ("reinigung", 1, 1),
    ]
    assert s.subjects[0].label != "buero"  # the German label from criteria/subjects.yaml


def test_same_summary_in_any_order_and_from_a_one_shot_iterator() -> None:
    docs = hand_counted()
    shuffled = docs[:]
    random.Random(4).shuffle(shuffled)
    once: Iterator[JsonDocument] = iter(shuffled)
    assert summarize(once, RULES) == summarize(docs, RULES)
    assert next(once, None) is None


def test_report_json_reads_back() -> None:
    s = summarize(hand_counted(), RULES)
    text = s.model_dump_json(indent=2)
    assert AuditSummary.model_validate_json(text) == s
    assert '"rules"' in text and "Der Auftragnehmer liefert nur Recyclingpapier." in text


def test_real_scan_agrees_with_the_scan_report(
    scanned: tuple[list[JsonDocument], tuple[RuleInfo, ...]],
) -> None:
    docs, rules = scanned
    s = summarize(docs, rules)
    assert (s.documents, s.ok, s.errors) == (6, 5, 1)
    assert s.errors_by_code == {"not-found": 1}
    severities = Counter(f.severity for d in docs for f in d.findings)
    assert s.findings == {k: severities[k] for k in ("error", "warning", "info")}
    statuses = Counter((c.code, c.status) for d in docs for c in d.criteria)
    for cov in s.coverage:
        for c in cov.criteria:
            counted = (c.met, c.weak, c.missing, c.not_applicable)
            expected = tuple(
                statuses[(c.code, st)] for st in ("met", "weak", "missing", "not_applicable")
            )
            assert counted == expected, c.code
    criteria = [r.code for r in rules if r.kind == "criterion"]
    assert [c.code for cov in s.coverage for c in cov.criteria] == criteria
    assert sum(r.count for r in s.top_findings) == sum(severities.values())


def _many(n: int) -> Iterator[JsonDocument]:
    excerpt = "Lieferung von Recyclingpapier der Marke X oder gleichwertig. " * 30
    for i in range(n):
        yield document(
            f"amt-{i % 7}/lb-{i:05}.pdf",
            {"A-01": "met", "A-02": "missing", "B-01": "weak"},
            [finding("R-01", f"{excerpt} {i}", line=j) for j in range(8)],
            sets={"alpha": True, "beta": True},
            pages=30,
        )


def test_memory_stays_flat_over_many_documents() -> None:
    """Each document here carries about 15 kB of excerpts; the summary may keep only a row."""

    def peak(n: int) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            summary = summarize(_many(n), RULES)
            assert summary.documents == n
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(50), peak(550)
    per_document = (large - small) / 500
    # A kept document would cost well over 15 kB; its row of counts costs about 4 kB.
    assert per_document < 6000, f"{per_document:.0f} bytes kept per document"
