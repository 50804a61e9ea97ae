"""Pages built from the data: home, rounds, regions, themes and their comparisons, news."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from soteneg.content.models import Round
from soteneg.core import routes
from soteneg.markdown.html import Rendered
from soteneg.site import i18n
from soteneg.site.compare import word_diff
from soteneg.site.index import Group, Site
from soteneg.site.pages.page import Chrome, Crumb, Page

LATEST_NEWS = 5


def doc_link(site: Site, group: Group | None, chrome: Chrome) -> dict[str, Any] | None:
    """A link to the best version of a document for this language, saying which language
    it is in when that is not the page's."""
    if group is None:
        return None
    doc = group.best(chrome.lang)
    meta = doc.meta
    assert meta is not None
    other = meta.lang != chrome.lang
    return {
        "title": meta.title,
        "href": routes.href(site.url(doc), chrome.base),
        "date": i18n.format_date(meta.date, chrome.lang),
        "date_iso": meta.date.isoformat(),
        "summary": meta.summary,
        "lang": meta.lang if other else None,
        "lang_note": i18n.LANG_NAMES[meta.lang][chrome.lang] if other else None,
        "example": meta.example,
    }


def _round_info(rnd: Round, chrome: Chrome) -> dict[str, Any]:
    lang = chrome.lang
    return {
        "id": rnd.id,
        "name": rnd.name.get(lang),
        "href": chrome.href(routes.round_(rnd.id)),
        "kind": i18n.text(rnd.kind, lang),
        "start": i18n.format_date(rnd.start, lang),
        "end": i18n.format_date(rnd.end, lang),
        "start_iso": rnd.start.isoformat(),
        "end_iso": rnd.end.isoformat(),
    }


def _themes_of(site: Site, rnd: Round, chrome: Chrome) -> list[dict[str, Any]]:
    return [
        {
            "name": site.data.themes[t].name.get(chrome.lang),
            "description": site.data.themes[t].description.get(chrome.lang),
            "href": chrome.href(routes.theme(t)),
        }
        for t in rnd.themes
        if t in site.data.themes
    ]


def home_page(site: Site, chrome: Chrome) -> Page:
    current = site.current_round
    context = chrome.context(path="/", title=chrome.t("home"), trail=[], section="/")
    context["title"] = context["site_title"]
    context["current"] = None
    if current:
        context["current"] = {
            **_round_info(current, chrome),
            "themes": _themes_of(site, current, chrome),
        }
    context["news"] = [doc_link(site, site.groups[g], chrome) for g in site.news[:LATEST_NEWS]]
    context["all_news_href"] = chrome.href(routes.NEWS)
    context["pages"] = [doc_link(site, site.groups[g], chrome) for g in site.pages]
    return Page(routes.home(chrome.lang, site.default_lang), "home.html", context)


def rounds_index(site: Site, chrome: Chrome) -> Page:
    title = chrome.t("rounds")
    context = chrome.context(
        path=routes.ROUNDS, title=title, trail=[Crumb(title, routes.ROUNDS)], section=routes.ROUNDS
    )
    context["rounds"] = [_round_info(r, chrome) for r in reversed(site.rounds)]
    return Page(
        routes.localize(routes.ROUNDS, chrome.lang, site.default_lang), "rounds.html", context
    )


def round_page(site: Site, rnd: Round, chrome: Chrome) -> Page:
    lang = chrome.lang
    info = _round_info(rnd, chrome)
    path = routes.round_(rnd.id)
    context = chrome.context(
        path=path,
        title=info["name"],
        section=routes.ROUNDS,
        trail=[Crumb(chrome.t("rounds"), routes.ROUNDS), Crumb(info["name"], path)],
    )
    context["round"] = info
    context["themes"] = _themes_of(site, rnd, chrome)
    context["summary"] = doc_link(site, site.slot("summary", rnd.id), chrome)
    context["rows"] = [
        {
            "region": site.data.regions[r].name.get(lang),
            "region_href": chrome.href(routes.region(r)),
            "negotiation": doc_link(site, site.slot("negotiation", rnd.id, r), chrome),
            "assessment": doc_link(site, site.slot("assessment", rnd.id, r), chrome),
            "packet": chrome.pdf(routes.packet(rnd.id, r)),
        }
        for r in site.regions_sorted(lang)
    ]
    context["round_packet"] = chrome.pdf(routes.round_packet(rnd.id))
    return Page(routes.localize(path, lang, site.default_lang), "round.html", context)


