"""Pages that list regions or show one: a round with its regions' documents, the index of
regions, a region across its rounds. Each lists only the regions of its time (a round
those that existed during it), grouped by era, newest first, in the era's words."""

from __future__ import annotations

from typing import Any

from soteneg.content import timeline
from soteneg.content.models import Round
from soteneg.core import routes
from soteneg.site import eras
from soteneg.site import recommendations as recs
from soteneg.site.index import Site
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import (
    doc_link,
    other_names,
    region_ref,
    round_info,
    themes_of,
)

# The template each page of this module renders; the build's units use the same.
ROUND_TEMPLATE = "round.html"
REGIONS_TEMPLATE = "regions.html"
REGION_TEMPLATE = "region.html"


def round_page(site: Site, rnd: Round, chrome: Chrome) -> Page:
    lang = chrome.lang
    info = round_info(site, rnd, chrome)
    path = routes.round_(rnd.id)
    context = chrome.context(
        path=path,
        title=info["name"],
        section=routes.ROUNDS,
        trail=[Crumb(chrome.t("rounds"), routes.ROUNDS), Crumb(info["name"], path)],
    )
    context["round"] = info
    context["other_names"] = other_names(site, rnd.name, lang)
    context["themes"] = themes_of(site, rnd, chrome)
    context["summary"] = doc_link(site, site.slot("summary", rnd.id), chrome)

    def row(region_id: str) -> dict[str, Any]:
        name = site.data.regions[region_id].name.get(lang)
        return {
            "id": region_id,
            "region": name,
            "region_href": chrome.href(routes.region(region_id)),
            "negotiation": doc_link(site, site.slot("negotiation", rnd.id, region_id), chrome),
            "assessment": doc_link(site, site.slot("assessment", rnd.id, region_id), chrome),
            "packet": chrome.packet(rnd.id, region_id),
        }

    groups = eras.number(site, eras.regions_in_round(site, rnd), lang)
    headings = [eras.heading(g, groups, lang) for g in groups]
    # A round of one era is about that era's units: its heading names them. A round that
    # spans a change of units gets the neutral heading, and each era a table of its own.
    single = headings[0] if len(groups) == 1 else None
    context["docs_heading"] = single or chrome.t("round_documents")
    context["groups"] = [
        {
            "heading": heading if len(groups) > 1 else None,
            "caption": heading or context["docs_heading"],
            "unit_label": eras.unit_label(site, group.regions, lang),
            "rows": [row(r) for r in group.regions],
        }
        for group, heading in zip(groups, headings, strict=True)
    ]
    context["round_packet"] = chrome.packet(rnd.id)
    context["recommendations_href"] = (
        chrome.href(routes.round_recommendations(rnd.id))
        if recs.has_round_page(site, rnd.id)
        else None
    )
    return Page(routes.localize(path, lang, site.default_lang), ROUND_TEMPLATE, context)


def regions_index(site: Site, chrome: Chrome) -> Page:
    lang = chrome.lang
    title = chrome.t("regions")
    context = chrome.context(
        path=routes.REGIONS,
        title=title,
        trail=[Crumb(title, routes.REGIONS)],
        section=routes.REGIONS,
    )
    groups = eras.number(site, site.data.regions, lang)
    context["groups"] = [
        {
            "heading": eras.heading(group, groups, lang),
            "regions": [
                {
                    "name": region.name.get(lang),
                    "href": chrome.href(routes.region(region.id)),
                    "area": region.special_responsibility_area.get(lang)
                    if region.special_responsibility_area
                    else None,
                    "period": eras.own_period(site, region, lang),
                }
                for region in (site.data.regions[r] for r in group.regions)
            ],
        }
        for group in groups
    ]
    return Page(routes.localize(routes.REGIONS, lang, site.default_lang), REGIONS_TEMPLATE, context)


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
    unit = eras.unit_name(site, region, lang)
    context["region"] = {
        "name": name,
        "names": [{"lang": k, "name": region.name.get(k)} for k in ("fi", "sv") if k != lang],
        "area": region.special_responsibility_area.get(lang)
        if region.special_responsibility_area
        else None,
        "unit": eras.capital(unit) if unit else None,
        "period": eras.period(region.valid_from, region.valid_to, lang),
    }
    context["predecessors"] = [
        region_ref(site, r.id, chrome) for r in timeline.predecessors(site.data, region)
    ]
    context["successors"] = [
        region_ref(site, r.id, chrome) for r in timeline.successors(site.data, region)
    ]
    context["timeline"] = [
        {
            **round_info(site, rnd, chrome),
            **_labelled(site, rnd.id, region_id, chrome),
            "packet": chrome.packet(rnd.id, region_id),
        }
        for rnd in reversed(region_rounds(site, region_id))
    ]
    context["recommendations_href"] = (
        chrome.href(routes.region_recommendations(region_id))
        if recs.has_unit_page(site, region_id)
        else None
    )
    return Page(routes.localize(path, lang, site.default_lang), REGION_TEMPLATE, context)


def _labelled(site: Site, round_id: str, region_id: str, chrome: Chrome) -> dict[str, Any]:
    """A round's documents on a region's page, each after its type ("THL:n arvio: …");
    the type is left out where the title already begins with it, so that the line does
    not say it twice ("THL:n arvio: THL:n arvio: Uusimaa, syksy 2018")."""
    found: dict[str, Any] = {}
    for kind in ("negotiation", "assessment"):
        link = doc_link(site, site.slot(kind, round_id, region_id), chrome)
        label = chrome.t(kind)
        # Only in the page's language: before a title in another language ("THL:n arvio:
        # …" on a Swedish page) the label says in the reader's words what it is.
        said = link is not None and link["title"].casefold().startswith(label.casefold())
        found[kind] = link
        found[f"{kind}_label"] = None if said else label
    return found


def region_rounds(site: Site, region_id: str) -> tuple[Round, ...]:
    """The rounds held while the region existed, oldest first."""
    region = site.data.regions[region_id]
    return tuple(r for r in site.rounds if timeline.valid_in(region, r))
