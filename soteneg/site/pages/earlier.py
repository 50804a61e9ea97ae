"""The page of an earlier version of a document kept with `versions: keep`: its text as
it was, through the same Markdown and template as the current page, with a banner that
says it is not the version in force and links to the one that is. Such a page is for
readers who follow a link or the current page's list of versions: it is out of the
search, the sitemap and the packets, and asks search engines not to index it."""

from __future__ import annotations

from typing import Any

from soteneg.content.versions import Earlier
from soteneg.core import routes
from soteneg.markdown.html import Rendered
from soteneg.site import i18n
from soteneg.site.index import Group, Site
from soteneg.site.pages.document import DOCUMENT_TEMPLATE, link_resolver, version_page
from soteneg.site.pages.page import Chrome, Crumb, Page

EARLIER_TEMPLATE = DOCUMENT_TEMPLATE


def earlier_listed(site: Site, doc_id: str) -> list[tuple[str, object]]:
    """What the page of the document `doc_id` shows of its earlier versions (for its
    fingerprint): each one's name and the day it was replaced."""
    return [(v.key, v.until) for v in site.earlier.get(doc_id, ())]


def earlier_shows(site: Site, version: Earlier) -> list[str]:
    """All an earlier version's page shows of it (for its fingerprint): its text as it
    was, where its links lead, when it was replaced and by which correction."""
    old = version.document
    resolve = link_resolver(site, old)
    return [
        version.key,
        repr(version.until),
        old.meta.model_dump_json() if old.meta else "",
        old.body,
        *(resolve(link.href) for link in old.outline.links),
        repr([(c.date.isoformat(), c.note) for c in version.ended_by]),
    ]


def earlier_url(site: Site, current: str, version: Earlier) -> str:
    """The site URL of an earlier version of the published document `current` (an id)."""
    return routes.earlier_version(site.url(site.published[current]), version.key)


def earlier_page(
    site: Site, group: Group, current_id: str, version: Earlier, rendered: Rendered, chrome: Chrome
) -> Page:
    current = site.published[current_id]
    old = version.document
    assert current.meta is not None and old.meta is not None
    lang = chrome.lang
    made = version_page(site, group, old, rendered, chrome)
    url = earlier_url(site, current_id, version)
    canonical = routes.absolute(url, site.config.base_url)
    context: dict[str, Any] = dict(made.context)
    label = i18n.text("earlier_item", lang, date=i18n.format_date(version.day, lang))
    neutral = routes.earlier_version(group.path, version.key)
    context["canonical"] = canonical
    context["jsonld"] = {**context["jsonld"], "url": canonical}
    context["robots"] = "noindex"
    context["breadcrumbs"] = [
        {**c, "current": False} for c in context["breadcrumbs"]
    ] + chrome.crumbs([Crumb(label, neutral)])[-1:]
    # In this language only: the language links would lead to pages that do not exist.
    context["versions"] = [
        {**v, "href": chrome.link(url), "canonical": canonical, "available": False}
        for v in context["versions"]
        if v["current"]
    ]
    context["alternates"] = []
    context["doc"] = {**context["doc"], "updated": None}
    context["earlier"] = {
        "notice": i18n.text("earlier_notice", lang, date=i18n.format_date(version.day, lang)),
        "until": i18n.format_date(version.until, lang) if version.until else None,
        "until_iso": version.until.isoformat() if version.until else None,
        "current": {
            "title": current.meta.title,
            "href": chrome.link(site.url(current)),
            "lang": current.meta.lang if current.meta.lang != lang else None,
        },
        "ended_by": [
            {
                "date": i18n.format_date(c.date, lang),
                "date_iso": c.date.isoformat(),
                "note": c.note,
            }
            for c in version.ended_by
        ],
    }
    context["earlier_versions"] = []
    # Nothing for the search, nothing in another page's place, no downloads: the PDFs and
    # packets are the current version's.
    context["related"] = []
    context["languages_of_doc"] = []
    context["comparisons"] = []
    context["other_versions"] = []
    context["outdated"] = None
    context["filters"] = []
    context["search_meta"] = []
    context["index_body"] = False
    context["pdf"] = None
    context["packet"] = None
    return Page(url, EARLIER_TEMPLATE, context, indexable=False, sources=(current.file,))
