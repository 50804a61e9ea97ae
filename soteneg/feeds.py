"""Machine-readable pages: sitemap.xml, an Atom feed of news per language, robots.txt."""

from __future__ import annotations

from typing import NamedTuple

from soteneg import i18n, routes
from soteneg.pages import Page
from soteneg.site import Site


class Alternate(NamedTuple):
    lang: str
    href: str


class SitemapEntry(NamedTuple):
    url: str  # site path, for ordering
    loc: str
    lastmod: str | None
    alternates: tuple[Alternate, ...]  # each language version


def sitemap_entry(page: Page) -> SitemapEntry | None:
    """A page's entry in the sitemap, with its language versions as hreflang alternates;
    None for placeholders, feeds and other pages that are not indexable HTML."""
    if not page.indexable or not page.url.endswith("/"):
        return None
    context = page.context
    doc = context.get("doc")
    return SitemapEntry(
        page.url,
        context["canonical"],
        doc["date_iso"] if doc else None,
        tuple(Alternate(v["lang"], v["canonical"]) for v in context["versions"] if v["available"]),
    )


def sitemap_page(entries: list[SitemapEntry]) -> Page:
    """The template reads e.loc, e.lastmod and e.alternates (a.lang, a.href)."""
    ordered = sorted(entries, key=lambda e: e.url)
    return Page(routes.SITEMAP, "sitemap.xml", {"entries": ordered}, indexable=False)


def feed_page(site: Site, lang: str) -> Page:
    """News written in `lang`, newest first. Its `updated` is the newest news date, so the
    feed changes only when the news do."""
    config = site.config
    base = config.base_url
    entries = []
    for group_id in site.news:
        doc = site.groups[group_id].version(lang)
        if doc is None or doc.meta is None:
            continue
        entries.append(
            {
                "title": doc.meta.title,
                "href": routes.absolute(site.url(doc), base),
                "updated": f"{doc.meta.date.isoformat()}T00:00:00Z",
                "summary": doc.meta.summary or "",
            }
        )
    feed_url = routes.absolute(routes.feed(lang, site.default_lang), base)
    context = {
        "lang": lang,
        "title": f"{config.title.get(lang)}: {i18n.text('news', lang)}",
        "id": feed_url,
        "self_href": feed_url,
        "site_href": routes.absolute(routes.home(lang, site.default_lang), base),
        "author": config.publisher.name.get(lang),
        "updated": entries[0]["updated"] if entries else "1970-01-01T00:00:00Z",
        "entries": entries,
    }
    return Page(routes.feed(lang, site.default_lang), "atom.xml", context, indexable=False)


def robots_page(site: Site) -> Page:
    sitemap = routes.absolute(routes.SITEMAP, site.config.base_url)
    return Page(routes.ROBOTS, "robots.txt", {"sitemap": sitemap}, indexable=False)
