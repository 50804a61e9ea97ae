"""Making units into files: Markdown bodies first, then pages, over processes when there
are many.

Workers are forked, so they share the site, the templates and the rendered bodies
without copying them; they send back only small records. A page whose bytes equal the
previous build's is not written at all; the others go into the staging folder, from
which the build moves them into place once every check has passed.

Workers do not keep the signal handlers of this process (the preview's, serve.py): they
die as SIGTERM says, which is how the pool stops them. They end when this process does,
however it ends (core/lifeline.py).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from soteneg.build.unit_keys import Unit
from soteneg.core import files, lifeline
from soteneg.core.problems import Problem
from soteneg.site import search
from soteneg.site.feeds import sitemap_entry
from soteneg.site.linkcheck import scan_text
from soteneg.site.page_records import PageLinks, SitemapEntry
from soteneg.site.render import render_text

# Below this many tasks a pool costs more than it saves.
PARALLEL_FROM = 200
CHUNK = 100
# A page holds text for the search index: its own body, or (a placeholder) the name of
# the page indexed in its place, whose filters and labels it gives.
SEARCH_MARKS = (b"data-pagefind-body", search.STAND_IN_MARK.encode())


@dataclass(frozen=True)
class Made:
    """What making one unit gave."""

    unit: str
    output: str | None  # None: the unit has no page (a theme without sections in a region)
    sha: str = ""
    written: bool = False  # its bytes differ from the previous build's; in staging
    links: PageLinks | None = None  # None when unchanged (the previous scan holds)
    sitemap: SitemapEntry | None = None
    sources: tuple[str, ...] = ()
    template: str = ""
    indexed: bool = False
    problem: Problem | None = None


@dataclass(frozen=True)
class Job:
    units: Sequence[Unit]
    env: jinja2.Environment
    staging: Path
    previous: Mapping[str, str]  # output file -> sha of the previous build
    base_url: str


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


# The folders this process made below the staging folder it writes into now (every
# page has a folder of its own). Forgotten when it writes into another: the preview
# builds many times in one process, and a folder of an earlier build's staging is
# gone once its files moved into the output.
_made_folders: set[str] = set()
_made_below = [""]


def write_file(folder: Path, rel: str, data: bytes) -> None:
    """Write `data` as `rel` in `folder`, a staging folder this build made."""
    top = os.fspath(folder)
    if _made_below[0] != top:
        _made_folders.clear()
        _made_below[0] = top
    target = os.path.join(top, rel)
    parent = os.path.dirname(target)
    if parent not in _made_folders:
        _make_staged_folders(top, parent)
    files.write_file(target, data)


def _make_staged_folders(top: str, folder: str) -> None:
    """Make `folder` and what is missing above it up to `top`. Each is made without
    asking first whether it exists (make_folders asks twice): below a fresh staging
    folder a folder exists only when this process made it, which `_made_folders` knows,
    or another worker did, which mkdir says. A page cost nine syscalls (two stats,
    mkdir, open, fstat, ioctl, lseek, write, close); now four."""
    missing: list[str] = []
    # Shorter each step, so it ends even for a path that is not below `top`.
    while folder not in _made_folders and len(folder) > len(top):
        missing.append(folder)
        folder = os.path.dirname(folder)
    for path in reversed(missing):
        try:
            os.mkdir(path, files.FOLDER_MODE)
        except FileExistsError:
            if not os.path.isdir(path):  # a file of the site where a page needs a folder
                raise
        _made_folders.add(path)


def make_one(job: Job, unit: Unit) -> Made:
    page = unit.make()
    if page is None:
        return Made(unit.key, None)
    if page.template != unit.template:
        raise AssertionError(f"{unit.key} rendered {page.template}, declared {unit.template}")
    made = render_text(job.env, page)
    if isinstance(made, Problem):
        return Made(unit.key, page.output, problem=made)
    text, data = made
    sha = digest(data)
    written = job.previous.get(page.output) != sha
    if written:
        write_file(job.staging, page.output, data)
    scanned = written and page.output.endswith(".html")
    return Made(
        unit.key,
        page.output,
        sha,
        written,
        scan_text(page.output, text, job.base_url) if scanned else None,
        sitemap_entry(page),
        page.sources,
        page.template,
        any(mark in data for mark in SEARCH_MARKS),
    )


T = TypeVar("T")
R = TypeVar("R")
_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _TASK is not None
    function, items = _TASK
    done = [function(item) for item in items[bounds[0] : bounds[1]]]
    # The build pauses the collector (pipeline), and a fork inherits that; but rendering
    # a page leaves reference cycles, which a worker of thousands of pages kept: 120 MiB
    # more per worker at 5000 documents. Only the youngest generation is looked at, what
    # was made since the last chunk (a page's cycles are made with the page): a full
    # collection looked at the worker's caches, grown over every chunk, each time.
    gc.collect(0)
    return done


def _caught_signals() -> set[int]:
    """The signals this process handles in Python (not Ctrl+C's KeyboardInterrupt)."""
    return {
        sig
        for sig in signal.valid_signals()
        if callable(handler := signal.getsignal(sig)) and handler is not signal.default_int_handler
    }


def _worker_start(caught: set[int], line: lifeline.Lifeline) -> None:
    """In a worker, before any task: end with the build (lifeline), the default action
    for the signals the parent handles, then let them in (one that came since the fork
    is acted on now)."""
    lifeline.hold(line)
    for sig in caught:
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, caught)


def run(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """`function` over `items` in order, in `jobs` forked processes when worth it.
    Results must pickle; `function` and `items` need not (the workers inherit them).
    `meanwhile` is called once in this process: while the workers work, after they were
    forked (so they do not inherit what it does), or first when there are none. This
    process otherwise waits on the workers, and a step of its own done alone, before
    or after the pool, leaves a core idle for its whole time."""
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        if meanwhile is not None:
            meanwhile()
        return [function(item) for item in items]
    global _TASK
    _TASK = (function, items)
    # Objects that exist now are never collected in the workers: the collector would
    # touch, and so copy, every page of memory they share with this process.
    gc.freeze()
    try:
        chunks = [(i, min(i + CHUNK, len(items))) for i in range(0, len(items), CHUNK)]
        # A signal that reaches a worker before its interpreter has set itself up after
        # the fork is dropped when the signal has a Python handler (CPython clears the
        # pending ones then). The pool stops its workers with SIGTERM once the map is
        # done, and a worker not yet scheduled on a busy machine (it got none of the
        # tasks) lost it and waited for tasks forever, and the pool for it: the preview
        # never started. So the workers are forked, by this thread or the pool's own
        # (which inherit this mask), with such signals held back until they are reset.
        caught = _caught_signals()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, caught)
        try:
            pool = multiprocessing.get_context("fork").Pool(
                jobs, initializer=_worker_start, initargs=(caught, lifeline.this_process())
            )
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            raise
        with pool:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # any that came: handled here
            pending = pool.map_async(_run_chunk, chunks, chunksize=1)
            if meanwhile is not None:
                meanwhile()
            parts = pending.get()
    finally:
        _TASK = None
        gc.unfreeze()
    return [result for part in parts for result in part]


def make_units(job: Job, jobs: int, meanwhile: Callable[[], object] | None = None) -> list[Made]:
    return run(lambda unit: make_one(job, unit), job.units, jobs, meanwhile)
