"""--output never loses data: not read as a tender, not over an input, no race, umask, no temp."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from lbcheck.app.output import check_target, write_report
from lbcheck.errors import UsageError
from tests.cli.helpers import EXAMPLE, run

TENDER = "# LB\n\nKopierpapier muss aus 100 % Altpapier bestehen.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lv"
    folder.mkdir()
    (folder / "a.md").write_text(TENDER, encoding="utf-8")
    return folder


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*lbcheck-tmp*")]


def test_output_inside_scanned_folder_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    report = folder / "bericht.md"  # a known suffix: a folder scan would pick it up
    assert run(capsys, "scan", "--fail-on", "never", "-o", str(report), str(folder))[0] == 0
    first = report.read_text(encoding="utf-8")
    assert "a.md" in first
    code, _, _ = run(
        capsys, "scan", "--fail-on", "never", "-o", str(report), "--force", str(folder)
    )
    assert code == 0
    assert "bericht.md" not in report.read_text(encoding="utf-8")
    code, _, _ = run(
        capsys,
        "scan",
        "-f",
        "json",
        "--fail-on",
        "never",
        "-o",
        str(report),
        "--force",
        str(folder / "*.md"),
    )
    paths = [d["path"] for d in json.loads(report.read_text(encoding="utf-8"))["documents"]]
    assert code == 0 and [Path(p).name for p in paths] == ["a.md"]


def test_output_named_as_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "lb.md"
    source.write_text(TENDER, encoding="utf-8")
    link = tmp_path / "hardlink.md"
    os.link(source, link)
    for target in (source, link):
        code, _, err = run(capsys, "scan", "-o", str(target), "--force", str(source))
        assert code == 2 and "geprüften Dateien" in err
    assert source.read_text(encoding="utf-8") == TENDER


@pytest.mark.parametrize("case", ["directory", "below-a-file", "unwritable"])
def test_unusable_output_is_a_usage_error_without_temp_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    target = {
        "directory": tmp_path,
        "below-a-file": tmp_path / "datei.txt" / "bericht.json",
        "unwritable": Path("/proc/lbcheck-test/bericht.json"),  # not writable, even for root
    }[case]
    (tmp_path / "datei.txt").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "scan", "-f", "json", "-o", str(target), str(EXAMPLE))
    assert code == 2, err
    assert out == "" and "--output" in err and "Bitte" in err and "Traceback" not in err
    assert _leftovers(tmp_path) == []


def test_report_respects_umask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "bericht.json"
        run(capsys, "scan", "-f", "json", "-o", str(target), str(EXAMPLE))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        os.umask(0o002)
        run(capsys, "scan", "-f", "json", "-o", str(target), "--force", str(EXAMPLE))
        assert stat.S_IMODE(target.stat().st_mode) == 0o664
    finally:
        os.umask(old)
    assert _leftovers(tmp_path) == []


def test_race_second_writer_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run creates the file after every check of ours: we must not replace it."""
    target = tmp_path / "bericht.json"
    check_target(target, force=False)  # what a run does before scanning: the name is free

    def other_run_wins(output: Path, force: bool) -> None:
        check_target(output, force)
        target.write_text("anderer Lauf", encoding="utf-8")

    monkeypatch.setattr("lbcheck.app.output.check_target", other_run_wins)
    with pytest.raises(UsageError, match="anderen Lauf"):
        write_report(b"{}", target, [], force=False)
    assert target.read_text(encoding="utf-8") == "anderer Lauf"
    assert _leftovers(tmp_path) == []


def test_force_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "bericht.json"
    target.write_text("alt", encoding="utf-8")
    before = target.stat().st_ino
    write_report(b"neu", target, [], force=True)
    assert target.read_bytes() == b"neu"
    assert target.stat().st_ino != before  # a new file renamed over, not rewritten in place
    assert _leftovers(tmp_path) == []


def test_output_parent_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "neu" / "tief" / "bericht.json"
    write_report(b"{}", target, [], force=False)
    assert target.read_bytes() == b"{}"
