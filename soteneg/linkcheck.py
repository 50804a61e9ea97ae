"""The link check of the built site: every internal href and src, and every #anchor,
leads to a file and an id that the build writes. External links are listed, never
fetched. Runs on the rendered files in memory, before anything is written."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from soteneg import routes
from soteneg.problems import Problem, problem

# Written after the check (the search bundle) or not a link target worth checking.
GENERATED_LATER = ("pagefind/",)
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
    broken: tuple[tuple[Link, str], ...]  # with why
    external: tuple[Link, ...]


# Our pages come from our templates and markdown-it, always with double-quoted
# attributes, so a scan of the attributes finds every link and id at a fraction of the
# cost of parsing thousands of pages.
_ATTRIBUTE = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b|\s(href|src|id)="([^"]*)"')


@dataclass
class _Scan:
    ids: set[str]
    links: list[str]


def _scan(data: bytes) -> _Scan:
    text = data.decode("utf-8", "replace")
    ids: set[str] = set()
    links: list[str] = []
    tag = ""
    for match in _ATTRIBUTE.finditer(text):
        if match.group(1):
            tag = match.group(1).lower()
            continue
        name, value = match.group(2), html.unescape(match.group(3))
        if name == "id":
            ids.add(value)
        elif LINK_ATTRIBUTES.get(tag) == name:
            links.append(value)
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


def check_site(
    files: Mapping[str, bytes], base_url: str, promised: Collection[str] = ()
) -> LinkReport:
    """`promised`: output files that will exist though they are not in `files` (the
    preview prints PDFs when they are asked for)."""
    base = routes.base_path(base_url)
    host = urlsplit(base_url).netloc
    scans = {name: _scan(data) for name, data in sorted(files.items()) if name.endswith(".html")}
    broken: list[tuple[Link, str]] = []
    external: list[Link] = []
    for page, scan in scans.items():
        here = base + _page_url(page).lstrip("/")
        for url in scan.links:
            link = Link(page, url)
            # Most links are site paths already; joining costs more than the rest.
            parts = urlsplit(url if url.startswith("/") else urljoin(here, url))
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.scheme in ("http", "https") and parts.netloc != host:
                external.append(link)
                continue
            if parts.scheme not in ("", "http", "https"):
                broken.append((link, f"the scheme '{parts.scheme}:' is not allowed"))
                continue
            path = unquote(parts.path)
            if not path.startswith(base):
                broken.append((link, f"{path} is outside the site's base path {base}"))
                continue
            target = _target(path[len(base) :])
            if target.startswith(("../", "/")) or target == "..":
                broken.append((link, f"{path} leaves the site"))
                continue
            if target.startswith(GENERATED_LATER):
                continue
            if target not in files and target not in promised:
                broken.append((link, f"no page or file at {path}"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target in scans and fragment not in scans[target].ids:
                broken.append((link, f"{path} has no element with id '{fragment}'"))
    return LinkReport(tuple(broken), tuple(sorted(set(external), key=lambda x: (x.url, x.page))))


def broken_link_problems(
    report: LinkReport, locate: Callable[[Link], tuple[str, tuple[int, int] | None]]
) -> list[Problem]:
    """Each broken link as a problem at the source document and line that wrote it."""
    problems = []
    for link, why in report.broken:
        file, position = locate(link)
        problems.append(
            problem(
                file, position, "broken-output-link", f"{link.url} on {_page_url(link.page)}: {why}"
            )
        )
    return problems
