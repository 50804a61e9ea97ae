"""One build, in the steps `pipeline.build` names, each a method of `Run`.

`Run` holds what one step hands the next: the cache of the last build into the output,
the site, the plan of units, the staged files. A step that finds problems raises `Stop`
with the build's result, so the steps read as a list. Nothing reaches the output before
the last step, `publish`: until then the new files are in a staging folder beside it,
which any stop removes. What is redone and what is reused is decided from the cache:
units (pages) whose fingerprint changed, PDFs whose inputs changed, files whose bytes
changed (see `units` and `printing`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import NoReturn

from soteneg.build import cache as build_cache
from soteneg.build.bodies import Bodies, render_keys
from soteneg.build.cache import EXTERNAL_LINKS, BuildCache, Inputs, Record
from soteneg.build.output import (
    OutputError,
    lock_file,
    new_staging,
    output_lock,
    remove_state,
    removed_on_failure,
    replace_site,
    save_manifest,
    save_report,
    unsafe_output,
    update_site,
    write_state,
)
from soteneg.build.printing import PDF_MANIFEST, PdfOptions, PrintStats, pdf_urls, print_packets
from soteneg.build.render_pool import Job, digest, make_units
from soteneg.build.results import BuildResult, CheckResult, unchanged_result
from soteneg.build.staged import (
    COPIED,
    PDF_UNIT,
    REQUIRED_ASSETS,
    SITEMAP_UNIT,
    Staged,
    external_links_report,
    locator,
    needs,
    to_link_check,
)
from soteneg.build.units import Inputs as UnitInputs
from soteneg.build.units import Unit, fingerprint, plan_units, site_key
from soteneg.content import attachments
from soteneg.content.loader import Content
from soteneg.content.sources import STATIC_DIR, TEMPLATES_DIR, read_static
from soteneg.core import routes
from soteneg.core.problems import Problem, problem, sort_problems
from soteneg.packets import fonts
from soteneg.site import assets, linkcheck, search
from soteneg.site.feeds import SITEMAP_TEMPLATE, sitemap_page
from soteneg.site.index import BuildOptions, Site, build_site
from soteneg.site.pages.page import Chrome
from soteneg.site.render import environment, render_page, template_keys


@dataclass(frozen=True)
class Settings:
    """What the build was asked for. `pdf_options` None builds HTML only (--no-pdf):
    pages then do not link to PDFs, unless `link_pdfs` (the preview prints a PDF when it
    is asked for). `jobs`: processes for parsing and rendering."""

    options: BuildOptions
    pdf_options: PdfOptions | None = None
    with_search: bool = True
    link_pdfs: bool = False
    jobs: int = 1


@dataclass
class Memory:
    """The build cache held in this process (the preview's) instead of on disk."""

    build: BuildCache | None = None
    inputs: Inputs | None = None
    site: Site | None = None


class Stop(Exception):
    """A step ends the build early; `result` is what the build answers."""

    def __init__(self, result: BuildResult) -> None:
        super().__init__("build stopped")
        self.result = result


class Run:
    """One build of `root` into `out`. The steps are called in the order
    `pipeline.build` calls them; each relies on what the ones before it set (the cache
    from `last_build`, the checked content from `accept`, the site from `index`, the
    units from `plan`, the staged files from `make_pages`)."""

    def __init__(self, root: Path, out: Path | None, settings: Settings, memory: Memory | None):
        self.root, self.settings, self.memory = root, settings, memory
        pdf_options = settings.pdf_options
        shard = pdf_options.shard if pdf_options else None
        self.key = build_cache.cache_key(
            settings.options.drafts,
            settings.options.base_path,
            pdf_options is not None,
            settings.with_search,
            settings.link_pdfs,
            str(shard or ""),
        )
        self.stamps = build_cache.input_stamps(root)
        self.out = out if out is not None else build_cache.configured_output(root)
        # PDFs are printed, or linked and printed on request: the print fonts must exist.
        self.prints = pdf_options is not None or settings.link_pdfs
        self.checked: CheckResult | None = None
        self.stats: PrintStats | None = None

    # -- before the output's lock --------------------------------------------------------

    def stop_if_unchanged(self) -> None:
        """Stop with the last build's result when it is all still true (nothing read has
        changed, no embargo has ended, the output is intact): then nothing is done."""
        out, memory, now = self.out, self.memory, self.settings.options.now
        if out is None or not lock_file(out).exists():
            return
        if memory is None:
            inputs = build_cache.unchanged(out, self.key, self.stamps, now)
        elif memory.inputs is not None and memory.inputs.key == self.key:
            fits = build_cache.still_true(memory.inputs, out, self.stamps, now)
            inputs = memory.inputs if fits else None
        else:
            inputs = None
        if inputs is not None:
            raise Stop(unchanged_result(out, inputs, memory.site if memory else None))

    def last_build(self) -> BuildCache:
        """The cache of the last build into the output (or the preview's), else a new
        one; the steps below read and update it."""
        memory = self.memory
        state = memory.build if memory is not None else None
        if state is None and memory is None and self.out is not None:
            state = build_cache.load_build(self.out, self.key)
        if state is None:
            state = BuildCache(key=self.key)
        if memory is not None:
            memory.build = state  # its parse memo outlives a failed build
        self._cache = state
        return state

    def accept(self, checked: CheckResult) -> None:
        """Go on with checked content, or stop at its errors or at an output that must
        not be written (the project itself, a hidden folder, somebody else's folder)."""
        self.checked = checked
        if checked.failed:
            raise Stop(BuildResult(checked, checked.problems, None))
        config = checked.content.config
        assert config is not None
        if self.prints:  # fonts are inputs of the PDFs: a font changed is a build to do
            self.stamps = {**self.stamps, **fonts.stamps(config.print_fonts.families)}
        if self.out is None:
            self.out = self.root / config.output
        refused = unsafe_output(self.root, self.out)
        if refused:
            self.fail(problem(str(self.out), None, "output-error", reason=refused))

    def fail(self, *problems: Problem) -> NoReturn:
        checked = self.checked
        assert checked is not None
        found = sort_problems([*checked.problems, *problems])
        raise Stop(BuildResult(checked, found, None, stats=self.stats))

    # -- under the output's lock ---------------------------------------------------------

    @contextmanager
    def locked_output(self) -> Iterator[None]:
        """Hold the output's lock, and a staging folder for the new files beside it,
        removed whatever stops the build."""
        out = self.out
        assert out is not None
        try:
            with output_lock(out):
                self._resume(out)
                self.staging = new_staging(out)
                with removed_on_failure(self.staging, out):
                    yield
        except OutputError as err:
            self.fail(problem(str(out), None, "output-error.failed", detail=err.text))
        except search.SearchError as err:
            self.fail(problem(str(out), None, "search-error", detail=err.text))

    def _resume(self, out: Path) -> None:
        """Whether this build updates the output in place (the cache describes it and no
        update was interrupted), and which of its files changed behind the cache's back."""
        state, memory = self._cache, self.memory
        if memory is not None:
            self.inputs = memory.inputs
        else:
            self.inputs = build_cache.load_inputs(out, self.key)
        self.in_place = bool(
            self.inputs is not None
            and state.records
            and out.is_dir()
            and not os.path.lexists(build_cache.journal(out))
        )
        self.damaged: frozenset[str] = frozenset()
        if self.in_place and self.inputs is not None:
            now = build_cache.output_stamps(out, list(self.inputs.written))
            self.damaged = frozenset(
                rel for rel, st in self.inputs.written.items() if now.get(rel) != st
            )
        else:
            state.units, state.outputs, state.records = {}, {}, {}
        self.previous = state.records if self.in_place else {}

    def index(self) -> Site:
        """What is published, where, and which files it attaches."""
        assert self.checked is not None
        site = build_site(self.checked.content, self.settings.options)
        refs = [r for d in site.published.values() for r in attachments.references(d)]
        self.site = replace(site, files=attachments.publish(refs, self.checked.files))
        return self.site

    def plan(self, site: Site) -> list[Unit]:
        """Every page as a unit with the fingerprint of all it shows."""
        static = read_static(self.root)
        missing = [n for n in REQUIRED_ASSETS if n not in static]
        if missing:
            self.fail(
                *(problem(f"{STATIC_DIR}/{n}", None, "asset-missing", name=n) for n in missing)
            )
        asset_urls, self.asset_files = assets.publish(static)
        settings = self.settings
        mine, elsewhere = pdf_urls(site, settings.pdf_options or PdfOptions())
        linked = settings.pdf_options is not None or settings.link_pdfs
        pdfs = frozenset(mine + elsewhere) if linked else frozenset()
        # PDFs that pages link to but this build does not print: other shards' PDFs, and
        # the preview's, which prints one when it is asked for.
        self.promised = {routes.output_file(url) for url in elsewhere}
        if settings.pdf_options is None:
            self.promised |= {routes.output_file(url) for url in pdfs}
        assert self.checked is not None
        texts = self.checked.content.texts
        targets, keys = render_keys(site, texts)
        self.templates = self.root / TEMPLATES_DIR
        self.env = environment(self.templates)
        base = routes.base_path(site.config.base_url)

        @cache
        def chrome_for(lang: str) -> Chrome:
            return Chrome(site, lang, lambda name: routes.href(asset_urls[name], base), pdfs)

        self.unit_inputs = UnitInputs(
            site_key(site, texts, asset_urls, pdfs),
            template_keys(self.env),
            keys.__getitem__,
            targets.__getitem__,
        )
        self.units = plan_units(site, Bodies(site), chrome_for, self.unit_inputs)
        return self.units

    def make_pages(self, units: list[Unit]) -> None:
        """Make the units whose fingerprint changed (in `jobs` processes), keep the
        others, stage the copied files and the sitemap."""
        state, previous, damaged = self._cache, self.previous, self.damaged
        todo = [u for u in units if needs(u, state, previous, damaged)]
        shas = {rel: r.sha for rel, r in previous.items() if rel not in damaged}
        job = Job(todo, self.env, self.templates, self.staging, shas, self.site.config.base_url)
        made = {m.unit: m for m in make_units(job, self.settings.jobs)}
        failures = [m.problem for m in made.values() if m.problem]
        if failures:
            # A broken template breaks every page that uses it: say so once per place.
            self.fail(*{(p.file, p.line, p.code): p for p in reversed(failures)}.values())
        staged = self.staged = Staged(self.staging, previous, damaged)
        self.outputs: dict[str, str | None] = {}
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
            self.outputs[unit.key] = m.output if m is not None else state.outputs[unit.key]
        copied = dict(self.asset_files)
        copied.update({routes.output_file(f.url): f.data for f in self.site.files.values()})
        for rel, data in copied.items():
            staged.add(rel, data, Record(digest(data), COPIED))
        self._make_sitemap()

    def _make_sitemap(self) -> None:
        """The sitemap lists every page: made again only when an entry or its template
        changed."""
        staged, previous = self.staged, self.previous
        sitemap = sitemap_page([r.sitemap for r in staged.records.values() if r.sitemap])
        self.sitemap_key = fingerprint(
            self.unit_inputs.site_wide,
            self.unit_inputs.templates.get(SITEMAP_TEMPLATE, "-"),
            repr(sitemap.context),
        )
        old = previous.get(sitemap.output)
        if (
            old is not None
            and self._cache.units.get(SITEMAP_UNIT) == self.sitemap_key
            and sitemap.output not in self.damaged
        ):
            staged.claim(sitemap.output, SITEMAP_UNIT, ())
            staged.records[sitemap.output] = old
            return
        data = render_page(self.env, sitemap, self.templates)
        if isinstance(data, Problem):
            self.fail(data)
        record = Record(digest(data), SITEMAP_UNIT, template=SITEMAP_TEMPLATE)
        staged.add(sitemap.output, data, record)

    def print_packets(self, site: Site) -> None:
        """Print the PDFs whose inputs changed; reuse the others from the output."""
        options = self.settings.pdf_options
        self.manifest: dict[str, dict[str, str]] = {}
        if options is None:
            return
        self.stats = PrintStats()
        assert self.out is not None
        printed, self.manifest, problems = print_packets(
            site, self.env, self.root, self.out, options, self.stats
        )
        if problems:
            self.fail(*problems)
        for rel, data in printed.items():
            self.staged.add(rel, data, Record(digest(data), PDF_UNIT))

    def check_links(self) -> None:
        """Every file is written once, and every link and anchor of the pages lands."""
        staged = self.staged
        if staged.collisions:
            self.fail(*staged.collisions)
        pages = {rel: r.links for rel, r in staged.records.items() if r.links is not None}
        self.removed = sorted(rel for rel in self.previous if rel not in staged.records)
        self.report = linkcheck.check_links(
            pages,
            staged.records,
            self.promised,
            to_link_check(staged, self.previous, self.removed),
        )
        broken = linkcheck.broken_link_problems(self.report, locator(self.site, staged.records))
        if broken:
            self.fail(*broken)

    def publish(self) -> None:
        """Move the new files into the output (all at once, or one by one under a
        journal), index the pages for search if any indexed page changed, and save the
        cache for the next build."""
        out, staged, previous, removed = self.out, self.staged, self.previous, self.removed
        assert out is not None and self.checked is not None
        settings = self.settings
        touched = [*staged.written, *removed]
        reindex = settings.with_search and (
            not self.in_place
            or not (out / search.BUNDLE).is_dir()
            or any((staged.records.get(rel) or previous[rel]).indexed for rel in touched)
        )
        finish = search.index_site if reindex else None
        if self.in_place:
            write_state(out, build_cache.JOURNAL_FILE, b"")
            update_site(self.staging, out, sorted(staged.written), removed, finish)
        else:
            replace_site(self.staging, out, finish)
        if settings.pdf_options is not None:
            save_manifest(out, PDF_MANIFEST, self.manifest)
        save_report(out, EXTERNAL_LINKS, external_links_report(self.report))
        state = self._cache
        state.units = {u.key: u.fingerprint for u in self.units}
        state.units[SITEMAP_UNIT] = self.sitemap_key
        state.outputs = self.outputs
        state.records = staged.records
        self._save(out, state)

    def _save(self, out: Path, state: BuildCache) -> None:
        checked = self.checked
        assert checked is not None
        written_now = sorted(self.staged.written)
        if self.in_place and self.inputs is not None:
            written = {r: s for r, s in self.inputs.written.items() if r in state.records}
            written.update(build_cache.output_stamps(out, written_now))
        else:
            written = build_cache.output_stamps(out, list(state.records))
        warned = {p.file for p in checked.problems}
        config = checked.content.config
        self.fresh = Inputs(
            self.key,
            self.stamps,
            written,
            settles(checked.content, self.settings.options),
            list(checked.problems),
            {f: t for f, t in checked.content.texts.items() if f in warned},
            len(state.records),
            len({link.url for link in self.report.external}),
            config.default_lang if config else "fi",
        )
        if self.memory is not None:
            self.memory.build, self.memory.inputs, self.memory.site = state, self.fresh, self.site
        else:
            build_cache.save(out, state, self.fresh)
        remove_state(build_cache.journal(out))

    def result(self) -> BuildResult:
        assert self.checked is not None
        return BuildResult(
            self.checked,
            self.checked.problems,
            self.out,
            self.fresh.files,
            self.stats,
            self.fresh.external_links,
            self.site,
            written=sorted(self.staged.written),
            removed=self.removed,
        )


def settles(content: Content, options: BuildOptions) -> dt.datetime | None:
    """The next moment an embargo ends and the site changes without any edit."""
    now = options.now
    if now is None:
        return None
    future = [
        d.meta.publish_at
        for d in content.documents
        if d.meta is not None and d.meta.publish_at and d.meta.publish_at > now
    ]
    return min(future) if future else None
