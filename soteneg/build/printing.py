"""Packets and document PDFs within a build: which to print, which to reuse, shards.

WeasyPrint is imported only when something is printed: it takes most of a second to
load, which a build without PDFs (or with every PDF unchanged) should not pay.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from jinja2 import Environment

from soteneg.build.output import load_manifest, previous_output
from soteneg.content.sources import TEMPLATES_DIR
from soteneg.core.problems import Problem, problem
from soteneg.packets.plan import PROJECT_URI, Packet, packet_page, packet_urls, plan_packets
from soteneg.packets.shard import Shard
from soteneg.site.index import Site
from soteneg.site.pages.page import Page
from soteneg.site.render import environment, render_pages

if TYPE_CHECKING:
    from soteneg.packets.pdf import PrintJob

PDF_MANIFEST = "pdf.json"
# How the errors of pdf.print_one begin: print_packets says it from the catalogue instead.
UNREADABLE_ATTACHMENT = "an attached PDF cannot be read: "


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, path: str) -> None: ...


@dataclass(frozen=True)
class PdfOptions:
    jobs: int = 1
    progress: Progress | None = None
    shard: Shard | None = None


@dataclass
class PrintStats:
    printed: int = 0
    reused: int = 0
    pages: int = 0
    elsewhere: int = 0  # left to the other shards


def packets_to_print(site: Site, options: PdfOptions) -> tuple[list[Packet], list[Packet]]:
    """(this build's packets, those other shards print)."""
    packets = plan_packets(site)
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


def print_packets(
    site: Site,
    env: Environment,
    root: Path,
    out: Path,
    options: PdfOptions,
    stats: PrintStats,
) -> tuple[dict[str, bytes], dict[str, dict[str, str]], list[Problem]]:
    """Render the packets' HTML, reuse unchanged PDFs of the previous build, print the rest.

    Returns the PDF files, the new cache manifest and problems (refused fetches)."""
    from soteneg.packets import pdf

    packets, elsewhere = packets_to_print(site, options)
    stats.elsewhere = len(elsewhere)
    pages = [packet_page(site, p, PROJECT_URI) for p in packets]
    html, problems = render_pages(env, pages, root / TEMPLATES_DIR)
    if problems:
        return {}, {}, problems
    jobs = [print_job(site, p, html[p.output]) for p in pages]
    environment_key = pdf.environment_key(site.config.print_fonts.families)
    previous = load_manifest(out, PDF_MANIFEST)
    files: dict[str, bytes] = {}
    manifest: dict[str, dict[str, str]] = {}
    to_print: list[PrintJob] = []
    for job in jobs:
        key = pdf.job_key(job, environment_key)
        entry = previous.get(job.path, {})
        reused = (
            previous_output(out, job.path, entry.get("sha256", ""))
            if entry.get("key") == key
            else None
        )
        if reused is not None:
            files[job.path] = reused
            manifest[job.path] = dict(entry)
            stats.reused += 1
        else:
            manifest[job.path] = {"key": key}
            to_print.append(job)
    if options.progress:
        options.progress.start(len(to_print))
    advance = options.progress.advance if options.progress else None
    sources = {p.output: p.sources for p in pages}
    for printed in pdf.print_all(to_print, root, options.jobs, advance):
        files[printed.path] = printed.data
        manifest[printed.path]["sha256"] = hashlib.sha256(printed.data).hexdigest()
        stats.printed += 1
        stats.pages += printed.pages
        where = sources[printed.path][0] if sources[printed.path] else printed.path
        for message in printed.errors:
            # pdf.py's English words before pypdf's: said from the catalogue, in every
            # language, with pypdf's words after them as pypdf gives them.
            detail = message.removeprefix(UNREADABLE_ATTACHMENT)
            problems.append(
                problem(where, None, "attachment-unreadable.print", pdf=printed.path, detail=detail)
            )
        for url in printed.refused:
            problems.append(problem(where, None, "refused-fetch", pdf=printed.path, url=url))
    return files, manifest, problems


def print_on_request(site: Site, root: Path, url: str) -> bytes | None:
    """One PDF of the site, printed now (the preview prints only what is asked for)."""
    from soteneg.packets import pdf

    packet = next((p for p in plan_packets(site) if p.url == url), None)
    if packet is None:
        return None
    page = packet_page(site, packet, PROJECT_URI)
    html, problems = render_pages(environment(root / TEMPLATES_DIR), [page], root / TEMPLATES_DIR)
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
