"""Several formats in one run (``--format NAME[:FILE]``) and the catalogue export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from lbcheck.cli import main
from lbcheck.errors import UsageError
from lbcheck.outputs import OutputSpec, parse_formats

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lb_bueromaterial.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_formats() -> None:
    assert parse_formats([]) == (OutputSpec("terminal"),)
    assert parse_formats(["concise", "sarif:a/b.sarif"]) == (
        OutputSpec("concise"),
        OutputSpec("sarif", Path("a/b.sarif")),
    )
    assert parse_formats(["json"], Path("r.json")) == (OutputSpec("json", Path("r.json")),)
    assert parse_formats(["sarif:C:\\r.sarif"])[0].path == Path("C:\\r.sarif")


@pytest.mark.parametrize(
    ("values", "output", "words"),
    [
        (["pdf"], None, "unbekanntes Format"),
        (["sarif:"], None, "fehlt der Dateiname"),
        (["terminal", "json"], None, "nur ein Format"),
        (["sarif:a.sarif"], Path("b.json"), "Lassen Sie --output weg"),
        (["sarif:a.x", "junit:a.x"], None, "dieselbe Datei"),
        (["json", "sarif:r.json"], Path("r.json"), "dieselbe Datei"),
    ],
)
def test_parse_formats_errors(values: list[str], output: Path | None, words: str) -> None:
    with pytest.raises(UsageError, match=words):
        parse_formats(values, output)


def test_several_formats_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("vorher\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    sarif, junit, gh = tmp_path / "r.sarif", tmp_path / "r.xml", tmp_path / "gh.txt"
    code, out, _ = run(
        capsys,
        "scan",
        "-f",
        "concise",
        "--format",
        f"sarif:{sarif}",
        "--format",
        f"junit:{junit}",
        "--format",
        f"github:{gh}",
        str(EXAMPLE),
    )
    assert code == 1  # the exit code does not depend on the formats
    assert out.splitlines()[0].startswith(f"{EXAMPLE}:16: VR-04 warning ")
    log = json.loads(sarif.read_text(encoding="utf-8"))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["workingDirectory"]["uri"] == Path.cwd().as_uri() + "/"
    assert invocation["arguments"]  # the command line of this process
    assert etree.fromstring(junit.read_bytes()).tag == "testsuites"
    assert gh.read_text(encoding="utf-8").startswith("::error ")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("vorher\n## lbcheck: Prüfbericht")  # appended, never replaced


def test_output_goes_to_the_format_without_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, gitlab = tmp_path / "r.jsonl", tmp_path / "gl.json"
    code, out, _ = run(
        capsys,
        "scan",
        "--fail-on",
        "never",
        "-f",
        "json-lines",
        "-f",
        f"gitlab:{gitlab}",
        "-o",
        str(report),
        str(EXAMPLE),
    )
    assert code == 0 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["path"] == str(EXAMPLE)
    assert json.loads(gitlab.read_text(encoding="utf-8"))[0]["check_name"] == "VR-04"


def test_no_summary_without_github_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "scan", "-f", "concise", str(EXAMPLE))
    assert not summary.exists()


def test_format_file_is_never_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "lb.md"
    doc.write_text("# LB\n\nPapier.\n", encoding="utf-8")
    code, _, err = run(capsys, "scan", "-f", f"sarif:{doc}", str(doc))
    assert code == 2 and "überschreibt sie nicht" in err
    assert doc.read_text(encoding="utf-8") == "# LB\n\nPapier.\n"


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "scan", "-f", "xml", str(EXAMPLE))
    assert code == 2 and "bekannt sind" in err and "sarif" in err


def test_criteria_list_json_exports_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "criteria", "list", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["catalogue_version"] == 1
    assert [s["set"] for s in data["sets"]] == [
        "ilo",
        "kreislauf",
        "buero",
        "dienstleistungen",
        "vergaberecht",
    ]
    vr01 = next(e for e in data["entries"] if e["code"] == "VR-01")
    assert vr01["set"] == "vergaberecht" and vr01["kind"] == "rule"
    for key in ("name", "title", "severity", "patterns", "message", "rationale", "legal_basis"):
        assert vr01[key]
    assert vr01["examples"]["pass"] and vr01["examples"]["fail"]
    assert len(data["entries"]) == 41
    _, only, _ = run(capsys, "criteria", "list", "--set", "ilo", "-f", "json")
    assert {e["set"] for e in json.loads(only)["entries"]} == {"ilo"}
    code, _, err = run(capsys, "criteria", "list", "-f", "yaml")
    assert code == 2 and "text oder json" in err


def test_existing_target_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh, old = tmp_path / "neu.sarif", tmp_path / "alt.xml"
    old.write_text("alt", encoding="utf-8")
    code, out, err = run(capsys, "scan", "-f", f"sarif:{fresh}", "-f", f"junit:{old}", str(EXAMPLE))
    assert code == 2 and "--force" in err and out == ""
    assert not fresh.exists() and old.read_text(encoding="utf-8") == "alt"
    code, _, _ = run(
        capsys, "scan", "-f", f"sarif:{fresh}", "-f", f"junit:{old}", "--force", str(EXAMPLE)
    )
    assert code == 1 and fresh.exists() and old.read_text(encoding="utf-8").startswith("<?xml")


def test_a_report_nobody_sees_is_not_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--quiet`` and ``--statistics`` print no report: it is not rendered either (the
    terminal report of 150 documents took about 2 s); reports for files still are."""
    from lbcheck.models import Report
    from lbcheck.reporters.terminal import TerminalReporter

    rendered: list[str] = []
    original = TerminalReporter.render

    def counting(self: TerminalReporter, report: Report) -> str:
        rendered.append("terminal")
        return original(self, report)

    monkeypatch.setattr(TerminalReporter, "render", counting)
    assert run(capsys, "scan", "--quiet", str(EXAMPLE)) == (1, "", "")
    code, out, _ = run(capsys, "scan", "--statistics", str(EXAMPLE))
    assert code == 1 and "VR-04" in out
    assert rendered == []
    sarif = tmp_path / "r.sarif"
    code, out, _ = run(capsys, "scan", "--quiet", "-f", f"sarif:{sarif}", str(EXAMPLE))
    assert code == 1 and out == ""
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    run(capsys, "scan", str(EXAMPLE))
    assert rendered == ["terminal"]  # shown: rendered once


def test_quiet_keeps_the_job_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, "scan", "--quiet", "-f", "github", str(EXAMPLE))
    assert code == 1 and out == ""
    assert summary.read_text(encoding="utf-8").startswith("## lbcheck: Prüfbericht")
