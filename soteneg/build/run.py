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

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import NoReturn

from soteneg.build import cache as build_cache
from soteneg.build import search_shards
from soteneg.build.bodies import Bodies, front_keys, render_keys
from soteneg.build.cache import EXTERNAL_LINKS, PAGES, Cache
from soteneg.build.cache.fresh import GIT_STAMP
from soteneg.build.embargo_moments import lifted, settles
from soteneg.build.from_scratch import why_from_scratch
from soteneg.build.memory import Memory, input_stamps, linked_pdfs
from soteneg.build.output import (
    OutputError,
    lock_file,
    new_staging,
    output_lock,
    remove_state,
    removed_on_failure,
    replace_site,
    save_report,
    unsafe_output,
    update_site,
    write_state,
)
from soteneg.build.printing import PrintStats, print_changed
from soteneg.build.records import Inputs, Record
from soteneg.build.render_pool import Job, Made, digest, make_units
from soteneg.build.replan import replan
from soteneg.build.results import BuildResult, CheckResult, unchanged_result
from soteneg.build.settings import Looked, Settings
from soteneg.build.staged import (
    COPIED,
    PDF_UNIT,
    REQUIRED_ASSETS,
    SITEMAP_UNIT,
    Staged,
    external_links_report,
    locator,
    scan_again,
    to_link_check,
)
from soteneg.build.targets import published_site
from soteneg.build.template_check import keys_of_templates
from soteneg.build.unit_keys import Inputs as UnitInputs
from soteneg.build.unit_keys import Unit, fingerprint, site_key
from soteneg.build.units import plan_units
from soteneg.content.sources import STATIC_DIR
from soteneg.core import files as site_files
from soteneg.core import routes
from soteneg.core.keyparts import key_bytes
from soteneg.core.problems import Problem, problem, sort_problems
from soteneg.packets import fonts
from soteneg.packets.plan import packet_urls
from soteneg.site import assets, linkcheck, search
from soteneg.site.feeds import SITEMAP_TEMPLATE, sitemap_page
from soteneg.site.index import Site
from soteneg.site.pages.page import Chrome
from soteneg.site.render import environment, render_page


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

    def __init__(
        self,
        root: Path,
        out: Path | None,
        settings: Settings,
        memory: Memory | None,
        looked: Looked | None = None,
    ):
        self.root, self.settings, self.memory = root, settings, memory
        self.key = build_cache.cache_key(settings)
        self.out = out if out is not None else build_cache.configured_output(root)
        # The command line has just asked whether anything changed (before loading the
        # rest of soteneg), with a cache of its own: asking again, stamping the project
        # and decoding the inputs' file once more, cost 0.1-0.2 s of one edit at 5000
        # documents. Its stamps were taken earlier still: a file changed meanwhile is
        # seen by the next build.
        if looked and (memory or (looked.out, looked.cache.key) != (self.out, self.key)):
            looked = None  # not this build's look
        self.looked = looked is not None
        if looked is not None:
            self.stamps, self.cache = looked.stamps, looked.cache
        else:
            self.stamps = input_stamps(root, memory)
            self.cache = self._open_cache()
        self.checked: CheckResult | None = None
        self.stats: PrintStats | None = None

    # -- before the output's lock --------------------------------------------------------

    def stop_if_unchanged(self) -> None:
        """Stop with the last build's result when it is all still true (nothing read has
        changed, no embargo has ended, the output is intact): then nothing is done."""
        out, memory = self.out, self.memory
        if self.looked or out is None or not lock_file(out).exists():
            return  # (looked: the command line found that something did)
        options = self.settings.options
        inputs = self.cache.last_build_holds(out, self.stamps, options.now, self.settings.printed)
        if inputs is not None:
            kept = (memory.site, memory.templates) if memory else (None, {})
            raise Stop(unchanged_result(out, inputs, *kept))

    def _open_cache(self) -> Cache:
        memory = self.memory
        if memory is None:
            return Cache.on_disk(self.out, self.key) if self.out is not None else Cache(self.key)
        if memory.cache is None or memory.cache.key != self.key:
            memory.cache = Cache(self.key)  # what it parsed outlives a failed build
        return memory.cache

    def last_build(self) -> Cache:
        """The cache of the last build into the output (or the preview's); the steps
        below get their results from it, or make them."""
        self.cache.begin()
        return self.cache

    def accept(self, checked: CheckResult) -> None:
        """Go on with checked content, or stop at its errors or at an output that must
        not be written (the project itself, a hidden folder, somebody else's folder)."""
        self.checked = checked
        if checked.failed:
            raise Stop(BuildResult(checked, checked.problems, None))
        config = checked.content.config
        assert config is not None
        if self.settings.prints:  # fonts are inputs of the PDFs: a font changed is a build to do
            self.stamps = {**self.stamps, **fonts.stamps(config.print_fonts.families)}
        if any(p.code == "git-timeout" for p in checked.problems):
            # Without the commit among its stamps, this build's site is never taken as
            # still true: the next one reads the history that git was too slow to give.
            self.stamps = {k: v for k, v in self.stamps.items() if k != GIT_STAMP}
        if self.out is None:
            self.out = self.root / config.output
            if self.memory is None:
                self.cache.attach(self.out)
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
        cache = self.cache
        cache.read_again()  # under the lock now: another build may have run meanwhile
        self.inputs = cache.inputs
        self.in_place = bool(
            self.inputs is not None
            and cache.records
            and out.is_dir()
            and not os.path.lexists(build_cache.journal(out))
        )
        trusted = self.inputs is not None and bool(cache.records)
        self.from_scratch = None if self.in_place else why_from_scratch(out, cache.folder, trusted)
        self.damaged: frozenset[str] = frozenset()
        sole = self.memory is not None and self.memory.sole_writer
        if self.in_place and self.inputs is not None and not sole:
            now = build_cache.output_stamps(out, list(self.inputs.written))
            self.damaged = frozenset(
                rel for rel, st in self.inputs.written.items() if now.get(rel) != st
            )
        self.previous = cache.records if self.in_place else {}

    def index(self) -> Site:
        """What is published, where, and which files it attaches."""
        checked = self.checked
        assert checked is not None
        # `check` judged the content's links in the very site this build publishes (the
        # same content, options and files): made once, with what it has learnt.
        site = checked.site
        if site is None:
            site = published_site(checked.content, self.settings.options, checked.files)
        self.site = site
        return site

    def plan(self, site: Site) -> list[Unit]:
        """Every page as a unit with the fingerprint of all it shows."""
        assert self.checked is not None
        static = self.checked.static
        missing = [n for n in REQUIRED_ASSETS if n not in static]
        if missing:
            self.fail(
                *(problem(f"{STATIC_DIR}/{n}", None, "asset-missing", name=n) for n in missing)
            )
        asset_urls, self.asset_files = assets.publish(static)
        settings = self.settings
        # The PDFs pages link to: none in an HTML-only build, which need not plan them.
        linked = (
            linked_pdfs(site, self.checked.fronts, settings.pdf_options, self.memory)
            if settings.prints
            else None
        )
        mine, elsewhere = linked or ([], [])
        pdfs = frozenset(mine + elsewhere)
        # PDFs that pages link to but this build does not print: other shards' PDFs, and
        # the preview's, which prints one when it is asked for.
        self.promised = {routes.output_file(url) for url in elsewhere}
        if settings.pdf_options is None:
            self.promised |= {routes.output_file(url) for url in pdfs}
        assert self.checked is not None
        texts = self.checked.content.texts
        targets, keys = render_keys(site, texts)
        self.env = environment(self.root, self.checked.templates)
        base = routes.base_path(site.config.base_url)

        @cache
        def chrome_for(lang: str) -> Chrome:
            return Chrome(site, lang, lambda name: routes.href(asset_urls[name], base), pdfs)

        self.unit_inputs = UnitInputs(
            site_key(site, texts, asset_urls, pdfs),
            keys_of_templates(self.env, self.checked.templates, self.cache.folder),
            keys,
            targets,
            front_keys(texts),
        )
        bodies = Bodies(site)
        # Planned again: the units that read a document whose text changed (build.replan).
        inputs, last = self.unit_inputs, self.cache.last_plan()
        again = replan(site, texts, inputs.site_wide, inputs.templates, inputs.front_key, last)
        units = plan_units(site, bodies, chrome_for, inputs, bodies.earlier, again)
        self.cache.remember_plan(None if again.reads.stray else again.planned())
        # Not kept on the run: the units hold, through their `make`, the bodies, the
        # chrome and the plan's memo of every read (`make_pages` drops them once the
        # pages are made, before the cache's save, the build's peak of memory).
        return units

    def make_pages(self, units: list[Unit]) -> None:
        """Make the units whose fingerprint changed (in `jobs` processes), keep the
        others, stage the copied files and the sitemap. The caller keeps no reference to
        `units` (pipeline.build_as): what they hold (the bodies, the chrome, the plan's
        memo of what each unit read) then goes when this returns, before the cache's
        save, where a clean build peaks."""
        previous, damaged = self.previous, self.damaged
        by_key = {u.key: u for u in units}
        shas = {rel: r.sha for rel, r in previous.items() if rel not in damaged}
        made: dict[str, Made] = {}

        def make(keys: list[str]) -> dict[str, str | None]:
            todo = [by_key[k] for k in keys]
            job = Job(todo, self.env, self.staging, shas, self.site.config.base_url)
            # The parsed documents are saved while the workers render: this process
            # only waits on them then (build/cache/layer.py).
            done = make_units(job, self.settings.jobs, self.cache.save_parsed)
            made.update((m.unit, m) for m in done)
            return {k: made[k].output for k in keys}

        wanted = {u.key: u.fingerprint for u in units}
        outputs = self.cache.get_or_make(PAGES, wanted, make, self._still_in_output)
        failures = [m.problem for m in made.values() if m.problem]
        if failures:
            # A broken template breaks every page that uses it: say so once per place.
            self.fail(*{(p.file, p.line, p.code): p for p in reversed(failures)}.values())
        staged = self.staged = Staged(self.staging, previous, damaged)
        for unit in units:
            m, output = made.get(unit.key), outputs[unit.key]
            if m is None:  # kept: its file and record stay
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
        copied = dict(self.asset_files)
        copied.update({routes.output_file(f.url): f.data for f in self.site.files.values()})
        for rel, data in copied.items():
            staged.add(rel, data, Record(digest(data), COPIED))
        self._make_sitemap()

    def _still_in_output(self, unit: str, output: str | None) -> bool:
        """A page kept from the last build is still in the output as it wrote it."""
        return output is None or (output in self.previous and output not in self.damaged)

    def _make_sitemap(self) -> None:
        """The sitemap lists every page: made again only when an entry or its template
        changed."""
        staged, previous = self.staged, self.previous
        sitemap = sitemap_page([r.sitemap for r in staged.records.values() if r.sitemap])
        # key_bytes, not repr: the repr of 10,000 entries was 0.01 CPU s of a save.
        key = fingerprint(
            self.unit_inputs.site_wide,
            self.unit_inputs.templates.get(SITEMAP_TEMPLATE, "-"),
            hashlib.blake2b(key_bytes(sitemap.context), digest_size=16).hexdigest(),
        )
        made: list[bytes] = []

        def make(_: list[str]) -> dict[str, str | None]:
            data = render_page(self.env, sitemap)
            if isinstance(data, Problem):
                self.fail(data)
            made.append(data)
            return {SITEMAP_UNIT: sitemap.output}

        self.cache.get_or_make(PAGES, {SITEMAP_UNIT: key}, make, self._still_in_output)
        if made:
            record = Record(digest(made[0]), SITEMAP_UNIT, template=SITEMAP_TEMPLATE)
            staged.add(sitemap.output, made[0], record)
        elif staged.claim(sitemap.output, SITEMAP_UNIT, ()):
            staged.records[sitemap.output] = previous[sitemap.output]

    def print_packets(self, site: Site) -> None:
        """Print the PDFs whose inputs changed; keep the others, from the output."""
        options, out = self.settings.pdf_options, self.out
        if options is None:
            return
        assert out is not None
        self.stats = PrintStats()
        printed, problems = print_changed(
            site, self.env, self.root, options, self.cache, out, self.stats
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
        only = to_link_check(staged, self.previous, self.removed)
        assert self.out is not None
        again = scan_again(self.out, self.site.config.base_url)
        self.report = linkcheck.check_links(pages, staged.records, self.promised, only, again)
        if self.report.why_broken and not self.settings.prints:
            # An HTML-only build is the site without its PDFs, not a site whose links
            # to them are broken: `check` judges a link to a packet against the site
            # CI publishes, and so does this build. Planned only when it matters.
            # More files promised only mend links, so the pages without a broken one
            # need not be read again (a page's links are inflated when read).
            packets = {routes.output_file(url) for url in packet_urls(self.site)}
            judged = {link.page for link, _ in self.report.why_broken}
            self.report = linkcheck.check_links(
                pages, staged.records, self.promised | packets, judged, again
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
        indexed = {rel for rel, record in staged.records.items() if record.indexed}
        finish = search_shards.indexer(out, settings.jobs, indexed) if reindex else None
        # Until the cache is saved it describes the site before this one: a build killed
        # after its files are in place, whether moved in one by one or swapped in whole,
        # leaves the journal, and the next build then trusts no cache (test_cache_crash).
        write_state(out, build_cache.JOURNAL_FILE, b"")
        if self.in_place:
            update_site(self.staging, out, sorted(staged.written), removed, finish)
        else:
            replace_site(self.staging, out, finish)
        save_report(out, EXTERNAL_LINKS, external_links_report(self.report))
        self._keep(out)

    def _keep(self, out: Path) -> None:
        checked = self.checked
        assert checked is not None
        written_now = sorted(self.staged.written)
        records = self.staged.records
        if self.in_place and self.inputs is not None:
            written = {r: s for r, s in self.inputs.written.items() if r in records}
            written.update(build_cache.output_stamps(out, written_now))
        else:
            written = build_cache.output_stamps(out, list(records))
        warned = {p.file for p in checked.problems}
        config = checked.content.config
        # What the output holds, as `find` counts it: the search index's files too.
        bundle = out / search.BUNDLE
        indexed = site_files.count_files(bundle) if bundle.is_dir() else 0
        self.fresh = Inputs(
            self.key,
            self.stamps,
            written,
            settles(checked.content, self.settings.options),
            lifted(checked.content, self.settings.options),
            list(checked.problems),
            {f: t for f, t in checked.content.texts.items() if f in warned},
            len(records) + indexed,
            len({link.url for link in self.report.external}),
            config.default_lang if config else "fi",
            self.settings.printed,
        )
        self.cache.keep(records, self.fresh)
        if self.memory is not None:
            self.memory.site = self.site
            self.memory.templates = checked.templates
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
            from_scratch=self.from_scratch,
        )
