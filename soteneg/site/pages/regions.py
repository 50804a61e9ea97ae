"""Pages that list regions or show one: a round with its regions' documents, the index of
regions, a region across its rounds. Each lists only the regions of its time (a round
those that existed during it), grouped by era, newest first, in the era's words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, get_args

from soteneg.content import timeline
from soteneg.content.models import Kind, Round
from soteneg.core import routes
from soteneg.site import eras, i18n, labels
from soteneg.site import recommendations as recs
from soteneg.site.index import Group, Site
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

# The sections of a round's page, in their order: kinds.yaml puts each kind in one.
SECTIONS: tuple[str, ...] = get_args(Kind.model_fields["section"].annotation)


def listed_in_round(site: Site, rnd: Round) -> tuple[str, ...]:
    """The units a round's page lists, in the order of regions.yaml: those that existed
    during the round; of those the ministries do not negotiate with (the whole country),
    only the ones with a document in it, since none was expected of the others."""
    return tuple(
        r
        for r in eras.regions_in_round(site, rnd)
        if eras.is_negotiated(site, site.data.regions[r])
        or site.slot("negotiation", rnd.id, r)
        or site.assessments(rnd.id, r)
    )


def _issuers(site: Site, rnd: Round, region_ids: Iterable[str]) -> list[str | None]:
    """The issuers of the units' assessments in the round, each once: one without an
    issuer first, then in the order of the round's experts (index.build_site's)."""
    found: set[str | None] = set()
    for region_id in region_ids:
        for group in site.assessments(rnd.id, region_id):
            found.add(getattr(group.original.meta, "issuer", None))
    experts = list(rnd.experts)

    def order(issuer: str | None) -> tuple[int, str]:
        if issuer is None:
            return (-1, "")
        return (experts.index(issuer) if issuer in experts else len(experts), issuer)

    return sorted(found, key=order)


def _assessment_by(site: Site, rnd: Round, region_id: str, issuer: str | None) -> Group | None:
    for group in site.assessments(rnd.id, region_id):
        if getattr(group.original.meta, "issuer", None) == issuer:
            return group
    return None


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

    # The units negotiated with one by one, then the collaboration areas, then the whole
    # country: each unit where its kind (kinds.yaml) says, each section headed with its
    # kinds' words.
    listed = listed_in_round(site, rnd)
    by_section: dict[str, list[str]] = {}
    for region_id in listed:
        by_section.setdefault(eras.section_of(site, site.data.regions[region_id]), []).append(
            region_id
        )
    sections = []
    for section in SECTIONS:
        region_ids = by_section.get(section)
        if not region_ids:
            continue
        negotiated = any(eras.is_negotiated(site, site.data.regions[r]) for r in region_ids)
        issuers = _issuers(site, rnd, region_ids)

        def row(region_id: str, issuers: list[str | None] = issuers) -> dict[str, Any]:
            name = site.data.regions[region_id].name.get(lang)
            return {
                "id": region_id,
                "region": name,
                "region_href": chrome.href(routes.region(region_id)),
                "negotiation": doc_link(site, site.slot("negotiation", rnd.id, region_id), chrome),
                "assessments": [
                    doc_link(site, _assessment_by(site, rnd, region_id, i), chrome) for i in issuers
                ],
                "packet": chrome.packet(rnd.id, region_id),
            }

        # "Hyvinvointialueet, kaupunki ja yhtymä (23)": how many units the words name.
        words = eras.section_heading(site, region_ids, lang)
        heading = words or chrome.t("round_documents")
        if words and len(region_ids) > 1:
            heading = f"{heading} ({len(region_ids)})"
        groups = eras.grouped(site, region_ids, lang)
        # A section that spans a change of units gets a table per era, each headed.
        tables = []
        for group in groups:
            sub = eras.heading(group, groups, lang) if len(groups) > 1 else None
            tables.append(
                {
                    "heading": sub,
                    "caption": f"{heading}: {sub}" if sub else heading,
                    "unit_label": eras.unit_label(site, group.regions, lang),
                    "rows": [row(r) for r in group.regions],
                }
            )
        sections.append(
            {
                "id": section,
                "heading": heading,
                "negotiated": negotiated,
                # Packets are printed for units with a negotiation document only.
                "packets": any(row["packet"] for t in tables for row in t["rows"]),
                "issuers": [labels.issuer_label(site, i, lang) for i in issuers],
                "tables": tables,
            }
        )
    context["sections"] = sections
    context["withdrawn"] = withdrawn_in_round(site, rnd.id, chrome)
    context["round_packet"] = chrome.packet(rnd.id)
    context["recommendations_href"] = (
        chrome.href(routes.round_recommendations(rnd.id))
        if recs.has_round_page(site, rnd.id)
        else None
    )
    return Page(routes.localize(path, lang, site.default_lang), ROUND_TEMPLATE, context)


def withdrawn_in_round(site: Site, round_id: str, chrome: Chrome) -> list[dict[str, Any]]:
    """The round's withdrawn and superseded documents, listed apart under the round: each
    with its mark and, for one replaced, the document in force."""
    found = []
    for group_id in site.withdrawn.get(round_id, ()):
        group = site.groups[group_id]
        meta = group.original.meta
        assert meta is not None
        successor = site.published.get(meta.superseded_by or "")
        found.append(
            {
                "link": doc_link(site, group, chrome),
                "mark": chrome.t("superseded_mark" if successor else "withdrawn_mark"),
                "successor": doc_link(site, site.group(successor), chrome) if successor else None,
            }
        )
    return found


def regions_index(site: Site, chrome: Chrome) -> Page:
    lang = chrome.lang
    title = chrome.t("regions")
    context = chrome.context(
        path=routes.REGIONS,
        title=title,
        trail=[Crumb(title, routes.REGIONS)],
        section=routes.REGIONS,
    )
    groups = eras.grouped(site, site.data.regions, lang)
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
        "legal_person": i18n.text(
            "legal_person_from", lang, date=i18n.format_date(region.legal_person_from, lang)
        )
        if region.legal_person_from
        else None,
    }
    # The areas the unit is a member of, and an area's own members, linked both ways.
    context["areas"] = [
        {
            **region_ref(site, area.id, chrome),
            "label": eras.capital(eras.unit_name(site, area, lang) or "") or chrome.t("member_of"),
            "period": eras.period(member.valid_from, member.valid_to, lang),
        }
        for area, member in eras.areas_of(site, region_id)
    ]
    known = [m for m in region.members if m.unit in site.data.regions]
    by_name = {r: i for i, r in enumerate(eras.sorted_by_name(site, (m.unit for m in known), lang))}
    context["members"] = [
        {
            **region_ref(site, member.unit, chrome),
            "period": eras.period(member.valid_from, member.valid_to, lang),
        }
        for member in sorted(known, key=lambda m: by_name[m.unit])
    ]
    # Whole predecessors and successors, then those a part of which moved (with what and
    # when), each way; why the successors begin later, where the data says.
    whole_before = timeline.predecessors(site.data, region)
    context["predecessors"] = [region_ref(site, r.id, chrome) for r in whole_before] + [
        region_ref(site, r.id, chrome, moved) for r, moved in eras.parts_received(site, region_id)
    ]
    context["predecessor_gaps"] = list(
        dict.fromkeys(r.gap.get(lang) for r in whole_before if r.gap is not None)
    )
    context["successors"] = [
        region_ref(site, r.id, chrome) for r in timeline.successors(site.data, region)
    ] + [
        region_ref(site, moved.unit, chrome, moved)
        for moved in region.parts_moved
        if moved.unit in site.data.regions
    ]
    context["gap"] = region.gap.get(lang) if region.gap is not None else None
    negotiated = eras.is_negotiated(site, region)

    def assessments(rnd: Round) -> list[dict[str, Any]]:
        found = []
        for group in site.assessments(rnd.id, region_id):
            link = doc_link(site, group, chrome)
            assert link is not None
            label = labels.issuer_label(site, getattr(group.original.meta, "issuer", None), lang)
            found.append({"label": labels.before_title(label, link["title"]), "link": link})
        return found or [{"label": chrome.t("assessment"), "link": None}]

    rounds = region_rounds(site, region_id)
    if not negotiated:
        # Nobody negotiates with it: its rounds are those it has a document in.
        rounds = tuple(
            r
            for r in rounds
            if site.assessments(r.id, region_id) or site.slot("negotiation", r.id, region_id)
        )

    def negotiation(rnd: Round) -> dict[str, Any]:
        link = doc_link(site, site.slot("negotiation", rnd.id, region_id), chrome)
        label = chrome.t("negotiation")
        return {
            "negotiation": link,
            # Not before a title that begins with it; the label is in the page's language.
            "negotiation_label": labels.before_title(label, link["title"]) if link else label,
        }

    context["timeline"] = [
        {
            **round_info(site, rnd, chrome),
            "negotiated": negotiated or ("negotiation", rnd.id, region_id) in site.slots,
            **negotiation(rnd),
            "assessments": assessments(rnd),
            "packet": chrome.packet(rnd.id, region_id),
        }
        for rnd in reversed(rounds)
    ]
    context["recommendations_href"] = (
        chrome.href(routes.region_recommendations(region_id))
        if recs.has_unit_page(site, region_id)
        else None
    )
    return Page(routes.localize(path, lang, site.default_lang), REGION_TEMPLATE, context)


def region_rounds(site: Site, region_id: str) -> tuple[Round, ...]:
    """The rounds held while the region existed, oldest first."""
    region = site.data.regions[region_id]
    return tuple(r for r in site.rounds if timeline.valid_in(region, r))
