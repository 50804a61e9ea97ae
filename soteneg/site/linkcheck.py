"""The link check of the built site: every internal href and src, and every #anchor,
leads to a file and an id that the build writes. External links are listed, never
fetched. Runs on the rendered files in memory, before anything is written."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit

from soteneg.core import routes
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, say, verbatim
from soteneg.site.page_records import FIELD_SEP, RECORD_SEP, PageLinks, later_text

# Written after the check (the search bundle) or not a link target worth checking.
GENERATED_LATER = (routes.SEARCH_INDEX.lstrip("/"),)
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
}


@dataclass(frozen=True)
class Link:
    page: str  # output file of the page, "kierrokset/index.html"
    url: str  # as written in the page


@dataclass(frozen=True)
class LinkReport:
    why_broken: tuple[tuple[Link, Text], ...]
    external: tuple[Link, ...]

    @property
    def broken(self) -> tuple[tuple[Link, str], ...]:
        """Each broken link with why, in English (for logs and tests)."""
        return tuple((link, why.en) for link, why in self.why_broken)


# Our pages come from our templates and markdown-it, always with double-quoted
# attributes and with ">" escaped inside them, so two scans of the text find every link
# and id at a fraction of the cost of parsing thousands of pages.
# The look-ahead asks for what the tag names' alternatives ask of their first letter
# anyway (case-insensitively, as they do), so it changes no match; it turns most tags away
# (div, p, span, …) before the eight alternatives are tried: a third of the pattern's
# time over 10,000 pages.
_LINK = re.compile(
    r"<(?=[" + "".join(sorted({tag[0] for tag in LINK_ATTRIBUTES})) + "])"
    r"(" + "|".join(LINK_ATTRIBUTES) + r')\b[^>]*?\s(href|src)="([^"]*)"',
    re.IGNORECASE,
)
_ID = re.compile(r'\sid="([^"]*)"')
# The same match found from its literal part: a pattern that begins with `\s` is tried
# at every character of the page, one that begins with `id="` is searched for (six
# times faster over 10,000 pages); the character before is then checked as `\s` would.
_ID_TEXT = re.compile(r'id="([^"]*)"')


@dataclass
class _Scan:
    ids: set[str]
    links: list[str]


def _unescape(value: str) -> str:
    return html.unescape(value) if "&" in value else value


def _ids(text: str) -> list[str]:
    """What `_ID.findall(text)` gives. A candidate not after whitespace is no match, and
    the search goes on from its next character, as `_ID`'s would."""
    found: list[str] = []
    search = _ID_TEXT.search
    position = 0
    while match := search(text, position):
        start = match.start()
        if start and text[start - 1].isspace():
            found.append(match.group(1))
            position = match.end()
        else:
            position = start + 1
    return found


def _scan(data: bytes) -> _Scan:
    return _scan_text(data.decode("utf-8", "replace"))


def _scan_text(text: str) -> _Scan:
    ids = {_unescape(v) for v in _ids(text)}
    links = [
        _unescape(value)
        for tag, name, value in _LINK.findall(text)
        if LINK_ATTRIBUTES[tag.lower()] == name.lower()
    ]
    return _Scan(ids, links)


def _page_url(output: str) -> str:
    """The URL a file is served at, relative to the site root: "a/index.html" -> "/a/"."""
    if output.endswith("index.html"):
        return "/" + output[: -len("index.html")]
    return "/" + output


def _target(rel: str) -> str:
    """The output file for a path relative to the site root ("a/b/" -> "a/b/index.html")."""
    trailing = rel == "" or rel.endswith("/")
    rel = posixpath.normpath(rel) if rel else ""
    rel = "" if rel == "." else rel
    if trailing:
        return (rel + "/" if rel else "") + "index.html"
    return rel


_FIELD, _RECORD = FIELD_SEP, RECORD_SEP


# Why a link is broken, as the page's record keeps it (a string, see page_records): a
# reason and its parameters, separated by _FIELD. The last parameter may hold anything a
# link's path can, _FIELD included (from `%1F`), so it is split off last.
def _reason(kind: str, *params: str) -> str:
    return _FIELD.join((kind, *params))


def _why(reason: str) -> Text:
    kind, _, rest = reason.partition(_FIELD)
    if kind == "scheme":
        return say("@output-link.scheme", scheme=rest)
    if kind == "outside-base":
        base, _, path = rest.partition(_FIELD)
        return say("@output-link.outside-base", path=path, base=base)
    if kind == "leaves-site":
        return say("@output-link.leaves-site", path=rest)
    if kind == "control-character":
        return say("@output-link.control-character")
    return verbatim(reason)  # not written by this version: shown as it is


