"""The pure core on documents built in the tests: matching, statuses, findings, places."""

from __future__ import annotations

from lbcheck.criteria.loader import Catalogue, parse_set
from lbcheck.engine.compiled import CompiledEntry, compile_catalogue
from lbcheck.engine.evaluate import check_document
from lbcheck.engine.subject import detect_subjects, subjects_from_cpv
from lbcheck.models import Block, BlockKind, Document, Location, Status

TOY_SET = """
set: toy
title: Testset
description: Ein kleines Set für Tests.
dimension: umwelt
applies_to: [buero]
entries:
  - code: TOY-01
    name: toy-recyclingpapier
    title: Recyclingpapier
    dimension: umwelt
    patterns:
      - phrases: [Recyclingpapier, "100 % Altpapier"]
    message: Recyclingpapier fehlt in der Leistungsbeschreibung.
    rationale: Weil es gut für die Umwelt ist (§ 45 KrWG).
    legal_basis: [{ref: "§ 45 KrWG", source: "https://www.gesetze-im-internet.de/krwg/__45.html"}]
    model_clause: Das Papier muss aus 100 % Altpapier bestehen.
    proof: Blauer Engel oder gleichwertig.
    examples: {pass: ["Recyclingpapier ist zu liefern."], fail: ["Papier ist zu liefern."]}
  - code: TOY-02
    name: toy-lieferkette
    title: Lieferkette
    dimension: sozial
    patterns:
      - phrases: [Lieferant, Nachunternehmer]
        requires:
          - phrases: [ILO-Kernarbeitsnorm]
            within: section
        unless:
          - regex: ['Mindestlohn']
    message: Die Lieferkette ist nicht einbezogen.
    rationale: Weil Pflichten sonst an der Grenze enden (§ 128 GWB).
    legal_basis: [{ref: "§ 128 GWB", source: "https://www.gesetze-im-internet.de/gwb/__128.html"}]
    model_clause: Der Auftragnehmer hat seine Lieferanten zu verpflichten.
    proof: Eigenerklärung.
    examples: {pass: ["a b c"], fail: ["d e f"]}
  - code: TOY-03
    name: toy-garantie
    title: Garantie
    dimension: umwelt
    patterns:
      - phrases: [Garantie]
        near:
          - regex: ['\\b(?:Jahr|Monat)\\w*']
            tokens: 3
        headings: ['Leistung']
    message: Keine verlängerte Garantie.
    rationale: Langlebigkeit spart Ressourcen (§ 45 KrWG).
    legal_basis: [{ref: "§ 45 KrWG", source: "https://www.gesetze-im-internet.de/krwg/__45.html"}]
    model_clause: Die Garantie beträgt mindestens fünf Jahre.
    proof: Garantieerklärung.
    examples: {pass: ["a b c"], fail: ["d e f"]}
"""


def _compiled() -> tuple[CompiledEntry, ...]:
    return compile_catalogue(Catalogue((parse_set(TOY_SET, "toy.yaml"),)))


def _doc(*paragraphs: str | tuple[str, tuple[str, ...]]) -> Document:
    blocks = []
    for i, p in enumerate(paragraphs, 1):
        text, section = (p, ()) if isinstance(p, str) else p
        blocks.append(Block(BlockKind.PARAGRAPH, text, Location(paragraph=i, section=section)))
    return Document("t.docx", "docx", tuple(blocks))


ABSENT = {Status.MISSING, Status.NOT_APPLICABLE}


def _status(doc: Document, code: str) -> Status:
    report = check_document(doc, _compiled())
    return next(c.status for c in report.criteria if c.code == code)


def test_phrases_match_inflections_and_hyphenated_compounds() -> None:
    assert (
        _status(_doc("Die Lieferung des Recyclingpapiers muss wöchentlich erfolgen."), "TOY-01")
        is Status.MET
    )
    assert _status(_doc("Es ist Recycling-Papier zu liefern."), "TOY-01") is Status.MET


def test_weak_wording_gives_weak_and_negation_gives_nothing() -> None:
    assert _status(_doc("Recyclingpapier wäre wünschenswert."), "TOY-01") is Status.WEAK
    assert _status(_doc("Recyclingpapier wird nicht gefordert."), "TOY-01") in ABSENT


def test_weak_words_in_a_scored_award_criterion_are_met() -> None:
    doc = _doc(
        (
            "Wünschenswert ist Recyclingpapier: je höher der Anteil, desto mehr Punkte.",
            ("9 Zuschlagskriterien",),
        ),
    )
    assert _status(doc, "TOY-01") is Status.MET


