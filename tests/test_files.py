"""Which files a command looks at (``whereas.files.Files``): the walk's order, and each file once however
many ways lead to it, without a set of every file found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from whereas.files import Files, collect


def _tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Resolved, That it be so.\n", encoding="utf-8")


def _found(root: Path, *paths: str | Path) -> list[tuple[str, bool]]:
    return [(os.path.relpath(p, root), walked) for p, walked in Files([root / p for p in paths])]


def test_a_folder_s_files_come_in_name_order_before_its_subfolders(tmp_path: Path) -> None:
    _tree(tmp_path, "b.md", "a.txt", "sub/z.md", "sub/deeper/y.md", "another/x.md", "c.py", ".hidden/h.md")
    _tree(tmp_path, "node_modules/n.md", ".h.md")
    assert _found(tmp_path, ".") == [
        ("a.txt", True),
        ("b.md", True),
        ("another/x.md", True),
        ("sub/z.md", True),
        ("sub/deeper/y.md", True),
    ]


def test_each_file_once_whatever_the_paths_given(tmp_path: Path) -> None:
    _tree(tmp_path, "d/a.md", "d/sub/b.md", "d/sub/c.md", "e/f.md")
    # named before its folder, a subfolder before and after its folder, a folder twice
    assert _found(tmp_path, "d/sub/c.md", "d/sub", "d", "d/sub", "e", "e", "d/a.md") == [
        ("d/sub/c.md", False),
        ("d/sub/b.md", True),
        ("d/a.md", True),
        ("e/f.md", True),
    ]
    # a hidden folder given is walked, though a walk of its parent skips it
    _tree(tmp_path, "d/.drafts/g.md")
    assert ("d/.drafts/g.md", True) in _found(tmp_path, "d", "d/.drafts")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_file_reached_through_links_is_taken_once(tmp_path: Path) -> None:
    _tree(tmp_path, "d/real.md", "outside/o.md")
    (tmp_path / "d" / "a-link.md").symlink_to(tmp_path / "d" / "real.md")  # walked before what it leads to
    (tmp_path / "d" / "b-out.md").symlink_to(tmp_path / "outside" / "o.md")
    (tmp_path / "d" / "c-out.md").symlink_to(tmp_path / "outside" / "o.md")
    (tmp_path / "d" / "z-dir").symlink_to(tmp_path / "outside", target_is_directory=True)  # not followed
    # the file under its own name, the outside file once (by its first link), then not again by name
    assert _found(tmp_path, "d", "outside/o.md") == [("d/b-out.md", True), ("d/real.md", True)]


def test_collect_lists_the_files_and_the_missing_paths(tmp_path: Path) -> None:
    _tree(tmp_path, "d/a.md", "n.txt")
    found = collect([tmp_path / "d", tmp_path / "missing", tmp_path / "n.txt"])
    assert found.files == (tmp_path / "d" / "a.md", tmp_path / "n.txt")
    assert found.walked == frozenset({tmp_path / "d" / "a.md"})
    assert [str(e) for e in found.errors] == [f"{tmp_path / 'missing'}: no such file or directory"]


def test_folders_are_walked_as_the_files_are_asked_for(tmp_path: Path) -> None:
    """The files are not listed first: a file added, after the first one is handed on, to a folder the walk
    has not reached yet is found too (``whereas.parallel`` then reads a bounded number of them ahead)."""
    _tree(tmp_path, "a/r.md", "b/r.md")
    files = iter(Files([tmp_path]))
    assert next(files) == (tmp_path / "a" / "r.md", True)
    _tree(tmp_path, "b/s.md")
    assert list(files) == [(tmp_path / "b" / "r.md", True), (tmp_path / "b" / "s.md", True)]
