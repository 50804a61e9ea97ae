"""A build killed while it saves the cache (after its site is in place) must not leave
a cache that the next build trusts: whatever point the kill came at, the next build's
site is the one a clean build makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, NOW, build, project

# Runs `soteneg build`, dying (as SIGKILL would: no handler, no cleanup) just before
# the first cache file whose path holds argv[1] is written.
_KILLED = """
import os, sys
import soteneg.build.cache.disk as disk
from soteneg.cli import main

written, before = disk.write_private, sys.argv[1]

def write_private(path, data):
    if path.as_posix().__contains__(before):
        os._exit(9)
    written(path, data)

disk.write_private = write_private
sys.argv = ["soteneg", *sys.argv[2:]]
sys.exit(main())
"""

NEWS = "content/tiedotteet/2018-11-26-uutinen.md"
ADDED = "content/tiedotteet/2018-11-27-toinen.md"


def _killed_build(root: Path, out: Path, before: str) -> None:
    args = ["build", "--root", str(root), "--out", str(out), "--lang", "en", "--no-pdf"]
    done = subprocess.run(
        [sys.executable, "-c", _KILLED, before, *args, "--now", NOW],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )
    assert done.returncode == 9, done.stdout + done.stderr


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _added_page(out: Path, before_files: set[str]) -> None:
    """Delete, by hand and behind the cache's back, the added document's page, which
    only the killed build wrote."""
    added = sorted(f for f in set(_snapshot(out)) - before_files if f.endswith(".html"))
    assert added, "the killed build's site holds the added document's page"
    (out / added[0]).unlink()


@pytest.mark.parametrize("document_goes", [True, False])
@pytest.mark.parametrize(
    "before",
    [
        # The first file the save after the swap writes: nothing of it kept yet (the
        # parsed documents were saved while the pages rendered: the test below).
        "/checks.msgpack",
        "/build/",  # between the parsed shards and the build half
        "/build.msgpack",  # every build shard written, not their index
        "/inputs.msgpack",  # the build half's index written, the inputs not
    ],
)
def test_a_clean_build_killed_while_saving_leaves_no_cache_to_trust(
    tmp_path: Path, before: str, document_goes: bool
) -> None:
    """A clean build (here: the output was removed) swaps its site in, then saves the
    cache: killed in between, the cache still described the site before it, and the
    next build trusted it (its records, its inputs, or the two of different builds) as a
    description of the new site. A page only the killed build wrote, deleted by hand,
    was left behind when its document went too (killed before the build half was
    saved); with its document kept it was never written again, and the search index
    failed on it, exit 1, at every build until a clean one (killed before the inputs)."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    before_files = set(_snapshot(out))
    shutil.rmtree(out)
    (root / ADDED).write_text((root / NEWS).read_text().replace("2018-11-26", "2018-11-27"))
    _killed_build(root, out, before)
    _added_page(out, before_files)
    if document_goes:
        (root / ADDED).unlink()
    _next_build_is_clean(root, out, tmp_path / "clean")


@pytest.mark.parametrize("document_goes", [True, False])
def test_a_clean_build_killed_while_saving_its_parsed_documents_publishes_nothing(
    tmp_path: Path, document_goes: bool
) -> None:
    """The parsed documents are saved while the pages render (Cache.save_parsed), before
    the site is swapped in: a build killed then leaves no site and the last build's
    cache, with some parsed documents of its own beside it, each true under its key.
    The next build makes the site a clean build makes."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    shutil.rmtree(out)
    (root / ADDED).write_text((root / NEWS).read_text().replace("2018-11-26", "2018-11-27"))
    _killed_build(root, out, "/parsed/")
    assert not out.exists()
    if document_goes:
        (root / ADDED).unlink()
    _next_build_is_clean(root, out, tmp_path / "clean")


def _next_build_is_clean(root: Path, out: Path, clean: Path) -> None:
    """The build after a killed one succeeds and makes what a clean build makes."""
    next_build = build(root, out)
    assert next_build.returncode == 0, next_build.stdout + next_build.stderr
    assert "Traceback" not in next_build.stderr
    assert build(root, clean).returncode == 0
    assert _snapshot(out) == _snapshot(clean)
