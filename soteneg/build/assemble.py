"""One build of the site from checked content, redoing only what changed since the cache.

Markdown bodies are rendered when their render key changed; units (pages) are made when
their fingerprint changed or their file in the output was damaged; files are written
only when their bytes changed. Every check (templates, URL collisions, links, PDFs)
passes before the output is touched. Without a usable cache everything is made into a
fresh folder that replaces the output at once; with one, changed files are moved into
the output one by one under a journal.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from soteneg.build import cache as build_cache
from soteneg.build.cache import EXTERNAL_LINKS, BuildCache, Record
from soteneg.build.output import (
    discard,
    new_staging,
    removed_on_failure,
    replace_site,
    save_manifest,
    save_report,
    update_site,
    write_state,
)
from soteneg.build.printing import PDF_MANIFEST, PdfOptions, PrintStats, pdf_urls, print_packets
from soteneg.build.render_pool import Job, digest, make_units, write_file
from soteneg.build.units import SITEMAP_TEMPLATE, Inputs, Unit, fingerprint, plan_units
from soteneg.content.loader import Document, content_path
from soteneg.content.sources import CONTENT_DIR, DATA_FILE_NAMES, STATIC_DIR, TEMPLATES_DIR
from soteneg.core import routes
from soteneg.core.problems import Problem, problem, sort_problems
from soteneg.markdown import html as markdown_html
from soteneg.site import assets, linkcheck, search
from soteneg.site.feeds import sitemap_page
from soteneg.site.index import Site
from soteneg.site.pages.document import link_resolver
from soteneg.site.pages.page import Chrome
from soteneg.site.render import environment, render_page, template_keys

REQUIRED_ASSETS = ("style.css",)
SITEMAP_UNIT = "sitemap"
COPIED = ""  # the unit of files copied as they are (assets, attachments)
PDF_UNIT = "pdf"


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    external_links: int = 0
    stats: PrintStats | None = None
    written: list[str] = field(default_factory=list)  # output files written this build
    removed: list[str] = field(default_factory=list)


def image_sizes(site: Site) -> dict[str, tuple[int, int]]:
    """Width and height of each published image, by the href a page uses for it."""
    base = routes.base_path(site.config.base_url)
    return {routes.href(f.url, base): f.size for f in site.files.values() if f.size}


def render_keys(site: Site, texts: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(document id -> key of what its links lead to, document id -> key of its file
    and rendered body). A body renders the same while its text, its page's URL, where
    its links lead and the sizes of its images stay the same."""
    base = routes.base_path(site.config.base_url)
    sizes = image_sizes(site)
    allow = str(site.config.allow_raw_html)
    targets: dict[str, str] = {}
    keys: dict[str, str] = {}
    for doc in site.published.values():
        resolve = link_resolver(site, doc)
        found = [resolve(link.href) for link in doc.outline.links]
        targets[doc.id] = fingerprint(
            allow,
            routes.href(site.url(doc), base),
            *found,
            *(repr(sizes.get(t)) for t in found),
        )
        keys[doc.id] = fingerprint(texts[doc.file], targets[doc.id])
    return targets, keys