@lru_cache(maxsize=65536)
def _resolve(absolute: str, base: str, host: str) -> tuple[str, str, str, str]:
    """What a link, already joined with its page's URL, leads to: ("internal", path,
    output file, fragment), ("external", "", "", ""), ("skip", ...) or ("broken", why...).
    Pages share most of their links (navigation, language versions), so this is cached."""
    parts = urlsplit(absolute)
    if parts.scheme in ("mailto", "tel"):
        return "skip", "", "", ""
    if parts.scheme in ("http", "https") and parts.netloc != host:
        return "external", "", "", ""
    if parts.scheme not in ("", "http", "https"):
        return "broken", _reason("scheme", parts.scheme), "", ""
    path = unquote(parts.path)
    if not path.startswith(base):
        return "broken", _reason("outside-base", base, path), "", ""
    target = _target(path[len(base) :])
    if target.startswith(("../", "/")) or target == "..":
        return "broken", _reason("leaves-site", path), "", ""
    if target.startswith(GENERATED_LATER):
        return "skip", "", "", ""
    return "internal", path, target, unquote(parts.fragment)


# A scheme as urlsplit reads one; the characters urlsplit drops wherever they are.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_REMOVED = re.compile(r"[\t\r\n]")


@lru_cache(maxsize=16)
def _base_and_host(base_url: str) -> tuple[str, str]:
    return routes.base_path(base_url), urlsplit(base_url).netloc


def resolve_link(url: str, page: str, base_url: str) -> tuple[str, str, str, str]:
    """What `url`, written on the output file `page`, leads to: ("internal", path,
    output file, fragment), ("external", …), ("skip", …) or ("broken", reason, …).
    The one resolution of a link: the build's check of its pages and `check`'s of the
    links in content (build.content_links) both ask here."""
    if _FIELD in url or _RECORD in url:
        return "broken", _reason("control-character"), "", ""
    base, host = _base_and_host(base_url)
    # Most links are site paths already; joining costs more than the rest.
    if url.startswith("/"):
        return _resolve(url, base, host)
    # The other links of our pages are a page's own '#id' (a dozen on each) and links
    # with a scheme (https:, tel:), which urljoin gives back as they are. Both are
    # answered without joining, as urljoin would, unless the URL holds a character
    # urljoin removes (tab, CR, LF): joining took a quarter of the scan of 5000 documents'
    # pages. (A page's URL only loses its fragment and an empty query in a join, which
    # `_resolve` does not read: test_links checks the shortcut against the join.)
    if _SCHEME.match(url) and not _REMOVED.search(url):
        return _resolve(url, base, host)
    own = base + _page_url(page).lstrip("/")
    if url.startswith("#") and not _REMOVED.search(url):
        # The page itself, with the link's fragment: what the join would give.
        resolved = _resolve(own, base, host)
        if resolved[0] == "internal":
            return (*resolved[:3], unquote(url[1:]))
        return resolved
    return _resolve(urljoin(own, url), base, host)


def why_broken(reason: str) -> Text:
    """Why a link is broken, from the reason `resolve_link` gave."""
    return _why(reason)


def page_url(output: str) -> str:
    """The site path of an output file, as link problems name a page."""
    return _page_url(output)


def page_ids(data: bytes) -> frozenset[str]:
    """The ids of a rendered page: what a link's '#fragment' may name on it."""
    return frozenset(_scan(data).ids)


def scan_page(page: str, data: bytes, base_url: str) -> PageLinks:
    """Links of the output file `page` resolved against the site: to an output file,
    outside the site, or broken on their own."""
    return scan_text(page, data.decode("utf-8", "replace"), base_url)


# What `resolve_link` answered for the links whose answer does not depend on the page
# (`_anywhere`), by base URL: at 5000 documents the pages hold 490,000 links, 430,000 of
# them site paths and only 49,000 different ones (navigation, language versions,
# links to documents), and asking `resolve_link` for each was a third of the scan.
_KNOWN: dict[str, dict[str, tuple[str, str, str, str]]] = {}
_KNOWN_LIMIT = 200_000  # answers kept per process, at most; then it starts again


def _anywhere(url: str) -> bool:
    """Whether `resolve_link` answers `url` the same on every page: a site path, or a
    URL with a scheme that no join changes (see there)."""
    return url.startswith("/") or bool(_SCHEME.match(url) and not _REMOVED.search(url))


