"""What writing a built site's files into a fresh staging folder costs, as the build
writes its pages (render_pool.write_file), in CPU seconds of this process (user and
system: the writing is nearly all the kernel's).

    PYTHONPATH=. .venv/bin/python bench/page_writes.py SITE SCRATCH \
        [--against /work/main/soteneg/core/files.py] [--repeat N]

SITE is a built output folder (its files are read once, into memory, in the order
os.walk gives); SCRATCH a folder on the same file system as the output would be, in
which each round makes a staging folder, writes every file, and removes it again.
With --against, the rounds alternate with the writing of the build before this one:
another checkout's core/files.py, its make_folders once for each new folder and its
write_file for each file (what render_pool.write_file was), so a busy machine weighs on
both alike. Each figure is the median of --repeat rounds.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from soteneg.build import render_pool

Write = Callable[[Path, str, bytes], None]


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("files_against", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def writing_before(files: ModuleType) -> Write:
    made: set[str] = set()

    def write(folder: Path, rel: str, data: bytes) -> None:
        target = os.path.join(folder, rel)
        parent = os.path.dirname(target)
        if parent not in made:
            files.make_folders(parent)
            made.add(parent)
        files.write_file(target, data)

    return write


def site_files(site: Path) -> list[tuple[str, bytes]]:
    found = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as file:
                found.append((os.path.relpath(path, site), file.read()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("scratch", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages = site_files(args.site)
    args.scratch.mkdir(parents=True, exist_ok=True)
    ways: dict[str, Write] = {"this": render_pool.write_file}
    if args.against:
        ways["against"] = writing_before(load(args.against))
    # (user, system) CPU seconds of each round: the kernel's share swings with what
    # else writes to the disk, the process's own far less.
    spent: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    for _ in range(args.repeat):
        for name, write in ways.items():
            staging = Path(tempfile.mkdtemp(prefix=".out.new-", dir=args.scratch))
            before = resource.getrusage(resource.RUSAGE_SELF)
            for rel, data in pages:
                write(staging, rel, data)
            after = resource.getrusage(resource.RUSAGE_SELF)
            spent[name].append((after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))
            shutil.rmtree(staging)
    print(f"{len(pages)} files, {sum(len(d) for _, d in pages) / 2**20:.0f} MiB")
    for name, times in spent.items():
        user = statistics.median(u for u, _ in times)
        system = statistics.median(s for _, s in times)
        runs = " ".join(f"{u:.2f}+{s:.2f}" for u, s in times)
        print(f"{name}: median user {user:.2f} s, system {system:.2f} s (user+system: {runs})")


if __name__ == "__main__":
    main()