def regions_index(site: Site, chrome: Chrome) -> Page:
    lang = chrome.lang
    title = chrome.t("regions")
    context = chrome.context(
        path=routes.REGIONS,
        title=title,
        trail=[Crumb(title, routes.REGIONS)],
        section=routes.REGIONS,
    )
    context["regions"] = [
        {
            "name": site.data.regions[r].name.get(lang),
            "href": chrome.href(routes.region(r)),
            "area": site.data.regions[r].collaboration_area.get(lang),
        }
        for r in site.regions_sorted(lang)
    ]
    return Page(routes.localize(routes.REGIONS, lang, site.default_lang), "regions.html", context)


def region_page(site: Site, region_id: str, chrome: Chrome) -> Page:
    lang = chrome.lang
    region = site.data.regions[region_id]
    name = region.name.get(lang)
    path = routes.region(region_id)
    context = chrome.context(
        path=path,
        title=name,
        section=routes.REGIONS,
        trail=[Crumb(chrome.t("regions"), routes.REGIONS), Crumb(name, path)],
    )
    context["region"] = {
        "name": name,
        "names": [{"lang": k, "name": region.name.get(k)} for k in ("fi", "sv") if k != lang],
        "area": region.collaboration_area.get(lang),
    }
    context["timeline"] = [
        {
            **_round_info(rnd, chrome),
            "negotiation": doc_link(site, site.slot("negotiation", rnd.id, region_id), chrome),
            "assessment": doc_link(site, site.slot("assessment", rnd.id, region_id), chrome),
            "packet": chrome.pdf(routes.packet(rnd.id, region_id)),
        }
        for rnd in reversed(site.rounds)
    ]
    return Page(routes.localize(path, lang, site.default_lang), "region.html", context)


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
    return Page(routes.localize(routes.THEMES, lang, site.default_lang), "themes.html", context)


def _section(
    group: Group | None, theme_id: str, rendered: Mapping[str, Rendered], lang: str
) -> tuple[str, Any] | None:
    """The version shown in `lang` and its section on the theme, if it has one."""
    if group is None:
        return None
    doc = group.best(lang)
    section = rendered[doc.id].sections.get(theme_id)
    return (doc.id, section) if section else None


def theme_page(site: Site, theme_id: str, rendered: Mapping[str, Rendered], chrome: Chrome) -> Page:
    lang = chrome.lang
    theme = site.data.themes[theme_id]
    name = theme.name.get(lang)
    path = routes.theme(theme_id)
    rounds = site.rounds_with_theme(theme_id)
    rows = []
    for region_id in site.regions_sorted(lang):
        cells = []
        for rnd in rounds:
            group = site.slot("negotiation", rnd.id, region_id)
            link = doc_link(site, group, chrome)
            if link and _section(group, theme_id, rendered, lang):
                link["href"] += f"#{theme_id}"
                cells.append({"link": link, "note": None})
            else:
                cells.append(
                    {"link": None, "note": chrome.t("no_section" if link else "no_document")}
                )
        has_any = any(c["link"] for c in cells)
        rows.append(
            {
                "region": site.data.regions[region_id].name.get(lang),
                "href": chrome.href(routes.theme_region(theme_id, region_id)) if has_any else None,
                "cells": cells,
            }
        )
    context = chrome.context(
        path=path,
        title=name,
        section=routes.THEMES,
        description=theme.description.get(lang),
        trail=[Crumb(chrome.t("themes"), routes.THEMES), Crumb(name, path)],
    )
    context["theme"] = {"name": name, "description": theme.description.get(lang)}
    context["rounds"] = [_round_info(r, chrome) for r in rounds]
    context["rows"] = rows
    return Page(routes.localize(path, lang, site.default_lang), "theme.html", context)


