"""Writing a page into the staging folder: mkdir, open, write and close, nothing more
(render_pool.write_file, core.files.write_file), and still right when another worker
made a folder first or the kernel takes a write in parts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from soteneg.build import render_pool
from soteneg.core import files


@pytest.fixture
def staging(tmp_path: Path) -> Path:
    folder = tmp_path / ".out.new-x"
    folder.mkdir()
    return folder


def stats_below(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths below `folder` (and the handles) that os.stat and os.fstat are asked
    about from now on."""
    asked: list[str] = []
    stat, fstat = os.stat, os.fstat

    def counted_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(folder)):
            asked.append(str(path))
        return stat(path, *args, **kwargs)  # type: ignore[arg-type]

    def counted_fstat(handle: int) -> os.stat_result:
        asked.append(f"handle {handle}")
        return fstat(handle)

    monkeypatch.setattr(os, "stat", counted_stat)
    monkeypatch.setattr(os, "fstat", counted_fstat)
    return asked


def test_pages_are_written_without_asking_whether_their_folders_exist(
    staging: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = stats_below(staging, monkeypatch)
    render_pool.write_file(staging, "kierrokset/2018-syksy/uusimaa/index.html", b"a")
    render_pool.write_file(staging, "kierrokset/2018-syksy/pirkanmaa/index.html", b"b")
    render_pool.write_file(staging, "index.html", b"c")
    monkeypatch.undo()
    assert asked == []
    assert (staging / "kierrokset/2018-syksy/uusimaa/index.html").read_bytes() == b"a"
    assert (staging / "kierrokset/2018-syksy/pirkanmaa/index.html").read_bytes() == b"b"
    assert (staging / "index.html").read_bytes() == b"c"
    for folder in ("kierrokset", "kierrokset/2018-syksy", "kierrokset/2018-syksy/uusimaa"):
        assert (staging / folder).stat().st_mode & 0o777 == files.FOLDER_MODE & ~_umask()
    assert (staging / "index.html").stat().st_mode & 0o777 == files.FILE_MODE & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_folder_another_worker_made_is_written_into(staging: Path) -> None:
    # Forked workers each keep their own record of the folders made: one that another
    # made is found by mkdir, not by a question asked first.
    (staging / "teemat" / "saatavuus").mkdir(parents=True)
    render_pool.write_file(staging, "teemat/saatavuus/uusimaa/index.html", b"x")
    render_pool.write_file(staging, "teemat/saatavuus/index.html", b"y")
    assert (staging / "teemat/saatavuus/uusimaa/index.html").read_bytes() == b"x"
    assert (staging / "teemat/saatavuus/index.html").read_bytes() == b"y"


def test_a_file_where_a_page_needs_a_folder_fails_the_write(staging: Path) -> None:
    (staging / "liitteet").write_bytes(b"an attachment")
    with pytest.raises(FileExistsError):
        render_pool.write_file(staging, "liitteet/sivu/index.html", b"x")
    assert (staging / "liitteet").read_bytes() == b"an attachment"


def test_a_write_the_kernel_takes_in_parts_is_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = os.write

    def three_bytes_at_a_time(handle: int, data: bytes) -> int:
        return write(handle, bytes(data[:3]))

    monkeypatch.setattr(os, "write", three_bytes_at_a_time)
    data = bytes(range(256)) * 5
    files.write_file(tmp_path / "page.html", data)
    files.write_file(tmp_path / "empty.html", b"")
    monkeypatch.undo()
    assert (tmp_path / "page.html").read_bytes() == data
    assert (tmp_path / "empty.html").read_bytes() == b""


def test_a_staging_folder_made_again_under_the_same_name_is_written_into(
    tmp_path: Path,
) -> None:
    # The preview builds many times in one process; a staging folder is gone once its
    # files moved into the output, and the record of the folders made must go with it.
    other, again = tmp_path / ".out.new-a", tmp_path / ".out.new-b"
    for folder in (again, other, again):
        folder.mkdir()
        render_pool.write_file(folder, "kierrokset/2024-syksy/index.html", b"x")
        assert (folder / "kierrokset/2024-syksy/index.html").read_bytes() == b"x"
        shutil.rmtree(folder)
    assert all(made.startswith(str(again)) for made in render_pool._made_folders)
