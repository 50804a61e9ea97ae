"""Packets and document PDFs within a build: which to print (shards), as which jobs, with
which key (whether a PDF is printed again or kept is the cache's to say).

WeasyPrint is imported only when something is printed: it takes most of a second to
load, which a build without PDFs (or with every PDF unchanged) should not pay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment

from soteneg.build.settings import PdfOptions
from soteneg.core.problems import Problem, problem
from soteneg.packets.plan import PROJECT_URI, Packet, packet_page, packet_urls, plan_packets
from soteneg.site.index import Site
from soteneg.site.pages.page import Page
from soteneg.site.render import environment, render_pages

if TYPE_CHECKING:
    from soteneg.packets.pdf import PrintJob

# How the errors of pdf.print_one begin: print_packets says it from the catalogue instead.
UNREADABLE_ATTACHMENT = "an attached PDF cannot be read: "


@dataclass
class PrintStats:
    printed: int = 0
    reused: int = 0
    pages: int = 0
    elsewhere: int = 0  # left to the other shards


def packets_to_print(site: Site, options: PdfOptions) -> tuple[list[Packet], list[Packet]]:
    """(this build's packets, those other shards print)."""
    packets = list(plan_packets(site))
    if options.shard is None:
        return packets, []
    mine = options.shard.take(packets, lambda p: p.url)
    return mine, [p for p in packets if p not in mine]


def pdf_urls(site: Site, options: PdfOptions) -> tuple[list[str], list[str]]:
    """The URLs of (this build's PDFs, those other shards print), without planning."""
    urls = packet_urls(site)
    if options.shard is None:
        return urls, []
    mine = set(options.shard.take(urls))
    return [u for u in urls if u in mine], [u for u in urls if u not in mine]


@dataclass(frozen=True)
class PrintPlan:
    """The PDFs this build prints, each with the key of all it depends on."""

    jobs: dict[str, PrintJob]  # PDF file -> what to print
    keys: dict[str, str]  # PDF file -> its inputs' key (pdf.job_key)
    sources: dict[str, tuple[str, ...]]  # PDF file -> the documents in it
    elsewhere: int  # PDFs left to the other shards


def plan_printing(
    site: Site, env: Environment, root: Path, options: PdfOptions
) -> tuple[PrintPlan | None, list[Problem]]:
    """Render the packets' HTML into print jobs; or the problems of rendering."""
    from soteneg.packets import pdf

    packets, elsewhere = packets_to_print(site, options)
    pages = [packet_page(site, p, PROJECT_URI) for p in packets]
    html, problems = render_pages(env, pages)
    if problems:
        return None, problems
    jobs = {p.output: print_job(site, p, html[p.output]) for p in pages}
    environment_key = pdf.environment_key(site.config.print_fonts.families)
    keys = {path: pdf.job_key(job, environment_key) for path, job in jobs.items()}
    return PrintPlan(jobs, keys, {p.output: p.sources for p in pages}, len(elsewhere)), []


def print_pdfs(
    plan: PrintPlan, paths: list[str], root: Path, options: PdfOptions, stats: PrintStats
) -> tuple[dict[str, bytes], list[Problem]]:
    """Print these PDFs of the plan; the files and the problems (refused fetches, attached
    PDFs that cannot be read)."""
    from soteneg.packets import pdf

    if options.progress:
        options.progress.start(len(paths))
    advance = options.progress.advance if options.progress else None
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    to_print = [plan.jobs[path] for path in paths]
    for printed in pdf.print_all(to_print, root, options.jobs, advance):
        files[printed.path] = printed.data
        stats.printed += 1
        stats.pages += printed.pages
        sources = plan.sources[printed.path]
        where = sources[0] if sources else printed.path
        for message in printed.errors:
            # pdf.py's English words before pypdf's: said from the catalogue, in every
            # language, with pypdf's words after them as pypdf gives them.
            detail = message.removeprefix(UNREADABLE_ATTACHMENT)
            problems.append(
                problem(where, None, "attachment-unreadable.print", pdf=printed.path, detail=detail)
            )
        for url in printed.refused:
            problems.append(problem(where, None, "refused-fetch", pdf=printed.path, url=url))
    return files, problems


def print_on_request(
    site: Site, templates: Mapping[str, str], root: Path, url: str
) -> bytes | None:
    """One PDF of the site, printed now (the preview prints only what is asked for), from
    the templates its build checked."""
    from soteneg.packets import pdf

    packet = next((p for p in plan_packets(site) if p.url == url), None)
    if packet is None:
        return None
    page = packet_page(site, packet, PROJECT_URI)
    html, problems = render_pages(environment(root, templates), [page])
    if problems:
        return None
    return pdf.print_one(print_job(site, page, html[page.output]), str(root)).data


def print_job(site: Site, page: Page, html: bytes) -> PrintJob:
    from soteneg.packets import pdf

    modified = page.context["modified"]
    moment = dt.datetime.fromisoformat(modified).replace(tzinfo=dt.UTC) if modified else None
    return pdf.PrintJob(
        page.output,
        html.decode("utf-8"),
        site.config.pdf_variant,
        tuple((anchor, site.files[path].data) for anchor, path in page.context["appendix_files"]),
        int(moment.timestamp()) if moment else 0,
    )
