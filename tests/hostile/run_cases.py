"""Run hostile files through the whole pipeline in this process, under resource limits.

``python -m tests.hostile.run_cases MEMORY_MB FILE...`` limits the address space (and CPU
time) of the process, then reads and checks each file and prints one JSON line per file:
the outcome code, the seconds it took, and what the extracted text contains. The suite
starts it as a subprocess so that a runaway file cannot take the test run with it.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

CPU_SECONDS = 600


def _peak_mb() -> int:
    """Peak resident memory of this process (VmHWM: ru_maxrss would include the parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(argv: list[str]) -> int:
    memory = int(argv[0]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))

    from lbcheck.config import Settings
    from lbcheck.engine.evaluate import Options, check_document
    from lbcheck.errors import IngestError
    from lbcheck.ingest import read_document
    from lbcheck.runner import build_entries

    settings = Settings()
    _, _, entries = build_entries(settings)
    for name in argv[1:]:
        path = Path(name)
        start = time.perf_counter()
        text = ""
        detail = ""
        try:
            document = read_document(path, max_bytes=settings.max_bytes)
            text = document.text
            report = check_document(document, entries, Options())
            code = "ok" if report.status == "ok" else report.status
        except IngestError as exc:
            code, detail = exc.code.value, exc.detail
        except Exception as exc:  # the test reports it: nothing may escape as a crash
            code, detail = "internal", repr(exc)
        result = {
            "name": path.name,
            "code": code,
            "detail": detail[:300],
            "seconds": round(time.perf_counter() - start, 3),
            "text": text if len(text) < 40_000 else text[:20_000] + text[-20_000:],
            "chars": len(text),
            "peak_mb": _peak_mb(),
        }
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
