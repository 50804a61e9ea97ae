"""The pipeline: `check` reads and validates, `build` runs the steps of a build. Each
reads as the list of its steps; the steps themselves live in the layers below
(content/ reads and checks, build/run.py builds)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

from soteneg.build import kept_derived
from soteneg.build.cache import EXTERNAL_LINKS, PARSED, Cache, configured_output
from soteneg.build.content_links import (
    Kept,
    Project,
    Sites,
    check_content_links,
    outline_part,
)
from soteneg.build.memory import Memory
from soteneg.build.render_pool import run
from soteneg.build.results import BuildResult, CheckResult, refused_result
from soteneg.build.run import Run, Stop
from soteneg.build.settings import Looked, PdfOptions, Settings
from soteneg.build.state_trust import state_problem
from soteneg.build.template_check import checked_templates
from soteneg.content import attachments
from soteneg.content.crossref import cross_check_with
from soteneg.content.graph import Graph, context_of, file_key
from soteneg.content.history import read_history
from soteneg.content.lifecycle import check_edits, late_history
from soteneg.content.loader import Parsed, ParseMany, load_content, parse_key, parse_source
from soteneg.content.project_files import ProjectFiles, read_again, read_project
from soteneg.content.sources import (
    CONTENT_DIR,
    FileData,
    SourceFile,
    Stamp,
    read_files,
)
from soteneg.content.unchanged import Told, lookup, settled
from soteneg.content.versions import earlier_versions
from soteneg.content.warm import Warm
from soteneg.core.options import BuildOptions
from soteneg.core.problems import Problem, has_errors, sort_problems
from soteneg.packets import budgets, fonts
from soteneg.site.index_kept import KeptSites
from soteneg.site.render import environment, template_texts

__all__ = [
    "EXTERNAL_LINKS",
    "BuildResult",
    "CheckResult",
    "Memory",
    "PdfOptions",
    "build",
    "check",
]


def check(
    root: Path,
    cache: Cache | None = None,
    html: bool = False,
    jobs: int = 1,
    pdf: bool = True,
    for_print: bool = False,
    options: BuildOptions | None = None,
    warm: Warm | None = None,
    told: Told | None = None,
    stamps: Mapping[str, Stamp] | None = None,
    kept_sites: KeptSites | None = None,
) -> CheckResult:
    """Read and validate the whole project; write nothing. `cache`: keeps what each
    document file became, for the next check; `html` and `for_print`: see
    `load_content`; `jobs`: processes that parse documents; `pdf`: PDFs will be printed,
    so the print fonts must be installed; `options`: the build whose links are judged
    (drafts left out and no embargo in force, unless they say otherwise); `warm`: what
    the last check in this process kept of its data files and references, and its walk
    of content/; `told`: the files changed since that check, which the preview's watcher
    vouches for (content.unchanged.Told): content/ is not walked again; `stamps`: the
    inputs' stamps the build took as it began (content.unchanged.lookup); `kept_sites`: the
    last check's sites in this process, patched when they still hold (site.index_kept)."""
    warm = warm or Warm()
    files = _read_sources(root, cache, html, for_print, warm, told, stamps)
    assert files.templates is not None
    template_files = files.templates
    # The templates' check reads nothing of the content: done while the workers parse
    # (a clean build at 5000 documents: 0.5 CPU s that left a core idle after them).
    checked: list[tuple[dict[str, str], list[Problem]]] = []

    def check_templates() -> None:
        if not checked:
            templates, found = template_texts(template_files)
            env = environment(files.root, templates)
            folder = cache.folder if cache else None
            checked.append((templates, found + checked_templates(env, templates, folder)))

    parse_many = parser(cache, jobs, check_templates)
    content, config_problems, problems = load_content(
        files, html, parse_many, for_print, warm.data_file
    )
    check_templates()  # when nothing was parsed in workers
    if cache is not None:  # what the last check derived from documents parsed the same
        kept_derived.seed(warm, cache, content.documents + content.rejected)
    # Documents kept with `versions: keep` have their earlier versions read from git.
    keep = frozenset(d.file for d in content.documents if d.meta and d.meta.versions == "keep")
    history = read_history(root, keep)
    allow_html = content.config.allow_raw_html if content.config is not None else False
    earlier, problems_of_versions = earlier_versions(
        content.documents, history.kept, allow_html, html
    )
    content = replace(content, committed=history.committed, earlier=earlier)
    problems += problems_of_versions
    templates, found = checked[0]
    problems += found
    if pdf and content.config is not None and files.config is not None:
        config_text = content.texts.get(files.config.path)
        families = content.config.print_fonts.families
        config_problems += fonts.check(families, files.config.path, config_text)
    prefix = CONTENT_DIR + "/"
    every_document = {f.path.removeprefix(prefix).removesuffix(".md") for f in files.documents}
    keys, context, last = _graph_inputs(files, html, for_print, cache)
    found, graph = cross_check_with(content, every_document, keys, context, last, warm.front_part)
    problems += found
    problems += check_edits(content.documents, history.edits)
    problems += late_history(history)
    problems += [p for d in content.documents for p in warm.placeholders(d)]
    listed = content.documents + content.rejected
    refs = [r for d in listed for r in warm.references(d)]
    # A document deleted since the last check is not kept for a preview's next save.
    warm.keep_only((d.file for d in listed), (f.path for f in files.data_files))
    referenced: dict[str, FileData] = {}
    site = None
    if content.config is not None:
        policy = content.config.attachments
        limit = int(policy.max_mb * 1024 * 1024)
        referenced = read_files(root, {r.path for r in refs if r.path}, limit)
        pdf_pages: dict[str, int] = {}
        problems += attachments.check_refs(refs, referenced, policy, pdf_pages, every_document)
        # Whatever the flags (--no-pdf too): a commit that passes check must print.
        options = options or BuildOptions()
        sites = Sites(content, options, referenced, warm.references, kept_sites)  # once, for both
        kept = budgets.Packets(last.packets, last.over_budget) if last else None
        found, packets = budgets.check_with(
            content,
            refs,
            pdf_pages,
            referenced,
            lambda: sites.everything,
            graph.fronts,
            kept,
            lambda d: warm.print_lines(d, budgets.chapter_lines),
            warm.packet_part,
        )
        problems += found
        graph = replace(graph, packets=packets.made_of, over_budget=packets.problems)
        project = Project(root, referenced, templates, files.templates.static)
        judged = None  # without a cache every document's links are judged
        if cache is not None:
            made_of, was = (last.links, last.judged) if last else ("", {})
            judged = Kept(made_of, was, graph.fronts, keys)
        found, site, links = check_content_links(
            content, options, project, sites, judged, lambda d: warm.key_part(d, outline_part)
        )
        problems += found
        graph = replace(graph, links=links.made_of, judged=links.judged)
    if cache is not None:
        cache.remember_graph(graph)  # each document's problems and links, for the next check
        kept_derived.remember(warm, cache, content.documents + content.rejected)
    if any(p.code == "config-missing" for p in config_problems):
        # Without site.yaml this is most likely not a project at all (the wrong folder):
        # say that alone, not also that each data file is missing.
        problems = [p for p in problems if p.code != "data-missing"]
    return CheckResult(
        content=content,
        problems=sort_problems(config_problems + problems),
        config_failed=has_errors(config_problems),
        files=referenced,
        templates=templates,
        static=files.templates.static,
        site=site,
        fronts=graph.fronts,
    )


