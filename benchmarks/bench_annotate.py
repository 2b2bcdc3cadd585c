"""Benchmark (not a test): time to put the notes into a document, after the check.

    python benchmarks/bench_annotate.py [FILES...]   # default: the example DOCX and a PDF fixture

Per file: number of notes, how many sit on their sentence, and the median time of
``annotate_bytes`` over N runs (the scan itself is timed by ``bench_scan.py``).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lbcheck.annotate import annotate_bytes
from lbcheck.annotate.notes import notes_for
from lbcheck.config import Settings
from lbcheck.runner import scan

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [
    ROOT / "examples" / "lb_reinigung.docx",
    ROOT / "tests" / "fixtures" / "holdout3" / "h3_01_LB_Rahmenvertrag_Hygienepapier.pdf",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for path in args.files:
        report = scan([str(path)], Settings(jobs=1)).documents[0]
        notes = notes_for(report)
        data = path.read_bytes()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            _, placed = annotate_bytes(path.suffix, data, notes)
            times.append(time.perf_counter() - start)
        print(
            f"{path.name}: {len(notes.sentences)} notes, {len(placed.exact)} on their sentence, "
            f"{len(placed.approximate)} on paragraph/page; "
            f"{statistics.median(times) * 1000:.0f} ms (median of {args.runs})"
        )


if __name__ == "__main__":
    main()
