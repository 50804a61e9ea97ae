"""Packet printing benchmark: a round with a negotiation document and an assessment for
each of the 18 regions of its time, printed from a clean cache with 1 and with all
cores, then again with nothing changed. Prints a Markdown table row per run.

    .venv/bin/python bench/packets.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from soteneg.build.output import cache_dir
from soteneg.content import timeline
from soteneg.content.loader import load_content
from soteneg.content.sources import read_project

REPO = Path(__file__).resolve().parent.parent
ROUND = "2018-syksy"


def make_project(target: Path) -> Path:
    """The bundled project, with the Uusimaa documents copied to every region."""
    shutil.copytree(REPO / "content", target / "content")
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copy(REPO / "site.yaml", target / "site.yaml")
    data = load_content(read_project(REPO))[0].data
    regions = [r.id for r in timeline.regions_in(data, data.rounds[ROUND])]
    folder = target / "content/kierrokset" / ROUND
    negotiation = (folder / "uusimaa.md").read_text()
    assessment = (folder / "arviot/uusimaa.md").read_text()
    for region in regions:
        if region == "uusimaa":
            continue
        for source, path in (
            (negotiation, folder / f"{region}.md"),
            (assessment, folder / "arviot" / f"{region}.md"),
        ):
            if not path.exists():
                text = source.replace("region: uusimaa", f"region: {region}")
                text = text.replace("](../2018-kevat/uusimaa.md", "](../2018-kevat/lappi.md")
                text = text.replace("](../uusimaa.md)", f"](../{region}.md)")
                path.write_text(text)
    return target


def run(root: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "soteneg",
            "build",
            "--root",
            str(root),
            "--out",
            str(out),
            "--jobs",
            str(jobs),
            "--now",
            "2018-11-29T14:00+00:00",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    seconds = time.perf_counter() - started
    if result.stdout.startswith("nothing changed"):
        return seconds, 0, 0
    match = re.search(r"PDFs: (\d+) printed \((\d+) pages\)", result.stdout)
    assert match, result.stdout
    return seconds, int(match.group(1)), int(match.group(2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    print(
        f"date: {dt.date.today()}, machine: {platform.machine()}, {cores} cores, "
        f"Python {platform.python_version()}"
    )
    print("| run | jobs | wall s (median) | PDFs printed | pages | pages/s | pages/s per core |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "project")
        for jobs in sorted({1, cores}):
            times = []
            for _ in range(args.repeat):
                out = Path(tmp) / f"out-{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(cache_dir(out), ignore_errors=True)
                seconds, printed, pages = run(root, out, jobs)
                times.append(seconds)
            median = statistics.median(times)
            print(
                f"| clean build, site + all PDFs | {jobs} | {median:.2f} | {printed} | {pages} "
                f"| {pages / median:.1f} | {pages / median / jobs:.1f} |"
            )
        seconds, printed, pages = run(root, out, cores)
        print(f"| nothing changed | {cores} | {seconds:.2f} | {printed} | {pages} | – | – |")
        # A round's 18 packets alone: print them through the library, timed.
        sys.path.insert(0, str(REPO))
        from soteneg.packets import pdf
        from soteneg.packets.plan import packet_page, plan_packets
        from soteneg.pipeline import check
        from soteneg.site.index import BuildOptions, build_site
        from soteneg.site.render import environment, render_pages

        checked = check(root)
        site = build_site(checked.content, BuildOptions())
        packets = [p for p in plan_packets(site) if p.url.startswith(f"/pdf/{ROUND}/")]
        pages_ = [packet_page(site, p, pdf.PROJECT_URI) for p in packets]
        html, _ = render_pages(environment(root, checked.templates), pages_)
        jobs_ = [pdf.PrintJob(p.output, html[p.output].decode(), "pdf/ua-1") for p in pages_]
        started = time.perf_counter()
        done = pdf.print_all(jobs_, root, cores)
        seconds = time.perf_counter() - started
        total_pages = sum(d.pages for d in done)
        print(
            f"| the round's {len(done)} region packets only | {cores} | {seconds:.2f} "
            f"| {len(done)} | {total_pages} | {total_pages / seconds:.1f} "
            f"| {total_pages / seconds / cores:.1f} |"
        )


if __name__ == "__main__":
    main()