def _read_sources(
    root: Path,
    cache: Cache | None,
    html: bool,
    for_print: bool,
    warm: Warm,
    told: Told | None,
    stamps: Mapping[str, Stamp] | None = None,
) -> ProjectFiles:
    """The project's files; with a cache, the documents whose stamps say they are the
    files the last build read are not read again, unless the cache lacks what they were
    parsed into (then their bytes are needed after all). With `told`, content/ is as
    the last walk kept in `warm` found it, and the documents not told of are unchanged."""
    if cache is None:
        return read_project(root, templates=True)
    walk = warm.walk if told is not None else None
    known = lookup(root, cache.known(), told if walk is not None else None, stamps)
    files = read_project(root, templates=True, known=known, walk=walk)
    warm.walk = files.walk
    if any(source.unread for source in files.documents):
        documents = tuple(_parsed_or_read(root, s, cache, html, for_print) for s in files.documents)
        files = replace(files, documents=documents)
    cache.remember_known(settled(files))
    return files


def _parsed_or_read(
    root: Path, source: SourceFile, cache: Cache, html: bool, for_print: bool
) -> SourceFile:
    """`source` itself, when it is unread and the cache holds its parsed document (for
    either value of allow_raw_html, which site.yaml, not yet read, decides); else the
    file read."""
    if not source.unread:
        return source
    made_for = cache.made_for(PARSED, source.path)
    if made_for is not None and any(
        made_for == parse_key(source, allow_html, html, for_print) for allow_html in (False, True)
    ):
        return source
    return read_again(root, source)


