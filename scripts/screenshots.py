"""The pictures in the README and in docs/, made from the bundled example (not by the tests).

    .venv/bin/python scripts/screenshots.py                 # all three into docs/img/
    .venv/bin/python scripts/screenshots.py html docx       # only some

``html``: the HTML report (``lbcheck scan --format html``) in headless Chromium.
``docx``: the commented DOCX as LibreOffice sets it. LibreOffice 7.4 exports comments only as PDF
notes, not into the margin, so the page is shown beside the notes it exported, each at the height
of its sentence; the sentences a comment covers are shaded where the PDF has them. Nothing is
typed in by hand: page, notes and anchor texts are read back from LibreOffice's PDF and the DOCX.
``web``: ``lbcheck serve`` after uploading the example with selenium.

Needs soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils), chromium and
chromium-driver, as ``.ci/run`` installs them.
"""

from __future__ import annotations

import base64
import html
import io
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
from lxml import etree

from lbcheck.annotate.run import annotate_document
from lbcheck.annotate.textmap import find
from lbcheck.config import Settings
from lbcheck.reporters.html import HtmlReporter
from lbcheck.runner import scan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/lb_reinigung.docx"
IMG = ROOT / "docs" / "img"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
DPI = 96
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _chromium_shot(page: Path, target: Path, width: int, height: int) -> None:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={target}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def html_report(target: Path) -> None:
    """The report of the example as ``--format html`` writes it, top of the page."""
    os.chdir(ROOT)  # the report shows the path as given, relative like in the README
    page = HtmlReporter().render(scan([EXAMPLE], Settings(jobs=1)))
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "bericht.html"
        file.write_text(page, encoding="utf-8")
        _chromium_shot(file, target, 1000, 1400)


def _anchors(docx: bytes) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    for el in root.iter():
        cid = el.get(f"{W}id") or ""
        if el.tag == f"{W}commentRangeStart":
            open_ids.append(cid)
            texts[cid] = []
        elif el.tag == f"{W}commentRangeEnd" and cid in open_ids:
            open_ids.remove(cid)
        elif el.tag == f"{W}t":
            for open_id in open_ids:
                texts[open_id].append(el.text or "")
    return {cid: "".join(parts) for cid, parts in texts.items()}


def _comment_texts(docx: bytes) -> dict[str, str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/comments.xml"))
    return {
        c.get(f"{W}id") or "": "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p"))
        for c in root.iter(f"{W}comment")
    }


