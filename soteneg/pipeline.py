"""The pipeline as a readable list of steps. Reading happens first, writing last."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Protocol

from jinja2 import Environment

from soteneg import assets, attachments, linkcheck, markdown_html, pdf, routes, search
from soteneg.content import Content, load_content
from soteneg.crossref import cross_check
from soteneg.document_pages import document_pages, link_resolver
from soteneg.feeds import feed_page, robots_page, sitemap_page
from soteneg.index_pages import index_pages
from soteneg.output import (
    OutputError,
    load_manifest,
    lock_file,
    output_lock,
    previous_output,
    save_manifest,
    save_report,
    write_site,
)
from soteneg.packets import packet_page, plan_packets
from soteneg.pages import Chrome, Page
from soteneg.pdf import PrintJob
from soteneg.problems import Problem, has_errors, problem, sort_problems
from soteneg.render import environment, render_pages
from soteneg.site import BuildOptions, Site, build_site
from soteneg.sources import (
    CONTENT_DIR,
    STATIC_DIR,
    TEMPLATES_DIR,
    FileData,
    read_files,
    read_project,
    read_static,
)

Location = tuple[str, tuple[int, int] | None]
REQUIRED_ASSETS = ("style.css",)
EXTERNAL_LINKS = "external-links.txt"
PDF_MANIFEST = "pdf.json"


@dataclass(frozen=True)
class CheckResult:
    content: Content
    problems: list[Problem]  # every problem of the run, sorted by file and line
    config_failed: bool  # site.yaml is missing or invalid: a configuration error
    # Files the documents refer to (attachments, images), by path under content/.
    files: Mapping[str, FileData] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.config_failed or has_errors(self.problems)


@dataclass(frozen=True)
class BuildResult:
    check: CheckResult
    problems: list[Problem]  # check's problems plus those of rendering and writing
    out: Path | None  # where the site was written; None when nothing was
    files: int = 0
    stats: PrintStats | None = None
    external_links: int = 0  # listed in the cache folder's external-links.txt
    site: Site | None = None  # what was built, for the preview's PDFs on request

    @property
    def failed(self) -> bool:
        return self.check.config_failed or has_errors(self.problems)


def check(root: Path) -> CheckResult:
    """Read and validate the whole project; write nothing."""
    files = read_project(root)
    content, config_problems, problems = load_content(files)
    prefix = CONTENT_DIR + "/"
    every_document = {f.path.removeprefix(prefix).removesuffix(".md") for f in files.documents}
    problems += cross_check(content, every_document)
    refs = [r for d in content.documents + content.rejected for r in attachments.references(d)]
    referenced: dict[str, FileData] = {}
    if content.config is not None:
        policy = content.config.attachments
        limit = int(policy.max_mb * 1024 * 1024)
        referenced = read_files(root, {r.path for r in refs if r.path}, limit)
        problems += attachments.check_refs(refs, referenced, policy)
    return CheckResult(
        content=content,
        problems=sort_problems(config_problems + problems),
        config_failed=has_errors(config_problems),
        files=referenced,
    )


def render_documents(site: Site) -> dict[str, markdown_html.Rendered]:
    allow_html = site.config.allow_raw_html
    base = routes.base_path(site.config.base_url)
    sizes = {routes.href(f.url, base): f.size for f in site.files.values() if f.size}
    return {
        doc.id: markdown_html.render(
            doc.body,
            link_resolver(site, doc),
            routes.href(site.url(doc), base),
            allow_html,
            sizes.get,
        )
        for group in site.groups.values()
        for doc in group.versions.values()
    }


def plan(
    site: Site,
    rendered: dict[str, markdown_html.Rendered],
    asset_urls: dict[str, str],
    pdfs: frozenset[str] = frozenset(),
) -> list[Page]:
    """Every HTML page, feed and sitemap; `pdfs` are the PDF URLs pages may link to."""
    base = routes.base_path(site.config.base_url)

    @cache
    def chrome_for(lang: str) -> Chrome:
        return Chrome(site, lang, lambda name: routes.href(asset_urls[name], base), pdfs)

    pages = document_pages(site, rendered, chrome_for) + index_pages(site, rendered, chrome_for)
    pages.append(sitemap_page(site, pages))
    pages += [feed_page(site, lang) for lang in site.languages]
    pages.append(robots_page(site))
    return pages


def url_collisions(pages: list[Page]) -> list[Problem]:
    """Two pages at one URL: name the documents involved."""
    owner: dict[str, Page] = {}
    problems: list[Problem] = []
    for page in pages:
        first = owner.setdefault(page.url, page)
        if first is not page:
            file = (page.sources or first.sources or (CONTENT_DIR,))[0]
            problems.append(
                problem(file, None, "url-collision", f"{page.url} would be written twice")
            )
    return problems


def locator(site: Site, pages: list[Page]) -> Callable[[linkcheck.Link], Location]:
    """Where a link of the built site came from: the document line whose Markdown wrote
    it, else the template that did."""
    by_output = {p.output: p for p in pages}
    documents = {d.file: d for g in site.groups.values() for d in g.versions.values()}

    def locate(link: linkcheck.Link) -> Location:
        page = by_output.get(link.page)
        if page is None:
            return link.page, None
        doc = documents.get(page.sources[0]) if page.sources else None
        if doc is not None:
            resolve = link_resolver(site, doc)
            for written in doc.outline.links:
                if resolve(written.href) == link.url:
                    return doc.file, (doc.body_line + written.line, written.column or 1)
        return f"{TEMPLATES_DIR}/{page.template}", None

    return locate


def external_links_report(report: linkcheck.LinkReport) -> str:
    lines = [f"{link.url}\t{link.page}" for link in report.external]
    return "\n".join(lines) + ("\n" if lines else "")


def unsafe_output(root: Path, out: Path) -> str | None:
    """Why `out` must not be replaced wholesale, or None. The output folder is deleted and
    rewritten on every build: it must never be the project or hold its sources."""
    root, out = root.resolve(), out.resolve()
    for keep in (root, root / CONTENT_DIR, root / TEMPLATES_DIR):
        if out == keep or keep.is_relative_to(out) or (out.is_relative_to(keep) and keep != root):
            return f"{out} holds the project's own files"
    if out.is_relative_to(root) and any(
        part.startswith(".") for part in out.relative_to(root).parts
    ):
        return f"{out} is a hidden folder of the project (like .git)"
    if out.is_dir() and any(out.iterdir()) and not lock_file(out).exists():
        return f"{out} is not empty and was not built by soteneg; remove it or choose another --out"
    return None


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, path: str) -> None: ...


@dataclass(frozen=True)
class PdfOptions:
    jobs: int = 1
    progress: Progress | None = None


@dataclass
class PrintStats:
    printed: int = 0
    reused: int = 0
    pages: int = 0


def print_packets(
    site: Site, env: Environment, root: Path, out: Path, options: PdfOptions, stats: PrintStats
) -> tuple[dict[str, bytes], dict[str, dict[str, str]], list[Problem]]:
    """Render the packets' HTML, reuse unchanged PDFs of the previous build, print the rest.

    Returns the PDF files, the new cache manifest and problems (refused fetches)."""
    root_uri = pdf.PROJECT_URI
    packets = plan_packets(site)
    pages = [packet_page(site, p, root_uri) for p in packets]
    html, problems = render_pages(env, pages, root / TEMPLATES_DIR)
    if problems:
        return {}, {}, problems
    variant = site.config.pdf_variant
    jobs = [
        PrintJob(
            p.output,
            html[p.output].decode("utf-8"),
            variant,
            tuple((anchor, site.files[path].data) for anchor, path in p.context["appendix_files"]),
        )
        for p in pages
    ]
    environment_key = pdf.environment_key()
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
        for message in printed.errors:
            where = sources[printed.path][0] if sources[printed.path] else printed.path
            problems.append(
                problem(where, None, "attachment-unreadable", f"{printed.path}: {message}")
            )
        for url in printed.refused:
            where = sources[printed.path][0] if sources[printed.path] else printed.path
            problems.append(
                problem(where, None, "refused-fetch", f"{printed.path}: refused to read {url}")
            )
    return files, manifest, problems


def build(
    root: Path,
    out: Path | None,
    options: BuildOptions,
    pdf_options: PdfOptions | None = None,
    with_search: bool = True,
    link_pdfs: bool = False,
) -> BuildResult:
    """check -> index -> Markdown -> page plan -> templates -> PDFs -> write all at once.

    `pdf_options` None builds HTML only (--no-pdf): pages then do not link to PDFs,
    unless `link_pdfs` (the preview prints a PDF when it is asked for)."""
    checked = check(root)
    if checked.failed:
        return BuildResult(checked, checked.problems, None)
    assert checked.content.config is not None
    out = out if out is not None else root / checked.content.config.output
    refused = unsafe_output(root, out)
    if refused:
        failure = problem(str(out), None, "output-error", f"not writing here: {refused}")
        return BuildResult(checked, [*checked.problems, failure], None)
    try:
        with output_lock(out):
            return _build_into(root, out, options, pdf_options, with_search, link_pdfs, checked)
    except OutputError as err:
        failure = problem(str(out), None, "output-error", str(err))
        return BuildResult(checked, [*checked.problems, failure], None)


def _build_into(
    root: Path,
    out: Path,
    options: BuildOptions,
    pdf_options: PdfOptions | None,
    with_search: bool,
    link_pdfs: bool,
    checked: CheckResult,
) -> BuildResult:
    """The part of a build that holds the output folder's lock."""
    site = build_site(checked.content, options)
    refs = [
        r
        for g in site.groups.values()
        for d in g.versions.values()
        for r in attachments.references(d)
    ]
    site = replace(site, files=attachments.publish(refs, checked.files))
    rendered = render_documents(site)
    static = read_static(root)
    missing = [
        problem(f"{STATIC_DIR}/{name}", None, "asset-missing", f"{name} is missing")
        for name in REQUIRED_ASSETS
        if name not in static
    ]
    if missing:
        return BuildResult(checked, checked.problems + missing, None)
    asset_urls, asset_files = assets.publish(static)
    linked = pdf_options is not None or link_pdfs
    pdfs = frozenset(p.url for p in plan_packets(site)) if linked else frozenset()
    pages = plan(site, rendered, asset_urls, pdfs)
    collisions = url_collisions(pages)
    if collisions:
        return BuildResult(checked, sort_problems(checked.problems + collisions), None)
    templates = root / TEMPLATES_DIR
    env = environment(templates)
    files, problems = render_pages(env, pages, templates)
    if problems:
        return BuildResult(checked, checked.problems + problems, None)
    files.update(asset_files)
    files.update({routes.output_file(f.url): f.data for f in site.files.values()})
    stats = PrintStats()
    manifest: dict[str, dict[str, str]] = {}
    if pdf_options is not None:
        printed, manifest, problems = print_packets(site, env, root, out, pdf_options, stats)
        if has_errors(problems):
            return BuildResult(checked, checked.problems + problems, None, stats=stats)
        files.update(printed)
    promised = {routes.output_file(url) for url in pdfs} if pdf_options is None else set()
    report = linkcheck.check_site(files, site.config.base_url, promised)
    broken = linkcheck.broken_link_problems(report, locator(site, pages))
    if broken:
        return BuildResult(checked, sort_problems(checked.problems + broken), None)
    try:
        write_site(out, files, finish=search.index_site if with_search else None)
        if pdf_options is not None:
            save_manifest(out, PDF_MANIFEST, manifest)
        save_report(out, EXTERNAL_LINKS, external_links_report(report))
    except OutputError as err:
        failure = problem(str(out), None, "output-error", str(err))
        return BuildResult(checked, [*checked.problems, failure], None)
    except search.SearchError as err:
        failure = problem(str(out), None, "search-error", f"the search index failed: {err}")
        return BuildResult(checked, [*checked.problems, failure], None)
    return BuildResult(
        checked,
        checked.problems,
        out,
        len(files),
        stats if pdf_options is not None else None,
        len({link.url for link in report.external}),
        site,
    )


def print_on_request(site: Site, root: Path, url: str) -> bytes | None:
    """One PDF of the site, printed now (the preview prints only what is asked for)."""
    packet = next((p for p in plan_packets(site) if p.url == url), None)
    if packet is None:
        return None
    page = packet_page(site, packet, pdf.PROJECT_URI)
    html, problems = render_pages(environment(root / TEMPLATES_DIR), [page], root / TEMPLATES_DIR)
    if problems:
        return None
    appendices = tuple((a, site.files[p].data) for a, p in page.context["appendix_files"])
    job = PrintJob(
        page.output, html[page.output].decode("utf-8"), site.config.pdf_variant, appendices
    )
    return pdf.print_one(job, str(root)).data
