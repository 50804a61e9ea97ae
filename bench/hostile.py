"""Hostile Markdown benchmark (issue 15): `soteneg check --no-pdf` on a small project
holding one document built to be slow to read, at 128 KiB, 512 KiB and 2 MiB (the
document size limit). Prints a Markdown table of the median wall time of `--repeat` runs,
and the median CPU time (user + system) beside it: on a shared machine that is the
steadier figure. Then (issue 24) the same for commits built to print for hours or to
draw without end, each of which `check` must refuse: the 1.2 KB SVG of nested `<use>`,
50 news items each attaching a 1,990-page PDF, 1,000 tall images, a table of 10,020 cells.

    .venv/bin/python bench/hostile.py [--repeat N] [--timeout S] [--sizes 131072 ...]
                                      [--part markdown|files]

The bodies: thousands of identical headings (unique ids for each), one heading padded
with spaces (the trailing `{...}` attributes rule), and non-ASCII autolinks (whose
target, punycoded, is not written in the text, so locating each one searches far).

A second table (issue 24): a succession chain in regions.yaml of 1,000 to 3,000 units,
each valid one day and then succeeded by the next, timed for `check --no-pdf` and
`build --no-pdf --no-search --jobs 1`; once with the chain in the 1900s (outside every
round) and once with the one round stretched over the whole chain (refused since issue
24 by `check` and so by `build`: history-too-long, exit 1). regions.yaml holds
at most 20,000 YAML values (about 1,250 such units), so the runs lift that limit in
the process to measure further.

    .venv/bin/python bench/hostile.py --what succession [--chains 1000 2000 3000]

Run it against another checkout with PYTHONPATH=that/checkout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
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


SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def _nested_uses() -> bytes:
    """Ten rects in a group, five groups of ten uses of the group before: 10⁶ rects."""
    lines = [f'<svg {SVG_NS} width="100" height="100"><defs>']
    lines.append('<g id="a0">' + '<rect width="1" height="1"/>' * 10 + "</g>")
    lines += [f'<g id="a{k}">' + f'<use href="#a{k - 1}"/>' * 10 + "</g>" for k in range(1, 6)]
    lines.append('</defs><use href="#a5"/></svg>')
    return "\n".join(lines).encode()


def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _tall_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (100, 3000)).save(out, "PNG")
    return out.getvalue()


def _page(root: Path, body: str) -> None:
    (root / "content/sivut").mkdir(exist_ok=True)
    (root / "content/sivut/sivu.md").write_text(FRONT + body, encoding="utf-8")


def _svg_attack(root: Path) -> None:
    (root / "content/sivut").mkdir(exist_ok=True)
    (root / "content/sivut/kaavio.svg").write_bytes(_nested_uses())
    _page(root, "![Kaavio](kaavio.svg)\n")


def _news_attack(root: Path) -> None:
    folder = root / "content/tiedotteet"
    (folder / "liitteet").mkdir()
    (folder / "liitteet/pitka.pdf").write_bytes(_blank_pdf(1990))
    for n in range(50):
        (folder / f"uutinen-{n:02}.md").write_text(
            f"---\ntitle: Uutinen {n}\ntype: news\ndate: 2018-11-26\nsummary: Liite.\n"
            "attachments:\n  - file: liitteet/pitka.pdf\n    title: Liite\n---\n\nTeksti.\n"
        )


def _tall_images(root: Path) -> None:
    (root / "content/sivut").mkdir(exist_ok=True)
    (root / "content/sivut/pitka.png").write_bytes(_tall_png())
    _page(root, "![Kuva](pitka.png)\n\n" * 1000)
    with (root / "site.yaml").open("a") as site:  # over 1,000 pages: refused
        site.write("print_budget:\n  max_pages_per_packet: 1000\n")


def _wide_table(root: Path) -> None:
    head = "|" + "|".join(f"S{c}" for c in range(10)) + "|\n" + "|---" * 10 + "|\n"
    _page(root, head + ("|" + "|".join("1" * 10) + "|\n") * 1001)


# Commits `check` must refuse, each laid over a fresh copy of the minimal project.
ATTACKS: dict[str, Callable[[Path], None]] = {
    "SVG of nested `<use>`, 1.2 KB, 10⁶ rects": _svg_attack,
    "50 news items each attaching a 1,990-page PDF": _news_attack,
    "1,000 images of 100 x 3,000 px": _tall_images,
    "a table of 1,002 x 10 cells": _wide_table,
}


def check(root: Path, timeout: float) -> tuple[float, float] | None:
    """Wall and CPU seconds taken by `soteneg check --no-pdf`, or None past `timeout`."""
    found = timed_check(root, timeout)
    return None if found is None else found[:2]


def timed_check(root: Path, timeout: float) -> tuple[float, float, int] | None:
    """`check`, and the exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        result = subprocess.run(
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
    return wall, cpu, result.returncode


CHAINS = (1000, 2000, 3000)
# `soteneg` with the YAML value limit lifted: a chain longer than about 1,250 units does
# not fit in the 20,000 values regions.yaml may hold.
UNLIMITED = (
    "import sys; import soteneg.content.yamlpos as y; y.MAX_NODES = 10**7; "
    "from soteneg.cli import main; sys.exit(main(sys.argv[1:]))"
)


def chain_project(root: Path, units: int, long_round: bool) -> None:
    """The minimal project and a chain of `units` one-day units in regions.yaml."""
    shutil.copytree(MINIMAL, root)
    shutil.copytree(REPO / "templates", root / "templates")
    first = dt.date(1900, 1, 1)
    lines = []
    for i in range(units):
        day = first + dt.timedelta(days=i)
        lines.append(f"- id: ketju-{i}\n  name: {{fi: Ketju {i}, sv: Kedja {i}}}\n")
        lines.append(f"  valid_from: {day}\n")
        if i < units - 1:
            lines.append(f"  valid_to: {day}\n  succeeded_by: [ketju-{i + 1}]\n")
    with (root / "content/regions.yaml").open("a", encoding="utf-8") as handle:
        handle.write("".join(lines))
    if long_round:
        rounds = root / "content/rounds.yaml"
        rounds.write_text(rounds.read_text().replace("start: 2018-10-01", "start: 1900-01-01"))


def timed(args: list[str], timeout: float, expect: int = 0) -> tuple[float, float] | None:
    """Wall and CPU seconds of `soteneg args` (the YAML limit lifted); None past
    `timeout`; exits on a run that does not end with `expect`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-c", UNLIMITED, *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            env={**os.environ, "COLUMNS": "200"},
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != expect:
        raise SystemExit(f"soteneg {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def succession(chains: list[int], repeat: int, timeout: float) -> None:
    print(f"\nsuccession chains, median of {repeat}: wall s (CPU s)")
    print("| chain | " + " | ".join(f"{n:,} units" for n in chains) + " |")
    print("|---|" + "---|" * len(chains))
    for long_round in (False, True):
        shape = "in one long round" if long_round else "outside the rounds"
        for verb in ("check", "build"):
            cells: list[str] = []
            for units in chains:
                if cells and cells[-1].startswith(">"):
                    cells.append(cells[-1])
                    continue
                times = []
                with tempfile.TemporaryDirectory() as tmp:
                    root = Path(tmp) / "project"
                    chain_project(root, units, long_round)
                    args = [verb, "--root", str(root), "--no-pdf"]
                    if verb == "build":
                        args += ["--out", str(Path(tmp) / "out"), "--no-search", "--jobs", "1"]
                    for _ in range(repeat):
                        shutil.rmtree(Path(tmp) / "out", ignore_errors=True)
                        # One long round: every unit has every predecessor in it, and
                        # `check` refuses the chain (history-too-long, exit 1) where
                        # main built pages quadratic in its length.
                        found = timed(args, timeout, expect=1 if long_round else 0)
                        if found is None:
                            break
                        times.append(found)
                if len(times) < repeat:
                    cells.append(f"> {timeout:.0f}")
                else:
                    wall = statistics.median(t[0] for t in times)
                    cpu = statistics.median(t[1] for t in times)
                    cells.append(f"{wall:.2f} ({cpu:.2f})")
                print(f"  {verb} {shape} {units}: {cells[-1]}", file=sys.stderr, flush=True)
            print(f"| `{verb}`, {shape} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="bytes")
    parser.add_argument("--chains", type=int, nargs="+", default=CHAINS, help="units")
    parts = ("markdown", "succession", "files")
    parser.add_argument("--what", nargs="+", choices=parts, default=list(parts))
    args = parser.parse_args()
    print(
        f"date: {dt.date.today()}, machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    if "markdown" in args.what:
        markdown(args)
    if "succession" in args.what:
        succession(args.chains, args.repeat, args.timeout)
    if "files" in args.what:
        files(args)


def markdown(args: argparse.Namespace) -> None:
    print(f"\n`soteneg check --no-pdf`, median of {args.repeat}: wall s (CPU s)")
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


def files(args: argparse.Namespace) -> None:
    print()
    print("| commit `check` must refuse | exit code | wall s (CPU s) |")
    print("|---|---|---|")
    for name, make in ATTACKS.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "project"
            shutil.copytree(MINIMAL, root)
            make(root)
            runs = [timed_check(root, args.timeout) for _ in range(args.repeat)]
            done = [r for r in runs if r is not None]
            if len(done) < len(runs):
                print(f"| {name} | – | > {args.timeout:.0f} |", flush=True)
                continue
            wall = statistics.median(r[0] for r in done)
            cpu = statistics.median(r[1] for r in done)
            codes = sorted({r[2] for r in done})
            print(
                f"| {name} | {codes[0] if len(codes) == 1 else codes} | {wall:.2f} ({cpu:.2f}) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
