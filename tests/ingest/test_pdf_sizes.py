"""Line font sizes on real PDFs: the shortcuts give what three direct PDFium reads give."""

from __future__ import annotations

import math
import random
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from lbcheck.ingest.pdf import _Chars, _line_size

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"
PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []
PAGES_PER_FILE = 3


def _direct(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> float:
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
        size *= math.hypot(matrix.c, matrix.d)
    return size


def _three_samples(sizes: tuple[float, float, float]) -> float:
    kept = [s for s in sizes if s > 1.5]
    return median(kept) if kept else 0.0


@pytest.mark.skipif(not PDFS, reason=f"real corpus not available at {REAL}")
@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_sizes_match_direct_reads(path: Path) -> None:
    pdf = pdfium.PdfDocument(path.read_bytes())
    rng = random.Random(path.name)
    try:
        for number in range(min(len(pdf), PAGES_PER_FILE)):
            page = pdf[number]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            chars = _Chars(textpage, text)
            direct = [_direct(textpage.raw, chars.index(i)) for i in range(len(text))]
            assert [chars.size(i) for i in range(len(text))] == direct
            # Triples as lines give them: close together (one word, first and last often
            # equal) and far apart (size changes inside a line, generated spaces).
            for _ in range(min(400, 4 * len(text))):
                first = rng.randrange(len(text))
                last = min(len(text) - 1, first + rng.choice((1, 3, 8, 40, 200)))
                mid = (first + last) // 2
                expected = _three_samples((direct[first], direct[mid], direct[last]))
                assert _line_size(chars, first, mid, last) == expected
            textpage.close()
            page.close()
    finally:
        pdf.close()
