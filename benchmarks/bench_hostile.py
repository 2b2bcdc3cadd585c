"""Benchmark (not a test): time and peak memory of every crafted file in tests/hostile/build.py.

    python benchmarks/bench_hostile.py [--slow]

Each file runs in a fresh process (``tests.hostile.run_cases`` under a 2.5 GB address-space
limit); the table shows the outcome code, the seconds for reading and checking, and the peak
resident memory of that process (spaCy and the catalogue alone take about 250 MB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.build import CASES  # noqa: E402 - the repository root is put on the path first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--slow", action="store_true", help="also the multi-GB cases")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            if case.slow and not args.slow:
                continue
            path = Path(folder) / case.name
            path.write_bytes(case.build())
            proc = subprocess.run(
                [sys.executable, "-m", "tests.hostile.run_cases", "2500", str(path)],
                cwd=ROOT, capture_output=True, text=True, check=False,
            )  # fmt: skip
            result = json.loads(proc.stdout.splitlines()[-1]) if proc.stdout else {}
            sys.stdout.write(
                f"{case.name:34} {result.get('code', 'CRASH'):12} "
                f"{result.get('seconds', float('nan')):7.2f} s {result.get('peak_mb', 0):7} MB\n"
            )
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