def _graph_inputs(
    files: ProjectFiles, html: bool, for_print: bool, cache: Cache | None
) -> tuple[dict[str, str], str, Graph | None]:
    """What the cross-reference pass needs to keep the last check's per-document
    problems that still hold (content.graph); nothing without a cache."""
    if cache is None:
        return {}, "", None
    keys = {source.path: file_key(source) for source in files.documents}
    return keys, context_of(files, html, for_print), cache.graph()


def parser(
    cache: Cache | None, jobs: int, meanwhile: Callable[[], object] | None = None
) -> ParseMany:
    """Parses document files in `jobs` processes; through `cache`, only those whose
    bytes (or the options they are parsed with) changed since it last saw them.
    `meanwhile`: done in this process while the workers parse (render_pool.run)."""

    def parse_many(
        sources: Sequence[SourceFile], allow_html: bool, html: bool, for_print: bool
    ) -> list[Parsed]:
        by_name = {s.path: s for s in sources}
        parse = partial(parse_source, allow_html=allow_html, html=html, for_print=for_print)

        def make(names: list[str]) -> dict[str, Parsed]:
            sources = [by_name[n] for n in names]
            return dict(zip(names, run(parse, sources, jobs, meanwhile), strict=True))

        if cache is None:
            return list(make(list(by_name)).values())
        wanted = {s.path: parse_key(s, allow_html, html, for_print) for s in sources}
        return list(cache.get_or_make(PARSED, wanted, make).values())

    return parse_many


def build(
    root: Path,
    out: Path | None,
    options: BuildOptions,
    pdf_options: PdfOptions | None = None,
    with_search: bool = True,
    link_pdfs: bool = False,
    jobs: int = 1,
    memory: Memory | None = None,
) -> BuildResult:
    """Build the site into `out` (else site.yaml's `output`), redoing only what changed
    since the last build there, whose cache is kept beside it (or in `memory`, the
    preview's, which is then neither read from nor written to disk). The options are
    those of `settings.Settings`. Any step may stop the build with its problems; the output
    is untouched until `publish`."""
    settings = Settings(options, pdf_options, with_search, link_pdfs, jobs)
    return build_as(root, out, settings, memory)


def build_as(
    root: Path,
    out: Path | None,
    settings: Settings,
    memory: Memory | None = None,
    looked: Looked | None = None,
) -> BuildResult:
    """`build`, with its options as one value (the command line's); `looked`: what the
    command line saw when it found that the last build no longer holds."""
    # Before anything is read from the cache.
    refused = state_problem(root, out if out is not None else configured_output(root))
    if refused is not None:
        return refused_result(refused)
    run = Run(root, out, settings, memory, looked)
    with _collector_paused():
        try:
            run.stop_if_unchanged()  # the last build is all still true: nothing to do
            cache = run.last_build()  # what the last build parsed, made and printed
            checked = check(
                root,
                cache,
                True,
                settings.jobs,
                settings.prints,
                settings.printing,
                settings.options,
                memory.warm if memory is not None else None,
                memory.told if memory is not None else None,
                # The preview's stamps are partly the last build's (memory.input_stamps).
                run.stamps if memory is None else None,
                memory.sites if memory is not None else None,
            )
            run.accept(checked)  # load and check; stop at errors
            with run.locked_output():  # the output's lock; new files are staged beside it
                site = run.index()  # what is published, where, with which files
                # Every page, with the fingerprint of what it shows; the pages whose
                # fingerprint changed made, files copied, the sitemap. The units are not
                # named here, so that what they hold goes once the pages are made.
                run.make_pages(run.plan(site))
                run.print_packets(site)  # the PDFs whose inputs changed
                run.check_links()  # every file written once, every link and anchor lands
                run.publish()  # into the output; the search index; the cache for next time
            return run.result()
        except Stop as stop:
            return stop.result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A build makes millions of objects and almost no cycles; the cyclic collector's
    passes over a large site's documents cost a fifth of an incremental build. A
    long-running caller (the preview) collects when idle."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
