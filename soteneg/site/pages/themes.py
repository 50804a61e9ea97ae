"""A theme across rounds: the matrix of rounds and regions, one table per era, and one
theme for one region, every round side by side with what changed.

A unit's history on a theme continues from its predecessors' rounds (Pirkanmaa's 2018
sections come before Pirkanmaan hyvinvointialue's own; each county split from Uusimaa
has Uusimaa's rounds as its past). A section is compared with the same unit's previous
one; a unit's first section with its only predecessor's last, and labelled so. Where
a unit had several predecessors there is no one text to compare with, and it says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from soteneg.content import timeline
from soteneg.content.loader import Document
from soteneg.core import routes
from soteneg.markdown.html import Rendered
from soteneg.site import eras, i18n, lineage
from soteneg.site.compare import compare
from soteneg.site.index import Group, Site
from soteneg.site.pages import comparison, theme_recs
from soteneg.site.pages.choose import chooser
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import doc_link, other_names, region_ref, round_info
from soteneg.site.texts import NEGOTIATIONS, RECOMMENDATIONS, Texts

# The template each page of this module renders; the build's units use the same.
THEME_TEMPLATE = "theme.html"
THEME_REGION_TEMPLATE = "theme_region.html"


def _section(
    group: Group | None, theme_id: str, rendered: Mapping[str, Rendered], lang: str
) -> tuple[str, Any] | None:
    """The version shown in `lang` and its section on the theme, if it has one."""
    if group is None:
        return None
    doc = group.best(lang)
    section = rendered[doc.id].sections.get(theme_id)
    return (doc.id, section) if section else None


def compared(
    previous: Group,
    shown: Document,
    theme_id: str,
    rendered: Mapping[str, Rendered],
    site: Site,
    other_unit: bool,
    lang: str,
    unmarked: str | None = None,
) -> dict[str, Any] | None:
    """The comparison of the section shown with the previous round's section in the same
    language; None when the previous round has no text in that language. Two languages
    are never compared: every word would count as changed. Texts of two units (a
    county's first round and its predecessor's last) are set side by side, not marked:
    another body wrote them, and their differences are not edits. `unmarked`: why the
    two are set side by side without marks whatever they are (a text not in the page's
    language)."""
    assert shown.meta is not None
    before = previous.version(shown.meta.lang)
    earlier = rendered[before.id].sections.get(theme_id) if before is not None else None
    now = rendered[shown.id].sections.get(theme_id)
    if before is None or earlier is None or now is None:
        return None
    assert before.meta is not None
    found = compare(earlier.blocks, now.blocks)
    marked = found.marked and not other_unit and unmarked is None
    why = unmarked or i18n.text("cmp_other_unit" if other_unit else "cmp_too_different", lang)
    return {
        "marked": marked,
        "why": None if marked else why,
        "summary": comparison.summary(found, lang) if marked else None,
        "parts": comparison.items(found, lang) if marked else [],
        # The legend names only the marks the comparison has.
        "moved": any(row.op == "moved_in" for row in found.rows),
        "before_html": None if marked else site.content(earlier.html),
        "after_html": None if marked else site.content(now.html),
        # The section's own notice stands above; the earlier text needs its own.
        "example": before.meta.example and not shown.meta.example,
        "lang": shown.meta.lang,
    }


def _elsewhere(
    site: Site,
    previous: Group,
    shown: Any,
    theme_id: str,
    page: str,
    entry_id: str,
    rendered: Mapping[str, Rendered],
    chrome: Chrome,
) -> dict[str, str] | None:
    """A link to the comparison on the page in the language the text is written in, when
    that page has one (both rounds have the text in that language)."""
    before = previous.version(shown.lang)
    if shown.lang not in site.languages or before is None:
        return None
    if rendered[before.id].sections.get(theme_id) is None:
        return None
    return {
        "href": chrome.href(page, shown.lang) + f"#cmp-{entry_id.removeprefix('r-')}",
        "text": chrome.t(
            "cmp_in_other_language", language=i18n.LANG_NAMES[shown.lang][chrome.lang]
        ),
        "lang": shown.lang,
    }


def has_sections(
    site: Site, theme_id: str, region_id: str, rendered: Mapping[str, Rendered]
) -> bool:
    """Whether the page of the theme for the region exists: some document in the region's
    history on the theme (its own rounds and its predecessors') has a section on it, in
    any of the site's languages, so the page exists in every language or in none. A unit
    with no round of the theme of its own has no row in the theme's matrix, and so no
    page that would only repeat its predecessors'."""
    return any(
        rendered[doc_id].sections.get(theme_id) for doc_id in _shown(site, theme_id, region_id)
    )


def _shown(site: Site, theme_id: str, region_id: str) -> tuple[str, ...]:
    """The documents whose sections decide whether the page of the theme for the unit
    exists, in the order they are asked: of each step of its documented history, the
    version shown in each of the site's languages; none for a unit with no round of the
    theme of its own. Kept per Site under all it reads (the front matter, the data
    files and the slots): the sections, which each caller gives (the rendered bodies, or
    the outlines' themes), are read anew on every call."""

    def make() -> tuple[str, ...]:
        if not eras.has_own_round(site, theme_id, region_id):
            return ()
        found = (
            group.best(lang).id
            for step in eras.documented_history(site, theme_id, region_id)
            if (group := site.slot("negotiation", step.round.id, step.region)) is not None
            for lang in site.languages
        )
        return tuple(dict.fromkeys(found))

    return tuple(site.remember(("theme-region-shown", f"{theme_id}\x1f{region_id}"), make))


def _predecessor(site: Site, region_id: str, chrome: Chrome) -> dict[str, Any]:
    """Whose round a predecessor's entry is, what that unit was and when."""
    ref = region_ref(site, region_id, chrome)
    unit = eras.unit_name(site, site.data.regions[region_id], chrome.lang)
    return {**ref, "unit": unit}


def theme_page(site: Site, theme_id: str, rendered: Mapping[str, Rendered], chrome: Chrome) -> Page:
    lang = chrome.lang
    theme = site.data.themes[theme_id]
    name = theme.name.get(lang)
    path = routes.theme(theme_id)
    rounds = site.rounds_with_theme(theme_id)
    # A theme's sections are in negotiation documents: units nobody negotiates with (the
    # whole country) have none to show.
    negotiated = [r for r in site.data.regions if eras.is_negotiated(site, site.data.regions[r])]
    groups = eras.grouped(site, negotiated, lang)
    tables = []
    for group in groups:
        regions = [site.data.regions[r] for r in group.regions]
        # The era's columns: the rounds in which any of its units existed.
        columns = [rnd for rnd in rounds if any(timeline.valid_in(r, rnd) for r in regions)]
        if not columns:
            continue
        rows = []
        for region in regions:
            cells: list[dict[str, Any]] = []
            for rnd in columns:
                if not timeline.valid_in(region, rnd):
                    # Not "no document": the unit did not exist, and nothing was expected.
                    cells.append({"round": None, "link": None, "note": chrome.t("outside_period")})
                    continue
                group_ = site.slot("negotiation", rnd.id, region.id)
                link = doc_link(site, group_, chrome)
                if link and _section(group_, theme_id, rendered, lang):
                    link["href"] += f"#{theme_id}"
                    cells.append({"round": rnd.id, "link": link, "note": None})
                else:
                    note = chrome.t("no_section" if link else "no_document")
                    cells.append({"round": rnd.id, "link": None, "note": note})
            exists = has_sections(site, theme_id, region.id, rendered)
            rows.append(
                {
                    "id": region.id,
                    "region": region.name.get(lang),
                    "href": chrome.href(routes.theme_region(theme_id, region.id))
                    if exists
                    else None,
                    "cells": cells,
                }
            )
        tables.append(
            {
                "heading": eras.heading(group, groups, lang),
                "unit_label": eras.unit_label(site, group.regions, lang),
                "rounds": [round_info(site, r, chrome) for r in columns],
                "rows": rows,
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
    context["other_names"] = other_names(site, theme.name, lang)
    context["tables"] = tables
    return Page(routes.localize(path, lang, site.default_lang), THEME_TEMPLATE, context)


def page_exists(
    site: Site, theme_id: str, region_id: str, rendered: Mapping[str, Rendered], texts: Texts
) -> bool:
    """Whether the unit's page of the theme for `texts` is made: a negotiation's when
    it has a section (`has_sections`), assessments' when two of them compare."""
    if texts.alone:
        return has_sections(site, theme_id, region_id, rendered)
    return len(lineage.line(site, theme_id, region_id, texts)) >= 2


def theme_region_page(
    site: Site,
    theme_id: str,
    region_id: str,
    rendered: Mapping[str, Rendered],
    chrome: Chrome,
    texts: Texts = NEGOTIATIONS,
) -> Page | None:
    """Every round of one theme in one region's history, newest first, each with what
    changed; `texts`: whose (the negotiation documents, or one body's assessments)."""
    # The page exists in every language or in none, so that its language links lead
    # somewhere: a translation without the section still shows the rounds.
    if not page_exists(site, theme_id, region_id, rendered, texts):
        return None
    lang = chrome.lang
    data = site.data
    entries: list[dict[str, Any]] = []
    # unit id -> (its document, round name, unit id, entry id) of its latest section so far
    latest: dict[str, tuple[Group, str, str, str]] = {}
    for step in eras.theme_history(site, theme_id, region_id):
        rnd, unit = step.round, data.regions[step.region]
        group = texts.group(site, rnd.id, unit.id)
        found = _section(group, theme_id, rendered, lang)
        section = found[1] if found else None
        entry: dict[str, Any] = {
            "id": f"r-{rnd.id}" if step.own else f"r-{rnd.id}-{unit.id}",
            "round": round_info(site, rnd, chrome),
            "predecessor": None if step.own else _predecessor(site, unit.id, chrome),
            "doc": doc_link(site, group, chrome),
            "section": None,
            "diff": None,
            "first": None,
            "example": False,
            "elsewhere": None,
        }
        if section and found and group:
            entry["section"] = {"title": section.title, "html": site.content(section.html)}
            previous = latest.get(unit.id)
            label = chrome.t("changes_since", round=previous[1]) if previous else ""
            before = timeline.predecessors(data, unit)
            if previous is None and len(before) == 1 and before[0].id in latest:
                # The first section of a unit that took over from one other: its
                # predecessor's last section is what it continues.
                previous = latest[before[0].id]
                label = chrome.t(
                    "changes_since_predecessor", region=before[0].name.get(lang), round=previous[1]
                )
            shown = site.published[found[0]].meta
            assert shown is not None
            entry["example"] = shown.example
            if previous is not None and shown.lang != lang and previous[0].version(shown.lang):
                # A text the page's language does not have is shown, never marked: a
                # Swedish page does not strike through Finnish words. (Where the previous
                # round lacks the text's language too, `not_compared` below says so.)
                entry["first"] = chrome.t(
                    "cmp_not_in_language", language=i18n.LANG_NAMES[lang][lang]
                )
                entry["elsewhere"] = _elsewhere(
                    site,
                    previous[0],
                    shown,
                    theme_id,
                    texts.page(theme_id, region_id),
                    entry["id"],
                    rendered,
                    chrome,
                )
            elif previous is not None:
                other_unit = previous[2] != unit.id
                entry["diff"] = compared(
                    previous[0],
                    site.published[found[0]],
                    theme_id,
                    rendered,
                    site,
                    other_unit,
                    lang,
                )
                if entry["diff"] is not None:
                    entry["diff"]["label"] = label
                    entry["diff"]["id"] = f"cmp-{entry['id'].removeprefix('r-')}"
                    entry["diff"]["before"] = previous[1]
                    entry["diff"]["before_href"] = f"#{previous[3]}"
                    entry["diff"]["after"] = rnd.name.get(lang)
                else:
                    entry["first"] = chrome.t(
                        "not_compared",
                        round=previous[1],
                        language=i18n.LANG_NAMES[shown.lang][lang],
                    )
            else:
                # Earlier sections on the page are other units' (predecessors' lines that
                # met here): this is only the first of this unit's own.
                entry["first"] = chrome.t("first_round_of_unit" if latest else "first_round")
            latest[unit.id] = (group, rnd.name.get(lang), unit.id, entry["id"])
        entries.append(entry)
    theme_name = site.data.themes[theme_id].name.get(lang)
    region_name = site.data.regions[region_id].name.get(lang)
    path = texts.page(theme_id, region_id)
    label = texts.label(site, lang)
    title = f"{theme_name}: {region_name}" + (f" – {label}" if label else "")
    trail = [
        Crumb(chrome.t("themes"), routes.THEMES),
        Crumb(theme_name, routes.theme(theme_id)),
        Crumb(region_name, routes.theme_region(theme_id, region_id)),
    ]
    if label:
        trail.append(Crumb(label, path))
    context = chrome.context(path=path, title=title, section=routes.THEMES, trail=trail)
    context["entries"] = list(reversed(entries))
    # Which two rounds to compare: the pairs next to each other lead to the entries
    # here, a round against the latest to a page of its own.
    context["choose"] = chooser(site, theme_id, region_id, chrome, texts=texts)
    context["theme_href"] = chrome.href(routes.theme(theme_id))
    # The unit's recommended actions on the theme, compared round by round.
    context["recommendations_href"] = (
        chrome.href(RECOMMENDATIONS.page(theme_id, region_id))
        if texts.alone and theme_recs.page_exists(site, theme_id, region_id)
        else None
    )
    return Page(routes.localize(path, lang, site.default_lang), THEME_REGION_TEMPLATE, context)
