"""The failure classes of issue 10 that live outside the readers, reproduced through the command
line as an attacker would set them up: escape sequences in file names, excerpts and criteria
titles in every format; symlink loops, links out of the tree and unreadable folders; a user
regex that backtracks at run time; a looping link as --output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from lbcheck.cli import main
from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest import read_document
from lbcheck.ingest.folders import walk_folder
from lbcheck.reporters import REPORTERS
from tests.hostile.criteria_files import user_set

TENDER = "Kopierpapier muss aus 100 % Altpapier bestehen und den Blauen Engel tragen.\n"
ESCAPES = "\x1b]0;lbcheck-title\x07\x1b[2J\x9b31m"
TEXT_FORMATS = ("terminal", "concise", "github", "markdown")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, str]:
    code, out, err = _run(capsys, "scan", "-f", "json", "--fail-on", "never", *map(str, paths))
    assert code == 0, err
    return {d["path"]: (d["error"] or {}).get("code", "ok") for d in json.loads(out)["documents"]}


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lv"
    folder.mkdir()
    body = (
        f"Kopierpapier [netto] {ESCAPES} muss aus 100 % Altpapier [/] [bold]x[/bold] bestehen "
        "und den Blauen Engel tragen.\n" + TENDER.replace("Kopier", "Druck") * 3
    )
    (folder / f"lv{ESCAPES}.txt").write_text(body, encoding="utf-8")
    return folder


def test_no_format_lets_a_control_character_through(
    hostile_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format, from one run: text formats show escapes visibly, data formats encode them."""
    names = [n for n in REPORTERS if n != "terminal"]
    args = [f"--format={n}:{tmp_path / ('out-' + n)}" for n in names]
    code, out, err = _run(
        capsys, "scan", "--fail-on", "never", "-f", "terminal", *args, str(hostile_folder)
    )
    assert code == 0, err
    written = {n: (tmp_path / f"out-{n}").read_text(encoding="utf-8") for n in names}
    for name, text in [("terminal", out), *written.items()]:
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, name
    for name in TEXT_FORMATS[1:]:
        assert "lv\\x1b" in written[name] or "lv\\\\x1b" in written[name], name
    assert "[netto]" in out and "[/]" in out and "[bold]x[/bold]" in out


def test_criteria_title_is_neither_markup_nor_control(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    criteria = tmp_path / "haus.yaml"
    hostile = user_set(r"\bGrünstrom\w*").replace(
        "title: Grünstrom", 'title: "Grünstrom [/] [red]rot[/red] \\e[2J"'
    )
    criteria.write_text(hostile, encoding="utf-8")
    tender = tmp_path / "lv.md"
    tender.write_text("# LB\n\nDer Auftragnehmer liefert Strom.\n", encoding="utf-8")
    files = {fmt: tmp_path / f"out-{fmt}" for fmt in TEXT_FORMATS[1:]}
    code, out, err = _run(
        capsys, "scan", "--fail-on", "never", "--criteria", str(criteria), "-f", "terminal",
        *(f"--format={fmt}:{path}" for fmt, path in files.items()), str(tender),
    )  # fmt: skip
    assert code == 0, err
    texts = {"terminal": out} | {f: p.read_text(encoding="utf-8") for f, p in files.items()}
    for fmt, text in texts.items():
        assert "\x1b" not in text and "HR-01" in text, fmt
    assert "[red]rot[/red]" in out


def test_error_message_with_escape_in_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "scan", f"fehlt{ESCAPES}.txt")
    assert code == 2
    assert "\x1b" not in err and "fehlt\\x1b]0;lbcheck-title" in err


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "lv"
    (root / "teil").mkdir(parents=True)
    (root / "a.txt").write_text(TENDER, encoding="utf-8")
    (root / "teil" / "b.md").write_text(TENDER, encoding="utf-8")
    (root / "schleife1.txt").symlink_to("schleife2.txt")
    (root / "schleife2.txt").symlink_to("schleife1.txt")
    (root / "teil" / "hoch").symlink_to("..")  # a folder loop
    (root / "auch-teil").symlink_to("teil")  # inside the tree: followed, files once
    outside = tmp_path / "anderswo"
    outside.mkdir()
    (outside / "fremd.txt").write_text(TENDER, encoding="utf-8")
    (root / "raus").symlink_to(outside)
    return root


