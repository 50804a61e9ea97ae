"""core.files: counting the files of a folder as the build's record of its output does."""

from __future__ import annotations

from pathlib import Path

from soteneg.core.files import count_files


def test_count_files_counts_as_rglob_and_is_file_do(tmp_path: Path) -> None:
    folder = tmp_path / "bundle"
    (folder / "index" / "deep").mkdir(parents=True)
    (folder / "fragment").mkdir()
    for rel in ("entry.json", "index/a.pf", "index/deep/b.pf", "fragment/c.pf"):
        (folder / rel).write_bytes(b"x")
    (folder / "linked-folder").symlink_to(folder / "index")  # not entered
    (folder / "linked-file").symlink_to(folder / "entry.json")  # a file
    (folder / "broken").symlink_to(folder / "nowhere")  # not a file
    expected = sum(1 for p in folder.rglob("*") if p.is_file())
    assert count_files(folder) == expected == 5
    assert count_files(tmp_path / "missing") == 0
