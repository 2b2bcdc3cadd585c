"""Benchmark (not a test): single-file scan time and pages per second.

    python benchmarks/bench_scan.py [FILES...]       # default: the bundled examples

Prints, per file, the cold CLI time (a fresh ``lbcheck scan`` process, imports included) and the
warm in-process time (catalogue compiled once; ingest + check + JSON report), median of N runs,
with pages per second where the format has pages. Also prints the one-time start-up cost.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cold(path: Path, runs: int) -> float:
    exe = Path(sys.executable).with_name("lbcheck")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "scan", "--format", "json", "--fail-on", "never", str(path)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = args.files or sorted(
        p
        for p in (ROOT / "examples").iterdir()
        if p.suffix in {".md", ".docx", ".pdf", ".odt", ".txt"}
    )

    start = time.perf_counter()
    from lbcheck.criteria.loader import load_catalogue
    from lbcheck.engine.compiled import compile_catalogue
    from lbcheck.engine.evaluate import check_document
    from lbcheck.ingest import read_document
    from lbcheck.models import Report
    from lbcheck.reporters import get_reporter

    entries = compile_catalogue(load_catalogue())
    setup = time.perf_counter() - start
    print(f"start-up (imports, spaCy, {len(entries)} compiled entries): {setup * 1000:.0f} ms")
    print(f"{'file':48} {'pages':>5} {'warm ms':>8} {'pages/s':>8} {'cold CLI s':>10}")
    reporter = get_reporter("json")
    for path in files:
        warm = []
        pages = None
        for _ in range(args.runs):
            t0 = time.perf_counter()
            doc = read_document(path)
            report = check_document(doc, entries)
            reporter.render(Report((report,)))
            warm.append(time.perf_counter() - t0)
            pages = doc.pages
        ms = statistics.median(warm) * 1000
        pps = f"{pages / (ms / 1000):8.0f}" if pages else f"{'-':>8}"
        print(
            f"{path.name[:48]:48} {pages or '-':>5} {ms:8.1f} {pps} "
            f"{cold(path, max(1, args.runs // 2)):10.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
