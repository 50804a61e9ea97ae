"""Every URL of the site and where it is written, in one place.

URLs here are site paths ("/kierrokset/2018-syksy/uusimaa/"); `href` adds the path of
`base_url` so a site can live below a domain's root (GitHub project pages).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from soteneg.core.names import LANGS
from soteneg.core.text import Text, say, verbatim

# What an address is, said when asked (see generated_pages).
Said = Callable[[], Text]

if TYPE_CHECKING:
    from soteneg.content.front_matter import DocumentMeta

ROUNDS = "/kierrokset/"
REGIONS = "/maakunnat/"
THEMES = "/teemat/"
NEWS = "/tiedotteet/"
NOT_FOUND = "/404.html"
SITEMAP = "/sitemap.xml"
ROBOTS = "/robots.txt"
STATIC = "/static/"
SEARCH = "/haku/"
STATEMENT = "/saavutettavuusseloste/"
PDF = "/pdf/"
ATTACHMENTS = "/liitteet/"  # attachments and images, under content-hashed names
SEARCH_INDEX = "/pagefind/"  # written by Pagefind after the pages, shard by shard
# The index of documents in the Sámi languages, inside the search index: a bundle of its
# own, so that a search page runs it with its own (no) stemmer (soteneg.site.search).
SAMI_SEARCH_INDEX = f"{SEARCH_INDEX}smi/"

# Folders at the site's root that the build fills itself, with what they hold: nothing
# else may be published inside them (the search index and its shards are swapped in
# whole, so a page in /pagefind/ would vanish without a word).
BUILD_FOLDERS: dict[str, Text] = {
    STATIC: say("@route.static"),
    PDF: say("@route.pdf"),
    ATTACHMENTS: say("@route.attachments"),
    SEARCH_INDEX: say("@route.search-index"),
}


def prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"/{lang}"


def localize(path: str, lang: str, default: str) -> str:
    return prefix(lang, default) + path


def version(path: str, lang: str, default: str) -> str:
    """Where a document's version in `lang` is published: in that language's tree, or
    for a language the interface does not speak (North, Inari, Skolt Sámi) in the default
    language's tree, one level below the document: /kierrokset/…/arvio/thl/se/."""
    if lang in LANGS:
        return localize(path, lang, default)
    return localize(f"{path}{lang}/", default, default)


def home(lang: str, default: str) -> str:
    return localize("/", lang, default)


def round_(round_id: str) -> str:
    return f"{ROUNDS}{round_id}/"


def region(region_id: str) -> str:
    return f"{REGIONS}{region_id}/"


# A unit's recommended actions across rounds, and a round's by theme (issue 25).
RECOMMENDATIONS = "suositukset/"


def region_recommendations(region_id: str) -> str:
    return f"{REGIONS}{region_id}/{RECOMMENDATIONS}"


def round_recommendations(round_id: str) -> str:
    return f"{ROUNDS}{round_id}/{RECOMMENDATIONS}"


def theme(theme_id: str) -> str:
    return f"{THEMES}{theme_id}/"


def theme_region(theme_id: str, region_id: str) -> str:
    return f"{THEMES}{theme_id}/{region_id}/"


def pair_below(page: str, before: str, after: str) -> str:
    """Two rounds compared below the page that compares every round (site.lineage): the
    earlier round's id, then the later's."""
    return f"{page}{before}/{after}/"


def theme_pair(theme_id: str, region_id: str, before: str, after: str) -> str:
    return pair_below(theme_region(theme_id, region_id), before, after)


def feed(lang: str, default: str) -> str:
    return localize(f"{NEWS}atom.xml", lang, default)


def packet(round_id: str, region_id: str, lang: str = "", default: str = "") -> str:
    """A region's packet in `lang`: /pdf/<round>/<region>.pdf in the default language,
    /sv/pdf/<round>/<region>.pdf in Swedish (without `lang`, the default's)."""
    return localize(f"{PDF}{round_id}/{region_id}.pdf", lang, default)


def round_packet(round_id: str, lang: str = "", default: str = "") -> str:
    return localize(f"{PDF}{round_id}.pdf", lang, default)


EARLIER = "versiot/"  # below a document's page: its earlier versions (content.versions)


def earlier_version(url: str, key: str) -> str:
    """Where an earlier version of the document published at `url` is published:
    /kierrokset/2018-syksy/uusimaa/versiot/2018-10-15-0123456789/. The key names the
    commit that first published that text, so later versions never move it."""
    return f"{url}{EARLIER}{key}/"


def document_pdf(url: str) -> str:
    """The PDF beside a page: /kierrokset/2018-syksy/uusimaa/ -> .../uusimaa.pdf"""
    return url.rstrip("/") + ".pdf"


def strip_lang_suffix(doc_id: str) -> str:
    """'sivut/neuvottelut.sv' -> 'sivut/neuvottelut': language versions share a path."""
    stem, dot, suffix = doc_id.rpartition(".")
    return stem if dot and suffix in LANGS else doc_id


