"""Terminal report: order by what to do, verdict, plurals, width, summary and escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.cli import main
from lbcheck.gate import exit_code
from lbcheck.models import Report, Severity, Status
from lbcheck.reporters.safe_text import clean
from lbcheck.reporters.terminal import TerminalReporter
from tests.reporters.sample import HOSTILE, criterion, document, report, unreadable


def render(rep: Report, width: int = 100, color: bool = False) -> str:
    return TerminalReporter(color=color, width=width).render(rep)


def test_sections_in_the_order_of_what_to_do() -> None:
    text = render(report())
    heads = ["Fazit:", "Ändern:", "Ergänzen:", "Schärfen:", "In Ordnung:", "eForms"]
    positions = [text.index(h) for h in heads]
    assert positions == sorted(positions)


def test_verdict_counts_and_german_plurals() -> None:
    text = render(report())
    assert "Fazit: 1 Stelle ändern, 2 Kriterien ergänzen, 2 Formulierungen schärfen." in text
    assert "Ändern: 1 Stelle\n" in text
    assert "Ergänzen: 2 Kriterien fehlen" in text
    assert "In Ordnung: 1 Kriterium erfüllt" in text


def test_nothing_to_do_verdict() -> None:
    doc = document()
    doc = type(doc)(
        path="ok.md",
        status="ok",
        format="markdown",
        criteria=(criterion("BUE-01", Status.MET, "Papier muss Altpapier sein."),),
    )
    assert "Fazit: Nichts zu tun" in render(Report((doc,)))


def test_each_sentence_once_with_all_its_rules() -> None:
    text = render(report())
    assert text.count("Stabilo-Marker") == 1
    spot = text[text.index("Stabilo-Marker") : text.index("Ergänzen:")]
    assert "VR-01" in spot and "VR-06" in spot
    # The second VR-06 place refers back instead of repeating the advice.
    assert "wie oben bei VR-06" in text
    assert text.count("Besser so: Der Auftragnehmer muss X.") == 2  # VR-01 and VR-06, once each


def test_met_and_weak_criteria_show_their_sentence() -> None:
    text = render(report())
    assert "„Papier muss aus 100 % Altpapier sein.“" in text
    weak = text[text.index("„Umschläge sollten aus Recyclingpapier sein.“") :]
    assert weak.index("BUE-02 Titel BUE-02 – schwach") < weak.index("Textbaustein BUE-02.")
    assert "Textbaustein BUE-04." in text


def test_not_applicable_criteria_are_not_listed() -> None:
    assert "ILO-01" not in render(report())


def test_eforms_codes_carry_their_german_meaning() -> None:
    text = render(report())
    assert "BT-774 Umweltauswirkung = circ-econ (Übergang zu einer Kreislaufwirtschaft)" in text


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_fits_the_width(width: int) -> None:
    text = render(report(document(), unreadable()), width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_summary_counts_what_the_exit_code_counts() -> None:
    # Only a missing criterion: before, the summary said "0 Fehler, 0 Warnung" with exit 1.
    doc = type(document())(
        path="a.md", status="ok", format="markdown", criteria=(criterion("BUE-04", Status.MISSING),)
    )
    rep = Report((doc,))
    text = render(rep)
    assert "0 Fehler, 1 Warnung, 0 Hinweise" in text
    assert exit_code(rep, "warning") == 1
    assert exit_code(rep, "error") == 0
    strict = Report(
        (
            type(doc)(
                path="a.md",
                status="ok",
                criteria=(criterion("BUE-04", Status.MISSING, severity=Severity.ERROR),),
            ),
        )
    )
    assert "1 Fehler, 0 Warnungen" in render(strict)
    assert exit_code(strict, "error") == 1


def test_summary_plurals_and_unreadable_files() -> None:
    text = render(report(document(), unreadable()))
    assert " ".join(text.split()).endswith(
        "2 Dokumente geprüft, 1 nicht lesbar: 2 Fehler, 4 Warnungen, 0 Hinweise (3 Befunde, "
        "2 fehlende Kriterien, 1 nicht lesbare Datei)."
    )
    assert "Nicht geprüft [corrupt]: Die Datei ist beschädigt." in text


@pytest.mark.parametrize("color", [False, True])
def test_untrusted_text_is_neither_markup_nor_control(color: bool) -> None:
    rep = report(
        document(path=f"lb{HOSTILE}.md", excerpt=HOSTILE), unreadable(f"x\x1b[2J{HOSTILE}")
    )
    text = render(rep, color=color)
    for bad in ("\x07", "\x9b", "\u202e", "\x1b]", "\x1b[2J"):
        assert bad not in text
    assert "[netto]" in text and "[/]" in text and "[bold]" in text
    if not color:
        assert "\x1b" not in text
        assert "\\x1b]0;title\\x07" in text
        assert "\\u202eevil" in text


def test_clean_keeps_ordinary_text() -> None:
    assert clean("Größe ≥ 80 g/m² – „ok“ [netto]") == "Größe ≥ 80 g/m² – „ok“ [netto]"
    assert clean("a\tb\nc") == "a b c"


def test_cli_scan_of_a_hostile_markdown_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "lb[x]\x1b]0;x\x07.md"
    name.write_text(
        "# Leistung [/] und [netto]\n\nDer Preis ist [netto] anzugeben \u202e.\n\n"
        "Papier sollte möglichst umweltfreundlich sein [/].\n",
        encoding="utf-8",
    )
    code = main(["scan", str(name), "--jobs", "1"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "[netto]" in out and "[/]" in out


def test_weak_criterion_joins_the_finding_on_its_sentence() -> None:
    from dataclasses import replace

    from lbcheck.models import Modality, Place
    from tests.reporters.sample import finding

    doc = document()
    wish = doc.criteria[1].evidence[0]
    doc = replace(
        doc,
        findings=(*doc.findings, finding("VR-04", Severity.WARNING, wish.excerpt, wish.location)),
    )
    assert wish.place is Place.LEISTUNG and wish.modality is Modality.WEAK
    text = render(Report((doc,)))
    assert text.count(wish.excerpt) == 1
    spot = text[text.index(wish.excerpt) :]
    assert spot.index("VR-04") < spot.index("BUE-02")
    assert "Fazit: 1 Stelle ändern, 2 Kriterien ergänzen, 2 Formulierungen schärfen." in text