class Bodies(Mapping[str, markdown_html.Rendered]):
    """Every published document's body for this site, finished when first asked for:
    filling in a prerendered body's blanks costs little, and most builds need few."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.base = routes.base_path(site.config.base_url)
        self.sizes = image_sizes(site)
        self.done: dict[str, markdown_html.Rendered] = {}

    def __getitem__(self, doc_id: str) -> markdown_html.Rendered:
        found = self.done.get(doc_id)
        if found is None:
            found = self.done[doc_id] = self._render(self.site.published[doc_id])
        return found

    def _render(self, doc: Document) -> markdown_html.Rendered:
        resolve = link_resolver(self.site, doc)
        page = routes.href(self.site.url(doc), self.base)
        if doc.prerendered is not None:
            return markdown_html.finish(doc.prerendered, resolve, page, self.sizes.get)
        allow = self.site.config.allow_raw_html
        return markdown_html.render(doc.body, resolve, page, allow, self.sizes.get)

    def __iter__(self) -> Iterator[str]:
        return iter(self.site.published)

    def __len__(self) -> int:
        return len(self.site.published)


def site_key(
    site: Site, texts: Mapping[str, str], asset_urls: Mapping[str, str], pdfs: frozenset[str]
) -> str:
    """Everything every page may show: code, configuration, data, languages, assets,
    published files and the PDFs pages link to."""
    files = sorted((p, f.url, str(len(f.data)), repr(f.size)) for p, f in site.files.items())
    return fingerprint(
        build_cache.code_key(),
        site.config.model_dump_json(),
        *(texts.get(f"{CONTENT_DIR}/{name}", "") for name in DATA_FILE_NAMES),
        "|".join(site.languages),
        repr(sorted(asset_urls.items())),
        repr(sorted(pdfs)),
        repr(files),
    )


def locator(site: Site, records: Mapping[str, Record]) -> linkcheck.Locate:
    """Where a link of the built site came from: the document line whose Markdown wrote
    it, else the template that did; and why it is broken when its target is a document
    this build leaves out (a draft, an embargo)."""
    documents = {d.file: d for d in site.published.values()}

    def locate(link: linkcheck.Link) -> tuple[str, tuple[int, int] | None, str | None]:
        record = records.get(link.page)
        if record is None:
            return link.page, None, None
        doc = documents.get(record.sources[0]) if record.sources else None
        if doc is not None:
            resolve = link_resolver(site, doc)
            for written in doc.outline.links:
                if resolve(written.href) == link.url:
                    target = content_path(doc.id, unquote(urlsplit(written.href).path)) or ""
                    why = site.unpublished.get(target.removesuffix(".md"))
                    return doc.file, (doc.body_line + written.line, written.column or 1), why
        return f"{TEMPLATES_DIR}/{record.template}", None, None

    return locate


def external_links_report(report: linkcheck.LinkReport) -> str:
    lines = [f"{link.url}\t{link.page}" for link in report.external]
    return "\n".join(lines) + ("\n" if lines else "")


@dataclass(frozen=True)
class Request:
    root: Path
    out: Path
    texts: Mapping[str, str]  # decoded input files
    static: Mapping[str, bytes]  # templates/static/
    pdf_options: PdfOptions | None
    with_search: bool
    link_pdfs: bool
    jobs: int
    in_place: bool  # the cache describes what is in `out`: update it file by file
    damaged: frozenset[str] = frozenset()  # output files changed or deleted behind our back


class _Staged:
    """Files of this build: their records, and those written to the staging folder."""

    def __init__(self, staging: Path, previous: Mapping[str, Record], damaged: frozenset[str]):
        self.staging = staging
        self.previous = previous
        self.damaged = damaged
        self.records: dict[str, Record] = {}
        self.owner: dict[str, str] = {}  # output file -> unit
        self.written: list[str] = []
        self.collisions: list[Problem] = []

    def claim(self, rel: str, unit: str, sources: tuple[str, ...]) -> bool:
        first = self.owner.setdefault(rel, unit)
        if first != unit:
            file = (sources or (CONTENT_DIR,))[0]
            url = "/" + rel.removesuffix("index.html")
            self.collisions.append(problem(file, None, "url-collision", url=url))
            return False
        return True

    def changed(self, rel: str, sha: str) -> bool:
        old = self.previous.get(rel)
        return old is None or old.sha != sha or rel in self.damaged

    def add(self, rel: str, data: bytes, record: Record) -> None:
        if self.claim(rel, record.unit, record.sources):
            self.records[rel] = record
            if self.changed(rel, record.sha):
                write_file(self.staging, rel, data)
                self.written.append(rel)


def _to_link_check(
    staged: _Staged, previous: Mapping[str, Record], removed: list[str]
) -> set[str] | None:
    """The pages whose links must be checked: those written, unless a link of any page
    may have lost its target (a file removed, a page that lost an id): then all."""
    if removed or not previous:
        return None
    for rel in staged.written:
        old = previous[rel].links if rel in previous else None
        new = staged.records[rel].links
        if old is not None and new is not None and old.ids != new.ids:
            return None
    return set(staged.written)


def _needs(
    unit: Unit, state: BuildCache, previous: Mapping[str, Record], damaged: frozenset[str]
) -> bool:
    if state.units.get(unit.key) != unit.fingerprint or unit.key not in state.outputs:
        return True
    output = state.outputs[unit.key]
    return output is not None and (output in damaged or output not in previous)


def assemble(site: Site, request: Request, state: BuildCache) -> Outcome:
    """Build `site` into `request.out` and update `state` to describe the result. With
    problems the output is untouched and `state` must not be saved."""
    missing = [n for n in REQUIRED_ASSETS if n not in request.static]
    if missing:
        return Outcome(
            [problem(f"{STATIC_DIR}/{n}", None, "asset-missing", name=n) for n in missing]
        )
    staging = new_staging(request.out)
    with removed_on_failure(staging, request.out):
        outcome = _assemble(site, request, state, staging)
    if outcome.problems:
        discard(staging)
    return outcome


def _assemble(site: Site, request: Request, state: BuildCache, staging: Path) -> Outcome:
    root, out = request.root, request.out
    asset_urls, asset_files = assets.publish(request.static)
    pdf_options = request.pdf_options or PdfOptions()
    mine, elsewhere = pdf_urls(site, pdf_options)
    linked = request.pdf_options is not None or request.link_pdfs
    pdfs = frozenset(mine + elsewhere) if linked else frozenset()
    # PDFs that pages link to but this build does not print: other shards' PDFs, and
    # the preview's, which prints one when it is asked for.
    promised = {routes.output_file(url) for url in elsewhere}
    if request.pdf_options is None:
        promised |= {routes.output_file(url) for url in pdfs}

    rendered = Bodies(site)
    targets, keys = render_keys(site, request.texts)
    templates = root / TEMPLATES_DIR
    env = environment(templates)
    base = routes.base_path(site.config.base_url)

    @cache
    def chrome_for(lang: str) -> Chrome:
        return Chrome(site, lang, lambda name: routes.href(asset_urls[name], base), pdfs)

    inputs = Inputs(
        site_key(site, request.texts, asset_urls, pdfs),
        template_keys(env),
        keys.__getitem__,
        targets.__getitem__,
    )
    units = plan_units(site, rendered, chrome_for, inputs)
    previous = state.records if request.in_place else {}
    todo = [u for u in units if _needs(u, state, previous, request.damaged)]
    shas = {rel: r.sha for rel, r in previous.items() if rel not in request.damaged}
    made = {
        m.unit: m
        for m in make_units(
            Job(todo, env, templates, staging, shas, site.config.base_url), request.jobs
        )
    }
    failures = [m.problem for m in made.values() if m.problem]
    if failures:
        # A broken template breaks every page that uses it: say so once per place.
        unique = {(p.file, p.line, p.code): p for p in reversed(failures)}
        return Outcome(sort_problems(list(unique.values())))

    staged = _Staged(staging, previous, request.damaged)
    outputs: dict[str, str | None] = {}
    for unit in units:
        m = made.get(unit.key)
        if m is None:  # unchanged: its file and record stay
            output = state.outputs[unit.key]
            if output is not None and staged.claim(output, unit.key, previous[output].sources):
                staged.records[output] = previous[output]
        elif m.output is not None and staged.claim(m.output, unit.key, m.sources):
            old = previous.get(m.output)
            links = m.links if m.written or old is None else old.links
            staged.records[m.output] = Record(
                m.sha, unit.key, links, m.sitemap, m.sources, m.template, m.indexed
            )
            if m.written:
                staged.written.append(m.output)
        outputs[unit.key] = m.output if m is not None else state.outputs[unit.key]

    copied = dict(asset_files)
    copied.update({routes.output_file(f.url): f.data for f in site.files.values()})
    for rel, data in copied.items():
        staged.add(rel, data, Record(digest(data), COPIED))

    stats: PrintStats | None = None
    manifest: dict[str, dict[str, str]] = {}
    if request.pdf_options is not None:
        stats = PrintStats()
        printed, manifest, problems = print_packets(
            site, env, root, out, request.pdf_options, stats
        )
        if problems:
            return Outcome(problems, stats=stats)
        for rel, data in printed.items():
            staged.add(rel, data, Record(digest(data), PDF_UNIT))

    entries = [r.sitemap for r in staged.records.values() if r.sitemap]
    sitemap = sitemap_page(entries)
    # The sitemap lists every page: made again only when an entry or its template changed.
    sitemap_key = fingerprint(
        inputs.site_wide, inputs.templates.get(SITEMAP_TEMPLATE, "-"), repr(sitemap.context)
    )
    old = previous.get(sitemap.output)
    if (
        old is not None
        and state.units.get(SITEMAP_UNIT) == sitemap_key
        and sitemap.output not in request.damaged
    ):
        staged.claim(sitemap.output, SITEMAP_UNIT, ())
        staged.records[sitemap.output] = old
    else:
        data = render_page(env, sitemap, templates)
        if isinstance(data, Problem):
            return Outcome([data])
        record = Record(digest(data), SITEMAP_UNIT, template=SITEMAP_TEMPLATE)
        staged.add(sitemap.output, data, record)
    if staged.collisions:
        return Outcome(sort_problems(staged.collisions))

    pages = {rel: r.links for rel, r in staged.records.items() if r.links is not None}
    removed = sorted(rel for rel in previous if rel not in staged.records)
    report = linkcheck.check_links(
        pages, staged.records, promised, _to_link_check(staged, previous, removed)
    )
    broken = linkcheck.broken_link_problems(report, locator(site, staged.records))
    if broken:
        return Outcome(sort_problems(broken))

    touched = [*staged.written, *removed]
    reindex = request.with_search and (
        not request.in_place
        or not (out / search.BUNDLE).is_dir()
        or any((staged.records.get(rel) or previous[rel]).indexed for rel in touched)
    )
    finish = search.index_site if reindex else None
    if request.in_place:
        write_state(out, build_cache.JOURNAL_FILE, b"")
        update_site(staging, out, sorted(staged.written), removed, finish)
    else:
        replace_site(staging, out, finish)
    if request.pdf_options is not None:
        save_manifest(out, PDF_MANIFEST, manifest)
    save_report(out, EXTERNAL_LINKS, external_links_report(report))
    state.units = {u.key: u.fingerprint for u in units}
    state.units[SITEMAP_UNIT] = sitemap_key
    state.outputs = outputs
    state.records = staged.records
    return Outcome(
        [],
        len(staged.records),
        len({link.url for link in report.external}),
        stats,
        sorted(staged.written),
        removed,
    )
