"""The search step of a build, in process: wall and CPU seconds of each
`search_shards.index_site` (Pagefind's processes included), and which shards it indexed.

    PYTHONPATH=. .venv/bin/python bench/search_step.py TREE OUT [BUILDS]

TREE is a project (bench/generate.py); OUT is emptied first. The first build is clean;
each later one adds a sentence to the first round's `uusimaa.md` (restored at the end).
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from soteneg.build import search_shards
from soteneg.pipeline import build
from soteneg.site.index import BuildOptions

NOW = dt.datetime(2023, 11, 14, 22, 13, tzinfo=dt.UTC)


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    builds = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    shutil.rmtree(out, ignore_errors=True)
    timings: list[tuple[float, float, list[str]]] = []
    original = search_shards.index_site

    def timed(*args: Any, **kwargs: Any) -> list[str]:
        cpu, wall = cpu_seconds(), time.perf_counter()
        made = original(*args, **kwargs)
        timings.append((time.perf_counter() - wall, cpu_seconds() - cpu, made))
        return made

    search_shards.index_site = timed  # type: ignore[assignment]
    doc = next((root / "content/kierrokset").glob("*/uusimaa.md"))
    text = doc.read_text(encoding="utf-8")
    marker = "\n## "
    cut = text.index(marker, text.index(marker) + 1)
    try:
        for i in range(builds):
            if i:
                doc.write_text(f"{text[:cut]}\nMuokattu {i}.\n{text[cut:]}", encoding="utf-8")
            started = time.perf_counter()
            result = build(root, out, BuildOptions(now=NOW), jobs=2)
            seconds = time.perf_counter() - started
            assert not result.failed
            wall, cpu, made = timings[-1] if timings else (0.0, 0.0, [])
            print(
                f"build {i}: {seconds:.2f} s; search step {wall:.2f} s wall, {cpu:.2f} s CPU, "
                f"{len(made)} shards indexed: {made[:4]}",
                flush=True,
            )
    finally:
        doc.write_text(text, encoding="utf-8")
    shards = json.loads((out / "pagefind/shards.json").read_text(encoding="utf-8"))
    print("merged shards per language:", {lang: len(keys) for lang, keys in shards.items()})


if __name__ == "__main__":
    main()
