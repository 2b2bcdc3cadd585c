"""The command line: exit codes, formats, batch behaviour, output safety, configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lbcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lb_bueromaterial.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_scan_terminal_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scan", str(EXAMPLE))
    assert code == 1  # the example prescribes a brand (VR-01, error)
    assert "Fazit:" in out and "Ändern:" in out
    assert "VR-01" in out and "Fabrikat" in out


def test_scan_json_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scan", "--format", "json", "--fail-on", "never", str(EXAMPLE))
    assert code == 0
    report = json.loads(out)
    assert report["schema_version"] == 1
    doc = report["documents"][0]
    assert doc["path"] == str(EXAMPLE) and doc["status"] == "ok"
    assert "buero" in doc["subject"]
    bue01 = next(c for c in doc["criteria"] if c["code"] == "BUE-01")
    assert bue01["status"] == "met" and bue01["evidence"][0]["location"]["section"]
    finding = doc["findings"][0]
    for key in (
        "code",
        "name",
        "severity",
        "message",
        "location",
        "excerpt",
        "confidence",
        "fingerprint",
    ):
        assert key in finding


def test_batch_goes_on_after_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gut.md").write_text(
        "# LB\n\nKopierpapier muss aus 100 % Altpapier bestehen.\n", encoding="utf-8"
    )
    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    (tmp_path / "kaputt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")  # not a known suffix: skipped in folders
    (tmp_path / "kaputt.md").symlink_to(tmp_path / "weg.md")  # dangling link inside a folder
    code, out, _ = run(capsys, "scan", "-f", "json", str(tmp_path))
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert set(docs) == {"gut.md", "leer.txt", "kaputt.pdf", "kaputt.md"}
    assert docs["gut.md"]["status"] == "ok"
    assert docs["leer.txt"]["error"]["code"] == "empty"
    assert docs["kaputt.pdf"]["error"]["code"] == "corrupt"
    assert docs["kaputt.md"]["error"]["code"] == "not-found"
    assert "Bitte" in docs["kaputt.pdf"]["error"]["message"]
    assert code == 1


def test_output_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bericht.json"
    target.write_text("alt", encoding="utf-8")
    code, _, err = run(capsys, "scan", "-f", "json", "-o", str(target), str(EXAMPLE))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "alt"
    run(capsys, "scan", "-f", "json", "-o", str(target), "--force", str(EXAMPLE))
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1


def test_output_never_overwrites_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "lb.md"
    source.write_text("Kopierpapier muss aus Recyclingpapier bestehen.\n", encoding="utf-8")
    code, _, _ = run(capsys, "scan", "-o", str(source), "--force", str(source))
    assert code == 2
    assert source.read_text(encoding="utf-8").startswith("Kopierpapier")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "scan", "-f", "xml", str(EXAMPLE))[0] == 2
    assert run(capsys, "scan", "--fail-on", "sometimes", str(EXAMPLE))[0] == 2
    assert run(capsys, "scan", "--sets", "nope", str(EXAMPLE))[0] == 2
    assert run(capsys, "scan", "--severity", "VR-02=hoch", str(EXAMPLE))[0] == 2
    assert run(capsys, "explain", "XX-99")[0] == 2
    code, _, err = run(capsys, "scan", "--spacy-model", "de_nicht_installiert", str(EXAMPLE))
    assert code == 2 and "nicht installiert" in err


def test_disable_and_severity(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys,
        "scan",
        "-f",
        "json",
        "--disable",
        "VR-01",
        "--severity",
        "VR-02=error",
        str(EXAMPLE),
    )
    findings = json.loads(out)["documents"][0]["findings"]
    assert not [f for f in findings if f["code"] == "VR-01"]
    assert {f["severity"] for f in findings if f["code"] == "VR-02"} == {"error"}
    _, out, _ = run(
        capsys, "scan", "-f", "json", "--disable", "vr-produktneutralitaet", str(EXAMPLE)
    )
    assert not [f for f in json.loads(out)["documents"][0]["findings"] if f["code"] == "VR-01"]


def test_sets_option_restricts_entries(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "scan", "-f", "json", "--sets", "buero", str(EXAMPLE))
    doc = json.loads(out)["documents"][0]
    assert {c["set"] for c in doc["criteria"]} == {"buero"}
    assert doc["findings"] == []


def test_project_config_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "lbcheck.yaml").write_text(
        "disable: [VR-01, VR-03]\nfail_on: never\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "scan", "-f", "json", str(EXAMPLE))
    codes = {f["code"] for f in json.loads(out)["documents"][0]["findings"]}
    assert code == 0 and not codes & {"VR-01", "VR-03"}


def test_criteria_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "criteria", "list")
    assert code == 0 and "BUE-01" in out and "VR-09" in out and "ILO-05" in out
    code, out, _ = run(capsys, "criteria", "show", "buero-recyclingpapier")
    assert code == 0 and out.startswith("BUE-01") and "Textbaustein" in out
    code, out, _ = run(capsys, "explain", "VR-03")
    assert code == 0 and "§ 34" in out


USER_SET = """set: hausregeln
title: Hausregeln der Stadt
description: Eigene Kriterien.
dimension: umwelt
entries:
  - code: HR-01
    name: hr-oekostrom
    title: Ökostrom
    dimension: umwelt
    patterns:
      - phrases: [Ökostrom]
    message: Ökostrom wird nicht verlangt.
    rationale: Unser Klimaschutzkonzept verlangt Ökostrom.
    legal_basis: [{ref: "Klimaschutzkonzept 2030", source: "https://example.org/klima"}]
    model_clause: Der Strom muss zu 100 % aus erneuerbaren Energien stammen.
    proof: Herkunftsnachweis.
    examples:
      pass: ["Der Auftragnehmer muss Ökostrom beziehen."]
      fail: ["Der Auftragnehmer muss Strom beziehen."]
"""


def test_user_criteria_validate_and_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "haus.yaml"
    own.write_text(USER_SET, encoding="utf-8")
    assert run(capsys, "criteria", "validate", str(own))[0] == 0
    doc = tmp_path / "lb.txt"
    doc.write_text("Die Liegenschaften sind mit Ökostrom zu versorgen.\n", encoding="utf-8")
    _, out, _ = run(capsys, "scan", "-f", "json", "--criteria", str(own), str(doc))
    hr = next(c for c in json.loads(out)["documents"][0]["criteria"] if c["code"] == "HR-01")
    assert hr["status"] == "met"


def test_validate_names_file_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kaputt.yaml"
    bad.write_text(
        USER_SET.replace("dimension: umwelt\n    patterns", "dimension: gruen\n    patterns"),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "criteria", "validate", str(bad))
    assert code == 2
    assert "kaputt.yaml" in err and "HR-01" in err and "dimension" in err and "Zeile" in err


def test_validate_reports_failing_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "haus.yaml"
    own.write_text(
        USER_SET.replace("Der Auftragnehmer muss Strom beziehen.", "Ökostrom muss bezogen werden."),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "criteria", "validate", str(own))
    assert code == 2 and "HR-01" in err and "fail" in err
