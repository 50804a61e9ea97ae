"""The cache's files between builds (cache.disk), each on its own: a state file that is
missing, damaged or written for other code reads as none, never as an error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from soteneg.build.cache import disk
from soteneg.build.cache.disk import Disk
from soteneg.build.output import cache_dir
from soteneg.build.records import BuildRecords, Inputs
from soteneg.build.replan import Planned
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