def test_symlink_loops_and_links_out_are_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _tree(tmp_path)
    rows = _rows(capsys, root)
    assert rows == {
        f"{root}/a.txt": "ok",
        f"{root}/schleife1.txt": "symlink-loop",
        f"{root}/schleife2.txt": "symlink-loop",
        f"{root}/raus": "symlink-outside",
        f"{root}/teil/b.md": "ok",
        f"{root}/teil/hoch": "symlink-loop",
    }
    assert _rows(capsys, root / "schleife1.txt") == {f"{root}/schleife1.txt": "symlink-loop"}


def test_looping_link_as_output_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _tree(tmp_path)
    code, _, err = _run(capsys, "scan", "-o", str(root / "schleife1.txt"), str(root / "a.txt"))
    assert code == 2 and "im Kreis" in err
    report = tmp_path / "bericht.json"  # and a looping link as the input of a run with --output
    code, _, err = _run(
        capsys, "scan", "-f", "json", "-o", str(report), str(root / "schleife1.txt")
    )
    assert code == 1, err
    assert json.loads(report.read_text())["documents"][0]["error"]["code"] == "symlink-loop"


def test_unreadable_folder_is_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads everything, so the refusal of the system is simulated where it happens."""
    root = tmp_path / "lv"
    (root / "gesperrt").mkdir(parents=True)
    (root / "a.txt").write_text(TENDER, encoding="utf-8")
    (root / "gesperrt" / "b.txt").write_text(TENDER, encoding="utf-8")
    real_scandir = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "gesperrt":
            raise PermissionError(13, "Keine Berechtigung", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    found = list(walk_folder(root, {".txt"}))
    assert found == [root / "a.txt", root / "gesperrt"]
    with pytest.raises(IngestError) as caught:
        read_document(root / "gesperrt")
    assert caught.value.code is IngestCode.UNREADABLE


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make the folder unreadable")
def test_unreadable_folder_for_a_real_user(tmp_path: Path) -> None:
    """The same through the console script, run as 'nobody' so that permissions apply."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv not available")
    base = Path(tempfile.mkdtemp(prefix="lbcheck-hostile-"))  # pytest's own is root-only
    try:
        base.chmod(0o755)
        root = base / "lv"
        (root / "gesperrt").mkdir(parents=True)
        (root / "a.txt").write_text(TENDER, encoding="utf-8")
        (root / "gesperrt" / "b.txt").write_text(TENDER, encoding="utf-8")
        (root / "gesperrt").chmod(0)
        (root / "zu.txt").write_text(TENDER, encoding="utf-8")
        (root / "zu.txt").chmod(0)
        hidden = tmp_path / "lv"  # below pytest's folder, which nobody may search
        hidden.mkdir()
        proc = subprocess.run(
            [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
             "-m", "lbcheck", "scan", "-f", "json", "--fail-on", "never", str(root),
             str(hidden)], capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
    finally:
        (base / "lv" / "gesperrt").chmod(0o755)
        shutil.rmtree(base)
    if "No module named" in proc.stderr:
        pytest.skip("the virtual environment is not readable for 'nobody'")
    assert proc.returncode == 0, proc.stderr
    docs = json.loads(proc.stdout)["documents"]
    codes = {d["path"]: (d["error"] or {}).get("code", "ok") for d in docs}
    assert codes == {
        f"{root}/a.txt": "ok",
        f"{root}/gesperrt": "unreadable",
        f"{root}/zu.txt": "unreadable",
        str(hidden): "unreadable",
    }


def test_user_regex_that_backtracks_at_run_time_is_a_timeout_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pattern the load-time probe missed stops at the regex timeout; the batch goes on."""
    from lbcheck.criteria import loader
    from lbcheck.engine import compiled, evaluate, match

    monkeypatch.setattr(loader, "check_patterns", lambda value, source: None)  # it slipped by
    for module in (compiled, match, evaluate):
        monkeypatch.setattr(module, "REGEX_TIMEOUT", 0.5)
    criteria = tmp_path / "haus.yaml"
    criteria.write_text(user_set("(a|a)+$"), encoding="utf-8")
    (tmp_path / "boese.txt").write_text("Haus " + "a" * 40 + "!\n", encoding="utf-8")
    (tmp_path / "gut.txt").write_text(TENDER, encoding="utf-8")
    code, out, err = _run(
        capsys, "scan", "-f", "json", "--fail-on", "never", "--criteria", str(criteria),
        str(tmp_path / "boese.txt"), str(tmp_path / "gut.txt"),
    )  # fmt: skip
    assert code == 0, err
    docs = {Path(d["path"]).name: d for d in json.loads(out)["documents"]}
    assert docs["boese.txt"]["error"]["code"] == "timeout"
    assert "regulärer Ausdruck" in docs["boese.txt"]["error"]["detail"]
    assert docs["gut.txt"]["status"] == "ok"
