"""Benchmark (not a test): a simulated large audit, throughput per number of workers.

    python benchmarks/bench_audit_scale.py [--documents 2000] [--runs local:1 local:2 dask:1 dask:2]
        [--source FOLDER]

Generates small tenders from the examples in a temporary folder (Markdown variants and copies
of the example DOCX, 100 per subfolder), or with ``--source`` cycles real files (e.g. the
30-page PDFs of ``make_pdfs.py``), then runs ``lbcheck audit --no-cache`` once per
configuration as a user would (a new process each time, start-up included) and prints a
Markdown table: wall time, documents/s, speed-up over the first configuration, and CPU time
per document of all processes of the run (which other load on the machine changes less), and
resident memory: the audit process when a quarter and when all documents are checked (equal
means flat: nothing is kept per document), its peak while writing the reports, and the largest
worker. The machine
(cores, CPU, load average before and after) is printed with it, because other work on the
machine changes the numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def generate(folder: Path, count: int) -> int:
    """``count`` documents: nine Markdown variants (paragraphs left out in turn) to one DOCX."""
    paragraphs = (EXAMPLES / "lb_bueromaterial.md").read_text(encoding="utf-8").split("\n\n")
    docx = (EXAMPLES / "lb_reinigung.docx").read_bytes()
    size = 0
    for i in range(count):
        sub = folder / f"vergabestelle_{i // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        if i % 10 == 9:
            path = sub / f"lb_{i:05d}.docx"
            path.write_bytes(docx)
        else:
            kept = [p for j, p in enumerate(paragraphs) if j == 0 or (i + j) % 5]
            path = sub / f"lb_{i:05d}.md"
            path.write_text("\n\n".join(kept), encoding="utf-8")
        size += path.stat().st_size
    return size


def copies(folder: Path, count: int, source: Path) -> int:
    """``count`` documents cycled from the files in ``source`` (hard links where possible)."""
    files = sorted(p for p in source.iterdir() if p.is_file())
    size = 0
    for i in range(count):
        sub = folder / f"vergabestelle_{i // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        original = files[i % len(files)]
        path = sub / f"{i:05d}_{original.name}"
        try:
            os.link(original, path)
        except OSError:
            shutil.copyfile(original, path)
        size += path.stat().st_size
    return size


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Memory:
    """Resident memory of one run, sampled every 0.2 s: the audit process when a quarter of the
    documents and when all of them were checked (equal means flat: nothing kept per document),
    its peak while writing the reports afterwards, and the largest worker."""

    quarter: float
    checked: float
    peak: float
    worker: float


class _Progress:
    """Documents finished so far: new lines of ``documents.jsonl``, read incrementally."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.lines = path, 0, 0

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as f:
                f.seek(self.offset)
                chunk = f.read()
        except OSError:
            return self.lines
        self.offset += len(chunk)
        self.lines += chunk.count(b"\n")
        return self.lines


def _sample(proc: subprocess.Popen[bytes], out: Path, documents: int) -> Memory:
    import psutil  # the dev extra has it (through dask[distributed])

    progress = _Progress(out / "documents.jsonl")
    quarter = checked = peak = worker = 0.0
    try:
        parent = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                own = parent.memory_info().rss / 1e6
                kids = [c.memory_info().rss / 1e6 for c in parent.children(recursive=True)]
            except psutil.Error:
                continue
            done = progress()
            peak, worker = max(peak, own), max([worker, *kids])
            if done <= documents // 4:
                quarter = own
            if done < documents:
                checked = own
            time.sleep(0.2)
    finally:
        proc.wait()
    return Memory(quarter, checked, peak, worker)


def run(
    folder: Path, out: Path, executor: str, workers: int, documents: int
) -> tuple[float, float, Memory]:
    """Wall time, CPU time (all processes of the run: client, workers, scheduler) and memory."""
    command = [sys.executable, "-m", "lbcheck", "audit", str(folder), "-o", str(out)]
    command += ["--no-cache", "--force", "-q", "-j", str(workers), "--executor", executor]
    cpu = _cpu_seconds()
    start = time.monotonic()
    memory = _sample(subprocess.Popen(command), out, documents)
    return time.monotonic() - start, _cpu_seconds() - cpu, memory


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--runs", nargs="+", default=["local:1", "local:2", "dask:1", "dask:2"])
    parser.add_argument(
        "--source",
        type=Path,
        help="Ordner mit echten Dateien (z. B. die PDFs von make_pdfs.py), statt Beispielen",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lbcheck-scale-") as tmp:
        folder = Path(tmp) / "ausschreibungen"
        if args.source:
            size = copies(folder, args.documents, args.source)
        else:
            size = generate(folder, args.documents)
        print(f"Maschine: {os.cpu_count()} Kerne, {_cpu()}, Python {platform.python_version()}")
        print(f"{args.documents} Dokumente, {size / 1e6:.1f} MB; Last vorher {os.getloadavg()}")
        print()
        print(
            "| Ausführung | Worker | Zeit (s) | Dokumente/s | Faktor | CPU-ms je Dokument "
            "| Hauptprozess MB: ¼ geprüft → alle geprüft → Spitze mit Berichten "
            "| größter Unterprozess MB |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        first = None
        for spec in args.runs:
            executor, workers = spec.split(":")
            out = Path(tmp) / f"audit-{executor}-{workers}"
            seconds, cpu, memory = run(folder, out, executor, int(workers), args.documents)
            lines = (out / "documents.jsonl").read_text(encoding="utf-8").count("\n")
            assert lines == args.documents, (lines, args.documents)
            rate = args.documents / seconds
            first = first or rate
            print(
                f"| {executor} | {workers} | {seconds:.1f} | {rate:.1f} | {rate / first:.2f} "
                f"| {1000 * cpu / args.documents:.0f} "
                f"| {memory.quarter:.0f} → {memory.checked:.0f} → {memory.peak:.0f} "
                f"| {memory.worker:.0f} |",
                flush=True,
            )
            shutil.rmtree(out)
        print()
        print(f"Last nachher {os.getloadavg()}")


if __name__ == "__main__":
    main()
