"""The static search index, built by Pagefind from the finished pages: one bundle of
given pages (`bundle_of`); soteneg.build.search_shards cuts the site into shards, each
such a bundle, and decides which to make again.

Pagefind reads each page's `<html lang>` and writes one index per language, with
Finnish and Swedish stemming, into /pagefind/. Only the parts marked
`data-pagefind-body` are indexed (documents, and the names on region, round and theme
pages; not the 404 page), and `data-pagefind-filter` attributes give the round, region,
theme and type filters.

A document with no version in a language is still found in that language's search: its
placeholder there names the original's page (`data-soteneg-search="/path/"`), and that
page is given to Pagefind in the placeholder's place: under the placeholder's URL (Pagefind
keeps one page per URL, so the original's own would replace it in its own index) and
`<html lang>` (so that it goes into that language's index), with the placeholder's filters
and labels instead of its own: "Språk: finska", and the `url` meta that makes Pagefind's
UI link the result and its sub-results to the original.

Documents in North, Inari and Skolt Sámi (`<html lang="se">` and so on) go into a bundle
of their own inside the first, /pagefind/smi/, as one index without a stemmer (Pagefind
has none for these languages). They cannot be merged into the Finnish or Swedish index:
a page there is stemmed with that language's stemmer, and a merged index (`mergeIndex`)
is searched with the page's own stemmer, which turns a Sámi query into something the
unstemmed words do not match. A separate bundle is a separate instance of Pagefind's
script, with its own: the search pages run it beside their own and list its results
apart (templates/search.html). The Sámi pages are given to it without their filters
(they are in the interface's words, and filter nothing in the other search) and with
their language as the `lang` meta, which the search page names in its own language.

The bundle is byte-identical between builds of the same pages, which Pagefind alone does
not give: soteneg.site.pagefind_service feeds it the pages one by one in the order given
(sorted by path), and soteneg.site.pagefind_canonical rewrites what it writes from
hash maps (docs/search.md, "Reproducibility").
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from soteneg.core import routes
from soteneg.site import pagefind_canonical, pagefind_service
from soteneg.site.pagefind_service import PageReader, SearchError

BUNDLE = routes.SEARCH_INDEX.strip("/")
# The Sámi documents' bundle, inside the main one; one index for the three languages.
SAMI_BUNDLE = routes.SAMI_SEARCH_INDEX[len(routes.SEARCH_INDEX) :].strip("/")
SAMI_INDEX_LANG = "smi"  # ISO 639-2 for the Sámi languages: no stemmer in Pagefind


def bundle_of(site_dir: Path, pages: list[str], page: PageReader | None = None) -> dict[str, bytes]:
    """The canonical bundle of `pages` (paths in the site, indexed in that order), each
    given to Pagefind by `page` (default: as itself, or a placeholder's original in its
    place): file path within the bundle -> bytes."""
    files = pagefind_service.run_pagefind(site_dir, pages, page or _page)
    pagefind_canonical.canonicalise(files)
    return files


def reading_page(reads: set[str]) -> PageReader:
    """`_page`, noting in `reads` the path of every original a placeholder names."""

    def page(site_dir: Path, rel: str) -> tuple[str, str]:
        return _page(site_dir, rel, reads)

    return page


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML file Pagefind's command line would index (its default glob, `**/*.html`),
    by path relative to the site, sorted: this order is the page numbering in the index."""
    skip = {BUNDLE, f".{BUNDLE}-new", f".{BUNDLE}-old"}
    return sorted(
        rel
        for path in site_dir.rglob("*.html")
        if path.is_file()
        and (rel := path.relative_to(site_dir).as_posix()).split("/")[0] not in skip
    )


# What the templates write for the search (templates/base.html): the hidden block of
# filters and labels, bare on a page indexed as itself, naming the page to index on a
# placeholder; and the root element's language.
STAND_IN_MARK = 'data-soteneg-search="'
_STAND_IN = re.compile(r'<div hidden data-soteneg-search="([^"]+)">.*?</div>', re.S)
_OWN_BLOCK = "<div hidden data-soteneg-search>"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_BODY_MARK = "data-pagefind-body"


def _read_page(site_dir: Path, rel: str) -> str:
    try:
        # Invalid bytes replaced, as Pagefind's own reading of a file does.
        return (site_dir / rel).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise SearchError(f"{rel}: {err}") from err


def _page(site_dir: Path, rel: str, reads: set[str] | None = None) -> tuple[str, str]:
    """The URL and HTML Pagefind is given for the file `rel`: the file itself, or for a
    placeholder that names a page to index in its place, that page in the placeholder's
    language and at its URL, with the placeholder's filters and labels instead of its
    own."""
    html = _read_page(site_dir, rel)
    # A page with a body of its own is indexed as itself, whatever its text says (an
    # author's raw HTML cannot turn a document into a stand-in).
    if _BODY_MARK in html or (found := _STAND_IN.search(html)) is None:
        return _url(rel), html
    lang = _HTML_LANG.search(html)
    source_url = unescape(found.group(1))
    source = routes.output_file(source_url)
    if lang is None or not source_url.startswith("/") or ".." in Path(source).parts:
        raise SearchError(f"{rel}: cannot index {source_url!r} in its place")
    if reads is not None:
        reads.add(source)
    original = _read_page(site_dir, source)
    # The original's own block is the last one: the end of its <main>, after the text.
    own = original.rfind(_OWN_BLOCK)
    end = original.find("</div>", own)
    if _BODY_MARK not in original or own < 0 or end < 0 or not _HTML_LANG.search(original):
        raise SearchError(f"{rel}: {source} is not a document page to index in its place")
    block = found.group(0)
    html = original[:own] + block + original[end + len("</div>") :]
    html = _HTML_LANG.sub(lambda _: lang.group(0), html, count=1)
    return _url(rel), html


def lang_of(site_dir: Path, rel: str, html: str | None = None) -> str | None:
    """The language on a page's <html>, which our templates write at its top."""
    if html is None:
        try:
            with (site_dir / rel).open("rb") as file:
                html = file.read(1024).decode("utf-8", errors="replace")
        except OSError as err:
            raise SearchError(f"{rel}: {err}") from err
    found = _HTML_LANG.search(html)
    return found.group(0).split('"')[1] if found else None


def sami_page(site_dir: Path, rel: str) -> tuple[str, str]:
    """The URL and HTML the Sámi bundle is given for the page `rel`: under the one
    index's language, with its language as a label instead of its filters."""
    html = _read_page(site_dir, rel)
    lang = lang_of(site_dir, rel, html) or ""
    block = f'<div hidden data-soteneg-search><span data-pagefind-meta="lang">{lang}</span></div>'
    own = html.rfind(_OWN_BLOCK)
    end = html.find("</div>", own)
    if own >= 0 and end >= 0:
        html = html[:own] + block + html[end + len("</div>") :]
    html = _HTML_LANG.sub(f'<html lang="{SAMI_INDEX_LANG}"', html, count=1)
    return _url(rel), html


def _url(rel: str) -> str:
    """The URL Pagefind's command line gives a file (`build_url`): `index.html` dropped."""
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return f"/{rel}"
