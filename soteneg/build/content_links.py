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
import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from soteneg.build.targets import Targets, page_ids, published_site, site_targets
from soteneg.content import attachments
from soteneg.content.attachments import FileRef
from soteneg.content.graph import Judged
from soteneg.content.loader import Content, Document, content_path
from soteneg.content.sources import FileData
from soteneg.core import routes
from soteneg.core.keyparts import key_bytes
from soteneg.core.options import BuildOptions
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.core.text import Text, say
from soteneg.site import linkcheck
from soteneg.site.index import Site
from soteneg.site.index_kept import KeptSites
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


class _Place:
    """A site the documents' links are judged in, and the files a build of it writes:
    listed the first time a link needs them (a tenth of a second at 5000 documents;
    a document whose links are all relative, or none, needs none)."""

    def __init__(self, site: Site, static: Mapping[str, bytes]) -> None:
        self.site = site
        self.static = static
        # (document, link position, href, page it is on, target output file, fragment)
        self.waiting: list[tuple[Document, tuple[int, int], str, str, str, str]] = []

    @cached_property
    def targets(self) -> Targets:
        return site_targets(self.site, self.static)


def outline_part(doc: Document) -> bytes:
    """A document's part of `links_key`: its file, headings and ids."""
    headings = [(h.level, h.text, h.id, h.theme) for h in doc.outline.headings]
    return key_bytes((doc.file, headings, sorted(doc.outline.anchors)))


def check_content_links(
    content: Content,
    options: BuildOptions,
    project: Project,
    sites: Sites | None = None,
    last: Kept | None = None,
    part: Callable[[Document], bytes] = outline_part,
) -> tuple[list[Problem], Site | None, Kept]:
    """Every link in the documents' bodies that the build's link check would find
    broken, as the build would word it, at the document line that holds it; and the
    site a build with `options` publishes (the build goes on with it). `sites`: that
    site and the one with every document published, when the caller has them already:
    a site of 5000 documents and its targets cost a tenth of a second each. `last`: the
    last check's judgements, kept for every document whose bytes are the same when
    nothing else they read changed (`links_key`); the site's targets are listed only
    when a document is judged again. `part`: each document's part of that key
    (`links_key`)."""
    if content.config is None:
        return [], None, Kept()
    documents = [d for d in content.documents if d.meta is not None]
    given = sites is not None
    if sites is None:
        sites = Sites(content, options, project.files)
    site = sites.site
    # The site with every document published is made, keyed and judged in only when
    # this one leaves a document out.
    left_out = any(doc.id not in site.published for doc in documents)
    whole = sites.everything if left_out else site
    made_of = ""
    if last is not None and last.fronts and given:
        made_of = links_key(last.fronts, content, options, (site, whole), project.static, part)
    kept = last.judged if last is not None and made_of and made_of == last.made_of else {}
    keys = last.keys if last is not None else {}
    places: dict[int, _Place] = {}  # by id(Site): the targets of each, listed when needed

    def place_of(where: Site) -> _Place:
        found = places.get(id(where))
        if found is None:
            found = places[id(where)] = _Place(where, project.static)
        return found

    problems: list[Problem] = []
    judged: dict[str, Judged] = {}
    for doc in documents:
        where = site
        if doc.id not in site.published:
            where = whole
            if doc.id not in where.published:
                continue
        key = keys.get(doc.file, "")
        still = kept.get(doc.file)
        if still is not None and key and still.made_of == key and not still.fragments:
            judged[doc.file] = still
            problems.extend(still.problems)
            continue
        place = place_of(where)
        waiting = len(place.waiting)
        found = tuple(_judge(doc, place))
        judged[doc.file] = Judged(key, found, len(place.waiting) > waiting)
        problems.extend(found)
    for where in (site, whole) if whole is not site else (site,):
        if id(where) in places:
            problems.extend(_judge_fragments(places[id(where)], project))
    return problems, site, Kept(made_of, judged)


