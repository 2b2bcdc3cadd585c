"""The terminal's last line counts exactly what the exit code counts, with German plurals."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lbcheck.gate import EXIT_FINDINGS, counted, exit_code
from lbcheck.models import DocumentReport, Report, Severity, Status
from lbcheck.reporters.digest import summary_line
from lbcheck.reporters.terminal import TerminalReporter
from tests.reporters.sample import criterion, document, finding, unreadable

_LEVELS = re.compile(r"(\d+) (Fehler), (\d+) (Warnung|Warnungen), (\d+) (Hinweis|Hinweise)")
_SEVERITIES = st.sampled_from(list(Severity))


@st.composite
def documents(draw: st.DrawFn) -> DocumentReport:
    if draw(st.booleans()) and draw(st.booleans()):
        return unreadable(f"kaputt{draw(st.integers(0, 99))}.pdf")
    base = document()
    found = tuple(
        finding(f"VR-0{n % 9 + 1}", sev, f"Satz {n}", base.findings[0].location)
        for n, sev in enumerate(draw(st.lists(_SEVERITIES, max_size=4)))
    )
    statuses = st.sampled_from([Status.MET, Status.WEAK, Status.MISSING, Status.NOT_APPLICABLE])
    crits = tuple(
        criterion(f"BUE-0{n + 1}", status, "Beleg." if status is Status.WEAK else "", sev)
        for n, (status, sev) in enumerate(
            draw(st.lists(st.tuples(statuses, _SEVERITIES), max_size=4))
        )
    )
    return replace(base, findings=found, criteria=crits)


def _numbers(line: str) -> dict[Severity, int]:
    m = _LEVELS.search(line)
    assert m, line
    return {Severity.ERROR: int(m[1]), Severity.WARNING: int(m[3]), Severity.INFO: int(m[5])}


@settings(max_examples=150, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=3))
def test_summary_counts_what_the_gate_counts(docs: list[DocumentReport]) -> None:
    report = Report(tuple(docs))
    line = summary_line(report)
    shown = _numbers(line)
    gate = counted(report)
    for severity in Severity:
        assert shown[severity] == sum(1 for c in gate if c.severity is severity), line
    for fail_on, levels in (
        ("error", [Severity.ERROR]),
        ("warning", [Severity.ERROR, Severity.WARNING]),
        ("info", list(Severity)),
    ):
        fails = exit_code(report, fail_on) == EXIT_FINDINGS
        assert fails == any(shown[s] for s in levels), (fail_on, line)
    assert exit_code(report, "never") == 0


def test_summary_plurals_and_sources() -> None:
    one = Report((replace(document(), findings=document().findings[:1], criteria=()),))
    assert summary_line(one) == (
        "1 Dokument geprüft, 0 nicht lesbar: 1 Fehler, 0 Warnungen, 0 Hinweise "
        "(1 Befund, 0 fehlende Kriterien)."
    )
    two = Report((document(), unreadable()))
    assert summary_line(two) == (
        "2 Dokumente geprüft, 1 nicht lesbar: 2 Fehler, 4 Warnungen, 0 Hinweise "
        "(3 Befunde, 2 fehlende Kriterien, 1 nicht lesbare Datei)."
    )


def test_missing_error_criterion_alone_is_not_zero_errors() -> None:
    """The bug of the issue: exit 1 with "0 Fehler, 0 Warnungen" for a missing criterion."""
    doc = replace(
        document(), findings=(), criteria=(criterion("BUE-04", Status.MISSING, "", Severity.ERROR),)
    )
    report = Report((doc,))
    assert exit_code(report, "error") == EXIT_FINDINGS
    text = TerminalReporter().render(report)
    assert "1 Fehler, 0 Warnungen, 0 Hinweise (0 Befunde, 1 fehlendes Kriterium)" in " ".join(
        text.split()
    )