def _shaded(pdf: Path, anchors: list[str]) -> tuple[float, list[list[tuple[float, ...]]]]:
    """Page 1's height and, per anchor text, the rectangles of its lines (PDF points)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        height = page.get_size()[1]
        textpage = page.get_textpage()
        chars = textpage.get_text_range()
        out = []
        for anchor in anchors:
            span = find(chars, anchor)
            rects: list[tuple[float, ...]] = []
            if span is not None:
                n = textpage.count_rects(span[0], span[1] - span[0])
                rects = [textpage.get_rect(i) for i in range(n)]
            out.append(rects)
        return height, out
    finally:
        document.close()


def commented_docx(target: Path) -> None:
    """Page 1 of the annotated example as LibreOffice sets it, its notes beside it."""
    scale = DPI / 72
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = work / "lb_reinigung.lbcheck.docx"
        data = annotate_document(ROOT / EXAMPLE, Settings(jobs=1)).data
        docx.write_bytes(data)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", PDF_WITH_NOTES, "--outdir", str(work), str(docx)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        pdf = work / "lb_reinigung.lbcheck.pdf"
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(work / "seite")],
            check=True, timeout=60,
        )  # fmt: skip
        anchors, comments = _anchors(data), _comment_texts(data)
        ids = sorted(anchors, key=int)
        height, shaded = _shaded(pdf, [anchors[i] for i in ids])
        marks, notes = [], []
        # Only the comments on page 1 (the one shown), top to bottom.
        on_page = [(rects, cid) for cid, rects in zip(ids, shaded, strict=True) if rects]
        placed = sorted(((r[0][3], cid, r) for r, cid in on_page), key=lambda item: -item[0])
        floor = 0.0
        for number, (top, cid, rects) in enumerate(placed, start=1):
            for left, bottom, right, up in rects:
                box = (left * scale - 2, (height - up) * scale - 2)
                size = ((right - left) * scale + 4, (up - bottom) * scale + 4)
                marks.append(
                    f'<div class="mark" style="left:{box[0]:.0f}px;top:{box[1]:.0f}px;'
                    f'width:{size[0]:.0f}px;height:{size[1]:.0f}px"></div>'
                )
            marks.append(
                f'<div class="num" style="left:{rects[0][0] * scale - 26:.0f}px;'
                f'top:{(height - top) * scale - 2:.0f}px">{number}</div>'
            )
            y = max((height - top) * scale, floor)
            text = comments.get(cid, "")
            body = "<br>".join(html.escape(line) for line in text.splitlines())
            notes.append(
                f'<div class="note" style="top:{y:.0f}px"><span class="num">{number}</span>'
                f"{body}</div>"
            )
            floor = y + min(170.0, 34 + 15 * len(text) / 62) + 10
        image = base64.b64encode((work / "seite.png").read_bytes()).decode()
        view = work / "ansicht.html"
        view.write_text(
            "<!DOCTYPE html><meta charset=utf-8><style>"
            "body{margin:0;display:flex;font:12px 'DejaVu Sans',sans-serif;background:#d9d9d9}"
            ".page{position:relative;box-shadow:0 0 4px #888;background:#fff}"
            ".mark{position:absolute;background:rgba(255,200,0,.35);border-radius:2px}"
            ".num{position:absolute;background:#b8860b;color:#fff;font-weight:bold;"
            "border-radius:9px;padding:0 5px;font-size:11px}"
            ".side{position:relative;width:470px;margin-left:10px}"
            ".note{position:absolute;left:0;right:10px;background:#fff7c2;border-left:4px solid"
            " #d4a800;padding:4px 6px 4px 26px;max-height:170px;overflow:hidden}"
            ".note .num{left:4px;top:4px}</style>"
            f'<div class="page"><img src="data:image/png;base64,{image}">{"".join(marks)}</div>'
            f'<div class="side">{"".join(notes)}</div>',
            encoding="utf-8",
        )
        _chromium_shot(view, target, 1290, 1160)


def _free_socket() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def web_app(target: Path) -> None:
    """``lbcheck serve`` showing the report after an upload of the example."""
    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from lbcheck.web.app import create_app, default_pool
    from lbcheck.web.limits import Limits

    before = set(multiprocessing.active_children())
    pool = default_pool(1)
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(Limits(jobs=1), pool=pool), log_level="warning", timeout_graceful_shutdown=5
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=1000,1400", "--lang=de-DE"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        deadline = time.monotonic() + 60
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        driver.set_page_load_timeout(120)
        driver.get(f"http://127.0.0.1:{port}/")
        driver.find_element(By.ID, "files").send_keys(str(ROOT / EXAMPLE))
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 120).until(
            ec.presence_of_element_located((By.CSS_SELECTOR, "p.verdict"))
        )
        driver.save_screenshot(str(target))
    finally:
        driver.quit()
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
        pool.shutdown(wait=False, cancel_futures=True)
        for child in set(multiprocessing.active_children()) - before:
            child.join(timeout=20)
            if child.is_alive():
                child.kill()


SHOTS = {
    "html": (html_report, "html-bericht.png"),
    "docx": (commented_docx, "kommentiertes-docx.png"),
    "web": (web_app, "web-bericht.png"),
}


def main(argv: list[str]) -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    for name in argv or list(SHOTS):
        make, file = SHOTS[name]
        make(IMG / file)
        print(IMG / file)


if __name__ == "__main__":
    main(sys.argv[1:])
