"""Inline suppressions, suppression files, unused suppressions, baselines, --changed-since."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import EXAMPLE, ROOT, run

BRAND = "Es ist Kopierpapier der Marke Navigator zu liefern."
OTHER = "Es sind Ordner der Marke Leitz zu liefern."


def _vr01(out: str) -> list[dict[str, str]]:
    return [f for d in json.loads(out)["documents"] for f in d["findings"] if f["code"] == "VR-01"]


def _scan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "scan", "-f", "json", "--sets", "vergaberecht", *argv)


def test_inline_markdown_next_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "lb.md"
    doc.write_text(
        f"# LB\n\n<!-- lbcheck-disable-next VR-01 -- Bestand, Vermerk 3/2026 -->\n{BRAND}\n\n"
        f"{OTHER}\n",
        encoding="utf-8",
    )
    _, out, err = _scan(capsys, str(doc))
    assert [f["excerpt"] for f in _vr01(out)] == [OTHER] and err == ""
    doc.write_text(f"<!-- lbcheck-disable-file VR-01 -->\n# LB\n\n{BRAND}\n\n{OTHER}\n")
    _, out, _ = _scan(capsys, str(doc))
    assert _vr01(out) == []


def test_inline_text_comment_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "lb.txt"
    doc.write_text(f"# lbcheck-disable-next vr-produktneutralitaet\n{BRAND}\n\n{OTHER}\n")
    _, out, _ = _scan(capsys, str(doc))
    assert [f["excerpt"] for f in _vr01(out)] == [OTHER]


def test_unused_inline_suppression_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "lb.md"
    doc.write_text(f"# LB\n\n<!-- lbcheck-disable-next VR-03 -->\n{BRAND}\n", encoding="utf-8")
    code, out, err = _scan(capsys, str(doc))
    assert len(_vr01(out)) == 1 and code == 1
    assert "Unterdrückung ohne Treffer" in err and "lb.md:3" in err and "VR-03" in err


def test_suppression_file_for_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = ROOT / "examples" / "lb_reinigung.docx"
    _, out, _ = run(capsys, "scan", "-f", "json", str(docx))
    findings = json.loads(out)["documents"][0]["findings"]
    assert findings
    target = findings[0]
    sup = tmp_path / "unterdrueckt.yaml"
    sup.write_text(
        f"suppressions:\n  - fingerprint: {target['fingerprint']}\n    code: {target['code']}\n"
        "    reason: Vom Vergabeamt geprüft, Vermerk 12/2026\n"
        "  - fingerprint: 0123456789abcdef\n    reason: alter Eintrag\n",
        encoding="utf-8",
    )
    _, out, err = run(capsys, "scan", "-f", "json", "--suppressions", str(sup), str(docx))
    after = json.loads(out)["documents"][0]["findings"]
    assert target["fingerprint"] not in {f["fingerprint"] for f in after}
    assert len(after) == len(findings) - 1
    assert "0123456789abcdef" in err and "ohne Treffer" in err


def test_suppression_file_needs_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sup = tmp_path / "s.yaml"
    sup.write_text("- fingerprint: 0123456789abcdef\n", encoding="utf-8")
    code, _, err = run(capsys, "scan", "--suppressions", str(sup), str(EXAMPLE))
    assert code == 2 and "reason" in err and "s.yaml" in err


def test_suppression_file_from_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "lb.md"
    doc.write_text(f"# LB\n\n{BRAND}\n", encoding="utf-8")
    _, out, _ = _scan(capsys, str(doc))
    fingerprint = _vr01(out)[0]["fingerprint"]
    (tmp_path / "s.yaml").write_text(f"- fingerprint: {fingerprint}\n  reason: geprüft\n")
    (tmp_path / "lbcheck.toml").write_text('suppressions = ["s.yaml"]\n', encoding="utf-8")
    _, out, _ = _scan(capsys, str(doc))
    assert _vr01(out) == []


def test_baseline_reports_only_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE, "lb.md")
    base = tmp_path / "ci" / "baseline.json"
    code, _, err = run(capsys, "scan", "--baseline", str(base), "--write-baseline", "lb.md")
    assert code == 0 and "Baseline" in err
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["lbcheck_baseline"] == 1 and data["entries"][0]["path"] == "../lb.md"
    assert run(capsys, "scan", "-q", "lb.md")[0] == 1
    assert run(capsys, "scan", "-q", "--baseline", str(base), "lb.md")[0] == 0
    monkeypatch.chdir(tmp_path / "ci")  # paths are relative to the baseline, not the cwd
    assert run(capsys, "scan", "-q", "--baseline", str(base), "../lb.md")[0] == 0
    monkeypatch.chdir(tmp_path)
    Path("lb.md").write_text(
        Path("lb.md").read_text(encoding="utf-8") + f"\n\n{OTHER}\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "scan", "-f", "json", "--baseline", str(base), "lb.md")
    assert code == 1 and [f["excerpt"] for f in _vr01(out)] == [OTHER]


def test_bad_baseline_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "scan", "--baseline", str(tmp_path / "fehlt.json"), str(EXAMPLE))
    assert code == 2 and "--write-baseline" in err
    (tmp_path / "x.json").write_text("[1, 2]", encoding="utf-8")
    code, _, err = run(capsys, "scan", "--baseline", str(tmp_path / "x.json"), str(EXAMPLE))
    assert code == 2 and "keine Baseline" in err
    code, _, err = run(capsys, "scan", "--write-baseline", str(EXAMPLE))
    assert code == 2 and "--baseline" in err


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_changed_since_only_new_findings_in_changed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = tmp_path / "repo"
    (repo / "lv").mkdir(parents=True)
    (repo / "lv" / "alt.md").write_text(f"# LB Papier\n\n{BRAND}\n", encoding="utf-8")
    (repo / "lv" / "fix.md").write_text(f"# LB Papier\n\n{BRAND}\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "start")
    monkeypatch.chdir(repo)
    (repo / "lv" / "alt.md").write_text(f"# LB Papier\n\n{BRAND}\n\n{OTHER}\n", encoding="utf-8")
    (repo / "lv" / "neu.md").write_text(f"# LB Ordner\n\n{BRAND}\n", encoding="utf-8")
    code, out, _ = _scan(capsys, "--changed-since", "main", "lv")
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert set(docs) == {"alt.md", "neu.md"}  # fix.md is unchanged
    assert [f["excerpt"] for f in docs["alt.md"]["findings"] if f["code"] == "VR-01"] == [OTHER]
    assert len([f for f in docs["neu.md"]["findings"] if f["code"] == "VR-01"]) == 1
    assert code == 1
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "next")
    code, out, err = _scan(capsys, "--changed-since", "HEAD", "lv")
    assert code == 0 and json.loads(out)["documents"] == [] and "geändert" in err
    code, _, err = _scan(capsys, "--changed-since", "gibtsnicht", "lv")
    assert code == 2 and "git fetch" in err