def has_sections(
    site: Site, theme_id: str, region_id: str, rendered: Mapping[str, Rendered]
) -> bool:
    """Whether any round's document for the region has a section on the theme, in any
    of the site's languages."""
    return any(
        _section(site.slot("negotiation", rnd.id, region_id), theme_id, rendered, lang)
        for rnd in site.rounds_with_theme(theme_id)
        for lang in site.languages
    )


def theme_region_page(
    site: Site, theme_id: str, region_id: str, rendered: Mapping[str, Rendered], chrome: Chrome
) -> Page | None:
    """Every round of one theme in one region, newest first, each with what changed."""
    lang = chrome.lang
    entries: list[dict[str, Any]] = []
    previous_text: str | None = None
    previous_round: str | None = None
    for rnd in site.rounds_with_theme(theme_id):
        group = site.slot("negotiation", rnd.id, region_id)
        found = _section(group, theme_id, rendered, lang)
        section = found[1] if found else None
        entry: dict[str, Any] = {
            "round": _round_info(rnd, chrome),
            "doc": doc_link(site, group, chrome),
            "section": None,
            "diff": None,
        }
        if section:
            entry["section"] = {"title": section.title, "html": Markup(section.html)}
            if previous_text is not None:
                diff = word_diff(previous_text, section.text)
                entry["diff"] = {
                    "since": previous_round,
                    "unchanged": diff.unchanged,
                    "added": diff.added,
                    "removed": diff.removed,
                    "changes": [{"op": c.op, "text": c.text} for c in diff.changes],
                }
            previous_text, previous_round = section.text, rnd.name.get(lang)
        entries.append(entry)
    # The page exists in every language or in none, so that its language links lead
    # somewhere: a translation without the section still shows the rounds.
    if not has_sections(site, theme_id, region_id, rendered):
        return None
    theme_name = site.data.themes[theme_id].name.get(lang)
    region_name = site.data.regions[region_id].name.get(lang)
    path = routes.theme_region(theme_id, region_id)
    title = f"{theme_name}: {region_name}"
    context = chrome.context(
        path=path,
        title=title,
        section=routes.THEMES,
        trail=[
            Crumb(chrome.t("themes"), routes.THEMES),
            Crumb(theme_name, routes.theme(theme_id)),
            Crumb(region_name, path),
        ],
    )
    context["entries"] = list(reversed(entries))
    context["theme_href"] = chrome.href(routes.theme(theme_id))
    return Page(routes.localize(path, lang, site.default_lang), "theme_region.html", context)


def news_index(site: Site, chrome: Chrome) -> Page:
    title = chrome.t("news")
    context = chrome.context(
        path=routes.NEWS, title=title, trail=[Crumb(title, routes.NEWS)], section=routes.NEWS
    )
    context["news"] = [doc_link(site, site.groups[g], chrome) for g in site.news]
    return Page(routes.localize(routes.NEWS, chrome.lang, site.default_lang), "news.html", context)


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
    return Page(routes.NOT_FOUND, "404.html", context, indexable=False)


def search_page(site: Site, chrome: Chrome) -> Page:
    title = chrome.t("search")
    context = chrome.context(
        path=routes.SEARCH, title=title, trail=[Crumb(title, routes.SEARCH)], section=routes.SEARCH
    )
    context["bundle"] = routes.href(routes.SEARCH_INDEX, chrome.base)
    context["base"] = chrome.base
    return Page(
        routes.localize(routes.SEARCH, chrome.lang, site.default_lang), "search.html", context
    )
