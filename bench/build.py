"""Build benchmark: clean, no-op, one-document and one-template builds, and memory.

    .venv/bin/python bench/build.py [--documents 5000] [--repeat 3] [--jobs N] [--pdf-documents 200]

Generates a seeded tree (bench/generate.py), then times `soteneg build` through the
command line as a user runs it, each figure the median of --repeat runs, with the peak
resident memory of the build's process tree. The one-document edit changes a sentence
inside a theme section of a negotiation document (so its page, its theme comparisons
and nothing else change); the one-template edit changes theme_region.html. The PDF row
builds a smaller tree with every packet. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from soteneg.build.output import cache_dir

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from bytecode import compiled  # noqa: E402
from generate import generate  # noqa: E402

SOTENEG = [sys.executable, "-m", "soteneg"]
NOW = ("--now", "2023-11-14T22:13+00:00")  # a fixed moment: the same site every run


def run_build(root: Path, out: Path, *flags: str) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS MiB of the largest process of the build, its workers and
    Pagefind included, last output line, CPU seconds of the build and all it waited
    for): on a shared machine the CPU time says more than the wall time."""
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*SOTENEG, "build", "--root", str(root), "--out", str(out), *NOW, *flags],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200"},
        )
        # wait4's usage covers the child and the workers it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{output}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss / 1024, output.strip().splitlines()[-1], cpu


def clean(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache_dir(out), ignore_errors=True)


def measure(
    name: str, repeat: int, before: Callable[[int], None], build: Callable[[], tuple]
) -> dict[str, object]:
    times, peaks, lines, cpus = [], [], [], []
    for i in range(repeat):
        before(i)
        seconds, peak, line, cpu = build()
        times.append(seconds)
        peaks.append(peak)
        lines.append(line)
        cpus.append(cpu)
    return {
        "cpu": statistics.median(cpus),
        "load": os.getloadavg()[0],
        "run": name,
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "peak": max(peaks),
        "line": lines[-1],
    }


def one_document(root: Path) -> Callable[[int], None]:
    doc = next((root / "content/kierrokset").glob("*/uusimaa.md"))
    original = doc.read_text(encoding="utf-8")

    def edit(i: int) -> None:
        marker = "\n## "
        cut = original.index(marker, original.index(marker) + 1)
        doc.write_text(original[:cut] + f"\nMuokattu {i}.\n" + original[cut:], encoding="utf-8")

    return edit


def one_template(root: Path) -> Callable[[int], None]:
    template = root / "templates/theme_region.html"
    original = template.read_text(encoding="utf-8")

    def edit(i: int) -> None:
        template.write_text(
            original.replace("{% block main %}", f"{{% block main %}}<!-- {i} -->", 1),
            encoding="utf-8",
        )

    return edit


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pdf-documents", type=int, default=200)
    parser.add_argument(
        "--only-search",
        action="store_true",
        help="the clean and one-edit builds with and without the search index, no more",
    )
    args = parser.parse_args()
    compiled()  # as a user's installed soteneg runs: see bench/bytecode.py
    jobs = ("--jobs", str(args.jobs))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        count = generate(root, args.documents, 1)
        out = Path(tmp) / "out"
        html = ("--no-pdf", "--no-search", *jobs)

        def nothing(_: int) -> None:
            return None

        rows.append(
            measure(
                "clean HTML build",
                args.repeat,
                lambda _: clean(out),
                lambda: run_build(root, out, *html),
            )
        )
        if not args.only_search:
            rows.append(
                measure(
                    "nothing changed", args.repeat, nothing, lambda: run_build(root, out, *html)
                )
            )
        rows.append(
            measure(
                "one document edited",
                args.repeat,
                one_document(root),
                lambda: run_build(root, out, *html),
            )
        )
        if not args.only_search:
            rows.append(
                measure(
                    "one template edited",
                    args.repeat,
                    one_template(root),
                    lambda: run_build(root, out, *html),
                )
            )
        searched = ("--no-pdf", *jobs)
        rows.append(
            measure(
                "clean HTML build with search index",
                args.repeat,
                lambda _: clean(out),
                lambda: run_build(root, out, *searched),
            )
        )
        # Each edit after a build with the index: the index's shards are in the output.
        rows.append(
            measure(
                "one document edited, with search index",
                args.repeat,
                one_document(root),
                lambda: run_build(root, out, *searched),
            )
        )
        if args.only_search:
            print_rows(args, count, rows)
            return
        small = Path(tmp) / "small"
        small_count = generate(small, args.pdf_documents, 1)
        small_out = Path(tmp) / "small-out"
        rows.append(
            measure(
                f"clean build with every PDF ({small_count} documents)",
                1,
                lambda _: clean(small_out),
                lambda: run_build(small, small_out, *jobs),
            )
        )
        rows.append(
            measure(
                f"nothing changed, with PDFs ({small_count} documents)",
                1,
                nothing,
                lambda: run_build(small, small_out, *jobs),
            )
        )
    print_rows(args, count, rows)


def print_rows(args: argparse.Namespace, count: int, rows: list[dict[str, object]]) -> None:
    print(
        f"{count} documents; {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; --jobs {args.jobs}; {time.strftime('%Y-%m-%d')}"
    )
    print()
    print("| run | median s | min s | max s | CPU s | peak RSS MiB | load | soteneg says |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['run']} | {r['median']:.2f} | {r['min']:.2f} | {r['max']:.2f} "
            f"| {r['cpu']:.2f} | {r['peak']:.0f} | {r['load']:.1f} | {r['line']} |"
        )


if __name__ == "__main__":
    main()
