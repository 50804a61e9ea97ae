"""Machine-readable pages: sitemap.xml, an Atom feed of news per language, robots.txt."""

from __future__ import annotations

from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.site import i18n
from soteneg.site.index import Site
from soteneg.site.page_records import Alternate, SitemapEntry
from soteneg.site.pages.page import Page

# The template each page of this module renders; the build's units use the same.
SITEMAP_TEMPLATE = "sitemap.xml"
FEED_TEMPLATE = "atom.xml"
ROBOTS_TEMPLATE = "robots.txt"


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
        doc["lastmod"] if doc else None,
        tuple(Alternate(v["lang"], v["canonical"]) for v in context["versions"] if v["available"]),
    )


def sitemap_page(entries: list[SitemapEntry]) -> Page:
    """The template reads e.loc, e.lastmod and e.alternates (a.lang, a.href): plain
    dicts, like every page's context (the template sandbox reads nothing else)."""
    ordered = [
        {
            "loc": e.loc,
            "lastmod": e.lastmod,
            "alternates": [{"lang": a.lang, "href": a.href} for a in e.alternates],
        }
        for e in sorted(entries, key=lambda e: e.url)
    ]
    return Page(routes.SITEMAP, SITEMAP_TEMPLATE, {"entries": ordered}, indexable=False)


def corrected(site: Site) -> tuple[str, ...]:
    """Documents other than news with corrections (`changes:` in any version), by group
    id: the feed tells of a correction as of news. A withdrawn one is left out, as
    from every list."""
    return tuple(
        g.id
        for g in site.groups.values()
        if g.original.meta is not None
        and g.original.meta.type != "news"
        and not g.original.meta.withdrawn
        and any(d.meta is not None and d.meta.changes for d in g.versions.values())
    )


def feed_page(site: Site, lang: str) -> Page:
    """Every news item and every corrected document, the latest first: in `lang` where
    it was written or translated, else the original, marked with its language and a
    note in `lang` saying so (a Swedish reader learns of Finnish-only news, and is not
    told it is Swedish: the note and the summary are each tagged with their own
    language). An entry's `updated` is its last correction's day, else its date; the
    feed's is the newest of these, so the feed changes only when its entries do.
    Without news there is no feed (see has_feed)."""
    config = site.config
    base = config.base_url
    entries = []
    for group_id in (*site.news, *corrected(site)):
        doc = site.groups[group_id].best(lang)
        if doc.meta is None:
            continue
        written_in = doc.meta.lang
        note = ""
        if written_in != lang:
            language = i18n.LANG_NAMES[written_in][lang]
            note = i18n.text("feed_original_only", lang, language=language)
        day = max([doc.meta.date, *(c.date for c in doc.meta.changes)])
        said = written_in if written_in in LANGS else lang
        entries.append(
            {
                "title": doc.meta.title,
                "lang": written_in,
                "href": routes.absolute(site.url(doc), base),
                "updated": f"{day.isoformat()}T00:00:00Z",
                # The note is in the feed's language, the summary and the corrections
                # in the entry's: the template tags each with its own.
                "note": note,
                "summary": doc.meta.summary or "",
                # Newest first, each line in the entry's language (the note's), or the
                # feed's for a language the interface does not speak.
                "changes": [
                    i18n.text(
                        "feed_corrected", said, date=i18n.format_date(c.date, said), note=c.note
                    )
                    for c in reversed(doc.meta.changes)
                ],
            }
        )
    # The latest first; news of one day keep their order (sorted() is stable).
    entries.sort(key=lambda e: e["updated"], reverse=True)
    feed_url = routes.absolute(routes.feed(lang, site.default_lang), base)
    context = {
        "lang": lang,
        "title": f"{config.title.get(lang)}: {i18n.text('news', lang)}",
        "id": feed_url,
        "self_href": feed_url,
        "site_href": routes.absolute(routes.home(lang, site.default_lang), base),
        "author": config.publisher.name.get(lang),
        "updated": max(e["updated"] for e in entries),
        "entries": entries,
    }
    return Page(routes.feed(lang, site.default_lang), FEED_TEMPLATE, context, indexable=False)


def has_feed(site: Site) -> bool:
    """A feed needs an entry to have an `updated` moment and to be worth a link."""
    return any(site.groups[g].original.meta is not None for g in site.news)


def robots_page(site: Site) -> Page:
    sitemap = routes.absolute(routes.SITEMAP, site.config.base_url)
    return Page(routes.ROBOTS, ROBOTS_TEMPLATE, {"sitemap": sitemap}, indexable=False)
