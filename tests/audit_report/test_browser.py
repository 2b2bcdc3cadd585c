"""A person reads an audit's report.html in headless Chromium: sorts and filters the table of
documents, opens one, follows a link to its Textbaustein. Needs Debian's ``chromium`` and
``chromium-driver``; elsewhere the test is skipped with the reason."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lbcheck.audit.html import render_audit_html
from lbcheck.audit.summary import summarize
from lbcheck.models import RuleInfo
from lbcheck.reporters.json_model import JsonDocument

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium fehlt (pip install -e '.[dev]')"
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="Chromium oder chromedriver fehlt: apt-get install -y chromium chromium-driver",
)
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-extensions", "--no-first-run",
    "--window-size=1280,1600", "--lang=de-DE",
)  # fmt: skip


def start_browser() -> Any:
    """Headless Chromium driven by chromedriver (also used by scripts/screenshot_audit.py)."""
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in FLAGS:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = start_browser()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report_file(
    scanned: tuple[list[JsonDocument], tuple[RuleInfo, ...]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    docs, rules = scanned
    path = tmp_path_factory.mktemp("audit") / "report.html"
    path.write_text(render_audit_html(summarize(docs, rules), iter(docs)), encoding="utf-8")
    return path


_ROWS = "#dokumente-tabelle tbody tr.doc-row"


def _shown(d: Any) -> list[str]:
    """Names of the documents a person sees in the table, top to bottom (one round trip)."""
    return list(
        d.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]))"
            ".filter(r => r.offsetParent !== null).map(r => r.cells[0].innerText);",
            _ROWS,
        )
    )


def _column(d: Any, index: int) -> list[str]:
    """The shown text of one column of the visible rows."""
    return list(
        d.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]))"
            ".filter(r => r.offsetParent !== null).map(r => r.cells[arguments[1]].innerText);",
            _ROWS,
            index,
        )
    )


def test_sort_filter_and_open_a_document(
    browser: Any,
    report_file: Path,
    scanned: tuple[list[JsonDocument], tuple[RuleInfo, ...]],
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from lbcheck.reporters.labels import subjects_text

    d = browser
    d.get(report_file.as_uri())
    assert d.title == "lbcheck-Auditbericht: 6 Dokumente"
    figures = {
        f.find_element(By.TAG_NAME, "dt").text: f.find_element(By.TAG_NAME, "dd").text
        for f in d.find_elements(By.CSS_SELECTOR, "dl.figures > div")
    }
    assert figures["Dokumente"] == "6" and figures["nicht lesbar"] == "1"
    heat = d.find_element(By.CSS_SELECTOR, "svg.heatmap")
    assert heat.is_displayed() and heat.size["height"] > 100
    count = d.find_element(By.ID, "filter-count")
    assert count.text == "6 von 6 Dokumenten angezeigt"
    findings = d.find_elements(By.CSS_SELECTOR, "article.doc-findings")
    assert len(findings) == 6 and not any(x.is_displayed() for x in findings)
    assert not d.find_element(By.ID, "befunde-je-dokument").is_displayed()

    # Sort by errors: first ascending, then descending; the header says which.
    header = d.find_element(By.XPATH, "//table[@id='dokumente-tabelle']//th[.='Fehler']")
    header.find_element(By.TAG_NAME, "button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    header.find_element(By.TAG_NAME, "button").click()
    assert header.get_attribute("aria-sort") == "descending"
    errors = [int(x) for x in _column(d, 3 + 4)]
    assert errors == sorted(errors, reverse=True) and errors[0] > errors[-1]
    by_name = d.find_element(By.XPATH, "//table[@id='dokumente-tabelle']//th[.='Dokument']")
    assert by_name.get_attribute("aria-sort") is None
    by_name.find_element(By.TAG_NAME, "button").click()
    names = _shown(d)
    assert names == sorted(names) and names[0] == "examples/lb_bueromaterial.md"

    # Filter by text, then by kind.
    search = d.find_element(By.ID, "filter-text")
    search.send_keys("reinigung")
    expected = [
        x.path
        for x in scanned[0]
        if "reinigung" in f"{x.path} {subjects_text(tuple(x.subject), x.subject_certain)}".lower()
    ]
    assert "examples/lb_reinigung.docx" in expected and len(expected) < 6
    assert _shown(d) == sorted(expected)
    assert count.text == f"{len(expected)} von 6 Dokumenten angezeigt"
    search.clear()
    search.send_keys(" ")  # clear() sends no input event
    Select(d.find_element(By.ID, "filter-status")).select_by_visible_text("nicht lesbare")
    assert _shown(d) == ["fehlt.pdf"]
    Select(d.find_element(By.ID, "filter-status")).select_by_visible_text("alle Dokumente")
    assert len(_shown(d)) == 6


def test_open_a_document_and_follow_its_textbaustein(
    browser: Any,
    report_file: Path,
    scanned: tuple[list[JsonDocument], tuple[RuleInfo, ...]],
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    doc = next(x for x in scanned[0] if x.path == "examples/lb_reinigung.docx")
    missing = [c.code for c in doc.criteria if c.status == "missing"]
    assert missing and doc.findings, "the example should lack a criterion and have findings"
    d = browser
    d.get(report_file.as_uri())
    toggle = d.find_element(By.XPATH, "//button[@class='toggle'][.='examples/lb_reinigung.docx']")
    toggle.send_keys(Keys.ENTER)
    assert toggle.get_attribute("aria-expanded") == "true"
    panel = d.find_element(By.ID, toggle.get_attribute("aria-controls"))
    assert panel.is_displayed()
    quotes = [q.text for q in panel.find_elements(By.TAG_NAME, "blockquote")]
    assert [q.removeprefix("„").removesuffix("“") for q in quotes][: len(doc.findings)] == [
        f.excerpt for f in doc.findings
    ]
    assert f"Fehlende Kriterien: {len(missing)}" in panel.text
    link = panel.find_element(By.LINK_TEXT, f"Textbaustein zu {missing[0]}")
    link.click()
    assert d.execute_script("return location.hash") == f"#tb-{missing[0]}"
    article = d.find_element(By.ID, f"tb-{missing[0]}")
    assert article.is_displayed()
    assert article.find_element(By.CSS_SELECTOR, "button.copy").text == "Textbaustein kopieren"
    top = d.execute_script("return arguments[0].getBoundingClientRect().top", article)
    assert -1 < top < d.execute_script("return innerHeight"), top  # subpixel scrolling
    toggle.send_keys(Keys.SPACE)
    assert toggle.get_attribute("aria-expanded") == "false" and not panel.is_displayed()


def test_a_link_to_a_document_opens_it_and_sorting_keeps_it_below_its_row(
    browser: Any, report_file: Path
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(report_file.as_uri() + "#dok-2")
    toggle = d.find_element(By.CSS_SELECTOR, "#dok-2 button.toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    panel = d.find_element(By.ID, "dok-2-befunde")
    assert panel.is_displayed() and panel.find_element(By.TAG_NAME, "h3").text == toggle.text
    d.find_element(By.XPATH, "//th[.='Fehlende Kriterien']//button").click()
    below = d.find_element(By.CSS_SELECTOR, "#dok-2 + tr.doc-details article")
    assert below.get_attribute("id") == "dok-2-befunde"
    d.find_element(By.ID, "filter-text").send_keys("kein-solches-dokument")
    assert not panel.is_displayed() and not toggle.is_displayed()


def test_thousands_of_documents_are_shown_a_page_at_a_time(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from selenium.webdriver.common.by import By

    from lbcheck.audit.html import PAGE_SIZE
    from tests.audit_report.conftest import RULES, document, finding

    docs = [
        document(f"amt-{i % 2}/lb-{i:03}.md", {"A-01": "met" if i % 3 else "missing"},
                 [finding("R-01", f"Marke {i}")] * (i % 4))
        for i in range(PAGE_SIZE * 2 + 30)
    ]  # fmt: skip
    path = tmp_path_factory.mktemp("audit-gross") / "report.html"
    path.write_text(render_audit_html(summarize(docs, RULES), iter(docs)), encoding="utf-8")
    d = browser
    d.get(path.as_uri())
    count = d.find_element(By.ID, "filter-count")
    more = d.find_element(By.ID, "mehr-dokumente")
    assert count.text == f"{PAGE_SIZE} von {len(docs)} Dokumenten angezeigt"
    assert len(_shown(d)) == PAGE_SIZE and more.text == f"Weitere {PAGE_SIZE} anzeigen"
    more.click()
    assert len(_shown(d)) == 2 * PAGE_SIZE and more.text == "Weitere 30 anzeigen"
    more.click()
    assert len(_shown(d)) == len(docs) and not more.is_displayed()
    d.find_element(By.ID, "filter-text").send_keys("amt-1")
    assert count.text == f"{PAGE_SIZE} von {len(docs) // 2} passenden Dokumenten angezeigt"
    d.find_element(By.XPATH, "//th[.='Fehler']//button").click()
    d.find_element(By.XPATH, "//th[.='Fehler']//button").click()
    shown = _shown(d)
    assert all(name.startswith("amt-1/") for name in shown) and len(shown) == PAGE_SIZE
    errors = [int(x) for x in _column(d, 5)]
    assert errors == sorted(errors, reverse=True) and errors[0] == 3 and errors[-1] == 1
    d.get(path.as_uri() + f"#dok-{len(docs)}")
    assert d.find_element(By.ID, f"dok-{len(docs)}-befunde").is_displayed()


def test_english_page_script_counts_and_sorts_in_english(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``--lang en``: the script's own words are English and still work (same browser)."""
    from selenium.webdriver.common.by import By

    from lbcheck.audit.html import PAGE_SIZE
    from lbcheck.i18n import use
    from tests.audit_report.conftest import RULES, document, finding

    docs = [
        document(f"amt-{i % 2}/lb-{i:03}.md", {"A-01": "met"}, [finding("R-01", "Marke")] * (i % 3))
        for i in range(PAGE_SIZE + 5)
    ]
    path = tmp_path_factory.mktemp("audit-en") / "report.html"
    with use("en"):
        path.write_text(render_audit_html(summarize(docs, RULES), iter(docs)), encoding="utf-8")
    d = browser
    d.get(path.as_uri())
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    count = d.find_element(By.ID, "filter-count")
    more = d.find_element(By.ID, "mehr-dokumente")
    assert count.text == f"{PAGE_SIZE} of {len(docs)} documents shown"
    assert more.text == "Show 5 more"
    d.find_element(By.ID, "filter-text").send_keys("amt-1")
    assert count.text == f"{len(docs) // 2} of {len(docs)} documents shown"
    d.find_element(By.XPATH, "//th[.='Errors']//button").click()
    d.find_element(By.XPATH, "//th[.='Errors']//button").click()
    errors = [int(x) for x in _column(d, 5)]
    assert errors == sorted(errors, reverse=True) and errors[0] == 2
    assert "Weitere" not in d.find_element(By.TAG_NAME, "body").text
