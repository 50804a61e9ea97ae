"""Crafted shards of the build half (build/): what they name must stay inside the output.
The state folder is trusted only where nobody else can write (state_trust), but a file
of it that names a path out of the output is read as a damaged cache, not followed."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec
import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.build.cache import codec
from soteneg.build.output import cache_dir
from soteneg.build.records import Record

NEWS = "content/tiedotteet/2018-11-26-uutinen.md"


@pytest.mark.parametrize("name", ["../victim.txt", "/tmp/../victim.txt", "a//../../victim.txt"])
def test_a_record_naming_a_file_outside_the_output_is_no_cache(tmp_path: Path, name: str) -> None:
    """A record is a file the last build wrote, which the next one deletes when no page
    makes it any more: one named `../victim.txt` in a shard deleted the file beside the
    output."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("not the build's")
    if name.startswith("/"):
        name = str(victim)
    index = codec.decode_index((cache_dir(out) / "build.msgpack").read_bytes(), _key(out))
    shard_name = sorted(index)[0]
    path = cache_dir(out) / "build" / f"{shard_name}.msgpack"
    shard = codec.decode_shard(path.read_bytes(), _key(out), index[shard_name])
    records = {**shard.records, name: Record("0" * 64)}
    crafted = codec.BuildShard(shard.format, shard.key, shard.token, shard.pages, records)
    path.write_bytes(msgspec.msgpack.encode(crafted))  # its token kept: forged
    os.chmod(path, 0o600)
    doc = root / NEWS
    doc.write_text(doc.read_text() + "\nLisäys.\n")  # something to do
    second = build(root, out)
    assert second.returncode == 0 and "Traceback" not in second.stderr
    assert victim.read_text() == "not the build's"


def _key(out: Path) -> str:
    # The key the build wrote its files for, as the index carries it.
    import msgspec

    return msgspec.msgpack.decode((cache_dir(out) / "build.msgpack").read_bytes())["key"]
