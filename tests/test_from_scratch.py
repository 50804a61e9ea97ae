"""A build that makes every page again into an output an earlier build made says why
(build.from_scratch): the last build was interrupted, or the cache was made by other
code or with other options. An edit's build, updating the output in place, says
nothing of the kind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL
from test_site import NOW, build, project

from soteneg.build import cache as build_cache

NEWS = "content/tiedotteet/uutinen.md"
AGAIN = "every page was made again"

# A build in a fresh process by "other code": soteneg's own sources hash to another key.
_OTHER_CODE = """
import sys
from soteneg.build.cache import fresh
from soteneg.cli import main

fresh.code_key = lambda: "other code"
sys.argv = ["soteneg", *sys.argv[1:]]
sys.exit(main())
"""


def _edit(root: Path, n: int) -> None:
    path = root / NEWS
    path.write_text(path.read_text(encoding="utf-8") + f"\nLisäys {n}.\n", encoding="utf-8")


def test_a_build_says_why_it_made_every_page_again(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    first = build(root, out, "--no-search")
    assert first.returncode == 0, first.stdout + first.stderr
    assert AGAIN not in first.stdout  # the first build: nothing to explain
    _edit(root, 1)
    edit = build(root, out, "--no-search")
    assert edit.returncode == 0 and AGAIN not in edit.stdout, edit.stdout
    # Other options: the cache is not taken from a build with search.
    _edit(root, 2)
    other = build(root, out)
    assert other.returncode == 0, other.stdout + other.stderr
    assert f"{AGAIN}: the cache of {out} was made by another version" in other.stdout
    # Other code into the same output, then this code again: both start over.
    args = ["build", "--root", str(root), "--out", str(out), "--no-pdf", "--now", NOW]
    _edit(root, 3)
    done = subprocess.run(
        [sys.executable, "-c", _OTHER_CODE, *args, "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "COLUMNS": "400", "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{AGAIN}: the cache of {out} was made by another version" in done.stdout
    _edit(root, 4)
    back = build(root, out, "--lang", "sv")
    assert back.returncode == 0, back.stdout + back.stderr
    assert "alla sidor byggdes från början, eftersom cachen" in back.stdout
    # A build stopped while it moved its files in left its journal.
    build_cache.journal(out).write_bytes(b"")
    _edit(root, 5)
    stopped = build(root, out, "--lang", "fi")
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert "koska edellinen koonti kansioon" in stopped.stdout
    assert "keskeytyi" in stopped.stdout
    _edit(root, 6)
    assert AGAIN not in build(root, out).stdout
