"""Picture of an audit's report.html for the docs (not a test).

    python scripts/screenshot_audit.py [PNG]

Scans the bundled examples and the holdout fixtures (as an audit would), writes report.html to
a temporary folder, opens it in headless Chromium, sorts the table by errors, opens the first
document and saves the page top to bottom as far as the window reaches (default
``docs/img/audit-report.png``). Needs Debian's ``chromium`` and ``chromium-driver``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from lbcheck.audit.html import render_audit_html
from lbcheck.audit.summary import summarize
from lbcheck.config import Settings
from lbcheck.reporters.json_reporter import to_model
from lbcheck.runner import scan

ROOT = Path(__file__).resolve().parents[1]
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-extensions", "--no-first-run",
    "--hide-scrollbars", "--window-size=1280,1700", "--lang=de-DE",
)  # fmt: skip


def inputs() -> list[str]:
    files = ["examples/lb_bueromaterial.md", "examples/lb_reinigung.docx"]
    for folder in sorted((ROOT / "tests" / "fixtures").glob("holdout*")):
        files += [str(p.relative_to(ROOT)) for p in sorted(folder.iterdir()) if p.suffix != ".yaml"]
    return files


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img" / "audit-report.png"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        sys.exit("Chromium oder chromedriver fehlt: apt-get install -y chromium chromium-driver")
    report = scan(inputs(), Settings(jobs=2))
    docs = to_model(report).documents
    html = render_audit_html(summarize(docs, report.rules), iter(docs))
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in FLAGS:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "report.html"
            page.write_text(html, encoding="utf-8")
            driver.get(page.as_uri())
            errors = driver.find_element(
                By.XPATH, "//table[@id='dokumente-tabelle']//th[.='Fehler']//button"
            )
            errors.click()
            errors.click()
            driver.find_element(By.CSS_SELECTOR, "#dokumente-tabelle button.toggle").click()
            driver.execute_script(
                "document.getElementById('dokumente').scrollIntoView({block: 'start'});"
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(target))
    finally:
        driver.quit()
    print(f"{len(docs)} Dokumente, Bild: {target}")


if __name__ == "__main__":
    main()
