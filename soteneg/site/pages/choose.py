"""The chooser of two rounds of a unit's line on a theme (site.lineage), plain links in
a table of the earlier round (rows) by the later (columns): a pair next to each other
leads to its comparison on the theme's page of the unit, a round against the latest to
a page of its own (pages.theme_pairs), where that pair is `aria-current`."""

from __future__ import annotations

from typing import Any

from soteneg.site import i18n, lineage
from soteneg.site.eras import Step
from soteneg.site.index import Site
from soteneg.site.pages.page import Chrome
from soteneg.site.texts import NEGOTIATIONS, Texts


def step_name(site: Site, step: Step, lang: str) -> str:
    """A round of the line as the chooser names it; a predecessor's with its name."""
    name = step.round.name.get(lang)
    if step.own:
        return name
    region = site.data.regions[step.region].name.get(lang)
    return i18n.text("cmp_round_of", lang, round=name, region=region)


def chooser(
    site: Site,
    theme_id: str,
    region_id: str,
    chrome: Chrome,
    current: tuple[str, str] | None = None,
    texts: Texts = NEGOTIATIONS,
) -> dict[str, Any] | None:
    """The table of pairs for the unit's line on the theme; `current` is the pair the page
    shows (round ids). None when the line has fewer than two texts."""
    steps = lineage.line(site, theme_id, region_id, texts)
    if len(steps) < 2:
        return None
    lang = chrome.lang
    names = [step_name(site, s, lang) for s in steps]
    page = texts.page(theme_id, region_id)
    links: dict[tuple[int, int], dict[str, Any]] = {}
    for pair in lineage.pairs(steps):
        before, after = steps[pair.before], steps[pair.after]
        if pair.adjacent:
            # The later round's entry on the theme's page holds its comparison.
            href = chrome.href(page) + "#" + lineage.entry_id(after)
        else:
            href = chrome.href(texts.pair(theme_id, region_id, *ids(before, after)))
        is_current = not pair.adjacent and current == ids(before, after)
        links[(pair.before, pair.after)] = {
            "href": href,
            "text": chrome.t("cmp_choose_current" if is_current else "cmp_choose_link"),
            "pair": chrome.t("cmp_pair", before=names[pair.before], after=names[pair.after]),
            "current": is_current,
        }
    rows = [
        {"name": names[n], "cells": [links.get((n, m)) for m in range(1, len(steps))]}
        for n in range(len(steps) - 1)
    ]
    return {"columns": names[1:], "rows": rows}


def ids(before: Step, after: Step) -> tuple[str, str]:
    return (before.round.id, after.round.id)
