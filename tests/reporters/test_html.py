"""HTML report: structure, accessibility, self-containment and escaping (parsed with lxml)."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from dataclasses import replace

import lxml.html
import pytest

from lbcheck.models import Advice, Report
from lbcheck.reporters.html import HtmlReporter
from lbcheck.reporters.terminal import TerminalReporter
from tests.reporters.sample import HOSTILE, document, report, unreadable

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def parse(rep: Report) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(HtmlReporter().render(rep))


def test_landmarks_language_and_title() -> None:
    page = parse(report(document(), unreadable()))
    assert page.get("lang") == "de"
    for tag in ("header", "nav", "main", "footer"):
        assert len(page.findall(f".//{tag}")) == 1, tag
    assert page.findtext(".//title") == "lbcheck-Bericht"
    assert page.xpath("string(//a[@class='skip']/@href)") == "#inhalt"


def test_heading_levels_never_skip() -> None:
    page = parse(report(document(), unreadable()))
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_sections_in_order_and_collapsible() -> None:
    page = parse(report())
    summaries = [" ".join(s.text_content().split()) for s in page.iter("summary")]
    groups = [s for s in summaries if not s.startswith("Warum")]
    assert groups == [
        "Ändern: 1 Stelle",
        "Ergänzen: 2 Kriterien fehlen",
        "Schärfen: 2 Formulierungen",
        "In Ordnung: 1 Kriterium erfüllt",
        "Für Vergabestatistik und eForms",
    ]
    details = page.xpath("//details[contains(@class,'group')]")
    assert [d.get("open") is not None for d in details] == [True, True, True, False, False]
    verdict = page.xpath("string(//p[@class='verdict'])")
    assert verdict == "Fazit: 1 Stelle ändern, 2 Kriterien ergänzen, 2 Formulierungen schärfen."


def test_every_textbaustein_has_a_copy_button_for_its_text() -> None:
    page = parse(report())
    buttons = page.xpath("//button[@data-copy]")
    # VR-01 and VR-06 advice once each, two missing and one weak criterion.
    assert len(buttons) == 5
    for b in buttons:
        target = page.get_element_by_id(b.get("data-copy"))
        assert target.text_content().strip()
        assert b.get("type") == "button"
    texts = {page.get_element_by_id(b.get("data-copy")).text_content() for b in buttons}
    assert {"Textbaustein BUE-04.", "Textbaustein BUE-05.", "Textbaustein BUE-02."} <= texts


def test_self_contained_and_locked_down() -> None:
    html = HtmlReporter().render(report())
    page = lxml.html.document_fromstring(html)
    assert not page.xpath("//link | //script[@src] | //img | //iframe | //object")
    assert "@import" not in html and "url(" not in html
    style = page.findtext(".//style")
    script = page.findtext(".//script")

    def sha(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    csp = page.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
    assert csp.startswith("default-src 'none'")
    assert f"style-src 'sha256-{sha(style)}'" in csp
    assert f"script-src 'sha256-{sha(script)}'" in csp


def test_print_styles_and_print_opens_folded_sections() -> None:
    html = HtmlReporter().render(report())
    assert "@media print" in html
    assert "beforeprint" in html


def test_hostile_text_is_escaped_everywhere() -> None:
    doc = document(path=f"lb{XSS}.md", excerpt=XSS + HOSTILE)
    bad_advice = Advice("t", "m", XSS, (("§ 1", "javascript:alert(3)"),), XSS, XSS)
    doc = replace(doc, rule_advice=(("VR-01", bad_advice),))
    html = HtmlReporter().render(report(doc))
    page = lxml.html.document_fromstring(html)
    assert len(page.findall(".//script")) == 1
    assert not page.findall(".//img")
    assert not [a for e in page.iter() for a in e.attrib if a.startswith("on")]
    assert not page.xpath("//a[starts-with(@href,'javascript')]")
    quote = page.xpath("string(//blockquote)")
    assert "<script>alert(1)</script>" in quote
    assert "[netto]" in quote
    assert "\x1b" not in html and "\x07" not in html and "\u202e" not in html
    assert "\\x1b]0;title\\x07" in quote
    assert XSS in page.xpath("string(//h2[@id='dok-1-titel'])")


def test_same_content_as_the_terminal_report() -> None:
    rep = report(document(), unreadable())
    page = parse(rep)
    text = " ".join(page.text_content().split())
    terminal = " ".join(TerminalReporter(width=10_000).render(rep).split())
    for phrase in (
        "1 Stelle ändern, 2 Kriterien ergänzen, 2 Formulierungen schärfen.",
        "2 Dokumente geprüft, 1 nicht lesbar: 2 Fehler, 4 Warnungen, 0 Hinweise",
        "„Es sind Stabilo-Marker zu liefern.“",
        "„Papier muss aus 100 % Altpapier sein.“",
        "Textbaustein BUE-04.",
        "BT-774 Umweltauswirkung = circ-econ (Übergang zu einer Kreislaufwirtschaft)",
        "Die Datei ist beschädigt.",
    ):
        assert phrase in text and phrase in terminal, phrase
    for code in re.findall(r"\b(?:VR|BUE)-\d\d\b", terminal):
        assert code in text


@pytest.mark.parametrize("n", [1, 2])
def test_navigation_only_for_several_documents(n: int) -> None:
    page = parse(report(*[document(path=f"d{i}.md") for i in range(n)]))
    assert len(page.findall(".//nav")) == (1 if n > 1 else 0)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_text_colours_have_a_contrast_of_at_least_4_5_to_1() -> None:
    from lbcheck.reporters.html.render import asset

    css = asset("styles.css")
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-f]{6})", css))
    colours["white"] = "#ffffff"
    pairs = [
        *((fg, bg) for fg in ("text", "muted", "focus", "ok") for bg in ("bg", "panel")),
        *(("white", bg) for bg in ("error", "warning", "info", "ok", "focus")),  # badges, button
    ]
    for fg, bg in pairs:
        light, dark = sorted((_luminance(colours[fg]), _luminance(colours[bg])), reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 4.5, f"--{fg} auf --{bg}: {ratio:.2f}:1"
    # Colour is never the only signal: every badge carries its word.
    page = parse(report())
    assert all(b.text_content().strip() for b in page.xpath("//span[contains(@class,'badge')]"))