def scan_text(page: str, text: str, base_url: str) -> PageLinks:
    """`scan_page` of a page's text as rendered, before it was encoded: the build has
    it, and need not decode the bytes again."""
    internal: list[tuple[str, str, str, str]] = []
    external: list[str] = []
    broken: list[tuple[str, str]] = []
    scan = _scan_text(text)
    known = _KNOWN.get(base_url)
    if known is None or len(known) > _KNOWN_LIMIT:
        known = _KNOWN[base_url] = {}
    for url in scan.links:
        answer = known.get(url)
        if answer is None:
            answer = resolve_link(url, page, base_url)
            if _anywhere(url):
                known[url] = answer
        kind, path, target, fragment = answer
        if kind == "internal":
            internal.append((url, path, target, fragment))
        elif kind == "external":
            external.append(url)
        elif kind == "broken":
            broken.append((url, path))
    # An id holding a separator cannot be linked to from our pages anyway.
    ids = sorted(i for i in scan.ids if _FIELD not in i and _RECORD not in i)
    return PageLinks(
        _RECORD.join(ids),
        later_text(_RECORD.join(_FIELD.join(link) for link in internal)),
        tuple(external),
        tuple(broken),
    )


def check_links(
    pages: Mapping[str, PageLinks],
    files: Collection[str],
    promised: Collection[str] = (),
    only: Collection[str] | None = None,
    scan_again: Callable[[str], PageLinks] | None = None,
) -> LinkReport:
    """Every page's links against the files the site has. `promised`: output files that
    will exist though they are not in `files` (the preview prints PDFs on request).
    `only`: the pages whose internal links need checking (the others' targets and ids
    are known not to have changed); None checks all. `scan_again`: a page's links found
    again, where its record's do not read back (a damaged build cache's)."""
    broken: list[tuple[Link, Text]] = []
    # url -> the pages that link to it, in order, each once. The pages come in order,
    # so this is the order of a sorted set of (url, page) at a fraction of its cost
    # (10,000 pairs sorted on every preview save, most of them one url on every page).
    external: dict[str, list[str]] = {}
    ids: dict[str, frozenset[str]] = {}
    for page in sorted(pages):
        found = pages[page]
        if found.broken:
            broken += [(Link(page, url), _why(reason)) for url, reason in found.broken]
        for url in found.external:
            linking = external.get(url)
            if linking is None:
                external[url] = [page]
            elif linking[-1] != page:
                linking.append(page)
        if only is not None and page not in only:
            continue
        links = found.internal_links()
        if links is None and scan_again is not None:
            links = scan_again(page).internal_links()
        if links is None:
            raise ValueError(f"the links of {page} do not read back")  # a bug: see scan_again
        for url, path, target, fragment in links:
            if target not in files and target not in promised:
                broken.append((Link(page, url), say("@output-link.missing", path=path)))
            elif fragment and target in pages:
                if target not in ids:
                    ids[target] = pages[target].id_set()
                if fragment not in ids[target]:
                    why = say("@output-link.no-id", path=path, id=fragment)
                    broken.append((Link(page, url), why))
    listed = tuple(Link(page, url) for url in sorted(external) for page in external[url])
    return LinkReport(tuple(broken), listed)


def check_site(
    files: Mapping[str, bytes], base_url: str, promised: Collection[str] = ()
) -> LinkReport:
    """The link check of a whole site in memory."""
    pages = {
        name: scan_page(name, data, base_url)
        for name, data in files.items()
        if name.endswith(".html")
    }
    return check_links(pages, files, promised)


# Where a link came from (file, position), when known better than "no page" why it is
# broken, and the page to name: a document's own page when it wrote the link.
Locate = Callable[[Link], tuple[str, tuple[int, int] | None, Text | None, str]]


def broken_link_problems(report: LinkReport, locate: Locate) -> list[Problem]:
    """Each broken link as a problem at the source document and line that wrote it,
    once: a document's section shown on other pages (a theme's comparison, in every
    language) breaks there too, but the editor has one link to mend."""
    found: dict[tuple[str, object, str], Problem] = {}
    for link, why in report.why_broken:
        file, position, better, page = locate(link)
        # A template's link is its own on every page (it may lead elsewhere on each).
        key = (file, position or link.page, link.url)
        if key in found and page != link.page:
            continue  # one problem per document link, named on the document's own page
        found[key] = problem(
            file,
            position,
            "broken-output-link",
            url=link.url,
            page=_page_url(page),
            why=better or why,
        )
    return list(found.values())
