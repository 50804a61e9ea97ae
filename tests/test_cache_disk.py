"""The cache's files between builds (cache.disk), each on its own: a state file that is
missing, damaged or written for other code reads as none, never as an error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.build import state_reads
from soteneg.build.cache import disk
from soteneg.build.cache.disk import Disk
from soteneg.build.output import cache_dir, ensure_private_folder
from soteneg.build.records import BuildRecords, Inputs, Record
from soteneg.build.replan import Planned
from soteneg.build.state_reads import read_state, read_states
from soteneg.content.graph import Graph

GRAPH = Graph("context", fronts="fronts")
PLAN = Planned("structure", {"doc": "text"}, {"unit": ("fp", frozenset({"doc"}))})
STAMPS = {"content/a.md": ((1, 2, 3, 4), b"digest")}
PDFS = {"pdf/a.pdf": ("inputs", "sha")}

# name -> (the file, how it is read, what it reads as when there is none, what it holds)
STATES: dict[str, tuple[str, Callable[[Disk], Any], Any, Any]] = {
    "graph": (disk.GRAPH_FILE, Disk.graph, None, GRAPH),
    "known": (disk.KNOWN_FILE, Disk.known, {}, STAMPS),
    "plan": (disk.PLAN_FILE, Disk.plan, None, PLAN),
    "pdfs": (disk.PDFS_FILE, Disk.pdfs, {}, PDFS),
}


def _saved(out: Path) -> Disk:
    Disk(out, "k", "code").save(BuildRecords(), PDFS, {}, Inputs("k"), GRAPH, STAMPS, PLAN)
    return Disk(out, "k", "code")


def _same(found: Any, wanted: Any) -> bool:
    if isinstance(wanted, Planned):  # shapes are kept in memory only
        return (found.structure, dict(found.texts), dict(found.units)) == (
            wanted.structure,
            dict(wanted.texts),
            dict(wanted.units),
        )
    return bool(found == wanted)


@pytest.mark.parametrize("state", sorted(STATES))
def test_a_state_file_reads_back_what_was_saved(tmp_path: Path, state: str) -> None:
    _, read, _, held = STATES[state]
    assert _same(read(_saved(tmp_path / "out")), held)


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "other code"])
@pytest.mark.parametrize("state", sorted(STATES))
def test_a_state_file_that_does_not_read_back_is_none(
    tmp_path: Path, state: str, damage: str
) -> None:
    name, read, none, _ = STATES[state]
    out = tmp_path / "out"
    if damage == "other code":
        # The graph, stamps and plan follow the options' key; the PDFs the code's.
        _saved(out)
        assert read(Disk(out, "other", "other")) == none
        return
    path = cache_dir(out) / name
    found = _saved(out)
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"\xc1 not msgpack")
    else:
        path.write_bytes(path.read_bytes()[:-3])
    assert read(found) == none


def _sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no room on disk: what a forged or damaged state
    file of gigabytes looks like to the build."""
    path.unlink(missing_ok=True)
    with path.open("wb") as file:
        file.truncate(size)


def test_a_state_file_past_the_limit_is_not_read(tmp_path: Path) -> None:
    folder = cache_dir(tmp_path / "out")
    ensure_private_folder(folder)
    path = folder / disk.INPUTS_FILE
    _sparse(path, state_reads.STATE_LIMIT + 1)
    assert read_state(path) is None
    assert read_states(folder, [path.name]) == {path.name: None}


def test_the_limit_is_the_largest_size_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_reads, "STATE_LIMIT", 100)
    folder = cache_dir(tmp_path / "out")
    ensure_private_folder(folder)
    path = folder / disk.INPUTS_FILE
    path.write_bytes(b"x" * 100)
    assert read_state(path) == b"x" * 100
    path.write_bytes(b"x" * 101)
    assert read_state(path) is None


@pytest.mark.parametrize("state", sorted(STATES))
def test_a_state_file_past_the_limit_reads_as_none(tmp_path: Path, state: str) -> None:
    name, read, none, _ = STATES[state]
    out = tmp_path / "out"
    found = _saved(out)
    _sparse(cache_dir(out) / name, state_reads.STATE_LIMIT + 1)
    assert read(found) == none


