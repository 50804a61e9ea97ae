"""The cache's shard names and its check of a build shard's paths, as they were (blake2b,
a split of every path) against as they are (CRC-32, one joined string), on the real names
of a build's cache (issue 29): CPU seconds, best of 7, in one process.

    PYTHONPATH=CODE .venv/bin/python bench/shard_names.py OUT TREE

OUT: the output of a `soteneg build` of TREE run by CODE.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import msgspec

from soteneg.build.cache import codec
from soteneg.build.cache import disk as current
from soteneg.build.output import cache_dir

_NOT_NAMES = frozenset({"", ".", ".."})


def _blake2b_shard(name: str) -> str:
    return hashlib.blake2b(name.encode(), digest_size=1).hexdigest()


def _split_inside(shard: codec.BuildShard) -> bool:
    names = [*shard.records, *(output for _, output in shard.pages.values() if output)]
    return all(_NOT_NAMES.isdisjoint(rel.split("/")) for rel in names)


def _best(run: Callable[[], object]) -> float:
    spent = []
    for _ in range(7):
        started = time.process_time()
        run()
        spent.append(time.process_time() - started)
    return min(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("tree", type=Path)
    args = parser.parse_args()
    gc.disable()
    folder = cache_dir(args.out.resolve())
    data = (folder / current.BUILD_FILE).read_bytes()
    key = msgspec.msgpack.decode(data)["key"]
    index = codec.decode_index(data, key)
    shards = [
        codec.decode_shard((folder / current.BUILD_DIR / f"{n}.msgpack").read_bytes(), key, t)
        for n, t in index.items()
    ]
    units = [unit for shard in shards for unit in shard.pages]
    records = [rel for shard in shards for rel in shard.records]
    tree = args.tree.resolve()
    documents = [str(p.relative_to(tree)) for p in (tree / "content").rglob("*.md")]
    names = units + records + documents
    print(f"{len(units)} units, {len(records)} records, {len(documents)} documents")
    old = _best(lambda: [_blake2b_shard(n) for n in names])
    new = _best(lambda: [current._shard(n) for n in names])
    print(f"the shard of every name: blake2b {old:.4f} s, CRC-32 {new:.4f} s")
    old = _best(lambda: [_split_inside(s) for s in shards])
    new = _best(lambda: [current._inside_output(s) for s in shards])
    print(f"every build shard's paths: split {old:.4f} s, joined {new:.4f} s")


if __name__ == "__main__":
    main()
