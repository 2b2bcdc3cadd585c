"""The walker: globs, ignore files, lock files, symlinks and unreadable folders as rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lbcheck.audit import walk as walk_module
from lbcheck.audit.walk import Found, Problem, Selection, walk
from lbcheck.errors import UsageError


def _tree(root: Path) -> None:
    for rel in (
        "a.md",
        "b.pdf",
        "notes.xlsx",
        "~$a.docx",
        ".~lock.b.docx#",
        "draft.tmp",
        "archiv/alt.md",
        "archiv/2023/x.docx",
        "lose/c.txt",
        ".hidden/d.md",
    ):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text", encoding="utf-8")


def _shown(items: list[Found | Problem], root: Path) -> set[str]:
    return {Path(i.shown).relative_to(root).as_posix() for i in items if isinstance(i, Found)}


def test_known_suffixes_only_lock_and_temp_files_skipped(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert _shown(list(walk([str(tmp_path)])), tmp_path) == {
        "a.md",
        "b.pdf",
        "archiv/alt.md",
        "archiv/2023/x.docx",
        "lose/c.txt",
    }


def test_include_exclude_and_lbcheckignore(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".lbcheckignore").write_text("*.pdf\n", encoding="utf-8")
    (tmp_path / "archiv" / ".lbcheckignore").write_text("/2023/\n", encoding="utf-8")
    found = _shown(list(walk([str(tmp_path)], Selection(exclude=("lose/",)))), tmp_path)
    assert found == {"a.md", "archiv/alt.md"}
    only = Selection(include=("archiv/**",))
    assert _shown(list(walk([str(tmp_path)], only)), tmp_path) == {"archiv/alt.md"}


def test_symlinks_loop_outside_and_dangling_are_rows(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    outside = tmp_path / "outside"
    _tree(root)
    outside.mkdir()
    (outside / "secret.md").write_text("x", encoding="utf-8")
    (root / "archiv" / "zurueck").symlink_to(root)  # a cycle through a folder link
    (root / "raus").symlink_to(outside)
    (root / "kreis.md").symlink_to(root / "kreis2.md")
    (root / "kreis2.md").symlink_to(root / "kreis.md")
    (root / "weg.md").symlink_to(root / "gibt-es-nicht.md")
    (root / "innen.md").symlink_to(root / "a.md")  # inside: the same file once
    items = list(walk([str(root)]))
    problems = {Path(p.shown).name: p.code for p in items if isinstance(p, Problem)}
    assert problems == {
        "zurueck": "symlink-loop",
        "raus": "symlink-outside",
        "kreis.md": "symlink-loop",
        "kreis2.md": "symlink-loop",
        "weg.md": "not-found",
    }
    assert "secret.md" not in {Path(i.shown).name for i in items}
    same = [i for i in items if isinstance(i, Found) and i.path.name in {"a.md", "innen.md"}]
    assert len(same) == 1
    assert all(p.message for p in items if isinstance(p, Problem))


def test_unreadable_folder_and_file_are_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not stop root (CI runs as root), so the OS refusal is simulated.
    _tree(tmp_path)
    real_scandir = os.scandir
    real_access = os.access

    def scandir(path: object) -> object:
        if Path(str(path)).name == "archiv":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    def access(path: object, mode: int) -> bool:
        return Path(str(path)).name != "a.md" and real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    monkeypatch.setattr(walk_module.os, "access", access)
    items = list(walk([str(tmp_path)]))
    problems = {Path(p.shown).name: p.code for p in items if isinstance(p, Problem)}
    assert problems == {"archiv": "unreadable", "a.md": "unreadable"}
    assert "lose/c.txt" in _shown(items, tmp_path)


def test_missing_argument_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        list(walk([str(tmp_path / "nope")]))


def test_a_file_given_twice_is_checked_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(walk([str(tmp_path / "a.md"), str(tmp_path)]))
    assert [i.shown for i in items].count(str(tmp_path / "a.md")) == 1
