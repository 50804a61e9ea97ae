"""Index pages built from the data: home, the lists of rounds, themes and news, search and
the 404 page. Pages that list regions are in `regions` and `themes`."""

from __future__ import annotations

from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.site import i18n
from soteneg.site.index import Site
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import doc_link, round_info, themes_of

# The template each page of this module renders; the build's units use the same.
HOME_TEMPLATE = "home.html"
ROUNDS_TEMPLATE = "rounds.html"
THEMES_TEMPLATE = "themes.html"
NEWS_TEMPLATE = "news.html"
NOT_FOUND_TEMPLATE = "404.html"
SEARCH_TEMPLATE = "search.html"
RANKER = "search/pagefind.js"  # under templates/static/


LATEST_NEWS = 5


def home_page(site: Site, chrome: Chrome) -> Page:
    current = site.current_round
    context = chrome.context(path="/", title=chrome.t("home"), trail=[], section="/")
    context["title"] = context["site_title"]
    context["current"] = None
    if current:
        context["current"] = {
            **round_info(site, current, chrome),
            "themes": themes_of(site, current, chrome),
        }
    context["news"] = [doc_link(site, site.groups[g], chrome) for g in site.news[:LATEST_NEWS]]
    context["all_news_href"] = chrome.href(routes.NEWS)
    context["pages"] = [doc_link(site, site.groups[g], chrome) for g in site.pages]
    return Page(routes.home(chrome.lang, site.default_lang), HOME_TEMPLATE, context)


def rounds_index(site: Site, chrome: Chrome) -> Page:
    title = chrome.t("rounds")
    context = chrome.context(
        path=routes.ROUNDS, title=title, trail=[Crumb(title, routes.ROUNDS)], section=routes.ROUNDS
    )
    context["rounds"] = [round_info(site, r, chrome) for r in reversed(site.rounds)]
    return Page(
        routes.localize(routes.ROUNDS, chrome.lang, site.default_lang), ROUNDS_TEMPLATE, context
    )


def themes_index(site: Site, chrome: Chrome) -> Page:
    lang = chrome.lang
    title = chrome.t("themes")
    context = chrome.context(
        path=routes.THEMES, title=title, trail=[Crumb(title, routes.THEMES)], section=routes.THEMES
    )
    context["themes"] = [
        {
            "name": t.name.get(lang),
            "description": t.description.get(lang),
            "href": chrome.href(routes.theme(t.id)),
        }
        for t in site.data.themes.values()
    ]
    return Page(routes.localize(routes.THEMES, lang, site.default_lang), THEMES_TEMPLATE, context)


def news_index(site: Site, chrome: Chrome) -> Page:
    title = chrome.t("news")
    context = chrome.context(
        path=routes.NEWS, title=title, trail=[Crumb(title, routes.NEWS)], section=routes.NEWS
    )
    context["news"] = [doc_link(site, site.groups[g], chrome) for g in site.news]
    return Page(
        routes.localize(routes.NEWS, chrome.lang, site.default_lang), NEWS_TEMPLATE, context
    )


def not_found_page(site: Site, chrome: Chrome) -> Page:
    context = chrome.context(
        path=routes.NOT_FOUND,
        title=chrome.t("not_found_title"),
        trail=[],
        section="",
        robots="noindex",
    )
    # One 404 page serves every language: it speaks them all and has no language versions.
    context["versions"] = [v for v in context["versions"] if v["current"]]
    context["others"] = [
        {
            "lang": lang,
            "title": i18n.text("not_found_title", lang),
            "text": i18n.text("not_found_text", lang),
            "home": i18n.text("home", lang),
            "home_href": chrome.href("/", lang),
        }
        for lang in site.languages
    ]
    return Page(routes.NOT_FOUND, NOT_FOUND_TEMPLATE, context, indexable=False)


def search_page(site: Site, chrome: Chrome) -> Page:
    title = chrome.t("search")
    context = chrome.context(
        path=routes.SEARCH, title=title, trail=[Crumb(title, routes.SEARCH)], section=routes.SEARCH
    )
    context["bundle"] = routes.href(routes.SEARCH_INDEX, chrome.base)
    context["base"] = chrome.base
    context["search_ui"] = dict(i18n.SEARCH_UI[chrome.lang])
    # The module that ranks the merged shards as one index (docs/search.md, "Shards"):
    # Pagefind's UI loads `pagefind.js` from this folder. Templates without it leave
    # Pagefind's own order.
    try:
        context["ranker"] = chrome.asset(RANKER).removesuffix("pagefind.js")
    except KeyError:
        context["ranker"] = None
    # Documents in Sámi are searched in an index of their own, without stemming (Pagefind
    # has no Sámi stemmer, and one search page runs one stemmer: soteneg.site.search),
    # and listed apart, each labelled with its language in the page's.
    langs = sami_languages(site)
    context["sami"] = (
        {
            "bundle": routes.href(routes.SAMI_SEARCH_INDEX, chrome.base),
            "label": i18n.text("language", chrome.lang),
            "names": {lang: i18n.LANGUAGE_NOUNS[lang][chrome.lang] for lang in langs},
        }
        if langs
        else None
    )
    return Page(
        routes.localize(routes.SEARCH, chrome.lang, site.default_lang), SEARCH_TEMPLATE, context
    )


def sami_languages(site: Site) -> list[str]:
    """The languages of published versions that the interface does not speak (North,
    Inari and Skolt Sámi), sorted."""
    return sorted({lang for g in site.groups.values() for lang in g.versions if lang not in LANGS})
