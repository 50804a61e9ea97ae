"""Where a clean HTML build's CPU time goes, per page: one process, no profiler.

    PYTHONPATH=. .venv/bin/python bench/page_split.py TREE OUT

Runs `soteneg build --root TREE --out OUT --no-pdf --no-search --jobs 1` in this
process from a clean output and cache, with the steps of the build and the parts of
making a page wrapped in timers of the process's CPU clock (cProfile's cost per call
would weigh the small calls of the link scan and the templates many times over). Prints
a Markdown table: each part's CPU seconds, its share and its cost per page made.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soteneg.build import render_pool
from soteneg.build import run as run_module
from soteneg.build.output import cache_dir
from soteneg.cli import main
from soteneg.content import loader

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - started
            CALLS[name] += 1

    return wrapper


def wrap(owner: Any, attribute: str, name: str) -> None:
    setattr(owner, attribute, timed(name, getattr(owner, attribute)))


def instrument() -> None:
    # Making a page: its context (the unit's make), Jinja, hashing, writing, link scan.
    # The names of main before and after the link scan read the rendered text.
    rendering = "render_text" if hasattr(render_pool, "render_text") else "render_page"
    wrap(render_pool, rendering, "page: Jinja rendering")
    render = getattr(render_pool, rendering)

    def by_template(env: Any, page: Any) -> Any:
        return timed(f"Jinja: {page.template}", render)(env, page)

    setattr(render_pool, rendering, by_template)
    wrap(render_pool, "digest", "page: hashing")
    wrap(render_pool, "write_file", "page: writing")
    scanning = "scan_text" if hasattr(render_pool, "scan_text") else "scan_page"
    wrap(render_pool, scanning, "page: link scan")
    wrap(render_pool, "sitemap_entry", "page: sitemap entry")
    wrap(render_pool, "make_one", "page: all")
    plan = run_module.Run.plan

    def timed_plan(self: run_module.Run, site: Any) -> Any:
        units = plan(self, site)
        self.units = [
            dataclasses.replace(
                u, make=timed("page: context", timed(f"context: {u.template}", u.make))
            )
            for u in units
        ]
        return self.units

    run_module.Run.plan = timed_plan  # type: ignore[method-assign]
    # The parse of a document (front matter, validation, the Markdown body).
    wrap(loader, "parse_document", "check: parse a document")
    # loader calls the name it imported: the Markdown parse and render of a body.
    wrap(loader, "parse_body", "check: parse a document: its Markdown body")
    # The build's steps.
    for step in ("index", "plan", "make_pages", "check_links", "publish"):
        wrap(run_module.Run, step, f"step: {step}")
    import soteneg.pipeline as pipeline

    wrap(pipeline, "check", "step: check")


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    out = args.out.absolute()
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache_dir(out), ignore_errors=True)
    instrument()
    argv = ["build", "--root", str(args.tree), "--out", str(out), "--no-pdf", "--no-search"]
    started = time.process_time()
    try:
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
            code = main([*argv, "--jobs", "1", "--format", "json"])
    except SystemExit as exit_:
        code = exit_.code
    total = time.process_time() - started
    if code not in (0, None):
        raise SystemExit(f"build failed: {code}")
    pages = CALLS["page: all"]
    parts = [
        "page: context",
        "page: Jinja rendering",
        "page: link scan",
        "page: writing",
        "page: hashing",
        "page: sitemap entry",
    ]
    other = SPENT["page: all"] - sum(SPENT[p] for p in parts)
    records = SPENT["step: make_pages"] - SPENT["page: all"]
    rows = [(p, SPENT[p]) for p in parts]
    rows += [("page: the rest of make_one", other)]
    rows += [("make_pages: records, sitemap, copies", records)]
    rows += [(name, SPENT[name]) for name in sorted(SPENT) if name.startswith(("check", "step"))]
    print(f"{pages} pages, {total:.2f} CPU s in all (build in this process)\n", file=sys.stderr)
    print("| part | CPU s | share | ms a page |")
    print("|---|---|---|---|")
    rows += [
        (f"{name} ({CALLS[name]})", SPENT[name])
        for name in sorted(SPENT, key=SPENT.__getitem__, reverse=True)
        if name.startswith(("Jinja:", "context:")) and SPENT[name] > 0.05
    ]
    for name, seconds in rows:
        share, each = 100 * seconds / total, 1000 * seconds / pages
        print(f"| {name} | {seconds:.2f} | {share:.1f} % | {each:.3f} |")


if __name__ == "__main__":
    main_()
