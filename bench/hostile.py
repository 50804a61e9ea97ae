"""Hostile Markdown benchmark (issue 15): `soteneg check --no-pdf` on a small project
holding one document built to be slow to read, at 128 KiB, 512 KiB and 2 MiB (the
document size limit). Prints a Markdown table of the median wall time of `--repeat` runs,
and the median CPU time (user + system) beside it: on a shared machine that is the
steadier figure.

    .venv/bin/python bench/hostile.py [--repeat N] [--timeout S] [--sizes 131072 ...]

The bodies: thousands of identical headings (unique ids for each), one heading padded
with spaces (the trailing `{...}` attributes rule), and non-ASCII autolinks (whose
target, punycoded, is not written in the text, so locating each one searches far).
Run it against another checkout with PYTHONPATH=that/checkout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests/sites/minimal"
FRONT = "---\ntitle: Vihamielinen\ntype: page\ndate: 2018-01-01\n---\n"
SIZES = (128 * 1024, 512 * 1024, 2 * 1024 * 1024)


def _fill(unit: Callable[[int], str], size: int) -> str:
    """Front matter and lines `unit(0)`, `unit(1)`, … up to `size` UTF-8 bytes."""
    parts, used, n = [FRONT], len(FRONT.encode()), 0
    while True:
        line = unit(n)
        if used + len(line.encode()) > size:
            return "".join(parts)
        parts.append(line)
        used += len(line.encode())
        n += 1


BODIES: dict[str, Callable[[int], str]] = {
    "identical headings `# a`": lambda size: _fill(lambda n: "# a\n", size),
    "one heading of spaces": lambda size: FRONT + "# a" + " " * (size - len(FRONT) - 5) + "x\n",
    "non-ASCII autolinks": lambda size: _fill(lambda n: f"<https://ä.fi/{n}>\n", size),
}


def check(root: Path, timeout: float) -> tuple[float, float] | None:
    """Wall and CPU seconds taken by `soteneg check --no-pdf`, or None past `timeout`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        subprocess.run(
            [sys.executable, "-m", "soteneg", "check", "--root", str(root), "--no-pdf"],
            capture_output=True,
            check=False,
            timeout=timeout,
            env={**os.environ, "COLUMNS": "200"},
        )
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="bytes")
    args = parser.parse_args()
    print(
        f"date: {dt.date.today()}, machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; `soteneg check --no-pdf`, median of {args.repeat}: "
        "wall s (CPU s)"
    )
    print("| input | " + " | ".join(f"{s // 1024} KiB" for s in args.sizes) + " |")
    print("|---|" + "---|" * len(args.sizes))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(MINIMAL, root)
        document = root / "content/vihamielinen.md"
        for name, body in BODIES.items():
            cells = []
            for size in args.sizes:
                document.write_text(body(size), encoding="utf-8")
                times: list[tuple[float, float]] = []
                # A size that timed out makes the larger ones pointless to wait for.
                for _ in range(args.repeat if not cells or cells[-1][0] != ">" else 0):
                    seconds = check(root, args.timeout)
                    if seconds is None:
                        break
                    times.append(seconds)
                if len(times) < args.repeat:
                    cells.append(f"> {args.timeout:.0f}")
                else:
                    wall = statistics.median(t[0] for t in times)
                    cpu = statistics.median(t[1] for t in times)
                    cells.append(f"{wall:.2f} ({cpu:.2f})")
                print(f"  {name} {size}: {cells[-1]}", file=sys.stderr, flush=True)
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
