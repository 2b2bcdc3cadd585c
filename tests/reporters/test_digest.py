"""The buyer's view shared by terminal, HTML and annotated documents: why a criterion is weak,
the lines on top, and the order the golden files of the examples show."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from lbcheck.models import Modality, Place, Report, Status
from lbcheck.reporters.digest import placement_rows, sets_line, shown_evidence, weak_reason
from lbcheck.reporters.html import HtmlReporter
from lbcheck.reporters.terminal import TerminalReporter
from tests.reporters.sample import criterion, document, report

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "examples" / "expected"
ORDER = ["Fazit:", "Ändern:", "Ergänzen:", "Schärfen:", "In Ordnung:", "Für Vergabestatistik"]


def weak(modality: Modality, place: Place = Place.LEISTUNG) -> object:
    c = criterion("BUE-02", Status.WEAK, "Umschläge aus Recyclingpapier.")
    return replace(c, evidence=(replace(c.evidence[0], modality=modality, place=place),))


@pytest.mark.parametrize(
    ("modality", "place", "reason"),
    [
        (Modality.WEAK, Place.LEISTUNG, "nur als Wunsch formuliert, nicht verbindlich"),
        (Modality.AMBIGUOUS, Place.ZUSCHLAG, "nur als Wunsch formuliert, nicht verbindlich"),
        (
            Modality.STATEMENT,
            Place.ZUSCHLAG,
            "soll in die Wertung einfließen, aber ohne Gewichtung oder Punkte",
        ),
        (Modality.STATEMENT, Place.LEISTUNG, "nur erwähnt, nicht als Anforderung gestellt"),
    ],
)
def test_weak_criteria_say_why(modality: Modality, place: Place, reason: str) -> None:
    c = weak(modality, place)
    assert weak_reason(c) == reason  # type: ignore[arg-type]
    doc = replace(document(), criteria=(c,), findings=())  # type: ignore[arg-type]
    terminal = " ".join(TerminalReporter(width=200).render(Report((doc,))).split())
    assert f"BUE-02 Titel BUE-02 – schwach: {reason}" in terminal
    page = lxml.html.document_fromstring(HtmlReporter().render(Report((doc,))))
    rule = " ".join(page.xpath("string(//li[@class='spot']//div[@class='rule']/p)").split())
    assert rule == f"BUE-02 Titel BUE-02 schwach: {reason}"


def test_verdict_comes_first_under_the_documents_name() -> None:
    lines = TerminalReporter(width=100).render(report()).splitlines()
    assert lines[0].startswith("lb.md ─")
    assert lines[1].startswith("Fazit: 1 Stelle ändern")
    page = lxml.html.document_fromstring(HtmlReporter().render(report()))
    first = page.xpath("//section[@id='dok-1']/h2/following-sibling::*[1]")[0]
    assert first.get("class") == "verdict" and first.text_content().startswith("Fazit: ")


def test_sets_not_asked_for_are_explained() -> None:
    assert sets_line(document()) == (
        "Geprüft nach: Büromaterial. Für diesen Gegenstand nicht verlangt, daher nur gefundene "
        "Stellen: ILO-Kernarbeitsnormen."
    )
    assert sets_line(replace(document(), sets=(("buero", True),))) == "Geprüft nach: Büromaterial."


@pytest.mark.parametrize("example", ["lb_bueromaterial.md", "lb_reinigung.docx"])
def test_golden_files_show_what_to_do_first(example: str) -> None:
    terminal = (EXPECTED / f"{example}.terminal.txt").read_text(encoding="utf-8")
    heads = [line for line in terminal.splitlines() if line.startswith(tuple(ORDER))]
    assert [next(o for o in ORDER if h.startswith(o)) for h in heads] == ORDER
    assert terminal.splitlines()[1].startswith("Fazit: ")
    page = lxml.html.document_fromstring(
        (EXPECTED / f"{example}.html.html").read_text(encoding="utf-8")
    )
    shown = [page.xpath("string(//p[@class='verdict'])")]
    groups = page.xpath("//details[contains(@class,'group')]/summary")
    shown += [" ".join(s.text_content().split()) for s in groups]
    assert [next(o for o in ORDER if s.startswith(o)) for s in shown] == ORDER


@pytest.mark.parametrize("width", [80, 120])
def test_the_examples_report_fits_the_terminal(width: int) -> None:
    from tests.test_golden import EXAMPLES, _report

    for example in EXAMPLES:
        lines = TerminalReporter(width=width).render(_report(example)).splitlines()
        assert max(len(line) for line in lines) <= width, example.name
        assert lines[1].startswith("Fazit: ")


def test_a_met_criterion_shows_a_sentence_that_meets_it() -> None:
    from lbcheck.models import Evidence, Location

    here = Place.LEISTUNG
    wish = Evidence(Location(line=3), "Umschläge sollten aus Altpapier sein.", here, Modality.WEAK)
    must = Evidence(Location(line=5), "Archivboxen müssen aus Karton sein.", here, Modality.BINDING)
    met = replace(criterion("BUE-02", Status.MET, "x"), evidence=(wish, must))
    assert shown_evidence(met) == must
    doc = replace(document(), criteria=(met,), findings=())
    terminal = TerminalReporter(width=200).render(Report((doc,)))
    assert "„Archivboxen müssen aus Karton sein.“" in terminal and "sollten" not in terminal
    assert "Zeile 5 (Leistungsbeschreibung) und 1 Fundstelle mehr" in terminal
    page = lxml.html.document_fromstring(HtmlReporter().render(Report((doc,))))
    shown = page.xpath("string(//li[@class='criterion']/blockquote)")
    assert shown == "„Archivboxen müssen aus Karton sein.“"
    # A weak criterion has only wishes: its first sentence is the one shown.
    assert shown_evidence(replace(met, status=Status.WEAK)) == wish


def test_placement_in_the_words_of_the_statistics() -> None:
    placement = (("leistungsbeschreibung", ("sozial", "umwelt")), ("zuschlag", ()))
    doc = replace(document(), placement=placement)
    assert placement_rows(doc) == [
        ("Leistungsbeschreibung", "sozial, umweltbezogen"),
        ("Zuschlag", "–"),
    ]
    terminal = TerminalReporter(width=100).render(Report((doc,)))
    assert "   Leistungsbeschreibung: sozial, umweltbezogen\n   Zuschlag: –\n" in terminal
    page = lxml.html.document_fromstring(HtmlReporter().render(Report((doc,))))
    rows = [[td.text_content() for td in tr.findall("td")] for tr in page.xpath("//tbody/tr")]
    assert rows == [["Leistungsbeschreibung", "sozial, umweltbezogen"], ["Zuschlag", "–"]]
