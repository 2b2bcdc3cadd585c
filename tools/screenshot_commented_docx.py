"""Picture of a commented DOCX as LibreOffice sets it, for the README (not a test).

    python tools/screenshot_commented_docx.py [DOCX] [PNG]

Annotates the DOCX (default: the bundled example), lets LibreOffice (headless) export it to PDF
with the comments as PDF notes, renders page 1 with pdftoppm, and shows it in headless Chromium
next to the notes' text at the height of their markers, read back from LibreOffice's PDF.
LibreOffice 7.4 cannot put comments into the margin of a PDF itself; the text beside the page is
what it exported, nothing is typed in by hand. Needs soffice, pdftoppm and chromium.
"""

from __future__ import annotations

import base64
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

from lbcheck.annotate.run import annotate_document
from lbcheck.config import Settings

ROOT = Path(__file__).resolve().parents[1]
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
SCALE = 96 / 72  # pdftoppm at 96 dpi


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "lb_reinigung.docx"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs/img/kommentiertes-docx.png"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = work / f"{source.stem}.lbcheck.docx"
        docx.write_bytes(annotate_document(source, Settings(jobs=1)).data)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--convert-to", PDF_WITH_NOTES, "--outdir", str(work), str(docx)],
            check=True, capture_output=True,
        )  # fmt: skip
        pdf = work / f"{docx.stem}.pdf"
        subprocess.run(
            ["pdftoppm", "-r", "96", "-png", "-f", "1", "-l", "1", str(pdf), str(work / "p")],
            check=True,
        )
        page = next(work.glob("p*.png"))
        height = float(PdfReader(pdf).pages[0].mediabox.height)
        notes = []
        for ref in PdfReader(pdf).pages[0].get("/Annots") or []:
            a = ref.get_object()
            if a.get("/Subtype") == "/Text":
                top = (height - float(a["/Rect"][3])) * SCALE
                notes.append((top, str(a.get("/Contents", ""))))
        boxes, floor = [], 0.0
        for top, text in sorted(notes):
            y = max(top, floor)
            body = "<br>".join(html.escape(line) for line in text.splitlines())
            boxes.append(f'<div class="note" style="top:{y:.0f}px">{body}</div>')
            floor = y + min(150.0, 30 + 15 * len(text) / 70) + 8
        image = base64.b64encode(page.read_bytes()).decode()
        (work / "view.html").write_text(
            "<!DOCTYPE html><meta charset=utf-8><style>body{margin:0;display:flex;"
            "font:12px sans-serif;background:#ddd}img{box-shadow:0 0 4px #888}"
            ".side{position:relative;width:440px;margin-left:8px}"
            ".note{position:absolute;left:0;right:8px;background:#fff7c2;border-left:4px solid"
            " #d4a800;padding:4px 6px;max-height:150px;overflow:hidden}</style>"
            f'<img src="data:image/png;base64,{image}"><div class="side">{"".join(boxes)}</div>',
            encoding="utf-8",
        )
        chromium = shutil.which("chromium") or "chromium"
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--window-size=1250,1200", f"--screenshot={target}", (work / "view.html").as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
    print(target)


if __name__ == "__main__":
    main()
