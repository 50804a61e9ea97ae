"""Where the cache's entries are kept: the name of an entry's shard, and the check that
a build shard names only plain paths inside the output (build/cache/disk.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from soteneg.build.cache import PARSED, Cache
from soteneg.build.cache.disk import _plain_paths, _shard
from soteneg.build.cache.parsed import decode_shard, encode_shard
from soteneg.build.output import cache_dir
from soteneg.build.records import Inputs, Record

# Names a build shard may hold, and names whose file the next build could delete
# outside the output (or in a folder above a file's own).
PLAIN = [
    "index.html",
    "a/b/index.html",
    ".well-known/x",
    "a/.b",
    "a/b..c/d",
    "a..",
    "...",
    "a/...b",
]
NOT_PLAIN = [
    "",
    "/etc/passwd",
    "a//b",
    "a/",
    ".",
    "..",
    "./a",
    "../a",
    "a/.",
    "a/..",
    "a/./b",
    "a/../b",
    "a/b/../../../c",
]


def _by_parts(names: list[str]) -> bool:
    return all({"", ".", ".."}.isdisjoint(name.split("/")) for name in names)


@pytest.mark.parametrize("name", PLAIN + NOT_PLAIN)
def test_a_name_is_plain_as_its_parts_say(name: str) -> None:
    assert _plain_paths([name]) == _by_parts([name]) == (name in PLAIN)


@pytest.mark.parametrize("bad", NOT_PLAIN)
def test_one_name_that_is_not_plain_among_plain_ones_is_found(bad: str) -> None:
    # Joined, each name's parts still stand between slashes: first, last and between.
    for at in range(len(PLAIN) + 1):
        names = [*PLAIN[:at], bad, *PLAIN[at:]]
        assert not _plain_paths(names), names


def test_plain_names_stay_plain_joined_in_any_order() -> None:
    assert _plain_paths(PLAIN) and _plain_paths(PLAIN[::-1])
    assert _plain_paths([])  # a shard of no files (pages that made none)


def _parsed(text: str) -> tuple[str, None, list[object]]:
    return text, None, []  # what parse_source gives for a file without front matter


def test_an_entry_in_another_shard_than_its_own_is_read_and_saved_to_its_own(
    tmp_path: Path,
) -> None:
    """What an earlier way of naming shards left: every shard is read, so the entry is
    found, and the next save keeps it where the shard's name says."""
    out = tmp_path / "out"
    names = [f"content/{n}.md" for n in range(8)]
    first = Cache.on_disk(out, "k")
    first.begin()
    first.get_or_make(PARSED, dict.fromkeys(names, "1"), lambda todo: {n: _parsed(n) for n in todo})
    first.keep({"index.html": Record("sha")}, Inputs("k"))
    folder = cache_dir(out) / "parsed"
    moved = names[0]
    own = folder / f"{_shard(moved)}.msgpack"
    other = folder / f"{'00' if _shard(moved) != '00' else '01'}.msgpack"
    entries = decode_shard(own.read_bytes(), "k")
    elsewhere = decode_shard(other.read_bytes(), "k") if other.exists() else {}
    other.write_bytes(encode_shard("k", {**elsewhere, moved: entries.pop(moved)}))
    if entries:
        own.write_bytes(encode_shard("k", entries))
    else:
        own.unlink()

    def nothing(todo: list[str]) -> dict[str, object]:
        raise AssertionError(f"parsed again: {todo}")

    later = Cache.on_disk(out, "k")
    later.begin()
    assert later.get_or_make(PARSED, dict.fromkeys(names, "1"), nothing)[moved] == _parsed(moved)
    later.keep({"index.html": Record("sha")}, Inputs("k"))
    assert moved in decode_shard(own.read_bytes(), "k")
    assert not other.exists() or moved not in decode_shard(other.read_bytes(), "k")
