"""Packets and document PDFs within a build: which to print (shards), as which jobs, with
which key (whether a PDF is printed again or kept is the cache's to say).

WeasyPrint is imported only when something is printed: it takes most of a second to
load, which a build without PDFs (or with every PDF unchanged) should not pay.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment

from soteneg.build.cache import PDFS, Cache
from soteneg.build.settings import PdfOptions
from soteneg.build.state_reads import previous_output
from soteneg.content import attachments
from soteneg.core.problems import Problem, problem
from soteneg.packets.plan import PROJECT_URI, Packet, packet_page, packet_urls, plan_packets
from soteneg.site.index import Site
from soteneg.site.pages.page import Page
from soteneg.site.render import environment, render_pages

if TYPE_CHECKING:
    from soteneg.packets.pdf import Printed, PrintJob

# Where a packet's attached PDF is attached: the document's file, the position of the
# entry in its front matter, and the file's name as the editor wrote it.
AttachedAt = tuple[str, tuple[int, int] | None, str]


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
    appendices: dict[str, dict[str, AttachedAt]]  # PDF file -> its attached PDFs, by page id
    elsewhere: int  # PDFs left to the other shards


def plan_printing(
    site: Site, env: Environment, root: Path, options: PdfOptions
) -> tuple[PrintPlan | None, list[Problem]]:
    """Render the packets' HTML into print jobs; or the problems of rendering."""
    from soteneg.packets import pdf

    packets, elsewhere = packets_to_print(site, options)
    pages = [packet_page(site, p, PROJECT_URI, options.printed) for p in packets]
    html, problems = render_pages(env, pages)
    if problems:
        return None, problems
    jobs = {p.output: print_job(site, p, html[p.output]) for p in pages}
    environment_key = pdf.environment_key(site.config.print_fonts.families)
    keys = {path: pdf.job_key(job, environment_key) for path, job in jobs.items()}
    sources = {p.output: p.sources for p in pages}
    attached = {
        page.output: _attached_at(packet, page) for packet, page in zip(packets, pages, strict=True)
    }
    return PrintPlan(jobs, keys, sources, attached, len(elsewhere)), []


def _attached_at(packet: Packet, page: Page) -> dict[str, AttachedAt]:
    """Each attached PDF of a packet, by the id of the first page reserved for it: where
    a document of the packet attaches it (the first, when several do)."""
    found: dict[str, AttachedAt] = {}
    for doc in packet.documents:
        for ref in attachments.references(doc):
            if ref.kind == "attachment" and ref.path is not None:
                found.setdefault(ref.path, (doc.file, ref.position, ref.written))
    return {anchor: found[path] for anchor, path in page.context["appendix_files"] if path in found}


def _unreadable(printed: Printed, attached: dict[str, AttachedAt], fallback: str) -> list[Problem]:
    """The attached PDFs a print could not draw, each at the entry that attaches it."""
    problems = []
    for anchor, detail in printed.unreadable:
        file, position, written = attached.get(anchor, (fallback, None, anchor))
        problems.append(
            problem(
                file,
                position,
                "attachment-unreadable.print",
                file=written,
                pdf=printed.path,
                detail=detail,
            )
        )
    return problems


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
        problems += _unreadable(printed, plan.appendices[printed.path], where)
        for url in printed.refused:
            problems.append(problem(where, None, "refused-fetch", pdf=printed.path, url=url))
    return files, problems


def print_on_request(
    site: Site, templates: Mapping[str, str], root: Path, url: str
) -> bytes | list[Problem] | None:
    """One PDF of the site, printed now (the preview prints only what is asked for) from
    the templates its build checked; or the problems that kept it from printing whole;
    None when the site has no such PDF."""
    from soteneg.packets import pdf

    packet = next((p for p in plan_packets(site) if p.url == url), None)
    if packet is None:
        return None
    page = packet_page(site, packet, PROJECT_URI)
    html, problems = render_pages(environment(root, templates), [page])
    if problems:
        return problems
    printed = pdf.print_one(print_job(site, page, html[page.output]), str(root))
    where = page.sources[0] if page.sources else printed.path
    return _unreadable(printed, _attached_at(packet, page), where) or printed.data


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


def print_changed(
    site: Site,
    env: Environment,
    root: Path,
    options: PdfOptions,
    cache: Cache,
    out: Path,
    stats: PrintStats,
) -> tuple[dict[str, bytes], list[Problem]]:
    """The build's PDFs, in the plan's order, and the problems printing found: those
    whose inputs changed since the last build printed again, the others read back from
    `out` when they are still there as the cache says it wrote them."""
    plan, problems = plan_printing(site, env, root, options)
    if plan is None:
        return {}, problems
    stats.elsewhere = plan.elsewhere
    files: dict[str, bytes] = {}

    def make(paths: list[str]) -> dict[str, str]:
        printed, found = print_pdfs(plan, paths, root, options, stats)
        files.update(printed)
        problems.extend(found)
        return {path: hashlib.sha256(data).hexdigest() for path, data in printed.items()}

    def in_output(path: str, sha256: str) -> bool:
        data = previous_output(out, path, sha256)
        if data is not None:
            files[path] = data
            stats.reused += 1
        return data is not None

    cache.get_or_make(PDFS, plan.keys, make, in_output)
    if problems:
        return {}, problems
    return {rel: files[rel] for rel in plan.keys}, []
