"""What a page's render budget (site.render_budget, 60 s on the wall clock) does to the
output when it trips, as it could on a loaded machine: the build stops with a located
error and the output stays as the last build left it, byte for byte. The budget can
fail a build; it never changes what is published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL
from test_site import NOW, build, project

# A build in a fresh process with a budget of 2 s (the workers are forked from it).
_SHORT = """
import sys
from soteneg.site import render_budget
from soteneg.cli import main

render_budget.SECONDS = 2.0
sys.argv = ["soteneg", *sys.argv[1:]]
sys.exit(main())
"""
LOOP = "{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}{{ m(40) }}"


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_a_tripped_budget_stops_the_build_and_leaves_the_output(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    assert build(root, out, "--no-search").returncode == 0
    before = _files(out)
    template = root / "templates/document.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block main %}", "{% block main %}" + LOOP, 1))
    args = ["build", "--root", str(root), "--out", str(out), "--no-pdf", "--no-search"]
    done = subprocess.run(
        [sys.executable, "-c", _SHORT, *args, "--now", NOW, "--jobs", "1", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "COLUMNS": "400", "NO_COLOR": "1"},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    line = next(x for x in done.stdout.splitlines() if "template-too-costly" in x)
    assert line.startswith("templates/document.html:") and "more than 2 seconds" in line
    assert _files(out) == before
