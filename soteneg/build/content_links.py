"""The links an editor wrote, judged as the build will judge them, before anything is
rendered: `check` reports every broken one at the line that holds it, in the build's
own words, so that a build never finds a broken link that `check` passed.

Relative links to documents and files, and `#anchors` in the same document, are the
cross-reference pass's (content.crossref) and the attachment check's; here are the rest:
site paths (`/kierrokset/2018-syksy/lappi/`), links to this site's own address, and
relative links to a document this build leaves out (a draft, an embargo). Each is
resolved by the link check's own `resolve_link` against the files the build writes
(`targets`). A document is judged in the site it is published in: a published one in
the build's, a draft or an embargoed one in the site as it will be once everything is
published.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from soteneg.build.targets import Targets, page_ids, published_site, site_targets
from soteneg.content.loader import Content, Document, content_path
from soteneg.content.sources import FileData
from soteneg.core import routes
from soteneg.core.options import BuildOptions
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.core.text import Text, say
from soteneg.site import linkcheck
from soteneg.site.index import Site
from soteneg.site.pages.document import link_resolver

EVERYTHING = BuildOptions(drafts=True)  # every document published, no embargo in force
# Checked by the cross-reference pass (unsafe-link) or not links into the site at all.
_OTHER_SCHEMES = frozenset({"mailto", "tel"})


@dataclass(frozen=True)
class Project:
    """What judging the links needs besides the content: the files the documents
    attach, the templates and static files (for the pages made from data)."""

    root: Path
    files: Mapping[str, FileData]
    templates: Mapping[str, str]
    static: Mapping[str, bytes]


@dataclass
class _Place:
    site: Site
    targets: Targets
    # (document, link position, href, page it is on, target output file, fragment)
    waiting: list[tuple[Document, tuple[int, int], str, str, str, str]]


def check_content_links(
    content: Content,
    options: BuildOptions,
    project: Project,
    sites: tuple[Site, Site] | None = None,
) -> tuple[list[Problem], Site | None]:
    """Every link in the documents' bodies that the build's link check would find
    broken, as the build would word it, at the document line that holds it; and the
    site a build with `options` publishes (the build goes on with it). `sites`: that
    site and the one with every document published (`published_sites`), when the caller
    has them already: a site of 5000 documents and its targets cost a tenth of a second
    each."""
    if content.config is None:
        return [], None
    documents = [d for d in content.documents if d.meta is not None]
    site, everything = sites or (published_site(content, options, project.files), None)
    live = _place(site, project)
    whole: _Place | None = live if site is everything else None
    problems: list[Problem] = []
    for doc in documents:
        place = live
        if doc.id not in live.site.published:
            if whole is None:
                whole = _place(everything or everything_site(content, project.files), project)
            place = whole
            if doc.id not in place.site.published:
                continue
        problems.extend(_judge(doc, place))
    for place in (live, whole) if whole is not live else (live,):
        if place is not None:
            problems.extend(_judge_fragments(place, project))
    return problems, live.site


def published_sites(
    content: Content, options: BuildOptions, files: Mapping[str, FileData]
) -> tuple[Site, Site]:
    """The site a build with `options` publishes, and the site as it will be once every
    document is published (drafts and embargoed ones in: what the print budgets plan
    and drafts' links are judged in). One site, twice, when they are the same: the
    build leaves nothing out and serves from base_url with no preview's mark."""
    site = published_site(content, options, files)
    alike = options.base_path is None and options.content_mark is None
    if options == EVERYTHING or (alike and not site.unpublished):
        return site, site
    return site, everything_site(content, files)


def everything_site(content: Content, files: Mapping[str, FileData]) -> Site:
    return published_site(content, EVERYTHING, files)


def _place(site: Site, project: Project) -> _Place:
    return _Place(site, site_targets(site, project.static), [])


def _judge(doc: Document, place: _Place) -> Iterator[Problem]:
    site, targets = place.site, place.targets
    page = routes.output_file(site.url(doc))
    resolve = link_resolver(site, doc)
    for link in doc.outline.links:
        href = link.href
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if href.startswith("#") or scheme in _OTHER_SCHEMES:
            continue
        if scheme and scheme not in ("http", "https"):
            continue  # unsafe-link, from the cross-reference pass
        position = (doc.body_line + link.line, link.column or 1)
        if routes.is_relative_reference(href):
            path = unquote(parts.path)
            if not path.endswith(".md"):
                continue  # a file: the attachment check's
            target = (content_path(doc.id, path) or "").removesuffix(".md")
            why = site.unpublished.get(target)
            if why is not None and resolve(href) == href:
                yield _broken(doc, position, href, page, why)
            continue
        kind, path, output, fragment = linkcheck.resolve_link(href, page, site.config.base_url)
        if kind == "broken":
            yield _broken(doc, position, href, page, linkcheck.why_broken(path))
        elif kind != "internal":
            continue
        elif output not in targets:
            why = say("@output-link.missing", path=path)
            yield _broken(doc, position, href, page, why, _closest(path, site, targets))
        elif fragment and output in targets.anchors:
            anchors = targets.anchors[output]
            if fragment not in anchors:
                why = say("@output-link.no-id", path=path, id=fragment)
                yield _broken(doc, position, href, page, why, did_you_mean(fragment, anchors))
        elif fragment and output in targets.generated and output.endswith(".html"):
            place.waiting.append((doc, position, href, page, output, fragment))


def _judge_fragments(place: _Place, project: Project) -> Iterator[Problem]:
    """Links to an id on a page made from the data files: those pages are made and
    rendered (only those) to learn their ids, as the build will have them."""
    if not place.waiting:
        return
    wanted = {w[4]: place.targets.generated[w[4]] for w in place.waiting}
    ids = page_ids(place.site, project.root, project.templates, project.static, wanted)
    for doc, position, href, page, output, fragment in place.waiting:
        found = ids.get(output)
        if found is not None and fragment not in found:
            path = unquote(urlsplit(href).path)
            why = say("@output-link.no-id", path=path, id=fragment)
            yield _broken(doc, position, href, page, why, did_you_mean(fragment, found))


def _closest(path: str, site: Site, targets: Targets) -> Text | None:
    """The one published page or PDF nearest to a missing address, as a site path."""
    base = routes.base_path(site.config.base_url)
    known = [
        base + linkcheck.page_url(f).lstrip("/")
        for f in targets.files
        if f.endswith((".html", ".pdf")) and f != routes.NOT_FOUND.lstrip("/")
    ]
    found = difflib.get_close_matches(path, known, n=1, cutoff=0.8)
    return say("@did-you-mean", options=f"'{found[0]}'") if found else None


def _broken(
    doc: Document,
    position: tuple[int, int],
    href: str,
    page: str,
    why: Text,
    hint: Text | None = None,
) -> Problem:
    return problem(
        doc.file,
        position,
        "broken-output-link",
        hint=hint,
        url=href,
        page=linkcheck.page_url(page),
        why=why,
    )
