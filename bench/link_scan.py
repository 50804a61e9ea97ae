"""The link scan of a built site's pages, A/B in one process: CPU seconds.

    PYTHONPATH=. .venv/bin/python bench/link_scan.py OUT BASE_URL [--against FILE] [--repeat 5]

Reads every HTML page under OUT (a site built before), then scans them all as the build
does, each round in a fresh state (the scan's caches emptied): with this checkout's
`scan_text` on the rendered text, and, with --against, with the `scan_page` of another
checkout's linkcheck.py (say /work/main/soteneg/site/linkcheck.py) on the bytes, as the
build before this one did. The two alternate, so a busy machine weighs on both alike;
each figure is the median of --repeat rounds, and the records both give must be equal.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from soteneg.site import linkcheck


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("linkcheck_against", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def fresh(module: ModuleType) -> None:
    """Empty what the scan keeps between pages, as at the start of a build's process."""
    module._resolve.cache_clear()
    getattr(module, "_KNOWN", {}).clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("base_url")
    parser.add_argument("--against", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages: list[tuple[str, bytes]] = []
    for folder, _, names in os.walk(args.out):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                pages.append((os.path.relpath(path, args.out), Path(path).read_bytes()))
    pages.sort()
    texts = [data.decode() for _, data in pages]
    base = args.base_url

    def this() -> list[object]:
        return [linkcheck.scan_text(p, t, base) for (p, _), t in zip(pages, texts, strict=True)]

    ways: dict[str, tuple[ModuleType, Callable[[], list[object]]]] = {"this": (linkcheck, this)}
    if args.against:
        other = load(args.against)
        ways["against"] = (other, lambda: [other.scan_page(p, d, base) for p, d in pages])
    spent: dict[str, list[float]] = {name: [] for name in ways}
    found: dict[str, list[object]] = {}
    for _ in range(args.repeat):
        for name, (module, scan) in ways.items():
            fresh(module)
            started = time.process_time()
            found[name] = scan()
            spent[name].append(time.process_time() - started)
    if args.against:
        assert found["this"] == found["against"], "the two scans differ"
    print(f"{len(pages)} pages, {sum(len(d) for _, d in pages) / 2**20:.0f} MiB")
    for name, seconds in spent.items():
        runs = " ".join(f"{s:.2f}" for s in seconds)
        print(f"{name}: median {statistics.median(seconds):.3f} CPU s ({runs})")


if __name__ == "__main__":
    main()
