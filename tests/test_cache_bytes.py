"""Same input, same cache bytes: two clean builds of one tree, in two processes whose
sets iterate in different orders (PYTHONHASHSEED), write the same bytes to every file of
the build cache. Before, the build half's shards carried a random token per save and the
parsed documents' anchors (a frozenset) were written in their order in memory. Only the
stamps of the output files (size, times, inode) differ by nature: they are compared as
the names they stamp, in the order written."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import msgspec
from conftest import REPO, bundled_copy, run_cli

from soteneg.build.cache import codec, known, parsed
from soteneg.build.output import cache_dir
from soteneg.build.records import Inputs, Record
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile
from soteneg.content.unchanged import SETTLED_NS

NOW = "2025-01-01T00:00:00"
DOCUMENT = "content/kierrokset/2018-syksy/uusimaa.md"
_NONE: Any = (None, None, [])  # a file that did not decode: the smallest entry


def _build(root: Path, out: Path, state: Path, seed: int) -> dict[str, bytes]:
    """A clean build with its own cache folder; every file of its cache."""
    shutil.rmtree(out, ignore_errors=True)
    env = {"XDG_CACHE_HOME": str(state), "PYTHONHASHSEED": str(seed)}
    result = run_cli("build", "--root", root, "--out", out, "--no-pdf", "--now", NOW, env=env)
    assert result.returncode == 0, result.stderr
    folder = cache_dir(out).relative_to(cache_dir(out).parents[2])  # soteneg/<output>/cache
    found = state / folder
    return {
        p.relative_to(found).as_posix(): p.read_bytes() for p in found.rglob("*") if p.is_file()
    }


def _in_order(value: Any) -> Any:
    """`value` with every map as its list of pairs: the order written counts."""
    if isinstance(value, dict):
        return [(k, _in_order(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_in_order(v) for v in value]
    return value


def _without_output_stamps(name: str, data: bytes) -> Any:
    if name == "inputs.msgpack":
        found = msgspec.msgpack.decode(data)
        found["inputs"]["written"] = list(found["inputs"]["written"])
        return _in_order(found)
    if name == "search-shards.json":  # each shard's fingerprint hashes its pages' stamps
        found = json.loads(data)
        for shard in found["shards"].values():
            shard["fingerprint"] = None
        return _in_order(found)
    return data


def _settled(root: Path) -> Path:
    """`root` once every file has settled: known.msgpack keeps the stamps of the
    documents that had (content.unchanged), and a build right after the copy keeps
    fewer than one a few seconds later."""
    newest = max(p.lstat().st_ctime_ns for p in root.rglob("*"))
    time.sleep(max(0, newest + SETTLED_NS - time.time_ns()) / 1e9 + 0.1)
    return root


def test_two_builds_write_the_same_cache_bytes(tmp_path: Path) -> None:
    root = _settled(bundled_copy(tmp_path))
    out = tmp_path / "out"
    first = _build(root, out, tmp_path / "state-1", seed=1)
    second = _build(root, out, tmp_path / "state-2", seed=2)
    # Every part of the cache is there to compare.
    for name in ("build.msgpack", "inputs.msgpack", "checks.msgpack", "known.msgpack"):
        assert name in first
    assert any(n.startswith("build/") for n in first)
    assert any(n.startswith("parsed/") for n in first)
    assert sorted(first) == sorted(second)
    differ = [
        name
        for name in sorted(first)
        if _without_output_stamps(name, first[name]) != _without_output_stamps(name, second[name])
    ]
    assert differ == []


def test_a_shard_s_token_is_the_digest_of_its_entries() -> None:
    """The same entries, in any order in memory, give the same shard bytes; other
    entries give another token, so that the index never names a shard of other entries."""
    pages = {"a": ("fp-a", "a/index.html"), "b": ("fp-b", None)}
    records = {"a/index.html": Record("0" * 64, "a"), "x.css": Record("1" * 64)}
    shard, data = codec.encode_shard("key", pages, records)
    again, same = codec.encode_shard(
        "key", dict(reversed(pages.items())), dict(reversed(records.items()))
    )
    assert same == data and again.token == shard.token
    # As a BuildShard encodes: the file reads back as the shard it was made from.
    assert codec.decode_shard(data, "key", shard.token) == shard
    other, _ = codec.encode_shard("key", {**pages, "b": ("fp-c", None)}, records)
    assert other.token != shard.token
    moved, _ = codec.encode_shard("key", pages, {**records, "y.css": Record("1" * 64)})
    assert moved.token != shard.token


def test_maps_are_written_in_their_keys_order() -> None:
    """A map built in another order (a scan of the folders in the file system's order, a
    pool's units as they finish) writes the same bytes."""
    stamps = {f"content/{n}.md": (n, 2, 3, 4) for n in range(20)}
    backwards = dict(reversed(stamps.items()))
    assert codec.encode_inputs("k", Inputs(stamps=stamps)) == codec.encode_inputs(
        "k", Inputs(stamps=backwards)
    )
    files = {name: (stamp, b"digest") for name, stamp in stamps.items()}
    assert known.encode_known("k", files) == known.encode_known("k", dict(reversed(files.items())))


def test_a_parsed_shard_is_written_in_one_order() -> None:
    """Parsed documents handed over in any order (the pool parses them in no fixed
    one) write the same bytes. (Their anchors, a set, iterate in one order within a
    process: the two-process build above proves them sorted.)"""
    entry = parse_source(SourceFile(DOCUMENT, (REPO / DOCUMENT).read_bytes()), False, True)
    shard = {"a.md": ("made-of", entry), "b.md": ("made-of", _NONE)}
    again = dict(reversed(shard.items()))
    assert parsed.encode_shard("k", shard) == parsed.encode_shard("k", again)