def document(doc_id: str, meta: DocumentMeta) -> str:
    """The language-neutral path of a document, from its original's id and fields."""
    kind = meta.type
    round_id = getattr(meta, "round", "")
    if kind == "negotiation":
        return f"{ROUNDS}{round_id}/{getattr(meta, 'region', '')}/"
    if kind == "assessment":
        # An assessment names its expert body; one without (a site that names none) has
        # the unit's one assessment of the round.
        issuer = getattr(meta, "issuer", None)
        below = f"{issuer}/" if issuer else ""
        return f"{ROUNDS}{round_id}/{getattr(meta, 'region', '')}/arvio/{below}"
    if kind == "summary":
        return f"{ROUNDS}{round_id}/yhteenveto/"
    base = strip_lang_suffix(doc_id)
    if kind == "news":
        return f"{NEWS}{posixpath.basename(base)}/"
    return f"/{base}/"


def generated_pages(
    round_ids: Iterable[str], region_ids: Iterable[str], theme_ids: Iterable[str]
) -> dict[str, Said]:
    """The language-neutral path of every page the build makes from the data files
    rather than from a document, with what it is (for messages). Each exists in every
    language; whether a page is made this time (a statement without `accessibility:`, a
    theme without sections in a region) does not matter: its address stays the build's.
    What a page is is said only when a problem needs it: thousands of pages are named on
    every check, and hardly ever shown.
    The units of `units.plan_units` make these; tests/test_addresses.py checks that the
    two agree on a built site."""
    regions = list(region_ids)
    pages: dict[str, Said] = {
        "/": lambda: say("@route.home"),
        ROUNDS: lambda: say("@route.rounds"),
        REGIONS: lambda: say("@route.regions"),
        THEMES: lambda: say("@route.themes"),
        NEWS: lambda: say("@route.news"),
        SEARCH: lambda: say("@route.search"),
        STATEMENT: lambda: say("@route.statement"),
    }
    for round_id in round_ids:
        pages[round_(round_id)] = lambda r=round_id: say("@route.round", round=r)
        pages[round_recommendations(round_id)] = lambda r=round_id: say(
            "@route.round-recommendations", round=r
        )
    for region_id in regions:
        pages[region(region_id)] = lambda r=region_id: say("@route.region", region=r)
        pages[region_recommendations(region_id)] = lambda r=region_id: say(
            "@route.region-recommendations", region=r
        )
    for theme_id in theme_ids:
        pages[theme(theme_id)] = lambda t=theme_id: say("@route.theme", theme=t)
        for region_id in regions:
            pages[theme_region(theme_id, region_id)] = lambda t=theme_id, r=region_id: say(
                "@route.theme-region", theme=t, region=r
            )
    return pages


def generated_below(region_ids: Iterable[str], theme_ids: Iterable[str]) -> dict[str, Said]:
    """Pages the build makes below these from the data, in folders of any name (two
    rounds compared, `theme_pair`; an expert body's assessments compared, `arvio/`; the
    unit's recommended actions compared, `suositukset/`): no document may be published
    inside them. Keyed by the folder, each with what it holds."""
    regions = list(region_ids)
    return {
        theme_region(t, r): (lambda t=t, r=r: say("@route.theme-pairs", theme=t, region=r))
        for t in theme_ids
        for r in regions
    }


def generated_files(default: str) -> dict[str, Text]:
    """Files the build writes that are not pages, with what they are, in the default
    language's tree: the feed is in every language's, the rest only at the root."""
    return {
        NOT_FOUND: say("@route.not-found"),
        SITEMAP: say("@route.sitemap"),
        ROBOTS: verbatim(ROBOTS.lstrip("/")),
        feed(default, default): say("@route.feed"),
    }


def language_folders(default: str) -> dict[str, Text]:
    """The folder of each language other than the default, whether or not the site
    publishes it yet: a language added to site.yaml later must not find it taken."""
    return {
        home(lang, default): say("@route.language", lang=lang) for lang in LANGS if lang != default
    }


def output_file(url: str) -> str:
    """The file a URL is served from, relative to the output directory."""
    path = url.lstrip("/")
    return path + "index.html" if url.endswith("/") else path


def base_path(base_url: str) -> str:
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def href(url: str, base: str) -> str:
    """A link from any page of the site: `base` is base_path(base_url)."""
    return base + url.lstrip("/")


def absolute(url: str, base_url: str) -> str:
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def is_relative_reference(href: str) -> bool:
    """A link written relative to its document (`../x.md#a`, `liitteet/a.pdf`): the only
    kind the build rewrites. Anchors, site paths, query-only and absolute URLs stay."""
    parts = urlsplit(href)
    return not (parts.scheme or parts.netloc or href.startswith(("/", "#")) or not parts.path)