def test_applicability_from_subject() -> None:
    office = _doc("CPV 30192000-1 Büroartikel. Kopierpapier wird geliefert.")
    other = _doc("CPV 45000000-7 Bauarbeiten für ein Schulgebäude.")
    assert _status(office, "TOY-01") is Status.MISSING
    assert _status(other, "TOY-01") is Status.NOT_APPLICABLE


def test_requires_within_section_and_unless() -> None:
    ilo = ("5 Soziale Anforderungen",)
    doc = _doc(
        ("Die Waren sind unter Einhaltung der ILO-Kernarbeitsnormen herzustellen.", ilo),
        ("Der Auftragnehmer hat seine Lieferanten entsprechend zu verpflichten.", ilo),
    )
    assert _status(doc, "TOY-02") is Status.MET
    elsewhere = _doc(
        (
            "Die Waren sind unter Einhaltung der ILO-Kernarbeitsnormen herzustellen.",
            ("5 Soziales",),
        ),
        ("Der Auftragnehmer hat seine Lieferanten zu benennen.", ("6 Lieferung",)),
    )
    assert _status(elsewhere, "TOY-02") in ABSENT
    wage = _doc(
        ("Die ILO-Kernarbeitsnormen gelten. Nachunternehmer müssen den Mindestlohn zahlen.", ilo),
    )
    assert _status(wage, "TOY-02") in ABSENT


def test_evidence_carries_location_place_and_advice_only_when_needed() -> None:
    doc = _doc(
        ("Rahmenvertrag Büromaterial, CPV 30192000-1.", ("1 Gegenstand",)),
        ("Recyclingpapier ist zu liefern.", ("3 Leistung", "3.2 Papier")),
    )
    report = check_document(doc, _compiled())
    met = next(c for c in report.criteria if c.code == "TOY-01")
    assert met.advice is None
    assert met.evidence[0].location.section == ("3 Leistung", "3.2 Papier")
    assert met.evidence[0].place.value == "leistungsbeschreibung"
    missing = next(c for c in report.criteria if c.code == "TOY-02")
    assert missing.status is Status.MISSING
    assert missing.advice is not None and "verpflichten" in missing.advice.model_clause


def test_builtin_rules_locate_findings(compiled: tuple[CompiledEntry, ...]) -> None:
    doc = _doc(
        ("Das Papier muss das Umweltzeichen Blauer Engel tragen.", ("3 Papier",)),
        ("Die Anlieferung sollte möglichst in Mehrwegkisten erfolgen.", ("4 Lieferung",)),
    )
    report = check_document(doc, compiled)
    codes = [(f.code, f.location.paragraph) for f in report.findings]
    assert ("VR-03", 1) in codes
    assert ("VR-04", 2) in codes
    fingerprints = {f.fingerprint for f in report.findings}
    assert len(fingerprints) == len(report.findings)


def test_general_equivalence_clause_silences_vr03(compiled: tuple[CompiledEntry, ...]) -> None:
    doc = _doc(
        ("Das Papier muss das Umweltzeichen Blauer Engel tragen.", ("3 Papier",)),
        ("Für alle Nachweise gilt:", ("8 Nachweise",)),
        ("Gleichwertige Gütezeichen werden anerkannt.", ("8 Nachweise",)),
    )
    assert not [f for f in check_document(doc, compiled).findings if f.code == "VR-03"]


def test_output_is_deterministic(compiled: tuple[CompiledEntry, ...]) -> None:
    doc = _doc(
        "Kopierpapier muss aus Recyclingpapier bestehen.",
        "Es sollte möglichst regional geliefert werden.",
    )
    assert check_document(doc, compiled) == check_document(doc, compiled)


def test_subject_from_cpv_and_vocabulary() -> None:
    assert subjects_from_cpv("CPV 90911200-8 Gebäudereinigung") == ["reinigung"]
    assert subjects_from_cpv("30213100-6 und 72000000-5") == ["it-hardware", "it-dienstleistung"]
    from lbcheck.engine.segments import segment

    doc = _doc(
        "Die Unterhaltsreinigung umfasst die Reinigung der Büros.",
        "Reinigungsmittel müssen mild sein.",
    )
    assert detect_subjects(segment(doc)).names == ("reinigung",)


