"""The pipeline as a readable list of steps. Reading happens first, writing last."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from soteneg.build import cache as build_cache
from soteneg.build.assemble import Request, assemble
from soteneg.build.cache import (
    EXTERNAL_LINKS,
    BuildCache,
    Inputs,
    input_stamps,
    output_stamps,
)
from soteneg.build.output import OutputError, lock_file, output_lock, remove_state
from soteneg.build.printing import PdfOptions, PrintStats
from soteneg.build.render_pool import run
from soteneg.content import attachments
from soteneg.content.crossref import cross_check
from soteneg.content.loader import Content, DataSet, Parsed, ParseMemo, load_content, parse_source
from soteneg.content.sources import (
    CONTENT_DIR,
    TEMPLATES_DIR,
    FileData,
    SourceFile,
    Stamp,
    read_files,
    read_project,
    read_static,
)
from soteneg.core.problems import Problem, has_errors, problem, sort_problems
from soteneg.core.text import Text, say
from soteneg.packets import budgets, fonts
from soteneg.site import search
from soteneg.site.index import BuildOptions, Site, build_site

__all__ = ["EXTERNAL_LINKS", "BuildResult", "CheckResult", "Memory", "PdfOptions", "build", "check"]


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
    unchanged: bool = False  # nothing changed since the previous build: nothing was done
    written: list[str] = field(default_factory=list)  # output files written
    removed: list[str] = field(default_factory=list)  # output files deleted

    @property
    def failed(self) -> bool:
        return self.check.config_failed or has_errors(self.problems)


def check(
    root: Path,
    memo: ParseMemo | None = None,
    html: bool = False,
    jobs: int = 1,
    pdf: bool = True,
) -> CheckResult:
    """Read and validate the whole project; write nothing. `memo` and `html`: see
    `load_content`; `jobs`: processes that parse documents; `pdf`: PDFs will be printed,
    so the print fonts must be installed."""
    files = read_project(root)

    def parse_many(sources: Sequence[SourceFile], allow_html: bool, html: bool) -> list[Parsed]:
        return run(partial(parse_source, allow_html=allow_html, html=html), sources, jobs)

    content, config_problems, problems = load_content(files, memo, html, parse_many)
    if pdf and content.config is not None and files.config is not None:
        config_text = content.texts.get(files.config.path)
        families = content.config.print_fonts.families
        config_problems += fonts.check(families, files.config.path, config_text)
    prefix = CONTENT_DIR + "/"
    every_document = {f.path.removeprefix(prefix).removesuffix(".md") for f in files.documents}
    problems += cross_check(content, every_document)
    refs = [r for d in content.documents + content.rejected for r in attachments.references(d)]
    referenced: dict[str, FileData] = {}
    if content.config is not None:
        policy = content.config.attachments
        limit = int(policy.max_mb * 1024 * 1024)
        referenced = read_files(root, {r.path for r in refs if r.path}, limit)
        pdf_pages: dict[str, int] = {}
        problems += attachments.check_refs(refs, referenced, policy, pdf_pages)
        # Whatever the flags (--no-pdf too): a commit that passes check must print.
        problems += budgets.check(content, refs, pdf_pages)
    return CheckResult(
        content=content,
        problems=sort_problems(config_problems + problems),
        config_failed=has_errors(config_problems),
        files=referenced,
    )


@dataclass
class Memory:
    """The build cache held in this process (the preview's) instead of on disk."""

    build: BuildCache | None = None
    inputs: Inputs | None = None
    site: Site | None = None


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
    """check -> index -> Markdown -> units -> templates -> PDFs -> links -> write.

    Redoes only what changed since the last build into the same output, from the cache
    beside it, or from `memory` (which is then neither read from nor written to disk).
    `pdf_options` None builds HTML only (--no-pdf): pages then do not link to PDFs,
    unless `link_pdfs` (the preview prints a PDF when it is asked for). `jobs`: processes
    for rendering.

    The cyclic garbage collector is paused meanwhile: a build makes millions of objects
    and almost no cycles, and the collector's passes over a large site's documents cost
    a fifth of an incremental build. A long-running caller collects when idle."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build(root, out, options, pdf_options, with_search, link_pdfs, jobs, memory)
    finally:
        if paused:
            gc.enable()


def _build(
    root: Path,
    out: Path | None,
    options: BuildOptions,
    pdf_options: PdfOptions | None,
    with_search: bool,
    link_pdfs: bool,
    jobs: int,
    memory: Memory | None,
) -> BuildResult:
    shard = pdf_options.shard if pdf_options else None
    key = build_cache.cache_key(
        options.drafts,
        options.base_path,
        pdf_options is not None,
        with_search,
        link_pdfs,
        str(shard or ""),
    )
    stamps = input_stamps(root)
    out = out if out is not None else build_cache.configured_output(root)
    if out is not None and lock_file(out).exists():
        unchanged = _if_unchanged(out, key, stamps, options, memory)
        if unchanged is not None:
            return unchanged
    state = memory.build if memory is not None else None
    if state is None and memory is None and out is not None:
        state = build_cache.load_build(out, key)
    state = state if state is not None else BuildCache(key=key)
    if memory is not None:
        memory.build = state  # its parse memo outlives a failed build
    printing = pdf_options is not None or link_pdfs
    checked = check(root, state.parsed, html=True, jobs=jobs, pdf=printing)
    if checked.failed:
        return BuildResult(checked, checked.problems, None)
    assert checked.content.config is not None
    if printing:  # fonts are inputs of the PDFs: a font changed is a build to do
        stamps = {**stamps, **fonts.stamps(checked.content.config.print_fonts.families)}
    out = out if out is not None else root / checked.content.config.output
    refused = unsafe_output(root, out)
    if refused:
        failure = problem(str(out), None, "output-error", reason=refused)
        return BuildResult(checked, [*checked.problems, failure], None)
    try:
        with output_lock(out):
            return _build_into(
                root,
                out,
                stamps,
                options,
                pdf_options,
                with_search,
                link_pdfs,
                jobs,
                checked,
                state,
                memory,
            )
    except OutputError as err:
        failure = problem(str(out), None, "output-error.failed", detail=err.text)
        return BuildResult(checked, [*checked.problems, failure], None)
    except search.SearchError as err:
        failure = problem(str(out), None, "search-error", detail=str(err))
        return BuildResult(checked, [*checked.problems, failure], None)


def _if_unchanged(
    out: Path, key: str, stamps: dict[str, Stamp], options: BuildOptions, memory: Memory | None
) -> BuildResult | None:
    """The previous build's result when it is all still true (see build_cache.unchanged)."""
    if memory is None:
        inputs = build_cache.unchanged(out, key, stamps, options.now)
    elif memory.inputs is not None and memory.inputs.key == key:
        fits = build_cache.still_true(memory.inputs, out, stamps, options.now)
        inputs = memory.inputs if fits else None
    else:
        inputs = None
    if inputs is None:
        return None
    return unchanged_result(out, inputs, memory.site if memory is not None else None)


def unchanged_result(out: Path, inputs: Inputs, site: Site | None = None) -> BuildResult:
    content = Content(None, DataSet(), (), (), inputs.texts)
    checked = CheckResult(content, inputs.warnings, False)
    return BuildResult(
        checked,
        inputs.warnings,
        out,
        inputs.files,
        None,
        inputs.external_links,
        site,
        unchanged=True,
    )


def _settles(content: Content, options: BuildOptions) -> dt.datetime | None:
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


def _build_into(
    root: Path,
    out: Path,
    stamps: dict[str, Stamp],
    options: BuildOptions,
    pdf_options: PdfOptions | None,
    with_search: bool,
    link_pdfs: bool,
    jobs: int,
    checked: CheckResult,
    state: BuildCache,
    memory: Memory | None,
) -> BuildResult:
    """The part of a build that holds the output folder's lock. `state` is the cache of
    the last build into `out`, or a fresh one."""
    key = state.key
    inputs = memory.inputs if memory is not None else build_cache.load_inputs(out, key)
    in_place = bool(
        inputs is not None
        and state.records
        and out.is_dir()
        and not os.path.lexists(build_cache.journal(out))
    )
    damaged: frozenset[str] = frozenset()
    if in_place and inputs is not None:
        now = output_stamps(out, list(inputs.written))
        damaged = frozenset(rel for rel, st in inputs.written.items() if now.get(rel) != st)
    else:
        state.units, state.outputs, state.records = {}, {}, {}
    site = build_site(checked.content, options)
    refs = [r for d in site.published.values() for r in attachments.references(d)]
    site = replace(site, files=attachments.publish(refs, checked.files))
    request = Request(
        root,
        out,
        checked.content.texts,
        read_static(root),
        pdf_options,
        with_search,
        link_pdfs,
        jobs,
        in_place,
        damaged,
    )
    outcome = assemble(site, request, state)
    if outcome.problems:
        # The cache still describes the output, which was not touched; the fix that
        # follows changes a stamp, so the next build is no no-op and runs in place.
        return BuildResult(
            checked, sort_problems(checked.problems + outcome.problems), None, stats=outcome.stats
        )
    if in_place and inputs is not None:
        written = {r: s for r, s in inputs.written.items() if r in state.records}
        written.update(output_stamps(out, outcome.written))
    else:
        written = output_stamps(out, list(state.records))
    warned = {p.file for p in checked.problems}
    fresh_inputs = Inputs(
        key,
        stamps,
        written,
        _settles(checked.content, options),
        list(checked.problems),
        {f: t for f, t in checked.content.texts.items() if f in warned},
        outcome.files,
        outcome.external_links,
        checked.content.config.default_lang if checked.content.config else "fi",
    )
    if memory is not None:
        memory.build, memory.inputs, memory.site = state, fresh_inputs, site
    else:
        build_cache.save(out, state, fresh_inputs)
    remove_state(build_cache.journal(out))
    return BuildResult(
        checked,
        checked.problems,
        out,
        outcome.files,
        outcome.stats,
        outcome.external_links,
        site,
        written=outcome.written,
        removed=outcome.removed,
    )


def unsafe_output(root: Path, out: Path) -> Text | None:
    """Why `out` must not be replaced wholesale, or None. The output folder is deleted and
    rewritten on every build: it must never be the project or hold its sources."""
    root, out = root.resolve(), out.resolve()
    for keep in (root, root / CONTENT_DIR, root / TEMPLATES_DIR):
        if out == keep or keep.is_relative_to(out) or (out.is_relative_to(keep) and keep != root):
            return say("@output.holds-project", out=str(out))
    if out.is_relative_to(root) and any(
        part.startswith(".") for part in out.relative_to(root).parts
    ):
        return say("@output.hidden", out=str(out))
    if out.is_dir() and any(out.iterdir()) and not lock_file(out).exists():
        return say("@output.foreign", out=str(out))
    return None
