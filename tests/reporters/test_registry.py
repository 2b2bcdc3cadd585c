"""The reporter registry imports each reporter on first use, under the name it is listed as."""

from __future__ import annotations

import subprocess
import sys

from lbcheck.reporters import REPORTERS, get_reporter


def test_every_listed_reporter_loads_under_its_name() -> None:
    assert list(REPORTERS) == [
        "terminal", "json", "html", "json-lines", "concise",
        "markdown", "sarif", "github", "gitlab", "junit",
    ]  # fmt: skip
    for name in REPORTERS:
        assert REPORTERS[name].name == name
        assert get_reporter(name).name == name
    assert "pdf" not in REPORTERS


def test_importing_the_registry_loads_no_reporter() -> None:
    code = (
        "import sys, lbcheck.reporters as r; r.REPORTERS['json'];"
        "print(sorted(m for m in ('jinja2', 'lxml', 'lbcheck.reporters.html',"
        " 'lbcheck.reporters.terminal', 'lbcheck.reporters.json_reporter') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['lbcheck.reporters.json_reporter']"