@pytest.mark.parametrize("which", ["the index", "a shard", "the inputs"])
def test_a_build_half_past_the_limit_means_a_clean_build(tmp_path: Path, which: str) -> None:
    """Never a traceback: a file too large to be ours is a damaged one, and the build
    that finds it starts clean and writes the same site."""
    root = project(tmp_path, GOLDEN_SITE)
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert build(root, out).returncode == 0
    folder = cache_dir(out)
    if which == "the index":
        path = folder / disk.BUILD_FILE
    elif which == "a shard":
        path = sorted((folder / disk.BUILD_DIR).iterdir())[0]
    else:
        path = folder / disk.INPUTS_FILE
    _sparse(path, state_reads.STATE_LIMIT + 1)
    (root / "content/kierrokset/2018-syksy/uusimaa.md").touch()
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "nothing changed" not in result.stdout
    assert path.stat().st_size < state_reads.STATE_LIMIT  # written anew
    assert build(root, clean).returncode == 0
    assert _files(out) == _files(clean)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _records(count: int) -> BuildRecords:
    return BuildRecords(
        {f"unit{n}": ("fp", f"page{n}/index.html") for n in range(count)},
        {f"page{n}/index.html": Record("sha", f"unit{n}") for n in range(count)},
    )


def _index(out: Path) -> set[str]:
    found = msgspec.msgpack.decode((cache_dir(out) / disk.BUILD_FILE).read_bytes())
    return {f"{name}{disk.SHARD_SUFFIX}" for name in found["shards"]}


def _save(out: Path, build_half: BuildRecords, read_first: bool = True) -> None:
    saving = Disk(out, "k", "code")
    if read_first:
        saving.build()
    saving.save(build_half, {}, {}, Inputs("k"))


def test_a_save_removes_the_shards_its_index_does_not_name(tmp_path: Path) -> None:
    """Left by an earlier format, a build killed between its shards and its index, or
    pages no longer made: never read, they stayed for ever. Links are removed, never
    followed, and nothing outside the cache folder is touched."""
    out = tmp_path / "out"
    _save(out, _records(40))
    shards = cache_dir(out) / disk.BUILD_DIR
    named = _index(out)
    unnamed = sorted({f"{n:02x}{disk.SHARD_SUFFIX}" for n in range(256)} - named)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret").write_bytes(b"keep")
    (elsewhere / "folder").mkdir()
    (elsewhere / "folder" / "inside").write_bytes(b"keep")
    (shards / unnamed[0]).write_bytes((shards / sorted(named)[0]).read_bytes())
    (shards / "notes.txt").write_bytes(b"x")
    (shards / ".00.msgpack.tmp").write_bytes(b"x")
    (shards / unnamed[1]).symlink_to(elsewhere / "secret")
    (shards / "linked-folder").symlink_to(elsewhere / "folder", target_is_directory=True)
    (shards / "made-by-hand").mkdir()
    (shards / "made-by-hand" / "link").symlink_to(elsewhere / "secret")
    (shards / "made-by-hand" / "linked-folder").symlink_to(elsewhere / "folder")
    _save(out, _records(40))
    assert {p.name for p in shards.iterdir()} == named == _index(out)
    assert (elsewhere / "secret").read_bytes() == b"keep"
    assert (elsewhere / "folder" / "inside").read_bytes() == b"keep"
    assert Disk(out, "k", "code").build() == _records(40)


@pytest.mark.parametrize("read_first", [True, False])
def test_a_shard_no_longer_needed_is_removed(tmp_path: Path, read_first: bool) -> None:
    """Also when the last index did not read back (another format, another key): the
    save does not know which shards the last build wrote."""
    out = tmp_path / "out"
    _save(out, _records(40))
    before = _index(out)
    _save(out, _records(2), read_first)
    after = _index(out)
    assert after < before
    assert {p.name for p in (cache_dir(out) / disk.BUILD_DIR).iterdir()} == after
    assert Disk(out, "k", "code").build() == _records(2)
