"""A person's view of ``lbcheck serve``: headless Chromium uploads a file, waits for the report
and reads what is shown. Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run``
installs them); elsewhere the test is skipped with the reason.

``LBCHECK_SCREENSHOTS=DIR`` saves the screenshots there (``docs/img`` in the repository)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from lbcheck.web.app import create_app
from lbcheck.web.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium fehlt (pip install -e '.[dev]')"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn fehlt (pip install -e '.[web]')")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="Chromium oder chromedriver fehlt: apt-get install -y chromium chromium-driver",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(Limits(jobs=1)), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        threading.Event().wait(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1100,1600", "--lang=de-DE"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def _shot(driver: object, name: str) -> None:
    folder = os.environ.get("LBCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))  # type: ignore[attr-defined]


def test_upload_a_tender_and_read_the_report(server: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    d = browser
    d.get(server + "/")  # type: ignore[attr-defined]
    assert d.title == "lbcheck – Ausschreibung prüfen"  # type: ignore[attr-defined]
    upload = d.find_element(By.ID, "files")  # type: ignore[attr-defined]
    upload.send_keys(str(ROOT / "examples" / "lb_reinigung.docx"))
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()  # type: ignore[attr-defined]
    WebDriverWait(d, 120).until(ec.presence_of_element_located((By.CSS_SELECTOR, "p.verdict")))

    verdict = d.find_element(By.CSS_SELECTOR, "p.verdict")  # type: ignore[attr-defined]
    assert verdict.is_displayed()
    assert verdict.text.startswith("Fazit: 1 Stelle ändern")
    heading = d.find_element(By.CSS_SELECTOR, "h2#dok-1-titel")  # type: ignore[attr-defined]
    assert heading.text == "lb_reinigung.docx"
    download = d.find_element(By.LINK_TEXT, "lb_reinigung.lbcheck.docx")  # type: ignore[attr-defined]
    assert download.is_displayed()
    sections = [s.text for s in d.find_elements(By.CSS_SELECTOR, "details.group > summary")]  # type: ignore[attr-defined]
    assert sections[0] == "Ändern: 1 Stelle" and sections[1].startswith("Ergänzen: 2 Kriterien")
    quote = d.find_element(By.CSS_SELECTOR, "details.change blockquote")  # type: ignore[attr-defined]
    assert "RAL-Gütezeichens Gebäudereinigung" in quote.text

    why = d.find_element(By.CSS_SELECTOR, "details.change details.why")  # type: ignore[attr-defined]
    reason = why.find_element(By.TAG_NAME, "p")
    assert not reason.is_displayed()
    why.find_element(By.TAG_NAME, "summary").click()
    assert reason.is_displayed() and "Gütezeichen" in reason.text

    copy = d.find_element(By.CSS_SELECTOR, "details.add button.copy")  # type: ignore[attr-defined]
    assert copy.text == "Textbaustein kopieren"
    copy.click()
    status = copy.find_element(By.XPATH, "following-sibling::span[@class='copy-status']")
    WebDriverWait(d, 10).until(lambda _: status.text != "")
    assert status.text in ("Kopiert.", "Markiert: mit Strg+C kopieren.")
    _shot(d, "web-bericht.png")
