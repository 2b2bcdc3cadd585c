"""Before -> after of each start-up step, in fresh processes (a benchmark, not a test).

    python benchmarks/steps.py [--runs 5] [PDF]

Each line runs the old and the new way of one step in a fresh interpreter, interleaved, and
prints the median CPU seconds (user + system; wall time is printed too, but on a shared
machine CPU time is the steadier measure). The old ways are reproduced with the libraries
directly, so no old checkout is needed.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STEPS: dict[str, tuple[str, str]] = {
    "lemma table (355k forms)": (
        "import spacy; n = spacy.blank('de'); n.add_pipe('lemmatizer', config={'mode': 'lookup'});"
        " n.initialize(); n('Die Nachweise wurden vorgelegt.')",
        "import spacy as s; from spacy.lookups import "
        "Lookups; from lbcheck.nlp_lemmas import german_lemmas; n = s.blank('de'); "
        "l = n.add_pipe('lemmatizer', config={'mode': 'lookup'}); k = Lookups(); "
        "k.set_table('lemma_lookup', german_lemmas()); l.lookups = k; "
        "n('Die Nachweise wurden vorgelegt.')",
    ),
    "import spacy + blank('de')": (
        "import spacy; spacy.blank('de')",
        "from lbcheck.nlp import import_spacy; import_spacy().blank('de')",
    ),
    "YAML loader (built-in sets)": (
        "import yaml; from lbcheck.criteria import loader as l\n"
        "class L(yaml.SafeLoader): pass\n"
        "L.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, l._construct_mapping)"
        "\nl._LineLoader = L; l.load_catalogue()",
        "from lbcheck.criteria import loader as l; l.load_catalogue()",
    ),
    "compile catalogue (cache miss -> hit)": (
        "import os; os.environ['LBCHECK_CACHE_DIR'] = ''; from lbcheck.criteria.loader import "
        "load_catalogue; from lbcheck.engine.compiled import compile_catalogue; "
        "compile_catalogue(load_catalogue())",
        "from lbcheck.criteria.loader import load_catalogue; from lbcheck.engine.compiled "
        "import compile_catalogue; compile_catalogue(load_catalogue())",
    ),
    "teardown after a full pipeline": (
        "from lbcheck.criteria.loader import load_catalogue; from lbcheck.engine.compiled "
        "import compile_catalogue; from lbcheck.nlp import load_pipeline; "
        "compile_catalogue(load_catalogue()); load_pipeline()",
        "from lbcheck.criteria.loader import load_catalogue; from lbcheck.engine.compiled "
        "import compile_catalogue; from lbcheck.nlp import load_pipeline; import os, sys; "
        "compile_catalogue(load_catalogue()); load_pipeline(); sys.stdout.flush(); os._exit(0)",
    ),
}

LITERALS = """
import sys, time
from lbcheck.criteria.loader import load_catalogue
from lbcheck.engine.compiled import compile_catalogue
from lbcheck.engine.match import Context
from lbcheck.engine.segments import segment
from lbcheck.ingest import read_document
entries = compile_catalogue(load_catalogue())
sentences = segment(read_document(sys.argv[1]))
matchers = [m for e in entries for p in e.patterns for m in (p.matcher,)]
def run(indexed):
    ctx = Context(sentences)
    t = time.process_time()
    for m in matchers:
        if m.lemma_literals is not None and m.literal_index is not None:
            if indexed:
                ctx._with_literals(m, m.lemma_literals, True)
            else:
                ctx._sentences_with(ctx._lemmas, ctx._starts, m.lemma_literals)
    return time.process_time() - t
runs = [(run(False), run(True)) for _ in range(5)]
n = sum(len(m.lemma_literals or ()) for m in matchers)
print(n, sorted(a for a, _ in runs)[2], sorted(b for _, b in runs)[2])
"""


def cpu_of(code: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cpu_of(STEPS["compile catalogue (cache miss -> hit)"][1])  # warm the on-disk caches
    print(f"{'step':40} {'before cpu':>10} {'after cpu':>10} {'(wall before/after)':>22}")
    for name, (old, new) in STEPS.items():
        olds, news = [], []
        for _ in range(args.runs):
            olds.append(cpu_of(old))
            news.append(cpu_of(new))
        o_wall, o_cpu = (statistics.median(x[i] for x in olds) for i in (0, 1))
        n_wall, n_cpu = (statistics.median(x[i] for x in news) for i in (0, 1))
        print(f"{name:40} {o_cpu:9.2f}s {n_cpu:9.2f}s {o_wall:10.2f}s /{n_wall:6.2f}s")
    if args.pdf is not None:
        out = subprocess.run(
            [sys.executable, "-c", LITERALS, str(args.pdf)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        print(
            f"{'literal prefilter, ' + out[0] + ' literals':40} {float(out[1]):9.3f}s "
            f"{float(out[2]):9.3f}s   (one 30-page document, in process)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
