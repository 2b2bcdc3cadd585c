"""Benchmark (not a test): time to render one report in every format.

    python benchmarks/bench_formats.py [PATHS...] [--runs N]   # default: the bundled examples

Scans the paths once (the scan is not timed here; see bench_scan.py), then renders the report
in each registered format and prints the median time and the output size. A folder of
thousands of tenders makes the numbers for large batches.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from lbcheck.config import Settings
    from lbcheck.reporters import REPORTERS, get_reporter
    from lbcheck.runner import scan

    os.chdir(ROOT)
    paths = args.paths or ["examples/lb_bueromaterial.md", "examples/lb_reinigung.docx"]
    report = scan(paths, Settings(jobs=os.cpu_count() or 1))
    findings = sum(len(d.findings) for d in report.documents)
    print(f"{len(report.documents)} documents, {findings} findings, {len(report.rules)} rules")
    print(f"{'format':12} {'median ms':>10} {'KiB':>8}")
    for name in sorted(REPORTERS):
        reporter = get_reporter(name)
        times = []
        text = ""
        for _ in range(args.runs):
            start = time.perf_counter()
            text = reporter.render(report)
            times.append(time.perf_counter() - start)
        size = len(text.encode("utf-8")) / 1024
        print(f"{name:12} {statistics.median(times) * 1000:10.1f} {size:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
