"""A person's view of ``lbcheck serve``: headless Chromium uploads a file, waits for the report
and reads what is shown. Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run``
installs them); elsewhere the test is skipped with the reason.

Nothing here can hang the suite: the server listens on a socket bound before it starts (no
port race), has a bounded graceful shutdown and is stopped in ``finally``; the browser is quit
in ``finally``; the worker pool is shut down without waiting and its processes are ended if
they linger; every wait has a limit and pytest-timeout bounds the whole module.
"""

from __future__ import annotations

import multiprocessing
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lbcheck.web.app import create_app, default_pool
from lbcheck.web.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium fehlt (pip install -e '.[dev]')"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn fehlt (pip install -e '.[web]')")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None or DRIVER is None,
        reason="Chromium oder chromedriver fehlt: apt-get install -y chromium chromium-driver",
    ),
    pytest.mark.timeout(300),
]
WAIT = 120  # seconds for one check of the example, with spaCy loading in a fresh worker


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    before = set(multiprocessing.active_children())
    pool = default_pool(1)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    config = uvicorn.Config(
        create_app(Limits(jobs=1), pool=pool),
        log_level="warning",
        timeout_graceful_shutdown=5,
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not srv.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                pytest.fail("lbcheck serve ist nicht innerhalb von 60 s gestartet")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=30)
        sock.close()
        pool.shutdown(wait=False, cancel_futures=True)
        for child in set(multiprocessing.active_children()) - before:
            child.join(timeout=20)
            if child.is_alive():
                child.kill()
                child.join(timeout=5)


def _chromium(accept_language: str) -> Any:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1100,1600"):  # fmt: skip
        options.add_argument(arg)
    # The pages follow the browser's Accept-Language (headless Chromium sends en-US unless told).
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = _chromium("de-DE,de")  # a German user's browser
    try:
        yield driver
    finally:
        driver.quit()


def _upload(
    d: Any, server: str, *paths: Path, title: str = "lbcheck – Ausschreibung prüfen"
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    d.get(server + "/")
    assert d.title == title
    d.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in paths))
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(d, WAIT).until(ec.presence_of_element_located((By.CSS_SELECTOR, "p.verdict")))


