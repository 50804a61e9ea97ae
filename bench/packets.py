"""Packet printing benchmark: a round with a negotiation document and an assessment for
each of the 18 regions of its time, printed from a clean cache with 1 and with all
cores, then again with nothing changed. Prints a Markdown table row per run.

Then soteneg's printing against raw WeasyPrint on the same HTML, in this process, one
packet after the other (issue 28): the bundled packets and the round's 18, each printed
by `pdf.print_one` and by `weasyprint.HTML(string=…).write_pdf()`, CPU seconds compared
(the machine may be shared), with a profile of what soteneg adds.

    .venv/bin/python bench/packets.py [--repeat N] [--no-builds]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
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
from soteneg.content.project_files import read_project

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
    """One `soteneg build`, its wall seconds, PDFs printed and their pages. The build's
    words are in the site's language: its JSON report says whether it passed, and the
    output folder holds what it printed (files newer than the build's start)."""
    started = time.perf_counter()
    before = time.time()
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
            "--format",
            "json",
            "--now",
            "2018-11-29T14:00+00:00",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    seconds = time.perf_counter() - started
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["summary"]["errors"] == 0, result.stdout
    from pypdf import PdfReader

    printed = [p for p in out.rglob("*.pdf") if p.stat().st_mtime >= before]
    return seconds, len(printed), sum(len(PdfReader(p).pages) for p in printed)


def print_jobs(root: Path) -> list:
    """The print job of every packet of the project (not the documents' own PDFs), as a
    build makes them."""
    from soteneg.build.printing import print_job
    from soteneg.packets import pdf
    from soteneg.packets.plan import packet_page, plan_packets
    from soteneg.pipeline import check
    from soteneg.site.index import BuildOptions, build_site
    from soteneg.site.render import environment, render_pages

    checked = check(root)
    site = build_site(checked.content, BuildOptions())
    packets = [p for p in plan_packets(site) if p.cover_round is not None]
    pages = [packet_page(site, p, pdf.PROJECT_URI) for p in packets]
    html, problems = render_pages(environment(root, checked.templates), pages)
    assert not problems, problems
    return [print_job(site, page, html[page.output]) for page in pages]


def against_raw(name: str, root: Path, repeat: int, profile: bool) -> None:
    """Each packet printed three ways, one after the other, in this process, CPU seconds
    (the best of `repeat` for each): raw WeasyPrint on the same HTML with its defaults
    and its own fetcher reading the same files; raw WeasyPrint asked for what soteneg
    asks of it (tags, PDF/UA-1); and soteneg's `pdf.print_one` (that, plus
    the confined fetcher, the fixed clock, /Lang on parts, attached PDFs drawn)."""
    import weasyprint

    from soteneg.packets import pdf

    jobs = print_jobs(root)
    base = root.resolve().as_uri() + "/"
    best = {"raw": float("inf"), "tagged": float("inf"), "soteneg": float("inf")}
    pages = 0
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        pages = 0
        for job in jobs:
            html = job.html.replace(pdf.PROJECT_URI, base)
            started = time.process_time()
            weasyprint.HTML(string=html, base_url=base).write_pdf()
            spent["raw"] += time.process_time() - started
            started = time.process_time()
            weasyprint.HTML(string=html, base_url=base).write_pdf(
                pdf_variant=job.variant, pdf_tags=True
            )
            spent["tagged"] += time.process_time() - started
            started = time.process_time()
            pages += pdf.print_one(job, str(root)).pages
            spent["soteneg"] += time.process_time() - started
        best = {k: min(v, spent[k]) for k, v in best.items()}
    raw, tagged, ours = best["raw"], best["tagged"], best["soteneg"]
    print(
        f"| {name} | {len(jobs)} | {pages} | {raw:.2f} | {tagged:.2f} | {ours:.2f} "
        f"| {raw / ours:.2f}× | {tagged / ours:.2f}× |"
    )
    if profile:
        breakdown(jobs, root)


# The steps of `pdf.print_one`, by the function that does each: what WeasyPrint does for
# any caller (layout, writing), and what soteneg adds to it.
STEPS = (
    ("WeasyPrint: parse and lay out (HTML.render)", "weasyprint/__init__.py", "render"),
    ("WeasyPrint: write the PDF (Document.write_pdf)", "weasyprint/document.py", "write_pdf"),
    ("  of which the structure tree (pdf_tags=True)", "weasyprint/pdf/tags.py", "add_tags"),
    ("  of which PDF/UA metadata (pdf_variant)", "weasyprint/pdf/pdfua.py", "pdfua"),
    ("soteneg: the confined fetcher (ProjectFetcher.fetch)", "soteneg/packets/pdf.py", "fetch"),
    ("soteneg: stylesheets shared", "soteneg/packets/stylesheets.py", "shared"),
    ("soteneg: attached PDFs drawn (draw_appendices)", "soteneg/packets/pdf.py", "draw_appendices"),
)


def breakdown(jobs: list, root: Path) -> None:
    """A CPU-time profile of soteneg's printing of `jobs` (cProfile on the process's
    clock, which other work on a shared machine does not move), step by step."""
    import cProfile
    import pstats

    from soteneg.packets import pdf

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for job in jobs:
        pdf.print_one(job, str(root))
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, name), (_, _, tt, _, _) in stats.items())
    print()
    print("| step of pdf.print_one | CPU s (cumulative) | share |")
    print("|---|---|---|")
    for label, file, function in STEPS:
        # A recursive function counts once: the outermost calls' cumulative time.
        found = max(
            (
                ct
                for (f, _, name), (_, _, _, ct, _) in stats.items()
                if f.endswith(file) and name == function
            ),
            default=0.0,
        )
        print(f"| {label} | {found:.2f} | {found / total:.1%} |")
    shown = sum(
        max(
            (ct for (f, _, n), (_, _, _, ct, _) in stats.items() if f.endswith(file) and n == fn),
            default=0.0,
        )
        for label, file, fn in STEPS
        if not label.startswith(" ")
    )
    print(
        f"| the rest (parsing the HTML string, /Lang walk, clock) | {total - shown:.2f} "
        f"| {(total - shown) / total:.1%} |"
    )
    print(f"| all of print_one | {total:.2f} | 100% |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-builds", action="store_true", help="only the raw comparison")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    print(
        f"date: {dt.date.today()}, machine: {platform.machine()}, {cores} cores, "
        f"Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "project")
        print(
            "| packets | PDFs | pages | raw WeasyPrint CPU s | raw, tagged PDF/UA-1 CPU s "
            "| soteneg CPU s | raw ÷ soteneg | tagged ÷ soteneg |"
        )
        print("|---|---|---|---|---|---|---|---|")
        against_raw("bundled", REPO, args.repeat, profile=False)
        against_raw(f"{ROUND}, 18 regions", root, args.repeat, profile=True)
        if args.no_builds:
            return
        print()
        print(
            "| run | jobs | wall s (median) | PDFs printed | pages | pages/s | pages/s per core |"
        )
        print("|---|---|---|---|---|---|---|")
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
