"""What a save's encoding of the build cache costs: each cache file of an existing cache
folder decoded once, then encoded as a save encodes it, CPU seconds (the minimum and
the median of 7), with whichever soteneg is on PYTHONPATH, for an A/B of two codes:

    PYTHONPATH=CODE CODE/.venv/bin/python CODE/bench/cache_encode.py CACHE

CACHE is a build's cache folder (~/.cache/soteneg/<output>/cache) of the same FORMAT,
say of bench/generate.py's tree. Written by a build of other code is fine: the files
are decoded without their key. The build shards are encoded with a token each as the
code makes it (main before i-tidy5: one random token a save; after: the digest).
"""

from __future__ import annotations

import inspect
import os
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soteneg.build.cache import codec, graph, known, parsed, plan


def _timed(name: str, run: Callable[[], object]) -> None:
    spent = []
    for _ in range(7):
        start = time.process_time()
        run()
        spent.append(time.process_time() - start)
    print(f"{name}: min {min(spent) * 1000:.1f} ms, median {sorted(spent)[3] * 1000:.1f} ms")


def main(folder: Path) -> None:
    shards = [
        codec._SHARD.decode((folder / "build" / n).read_bytes())
        for n in os.listdir(folder / "build")
    ]
    documents: list[dict[str, Any]] = []
    for name in os.listdir(folder / "parsed"):
        found = parsed._DECODER.decode((folder / "parsed" / name).read_bytes())
        documents.append({f: (m, parsed._load_parsed(e)) for f, (m, e) in found.parsed.items()})
    inputs = codec._INPUTS.decode((folder / "inputs.msgpack").read_bytes()).inputs
    files = known._DECODER.decode((folder / "known.msgpack").read_bytes()).files
    checks = graph._DECODER.decode((folder / "checks.msgpack").read_bytes())
    planned = plan._PLAN.decode(plan._FILE.decode((folder / "plan.msgpack").read_bytes()).payload)
    digested = "pages" in inspect.signature(codec.encode_shard).parameters

    def build_half() -> None:
        token = secrets.token_hex(8)
        for s in shards:
            if digested:
                codec.encode_shard("k", s.pages, s.records)  # type: ignore[call-arg]
            else:
                codec.encode_shard(codec.BuildShard(codec.FORMAT, "k", token, s.pages, s.records))  # type: ignore[call-arg, arg-type]

    _timed("build/ (256 shards)", build_half)
    _timed("parsed/ (256 shards)", lambda: [parsed.encode_shard("k", d) for d in documents])
    _timed("inputs.msgpack", lambda: codec.encode_inputs("k", inputs))
    _timed("known.msgpack", lambda: known.encode_known("k", dict(files)))
    _timed("checks.msgpack", lambda: graph._ENCODER.encode(checks))
    _timed("plan.msgpack (payload)", lambda: plan._ENCODER.encode(planned))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