def test_upload_a_tender_and_read_the_report(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    d = browser
    _upload(d, server, ROOT / "examples" / "lb_reinigung.docx")
    verdict = d.find_element(By.CSS_SELECTOR, "p.verdict")
    assert verdict.is_displayed()
    assert verdict.text.startswith("Fazit: 1 Stelle ändern")
    heading = d.find_element(By.CSS_SELECTOR, "h2#dok-1-titel")
    assert heading.text == "lb_reinigung.docx"
    # The verdict comes right under the document's name, before anything else about it.
    assert verdict.location["y"] < d.find_element(By.CSS_SELECTOR, "#dok-1 p.meta").location["y"]
    download = d.find_element(By.LINK_TEXT, "lb_reinigung.lbcheck.docx")
    assert download.is_displayed()
    sections = [s.text for s in d.find_elements(By.CSS_SELECTOR, "details.group > summary")]
    assert sections[0] == "Ändern: 1 Stelle" and sections[1].startswith("Ergänzen: 2 Kriterien")
    quote = d.find_element(By.CSS_SELECTOR, "details.change blockquote")
    assert "RAL-Gütezeichens Gebäudereinigung" in quote.text

    # Keyboard: the first Tab reaches the skip link, which leads past the downloads to the report.
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = d.switch_to.active_element
    assert skip.get_attribute("class") == "skip" and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert d.switch_to.active_element.get_attribute("id") == "inhalt"

    why = d.find_element(By.CSS_SELECTOR, "details.change details.why")
    reason = why.find_element(By.TAG_NAME, "p")
    assert not reason.is_displayed()
    summary = why.find_element(By.TAG_NAME, "summary")
    summary.send_keys(Keys.ENTER)  # by keyboard, as well as by mouse
    assert reason.is_displayed() and "Gütezeichen" in reason.text

    copy = d.find_element(By.CSS_SELECTOR, "details.add button.copy")
    assert copy.text == "Textbaustein kopieren"
    copy.click()
    status = copy.find_element(By.XPATH, "following-sibling::span[@class='copy-status']")
    WebDriverWait(d, 10).until(lambda _: status.text != "")
    assert status.text in ("Kopiert.", "Markiert: mit Strg+C kopieren.")


def test_two_files_at_once_and_their_downloads(server: str, browser: Any) -> None:
    import io
    import json
    import urllib.request

    import docx
    from selenium.webdriver.common.by import By

    d = browser
    _upload(
        d,
        server,
        ROOT / "examples" / "lb_reinigung.docx",
        ROOT / "examples" / "lb_bueromaterial.md",
    )
    titles = [h.text for h in d.find_elements(By.CSS_SELECTOR, "section.doc > h2")]
    assert titles == ["lb_reinigung.docx", "lb_bueromaterial.md"]
    overview = [li.text for li in d.find_elements(By.CSS_SELECTOR, "nav ol.downloads > li")]
    assert overview[0].startswith("lb_reinigung.docx: 1 Stelle ändern")
    assert "Mit Kommentaren herunterladen: lb_reinigung.lbcheck.docx" in overview[0]
    assert overview[1].startswith("lb_bueromaterial.md: 2 Stellen ändern")  # Markdown: no copy
    links = {
        a.text: a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a[download]")
    }
    assert set(links) == {"lb_reinigung.lbcheck.docx", "lbcheck-bericht.json"}
    with urllib.request.urlopen(links["lb_reinigung.lbcheck.docx"], timeout=30) as answer:
        comments = list(docx.Document(io.BytesIO(answer.read())).comments)
    assert any(c.text.startswith("VR-03 ") for c in comments)
    with urllib.request.urlopen(links["lbcheck-bericht.json"], timeout=30) as answer:
        report = json.load(answer)
    assert [doc["path"] for doc in report["documents"]] == titles


def test_the_running_server_follows_the_browser_language(server: str) -> None:
    """The real server: a browser asking for English gets English pages, others German."""
    import urllib.request

    def page(language: str) -> str:
        request = urllib.request.Request(server + "/", headers={"Accept-Language": language})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return str(answer.read().decode("utf-8"))

    english = page("en-US,en;q=0.9")
    assert '<html lang="en">' in english and "<title>lbcheck – check a tender</title>" in english
    assert "Choose files" in english and "Dateien auswählen" not in english
    german = page("de-DE,de;q=0.9")
    assert '<html lang="de">' in german and "Dateien auswählen" in german


def test_an_english_browser_reads_the_report_in_english(server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    d = _chromium("en-GB,en")
    try:
        _upload(
            d, server, ROOT / "examples" / "lb_reinigung.docx", title="lbcheck – check a tender"
        )
        assert d.find_element(By.CSS_SELECTOR, "p.verdict").text.startswith("Verdict: change 1")
        sections = [s.text for s in d.find_elements(By.CSS_SELECTOR, "details.group > summary")]
        assert sections[0] == "Change: 1 place" and sections[1].startswith("Add: 2 criteria")
        copy = d.find_element(By.CSS_SELECTOR, "details.add button.copy")
        assert copy.text == "Copy Model clause"
        copy.click()
        status = copy.find_element(By.XPATH, "following-sibling::span[@class='copy-status']")
        WebDriverWait(d, 10).until(lambda _: status.text != "")
        assert status.text in ("Copied.", "Selected: copy with Ctrl+C.")  # the script's words
        body = d.find_element(By.TAG_NAME, "body").text
        for german in ("Fazit", "Ändern:", "Ergänzen:", "kopieren", "Mit Kommentaren"):
            assert german not in body, german
    finally:
        d.quit()
