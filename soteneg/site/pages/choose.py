"""The chooser of two rounds of a unit's line on a theme (site.lineage), plain links in
a table of the earlier round (rows) by the later (columns: the next round, the latest):
a pair next to each other leads to its comparison on the theme's page of the unit, a
round against the latest to a page of its own (pages.theme_pairs), where that pair is
`aria-current`."""

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
        text = chrome.t("cmp_choose_current" if is_current else "cmp_choose_link")
        links[(pair.before, pair.after)] = {
            "href": href,
            # The next round's column names each its own round; the latest's is one.
            "text": names[pair.after] if pair.adjacent else text,
            "pair": chrome.t("cmp_pair", before=names[pair.before], after=names[pair.after]),
            "current": is_current,
        }
    # Two columns, not one per round: a line may have dozens of rounds, and the pairs
    # are each round's next and the latest's few (lineage.pairs).
    last = len(steps) - 1
    rows = [
        {
            "name": names[n],
            "cells": [links[(n, n + 1)], links.get((n, last)) if n + 1 < last else None],
        }
        for n in range(last)
    ]
    columns = [chrome.t("cmp_choose_next"), chrome.t("cmp_choose_latest", round=names[last])]
    return {"columns": columns, "rows": rows}


def ids(before: Step, after: Step) -> tuple[str, str]:
    return (before.round.id, after.round.id)
