"""Pages of recommended actions: a unit's across rounds (its predecessors' included),
each with its follow-ups and current status, and a round's by theme and unit.

A page in a language shows each document's version in that language, or its original
with a plain notice saying which language that is.
"""

from __future__ import annotations

from typing import Any

from soteneg.content.models import Round
from soteneg.core import routes
from soteneg.site import i18n, negotiation
from soteneg.site import recommendations as recs
from soteneg.site.index import Group, Site
from soteneg.site.pages import theme_recs
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import doc_link
from soteneg.site.texts import RECOMMENDATIONS

# The template each page of this module renders; the build's units use the same.
UNIT_TEMPLATE = "recommendations_unit.html"
ROUND_TEMPLATE = "recommendations_round.html"


def _notice(site: Site, group: Group, lang: str) -> str | None:
    """Said above recommendations shown in their original's language."""
    shown = group.best(lang)
    assert shown.meta is not None
    if shown.meta.lang == lang:
        return None
    language = negotiation.language_name(shown.meta.lang, lang)
    return i18n.text("recommendations_original_only", lang, language=language)


def _item(
    site: Site, track: recs.Track, chrome: Chrome, with_theme: bool, prefix: str = ""
) -> dict[str, Any]:
    """A recommendation as given, in the page's language where its document has a
    version in it, with its follow-ups and its current status."""
    lang = chrome.lang
    version = track.group.best(lang)
    assert version.meta is not None
    rec = recs.in_version(version, track.id) or track.given.recommendation
    item = negotiation.recommendation_item(
        site, rec, track.given.number, version.meta.lang, lang, chrome.link, prefix
    )
    if not with_theme:
        item["theme"] = None
    follow_ups = []
    for f in track.follow_ups:
        shown = f.group.best(lang)
        assert shown.meta is not None
        words = recs.follow_up_in_version(shown, track.id) or f.follow
        follow_ups.append(
            {
                "round": f.round.name.get(lang),
                "href": chrome.link(site.url(shown)) + "#" + negotiation.follow_up_anchor(track.id),
                "key": f.follow.status,
                "text": negotiation.status_text(f.follow.status, lang),
                "note": words.note,
                "lang": shown.meta.lang if shown.meta.lang != lang else None,
            }
        )
    item["follow_ups"] = follow_ups
    latest = track.latest
    status = latest.follow.status if latest else None
    item["status"] = {"key": status or "none", "text": negotiation.status_text(status, lang)}
    return item


def unit_page(site: Site, unit_id: str, chrome: Chrome) -> Page:
    lang = chrome.lang
    unit = site.data.regions[unit_id]
    name = unit.name.get(lang)
    path = routes.region_recommendations(unit_id)
    title = chrome.t("unit_recommendations_title", unit=name)
    context = chrome.context(
        path=path,
        title=title,
        section=routes.REGIONS,
        trail=[
            Crumb(chrome.t("regions"), routes.REGIONS),
            Crumb(name, routes.region(unit_id)),
            Crumb(chrome.t("recommendations"), path),
        ],
    )
    by_document: dict[str, list[recs.Track]] = {}
    for track in recs.unit_tracks(site, unit_id):
        by_document.setdefault(track.group.id, []).append(track)
    groups = []
    # Newest round first, as the unit's page lists its rounds.
    for round_, doc in reversed(recs.chain(site, unit_id).documents):
        group = site.group(doc)
        tracks = by_document.get(group.id)
        if not tracks:
            continue
        region_id = getattr(doc.meta, "region", unit_id)
        heading = round_.name.get(lang)
        if region_id != unit_id:
            heading = f"{heading}: {site.data.regions[region_id].name.get(lang)}"
        groups.append(
            {
                "heading": heading,
                "anchor": f"{round_.id}-{region_id}",
                "document": doc_link(site, group, chrome),
                "notice": _notice(site, group, lang),
                "recs": [_item(site, t, chrome, with_theme=True) for t in tracks],
            }
        )
    context["subject"] = name
    context["groups"] = groups
    # The unit's recommendations on each theme compared round by round, where two
    # rounds give or follow up any.
    context["compared"] = [
        {
            "name": theme.name.get(lang),
            "href": chrome.href(RECOMMENDATIONS.page(theme_id, unit_id)),
        }
        for theme_id, theme in site.data.themes.items()
        if theme_recs.page_exists(site, theme_id, unit_id)
    ]
    return Page(routes.localize(path, lang, site.default_lang), UNIT_TEMPLATE, context)


def round_page(site: Site, rnd: Round, chrome: Chrome) -> Page:
    lang = chrome.lang
    name = rnd.name.get(lang)
    path = routes.round_recommendations(rnd.id)
    title = chrome.t("round_recommendations_title", round=name)
    context = chrome.context(
        path=path,
        title=title,
        section=routes.ROUNDS,
        trail=[
            Crumb(chrome.t("rounds"), routes.ROUNDS),
            Crumb(name, routes.round_(rnd.id)),
            Crumb(chrome.t("recommendations"), path),
        ],
    )
    found = recs.round_tracks(site, rnd.id)
    order = {r: n for n, r in enumerate(site.regions_sorted(lang))}
    units = sorted(found, key=lambda u: order.get(u, len(order)))
    themes = list(rnd.themes)
    themes += sorted(
        {t.given.recommendation.theme for ts in found.values() for t in ts} - set(themes)
    )
    sections = []
    for theme_id in themes:
        rows = []
        for unit_id in units:
            tracks = [t for t in found[unit_id] if t.given.recommendation.theme == theme_id]
            if not tracks:
                continue
            group = tracks[0].group
            rows.append(
                {
                    "name": site.data.regions[unit_id].name.get(lang),
                    "href": chrome.href(routes.region_recommendations(unit_id)),
                    "document": doc_link(site, group, chrome),
                    "notice": _notice(site, group, lang),
                    # The unit's recommendations on the theme compared round by round.
                    "compared": chrome.href(RECOMMENDATIONS.page(theme_id, unit_id))
                    if theme_recs.page_exists(site, theme_id, unit_id)
                    else None,
                    "recs": [
                        _item(site, t, chrome, with_theme=False, prefix=f"{unit_id}_")
                        for t in tracks
                    ],
                }
            )
        if rows:
            theme = site.data.themes.get(theme_id)
            sections.append(
                {
                    "id": theme_id,
                    "name": theme.name.get(lang) if theme else theme_id,
                    "units": rows,
                }
            )
    context["subject"] = name
    context["sections"] = sections
    return Page(routes.localize(path, lang, site.default_lang), ROUND_TEMPLATE, context)
