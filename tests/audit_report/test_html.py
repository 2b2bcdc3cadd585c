"""report.html of an audit, parsed with lxml: structure, numbers, self-containment, escaping."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections.abc import Iterator

import lxml.html

from lbcheck.audit.html import HEAT_MAX_ROWS, PAGE_SIZE, render_audit_html
from lbcheck.audit.summary import summarize
from lbcheck.models import RuleInfo
from lbcheck.reporters.json_model import JsonDocument
from tests.audit_report.conftest import RULES, document, finding, hand_counted


def page_of(docs: list[JsonDocument], rules: tuple[RuleInfo, ...] = RULES) -> str:
    return render_audit_html(summarize(docs, rules), iter(docs))


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def test_landmarks_title_and_headings() -> None:
    page = parse(page_of(hand_counted()))
    assert page.get("lang") == "de"
    for tag in ("header", "nav", "main", "footer"):
        assert len(page.findall(f".//{tag}")) == 1, tag
    assert page.findtext(".//title") == "lbcheck-Auditbericht: 4 Dokumente"
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    headings = [text(h) for h in page.iter("h2")]
    assert headings[1:] == [
        "Überblick",
        "Abdeckung der Kriterien",
        "Dokumente und Sets",
        "Häufigste Befunde",
        "Vergabestatistik und eForms",
        "Alle Dokumente",
        "Befunde je Dokument",
        "Textbausteine",
    ]
    summary = text(page.xpath("//p[@class='summary-line']")[0])
    assert summary.startswith("4 Dokumente, davon 3 geprüft und 1 nicht lesbare Datei; 42 Seiten")
    assert summary.endswith("Befunde: 3 Fehler, 1 Warnung, 0 Hinweise.")


def test_self_contained_and_scripts_allowed_by_hash_only() -> None:
    html = page_of(hand_counted())
    page = parse(html)
    assert not page.xpath("//link | //img | //iframe | //object | //*[@src]")
    scripts = page.xpath("//script")
    assert len(scripts) == 1
    csp = page.xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
    digest = hashlib.sha256(scripts[0].text.encode("utf-8")).digest()
    assert f"script-src 'sha256-{base64.b64encode(digest).decode()}'" in csp
    assert "default-src 'none'" in csp
    assert "dokumente-tabelle" in scripts[0].text  # the audit script is part of the hashed one
    for href in page.xpath("//a/@href"):
        assert href.startswith(("#", "https://", "http://")), href


def test_coverage_table_and_bars() -> None:
    page = parse(page_of(hand_counted()))
    rows = page.xpath("//table[@class='coverage']//tbody/tr")
    cells = {
        text(r.xpath("th")[0]).split()[0]: [text(td) for td in r.xpath("td")][:4] for r in rows
    }
    assert cells == {
        "A-01": ["2", "1", "0", "0"],
        "A-02": ["2", "0", "1", "0"],
        "B-01": ["1", "0", "1", "1"],
    }
    a01 = rows[0]
    widths = [(r.get("class"), float(r.get("width"))) for r in a01.xpath(".//svg/rect")]
    assert widths == [("bar-bg", 240.0), ("cov-met", 160.0), ("cov-weak", 80.0)]
    assert text(a01.xpath("td")[-1]) == "67 %"


def test_heat_map_one_cell_per_document_and_set() -> None:
    page = parse(page_of(hand_counted()))
    svg = page.xpath("//svg[@class='heatmap']")[0]
    assert svg.get("role") == "img"
    cells = svg.xpath(".//rect[title]")
    assert len(cells) == 4 * 2
    titled = {r.findtext("title"): r.get("class") for r in cells}
    assert titled["amt-a/papier.pdf – alpha: 50 %"] == "heat-2"
    assert titled["amt-a/papier.pdf – beta: –"] == "heat-na"
    assert titled["amt-a/moebel.md – beta: 100 %"] == "heat-4"
    assert titled["amt-c/geheim.pdf – alpha: nicht lesbar"] == "heat-error"
    labels = [t.text for t in svg.xpath(".//text[@class='heat-label']")]
    assert labels == [
        "amt-a/moebel.md",
        "amt-a/papier.pdf",
        "amt-b/reinigung.pdf",
        "amt-c/geheim.pdf",
    ]


def test_heat_map_groups_neighbours_when_there_are_many() -> None:
    docs = [
        document(f"amt/{i:04}.md", {"A-01": "met" if i < 300 else "missing"}) for i in range(450)
    ]
    page = parse(render_audit_html(summarize(docs, RULES), iter(())))
    cells = page.xpath("//svg[@class='heatmap']//rect[title]")
    assert len(cells) == 450 // 3 * 2 <= HEAT_MAX_ROWS * 2
    first = cells[0].findtext("title")
    assert first == "amt/0000.md … amt/0002.md (3 Dokumente) – alpha: 100 %"
    assert cells[-2].findtext("title").endswith("– alpha: 0 %")
    assert "je 3 im Pfad benachbarte Dokumente" in text(page.get_element_by_id("matrix-text"))


def test_top_findings_and_statistics() -> None:
    page = parse(page_of(hand_counted()))
    top = page.xpath("//table[@class='top']/tbody/tr")
    assert [text(r.xpath("th")[0]).split()[0] for r in top] == ["R-01", "R-02"]
    assert [text(td) for td in top[0].xpath("td")][:2] == ["3", "2"]
    assert [b.text for b in top[0].xpath(".//blockquote")] == ["„Toner der Marke X“", "„Marke Z“"]
    stats = page.get_element_by_id("statistik")
    places = {
        text(r.xpath("th")[0]): [text(td) for td in r.xpath("td")]
        for r in stats.xpath(".//table[1]/tbody/tr")
    }
    # columns: documents with criteria, sozial, umwelt
    assert places["Leistungsbeschreibung"] == ["2", "0", "2"]
    assert places["Zuschlag"] == ["1", "1", "1"]
    assert places["Ausführungsbedingung"] == ["1", "1", "0"]
    eforms = [text(r.xpath("th")[0]) for r in stats.xpath(".//table[2]/tbody/tr")]
    assert eforms[0].startswith("BT-06 Strategische Beschaffung = env-imp")
    assert [text(r.xpath("td")[0]) for r in stats.xpath(".//table[2]/tbody/tr")] == ["3", "2", "1"]


def test_documents_table_rows_and_their_findings() -> None:
    docs = hand_counted()
    page = parse(page_of(docs))
    table = page.get_element_by_id("dokumente-tabelle")
    rows = table.xpath("tbody/tr")
    assert [r.get("id") for r in rows] == ["dok-1", "dok-2", "dok-3", "dok-4"]
    assert [text(r.xpath("th")[0]) for r in rows] == [d.path for d in docs]
    heads = [text(th) for th in table.xpath("thead/tr/th")]
    assert heads == [
        "Dokument", "Gegenstand", "Seiten", "alpha", "beta",
        "Fehler", "Warnungen", "Hinweise", "Fehlende Kriterien",
    ]  # fmt: skip
    papier = rows[0]
    values = [td.get("data-value") for td in papier.xpath("td")]
    assert values[1:] == ["12", "0.5", "-1", "2", "0", "0", "1"]
    toggle = papier.xpath(".//button[@class='toggle']")[0]
    assert toggle.get("aria-expanded") == "false"
    findings = page.get_element_by_id(toggle.get("aria-controls"))
    assert findings.tag == "article"
    assert findings.getparent().get("id") == "befunde-je-dokument"
    assert text(findings.xpath("h3")[0]) == "amt-a/papier.pdf"
    quotes = [b.text for b in findings.xpath(".//blockquote")]
    assert quotes == ["„Toner der Marke X“", "„Marke Y“"]
    links = findings.xpath(".//a[@class='tb']/@href")
    assert links == ["#tb-R-01", "#tb-R-01", "#tb-A-02"]
    clause = page.get_element_by_id("tb-A-02-text")
    assert clause.text == "Der Auftragnehmer liefert nur Recyclingpapier."
    assert rows[3].get("data-unreadable") == "ja"
    assert "Die Datei ist verschlüsselt" in text(page.get_element_by_id("dok-4-befunde"))
    articles = page.xpath("//section[@id='befunde-je-dokument']/article")
    assert [a.get("id") for a in articles] == [f"dok-{i}-befunde" for i in range(1, 5)]


def test_the_catalogue_message_stands_once_with_its_textbaustein() -> None:
    same = finding("R-01", "Marke A").model_copy(update={"message": "Es fehlt: Marke."})
    other = finding("R-01", "Marke B").model_copy(update={"message": "Marke B ohne Zusatz."})
    page = parse(page_of([document("a.md", {}, [same, other])]))
    items = [text(p) for p in page.xpath("//article[@id='dok-1-befunde']//li/p[1]")]
    assert items == ["R-01 Marke Fehler", "R-01 Marke Fehler: Marke B ohne Zusatz."]
    assert text(page.xpath("//article[@id='tb-R-01']/p[1]")[0]) == "Es fehlt: Marke."


def test_the_table_shows_a_page_of_rows_at_first() -> None:
    docs = [document(f"amt/{i:03}.md", {"A-01": "met"}) for i in range(PAGE_SIZE + 20)]
    page = parse(page_of(docs))
    rows = page.xpath("//table[@id='dokumente-tabelle']/tbody/tr")
    assert [r.get("hidden") is not None for r in rows] == [False] * PAGE_SIZE + [True] * 20
    table = page.get_element_by_id("dokumente-tabelle")
    assert table.get("data-page-size") == str(PAGE_SIZE)
    assert len(page.xpath("//article[@class='doc-findings']")) == PAGE_SIZE + 20


def test_textbausteine_only_for_what_is_lacking_or_fired() -> None:
    page = parse(page_of(hand_counted()))
    ids = [a.get("id") for a in page.xpath("//article[@class='text']")]
    # A-01 is weak once, A-02 and B-01 missing once, both rules fired
    assert ids == ["tb-A-01", "tb-A-02", "tb-B-01", "tb-R-01", "tb-R-02"]
    docs = [document("gut.md", {"A-01": "met"})]
    assert not parse(page_of(docs)).xpath("//article[@class='text']")


HOSTILE = (
    '<script>alert(1)</script>"><img src=x onerror=alert(2)> {{ 7*7 }} [/] [b]fett[/b] \u202eabc'
)


def test_hostile_text_is_shown_not_run() -> None:
    doc = document(
        f"amt/{HOSTILE}.md",
        {"A-01": "weak", "A-02": "missing"},
        [finding("R-01", HOSTILE)],
        subject=(HOSTILE,),
    )
    html = page_of([doc])
    page = parse(html)
    assert len(page.xpath("//script")) == 1
    assert not page.xpath("//img | //*[@onerror]")
    assert "\u202e" not in html
    assert "<script>alert" not in html
    shown = HOSTILE.replace("\u202e", "\\u202e")
    row = page.get_element_by_id("dok-1")
    assert shown in text(row.xpath(".//button[@class='toggle']")[0])
    findings = page.get_element_by_id("dok-1-befunde")
    assert f"„{shown}“" in [text(b) for b in findings.xpath(".//blockquote")]
    main = text(page.xpath("//main")[0])
    assert "{{ 7*7 }}" in main and "49" not in main
    assert shown.lower() in row.get("data-search")
    titles = [t.text for t in page.xpath("//svg[@class='heatmap']//title")]
    assert titles[0].startswith(f"amt/{shown}.md")


def test_real_scan_renders_every_document(
    scanned: tuple[list[JsonDocument], tuple[RuleInfo, ...]],
) -> None:
    docs, rules = scanned
    html = render_audit_html(summarize(docs, rules), (d for d in docs))
    page = parse(html)
    rows = page.xpath("//table[@id='dokumente-tabelle']/tbody/tr")
    assert len(rows) == len(docs) == 6
    heads = [text(th) for th in page.xpath("//table[@id='dokumente-tabelle']/thead/tr/th")]
    assert heads[3:7] == [
        "ILO-Kernarbeitsnormen",
        "Kreislaufwirtschaft",
        "Büromaterial",
        "Dienstleistungen",
    ]
    for n, doc in enumerate(docs, start=1):
        findings = page.get_element_by_id(f"dok-{n}-befunde")
        assert text(findings.xpath("h3")[0]) == doc.path
        quotes = {b.text for b in findings.xpath(".//blockquote")}
        assert {f"„{f.excerpt}“" for f in doc.findings} <= quotes
        for href in findings.xpath(".//a[@class='tb']/@href"):
            assert page.get_element_by_id(href[1:]).tag == "article"
    assert re.search(r"Befunde: \d+ Fehler", text(page.xpath("//header")[0]))


def test_page_is_streamed_while_documents_are_read() -> None:
    """Each document is read when its table row (and later its findings) is written, and the
    heat map reads the matrix rows one group at a time: nothing is held per document."""
    from lbcheck.audit.html import stream_audit_html
    from lbcheck.audit.summary import document_row

    docs = [document(f"amt/lb-{i:03}.md", {"A-01": "met"}) for i in range(40)]
    read: list[str] = []

    def reading(tag: str) -> Iterator[JsonDocument]:
        for doc in docs:
            read.append(tag)
            yield doc

    rows = (document_row(d) for d in reading("row"))
    pieces = stream_audit_html(
        summarize(docs, RULES, matrix=False), reading("table"), rows, reading("findings")
    )
    written: list[str] = []
    for piece in pieces:
        written.append(piece)
        if read.count("table") > 5:
            break
    assert read.count("row") == len(docs)  # the heat map came first
    assert read.count("table") < len(docs) and read.count("findings") == 0
    written.extend(pieces)
    assert read.count("findings") == len(docs)
    assert "".join(written) == page_of(docs)


def test_report_json_written_row_by_row_equals_the_whole_summary() -> None:
    from lbcheck.audit.summary import document_row, summary_json

    for docs in (hand_counted(), []):
        whole = summarize(docs, RULES).model_dump_json(indent=2) + "\n"
        ordered = sorted(docs, key=lambda d: d.path)
        pieces = summary_json(summarize(docs, RULES, matrix=False), map(document_row, ordered))
        assert "".join(pieces) == whole
