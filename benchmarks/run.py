"""Speed against the limit (a benchmark, not a test): prints the numbers of docs/performance.md.

    python benchmarks/make_pdfs.py ../shared/corpus/real /tmp/lbcheck-bench   # once
    python benchmarks/run.py /tmp/lbcheck-bench [--runs 5] [--docs 150] [--compare CMD]

Measures, each as the median of ``--runs`` runs (fresh processes, interpreter start included):

1. cold ``lbcheck scan`` of one 30-page PDF: wall and CPU time (target <= 1.0 s wall);
2. ``lbcheck scan -j2`` and ``lbcheck audit -j2 --no-cache`` (all five output files) over the
   batch of 30-page PDFs against single-process ``pdftotext`` over the same files in the same
   round (ratio; targets: within 1.5x, >= 20 documents/s);
3. ``-j1`` against ``-j2`` (scaling; target >= 1.8x);
3b. the same ``scan -j2`` / ``audit -j2`` / ``pdftotext`` rounds over ``FOLDER/real``, the real
   corpus PDFs as they came (the kind of file set the issue's reference figures were taken
   on: 150 real PDFs of 12.8 pages on average), when make_pdfs.py wrote it;
4. the 500-page PDF: peak memory of the process (target <= 400 MB) and seconds per page
   against the 30-page PDF (linear cost: about the same per page);
5. what earlier documents teach a worker: CPU per document over the 40 largest files in one
   process, with the per-process caches (tokenised chunks, lemmas, heading places) kept and
   with them dropped before each document (:func:`lbcheck.learnt.forget`). The batch repeats
   real pages (the corpus has fewer distinct pages than 150 x 30); the section prints how many
   are distinct, and the second figure is the cost of a document whose words are all new.

``--compare CMD`` (e.g. ``"python -m lbcheck"`` of an older checkout) times a second command
interleaved with the first, for before/after tables. The on-disk caches (lemma table, compiled
catalogue, Python bytecode) are warmed by one untimed run first: they are built once per
installation.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path


def _lbcheck() -> list[str]:
    exe = Path(sys.executable).with_name("lbcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lbcheck.entry"]


def timed(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child processes) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def peak_mb(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``cmd`` alone, measured in a fresh parent."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def pdftotext_all(files: Sequence[Path]) -> list[str]:
    """One shell running pdftotext file after file: a single process at a time."""
    script = " && ".join(f"pdftotext -q {shlex.quote(str(f))} /dev/null" for f in files)
    return ["sh", "-c", script]


def rounds(commands: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Run every command once per round, in rotating order: (wall, cpu) per command."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    names = list(commands)
    for r in range(runs):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(timed(commands[name]))
    return times


_LEARNT_PROBE = """
import pathlib, sys, time
from lbcheck import learnt
from lbcheck.config import Settings
from lbcheck.runner import build_entries, check_file
settings = Settings()
options, _, entries = build_entries(settings)
files = [pathlib.Path(f) for f in sys.argv[2:]]
check_file(files[-1], files[-1].name, entries, settings, options)  # compiles the patterns
start = time.process_time()
for f in files:
    if sys.argv[1] == "forget":
        learnt.forget()
    check_file(f, f.name, entries, settings, options)
