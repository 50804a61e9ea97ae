"""The clean search step's timeline: when each Pagefind run and each shard's write began
and ended, how many runs were under way for how long, and the cores the step kept busy
(its CPU seconds over its wall seconds).

    PYTHONPATH=CODE .venv/bin/python bench/search_timeline.py BUILT SITE [--jobs N] [--sample]

BUILT is a built output; it is copied to SITE without /pagefind/ (SITE is replaced) and
indexed from scratch with `search_shards.index_site(SITE, None, jobs=N)`, as a clean
build does. `--sample` also counts, every 10 ms, the runnable threads of this process
and of its Pagefind processes (Linux /proc): on an idle machine, the share of samples
with fewer than two is the share of the step that left a core idle. On a loaded machine
a thread waits runnable for longer, so the counts are an upper bound there; the
sampling itself costs about 5 CPU s of this process at 5000 documents. Whether
indexing beside another step can gain anything depends on that idle share; `--jobs`
lets two numbers of concurrent runs be compared on the same machine.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from search_index import cpu, indexed_pages

from soteneg.build import search_folders, search_shards
from soteneg.site import search

Event = tuple[str, float, float, int]  # kind, start, end, pages or files


def timed(events: list[Event], kind: str, start: float, function: Callable[..., Any]) -> Any:
    def wrapper(*args: Any) -> Any:
        began = time.perf_counter() - start
        result = function(*args)
        events.append((kind, began, time.perf_counter() - start, len(args[1])))
        return result

    return wrapper


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (the Pagefind runs under way)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, ValueError):
                if int(_field(f"/proc/{entry}/stat", 1)) == pid:
                    found.append(int(entry))
    return found


def runnable(pid: int, skip: int, pagefinds: list[int]) -> tuple[int, int]:
    """Runnable threads of this process (but the sampler's, `skip`) and of `pagefinds`."""
    own = pagefind = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        if int(task) != skip:
            with contextlib.suppress(OSError):
                own += _state(f"/proc/{pid}/task/{task}/stat") == "R"
    for child in pagefinds:
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{child}/task"):
                pagefind += _state(f"/proc/{child}/task/{task}/stat") == "R"
    return own, pagefind


def _field(path: str, index: int) -> str:
    with open(path) as file:
        return file.read().rsplit(")", 1)[1].split()[index]


def _state(path: str) -> str:
    return _field(path, 0)


def under_way(runs: list[tuple[float, float]], wall: float) -> dict[int, float]:
    """Seconds of the `wall` seconds from 0 during which N of `runs` (start, end) were
    under way, for each N."""
    edges = sorted([(began, 1) for began, _ in runs] + [(ended, -1) for _, ended in runs])
    spans: collections.Counter[int] = collections.Counter()
    active, last = 0, 0.0
    for moment, step in edges:
        spans[active] += moment - last
        active, last = active + step, moment
    spans[active] += wall - last
    return dict(spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("built", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sample", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.site, ignore_errors=True)
    shutil.copytree(
        args.built, args.site, ignore=lambda d, _: ["pagefind"] if Path(d) == args.built else []
    )
    indexed = indexed_pages(args.site)
    events: list[Event] = []
    start = time.perf_counter()
    search.bundle_of = timed(events, "run", start, search.bundle_of)
    search_folders.write = timed(events, "write", start, search_folders.write)
    counts: collections.Counter[tuple[int, int]] = collections.Counter()
    done = threading.Event()

    def sample() -> None:
        me, pid, pagefinds, looked = threading.get_native_id(), os.getpid(), [], 0.0
        while not done.wait(0.01):
            if time.perf_counter() - looked > 0.2:  # a scan of /proc costs more than a sample
                pagefinds, looked = children(pid), time.perf_counter()
            own, pagefind = runnable(pid, me, pagefinds)
            counts[(min(own, 2), min(pagefind, 3))] += 1

    sampler = threading.Thread(target=sample, daemon=True) if args.sample else None
    before = cpu()
    start = time.perf_counter()
    if sampler:
        sampler.start()
    search_shards.index_site(args.site, None, jobs=args.jobs, indexed=indexed)
    wall, after = time.perf_counter() - start, cpu()
    done.set()
    own, theirs = after[0] - before[0], after[1] - before[1]
    print(
        f"clean index, jobs {args.jobs}: {wall:.2f} s wall, soteneg {own:.2f} CPU s, "
        f"Pagefind {theirs:.2f} CPU s, {(own + theirs) / wall:.2f} cores busy, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    runs = [(began, ended) for kind, began, ended, _ in events if kind == "run"]
    spans = under_way(runs, wall)
    print(
        "seconds with N Pagefind runs under way:",
        {n: round(s, 2) for n, s in sorted(spans.items())},
    )
    if counts:
        total = sum(counts.values())
        idle = sum(v for (own, pf), v in counts.items() if own + pf < 2) / total
        print(f"samples with fewer than 2 runnable threads: {idle:.1%} of {total}")
        for (own_r, pf_r), v in sorted(counts.items()):
            print(
                f"  soteneg {own_r}{'+' if own_r == 2 else ''} runnable, Pagefind "
                f"{pf_r}{'+' if pf_r == 3 else ''}: {v / total:.1%}"
            )
    for kind, began, ended, size in sorted(events, key=lambda event: event[1]):
        print(f"{kind:5} {began:7.2f} {ended:7.2f} {ended - began:6.2f} s  {size}")


if __name__ == "__main__":
    main()
