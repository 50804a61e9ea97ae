"""The search step alone, in a fresh process: wall and CPU seconds of one
`search_shards.index_site` as the build calls it (Pagefind's processes included).

    PYTHONPATH=CODE .venv/bin/python bench/search_index.py edit OUT PAGE
    PYTHONPATH=CODE .venv/bin/python bench/search_index.py clean BUILT SITE

`edit`: OUT is a built output with its search index; PAGE (relative to it) is touched,
so its shard is re-indexed, as after an edit of it. `clean`: BUILT is copied to SITE
without /pagefind/ (SITE is replaced) and indexed from scratch. Run it alternating two
codes (main and a branch, by PYTHONPATH) to compare them on a shared machine.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from pathlib import Path

from soteneg.build import search_shards
from soteneg.site import search


def cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def indexed_pages(site: Path) -> set[str]:
    """The pages the build's records call indexed: those with a search mark."""
    marks = (b"data-pagefind-body", search.STAND_IN_MARK.encode())
    return {
        rel for rel in search.site_pages(site) if any(m in (site / rel).read_bytes() for m in marks)
    }


def main() -> None:
    mode, source, target = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if mode == "edit":
        site, state = source, source
        indexed = indexed_pages(site)
        os.utime(site / target)
    elif mode == "clean":
        site, state = Path(target), None
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(source, site, ignore=lambda d, _: ["pagefind"] if Path(d) == source else [])
        indexed = indexed_pages(site)
    else:
        raise SystemExit(__doc__)
    before, started = cpu(), time.perf_counter()
    made = search_shards.index_site(site, state, jobs=2, indexed=indexed)
    wall, after = time.perf_counter() - started, cpu()
    print(
        f"{mode}: {wall:.2f} s wall, soteneg {after[0] - before[0]:.2f} CPU s, "
        f"Pagefind {after[1] - before[1]:.2f} CPU s, {len(made)} shard(s) {made[:3]}, "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
