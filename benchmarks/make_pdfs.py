"""Build benchmark PDFs from real pages (not a test; the output stays outside the repo).

    python benchmarks/make_pdfs.py CORPUS_DIR OUT_DIR [--docs 150] [--pages 30] [--big 500]

Writes ``OUT_DIR/batch/doc-NNN.pdf`` (``--docs`` documents of ``--pages`` pages each, pages
taken round-robin from the corpus PDFs that have a text layer, so each document mixes real
layouts), ``OUT_DIR/big-500.pdf`` (``--big`` pages) and ``OUT_DIR/real/doc-NNN.pdf``: the
corpus PDFs themselves, all of them as they came (scanned and protected ones too), taken in
turn until there are ``--docs`` files. That last set is the kind the issue's reference figures
were taken on (150 real PDFs, 12.8 pages on average). Pages are copied with PDFium
(``import_pages``), so text layers, fonts and images stay as they were.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium

Chunk = tuple[int, list[int]]  # a source PDF and the pages taken from it


def _sources(corpus: Path) -> list[tuple[pdfium.PdfDocument, int]]:
    sources = []
    for path in sorted(corpus.glob("*.pdf")):
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            continue  # encrypted or broken: not material for a throughput test
        page = pdf[0]
        has_text = page.get_textpage().count_chars() > 50
        page.close()
        if has_text:
            sources.append((pdf, len(pdf)))
    return sources


def _chunks(sources: list[tuple[pdfium.PdfDocument, int]], pages: int) -> Iterator[list[Chunk]]:
    """Documents of ``pages`` pages: runs of consecutive pages, the sources taken in turn.

    Consecutive pages are imported in one call, so they share fonts and images as in the
    original (one call per page would copy every font once per page).
    """
    cursor = [0] * len(sources)
    turn = itertools.cycle(range(len(sources)))
    while True:
        doc: list[Chunk] = []
        need = pages
        while need:
            i = next(turn)
            start = cursor[i]
            run = min(need, sources[i][1] - start, 10)
            doc.append((i, list(range(start, start + run))))
            cursor[i] = (start + run) % sources[i][1]
            need -= run
        yield doc


def _write(
    sources: list[tuple[pdfium.PdfDocument, int]], chunks: list[Chunk], target: Path
) -> None:
    out = pdfium.PdfDocument.new()
    for source, pages in chunks:
        out.import_pages(sources[source][0], pages)
    out.save(target)
    out.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=150)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--big", type=int, default=500)
    args = parser.parse_args()
    sources = _sources(args.corpus)
    if not sources:
        print("no PDFs with a text layer in", args.corpus, file=sys.stderr)
        return 2
    (args.out / "batch").mkdir(parents=True, exist_ok=True)
    docs = _chunks(sources, args.pages)
    for n in range(args.docs):
        _write(sources, next(docs), args.out / "batch" / f"doc-{n:03d}.pdf")
    # The big file: whole documents, longest first (bills of quantities), until it is full.
    chunks: list[Chunk] = []
    need = args.big
    for i in itertools.cycle(sorted(range(len(sources)), key=lambda i: -sources[i][1])):
        if not need:
            break
        run = min(need, sources[i][1])
        chunks.append((i, list(range(run))))
        need -= run
    _write(sources, chunks, args.out / f"big-{args.big}.pdf")
    (args.out / "real").mkdir(exist_ok=True)
    originals = itertools.cycle(sorted(args.corpus.glob("*.pdf")))
    for n, original in zip(range(args.docs), originals, strict=False):
        shutil.copyfile(original, args.out / "real" / f"doc-{n:03d}.pdf")
    print(
        f"{args.docs} x {args.pages} pages, {args.big} pages and {args.docs} real PDFs "
        f"in {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