def test_near_counts_words_and_headings_scope_the_pattern() -> None:
    leistung = ("3 Leistungsumfang",)
    close = _doc(("Der Auftragnehmer gewährt eine Garantie von fünf Jahren ab Abnahme.", leistung))
    far = _doc(
        (
            "Die Garantie richtet sich nach den allgemeinen Regeln; "
            "die Laufzeit beträgt drei Jahre.",
            leistung,
        )
    )
    elsewhere = _doc(("Der Auftragnehmer gewährt eine Garantie von fünf Jahren.", ("8 Vertrag",)))
    assert _status(close, "TOY-03") is Status.MET
    assert _status(far, "TOY-03") in ABSENT
    assert _status(elsewhere, "TOY-03") in ABSENT


def test_list_items_are_governed_by_their_lead_in(compiled: tuple[CompiledEntry, ...]) -> None:
    blocks = (
        Block(BlockKind.PARAGRAPH, "Nicht eingesetzt werden dürfen", Location(paragraph=1)),
        Block(BlockKind.LIST_ITEM, "chlorabspaltende Reinigungsmittel,", Location(paragraph=2)),
        Block(BlockKind.LIST_ITEM, "Duftspender und WC-Steine.", Location(paragraph=3)),
    )
    report = check_document(Document("t.md", "markdown", blocks), compiled)
    assert not [f for f in report.findings if f.code == "VR-08"]
    krw09 = next(c for c in report.criteria if c.code == "KRW-09")
    assert krw09.status is Status.MET


def test_table_cells_know_their_column_header(compiled: tuple[CompiledEntry, ...]) -> None:
    def cell(text: str, row: int, column: int) -> Block:
        return Block(BlockKind.TABLE_CELL, text, Location(table=1, row=row, column=column))

    blocks = (
        cell("Komponente", 1, 1),
        cell("Bestand", 1, 2),
        cell("Datenbank", 2, 1),
        cell("Microsoft SQL Server 2017 Standard", 2, 2),
    )
    report = check_document(Document("t.md", "markdown", blocks), compiled)
    assert not [f for f in report.findings if f.code == "VR-01"]


def test_a_brand_in_a_verbless_line_is_a_warning_not_an_error(
    compiled: tuple[CompiledEntry, ...],
) -> None:
    """Precision first: only a sentence that requires the brand gets the error level."""
    from lbcheck.app.examples import example_document

    required = check_document(
        example_document("Als Datenbanksystem ist Oracle Database 19c einzusetzen."), compiled
    )
    named = check_document(
        example_document("Datenbanksystem: Oracle Database 19c, 20 Lizenzen."), compiled
    )
    assert [f.severity.value for f in required.findings if f.code == "VR-01"] == ["error"]
    assert [f.severity.value for f in named.findings if f.code == "VR-01"] == ["warning"]


def test_look_alike_letters_change_no_status(compiled: tuple[CompiledEntry, ...]) -> None:
    """Cyrillic 'е' for every Latin 'e' (wording, regexes and phrases all see Latin letters)."""
    from pathlib import Path

    from lbcheck.ingest import read_document

    example = Path(__file__).resolve().parents[1] / "examples" / "lb_bueromaterial.md"
    doc = read_document(example, "lb.md")
    spoofed = type(doc)(
        doc.path,
        doc.format,
        tuple(type(b)(b.kind, b.text.replace("e", "\u0435"), b.location) for b in doc.blocks),
    )
    plain = {c.code: c.status for c in check_document(doc, compiled).criteria}
    tricked = {c.code: c.status for c in check_document(spoofed, compiled).criteria}
    assert tricked == plain


def _toy01(*blocks: Block) -> Status:
    report = check_document(Document("t.md", "markdown", blocks), _compiled())
    return next(c.status for c in report.criteria if c.code == "TOY-01")


def test_the_buyers_own_hedge_outweighs_an_unmarked_mention() -> None:
    """A list item naming the topic is no firmer than the sentence that says "sollte"."""
    mention = Block(BlockKind.LIST_ITEM, "Recyclingpapier", Location(paragraph=2))
    hedge = Block(
        BlockKind.PARAGRAPH, "Recyclingpapier sollte verwendet werden.", Location(paragraph=1)
    )
    binding = Block(
        BlockKind.PARAGRAPH, "Recyclingpapier muss verwendet werden.", Location(paragraph=1)
    )
    limit = Block(
        BlockKind.LIST_ITEM, "Recyclingpapier (mind. 80 % Altpapier)", Location(paragraph=3)
    )
    assert _toy01(mention) is Status.MET
    assert _toy01(hedge, mention) is Status.WEAK
    assert _toy01(binding, mention) is Status.MET
    assert _toy01(hedge, mention, limit) is Status.MET