@dataclass(frozen=True)
class Kept:
    """What the last check judged (content.graph.Judged, by document file) under the
    digest `made_of` (`links_key`); and, for this check, the digest of every front
    matter (content.graph.fronts_of) and each document file's key (graph.file_key).
    Empty: judge every document."""

    made_of: str = ""
    judged: Mapping[str, Judged] = field(default_factory=dict)
    fronts: str = ""
    keys: Mapping[str, str] = field(default_factory=dict)


def links_key(
    fronts: str,
    content: Content,
    options: BuildOptions,
    sites: tuple[Site, Site],
    static: Mapping[str, bytes],
    part: Callable[[Document], bytes] = outline_part,
) -> str:
    """All a document's links are judged against besides the document itself (`sites`:
    the build's site, and the one its left-out documents are judged in): the
    files a build writes and their ids (`site_targets`) and the site's addresses, made
    from every front matter, site.yaml and the data files (`fronts`), the options, which
    documents are published and why not, the files they attach, their earlier versions'
    ids, the static files, and each document's headings and ids (a heading's theme makes
    a page; its line does not). Pages made from the data files render their ids: a
    document linking to one is judged again every time (`Judged.fragments`). `part`:
    `outline_part`, or the same kept for a document the last save had (content.warm:
    listing every document's headings was a third of the key's 0.03 CPU s)."""
    digest = hashlib.blake2b(fronts.encode(), digest_size=16)
    digest.update(repr((options.drafts, options.base_path, options.content_mark)).encode())
    for where in sites if sites[0] is not sites[1] else sites[:1]:
        earlier = {
            doc_id: [(v.key, sorted(v.document.outline.anchors)) for v in versions]
            for doc_id, versions in where.earlier.items()
        }
        digest.update(
            repr(
                (
                    where.config.base_url,
                    sorted(where.published),
                    sorted((doc_id, repr(why)) for doc_id, why in where.unpublished.items()),
                    sorted(routes.output_file(f.url) for f in where.files.values()),
                    sorted(earlier.items()),
                )
            ).encode()
        )
    # Each document's part, after their count: msgpack values delimit themselves.
    digest.update(key_bytes(len(content.documents)))
    for doc in content.documents:
        digest.update(part(doc))
    for name in sorted(static):
        digest.update(repr(name).encode() + hashlib.blake2b(static[name], digest_size=16).digest())
    return digest.hexdigest()


class Sites:
    """The site a build with `options` publishes, and the site as it will be once every
    document is published (drafts and embargoed ones in: what the print budgets plan
    and drafts' links are judged in). One site, twice, when they are the same: the
    build leaves nothing out and serves from base_url with no preview's mark. The
    second is made when first asked for: the preview's base path and mark make it
    differ from the first, but a save's check seldom needs it (no document left out,
    the packets' budgets kept), and a site of 5000 documents costs a sixth of a second."""

    def __init__(
        self,
        content: Content,
        options: BuildOptions,
        files: Mapping[str, FileData],
        references: Callable[[Document], list[FileRef]] = attachments.references,
        kept: KeptSites | None = None,
    ) -> None:
        self.site = published_site(content, options, files, references, kept)
        alike = options.base_path is None and options.content_mark is None
        self.same = options == EVERYTHING or (alike and not self.site.unpublished)
        self._content, self._files, self._references = content, files, references
        self._kept = kept

    @cached_property
    def everything(self) -> Site:
        if self.same:
            return self.site
        return everything_site(self._content, self._files, self._references, self._kept)


def everything_site(
    content: Content,
    files: Mapping[str, FileData],
    references: Callable[[Document], list[FileRef]] = attachments.references,
    kept: KeptSites | None = None,
) -> Site:
    return published_site(content, EVERYTHING, files, references, kept)


def _judge(doc: Document, place: _Place) -> Iterator[Problem]:
    site = place.site
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
            continue
        if kind != "internal":
            continue
        targets = place.targets
        if output not in targets:
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