print((time.process_time() - start) / len(files))
"""


def learnt_cpu(files: Sequence[Path], mode: str) -> float:
    """CPU seconds per document in one process, caches kept or forgotten before each."""
    out = subprocess.run(
        [sys.executable, "-c", _LEARNT_PROBE, mode, *map(str, files)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.split()[-1])


def distinct_pages(files: Sequence[Path]) -> tuple[int, int]:
    """Pages in all files and how many different page texts they hold."""
    import pypdfium2 as pdfium

    texts: set[str] = set()
    total = 0
    for path in files:
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.add(textpage.get_text_range())
            textpage.close()
            page.close()
            total += 1
        pdf.close()
    return total, len(texts)


def warm_up(commands: Sequence[list[str]]) -> None:
    """Build the on-disk caches once, bytecode included: an installation writes it, while a
    PYTHONDONTWRITEBYTECODE in the environment would make every timed run compile sources."""
    writes_bytecode = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in commands:
        timed(cmd, env=writes_bytecode)


def _has_audit(tool: list[str]) -> bool:
    probe = [*tool, "audit", "--help"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


def _median(values: Sequence[tuple[float, float]], which: int) -> float:
    return statistics.median(v[which] for v in values)


def report_learnt(batch: Sequence[Path], runs: int) -> None:
    """Section 5: the cost per document with and without what earlier documents taught."""
    total, distinct = distinct_pages(batch)
    sample = batch[:40]
    print(f"\n5. what earlier documents teach: {distinct} distinct of {total} batch pages")
    modes: dict[str, list[float]] = {"keep": [], "forget": []}
    for _ in range(max(1, runs // 2)):
        for mode, values in modes.items():
            values.append(learnt_cpu(sample, mode))
    keep, forget = (statistics.median(modes[m]) for m in ("keep", "forget"))
    print(
        f"   lbcheck  cpu per document ({len(sample)} largest, one process): caches kept "
        f"{keep * 1000:5.0f} ms, forgotten before each {forget * 1000:5.0f} ms "
        f"({forget / keep:4.2f}x)"
    )


def count_pages(files: Sequence[Path]) -> int:
    """Pages of all ``files`` that PDFium can open (protected and broken ones count 0)."""
    import pypdfium2 as pdfium

    total = 0
    for path in files:
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            continue
        total += len(pdf)
        pdf.close()
    return total


def measure_batch(
    batch: Sequence[Path], tools: dict[str, list[str]], runs: int, one_job: bool
) -> None:
    """``scan -j2`` and ``audit -j2`` (and ``scan -j1`` with ``one_job``) over ``batch``
    against one ``pdftotext`` process over the same files in the same round."""
    scan = ["scan", "--isolated", "--format", "json", "--fail-on", "never"]
    files = [str(f) for f in batch]
    commands = {"pdftotext": pdftotext_all(batch)}
    audit_dir = Path(tempfile.mkdtemp(prefix="lbcheck-bench-audit-"))
    audit = ["audit", "--isolated", "--quiet", "--no-cache", "--force", "-j", "2"]
    for name, tool in tools.items():
        commands[f"{name} -j2"] = [*tool, *scan, "-j", "2", *files]
        if one_job:
            commands[f"{name} -j1"] = [*tool, *scan, "-j", "1", *files]
        if _has_audit(tool):  # a checkout from before issue 9 has no audit command
            commands[f"{name} audit"] = [*tool, *audit, "-o", str(audit_dir / name), *files]
    times = rounds(commands, max(1, runs // 2))
    shutil.rmtree(audit_dir, ignore_errors=True)
    reference = times["pdftotext"]
    ref, ref_cpu = _median(reference, 0), _median(reference, 1)
    print(
        f"   pdftotext (1 process) {ref:7.2f} s  {len(batch) / ref:6.1f} docs/s  "
        f"cpu {ref_cpu:6.2f} s"
    )
    for name in tools:
        two = times[f"{name} -j2"]
        ratio = statistics.median(t[0] / p[0] for t, p in zip(two, reference, strict=True))
        line = (
            f"   {name:8} -j2 {_median(two, 0):7.2f} s  {len(batch) / _median(two, 0):6.1f} "
            f"docs/s  {ratio:4.2f}x pdftotext;  "
        )
        if one_job:
            single = _median(times[f"{name} -j1"], 0)
            line += f"-j1 {single:7.2f} s  1 -> 2 workers {single / _median(two, 0):4.2f}x;  "
        cpu = _median(two, 1)
        print(line + f"cpu {cpu:6.2f} s ({cpu / ref_cpu:4.2f}x pdftotext's)")
        if f"{name} audit" not in times:
            continue
        audited = times[f"{name} audit"]
        ratio = statistics.median(t[0] / p[0] for t, p in zip(audited, reference, strict=True))
        print(
            f"   {name:8} audit -j2 {_median(audited, 0):7.2f} s  "
            f"{len(batch) / _median(audited, 0):6.1f} docs/s  {ratio:4.2f}x pdftotext"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="output folder of benchmarks/make_pdfs.py")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--docs", type=int, default=150)
    parser.add_argument("--compare", help="a second lbcheck command line to time alike")
    args = parser.parse_args()
    batch = sorted((args.folder / "batch").glob("*.pdf"), key=lambda p: -p.stat().st_size)
    batch = batch[: args.docs]  # the largest first
    one = batch[len(batch) // 2]
    big = next(args.folder.glob("big-*.pdf"))
    tools = {"lbcheck": _lbcheck()}
    if args.compare:
        tools["compare"] = shlex.split(args.compare)
    scan = ["scan", "--isolated", "--format", "json", "--fail-on", "never"]
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; median of {args.runs}")
    warm_up([[*tool, *scan, str(one)] for tool in tools.values()])

    print(f"\n1. cold scan of one 30-page PDF ({one.name})")
    for name, tool in tools.items():
        runs = [timed([*tool, *scan, str(one)]) for _ in range(args.runs)]
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"   {name:8} wall {wall:6.2f} s   cpu {cpu:6.2f} s")

    print(f"\n2./3. batch: {len(batch)} PDFs of 30 pages, largest first")
    measure_batch(batch, tools, args.runs, one_job=True)
    real = sorted((args.folder / "real").glob("*.pdf"), key=lambda p: -p.stat().st_size)
    if real:
        real = real[: args.docs]
        print(
            f"\n3b. the issue's reference kind: {len(real)} real corpus PDFs as they came "
            f"({count_pages(real)} pages), largest first"
        )
        measure_batch(real, tools, args.runs, one_job=False)

    print(f"\n4. {big.name}: peak memory and cost per page")
    for name, tool in tools.items():
        wall_big, mb = peak_mb([*tool, *scan, str(big)])
        wall_one = statistics.median(timed([*tool, *scan, str(one)])[0] for _ in range(3))
        pages_big = int(big.stem.split("-")[-1])
        print(
            f"   {name:8} {wall_big:6.1f} s  peak {mb:6.0f} MB  "
            f"{wall_big / pages_big * 1000:5.1f} ms/page (30 pages: {wall_one / 30 * 1000:5.1f})"
        )
    report_learnt(batch, args.runs)
    if shutil.which("pdftotext") is None:
        print("pdftotext missing (Debian: poppler-utils); the ratio above is not valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
