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
    # The table is the same on the unit's theme page and every pair page of the line but
    # for the current pair: made once per language, and only the current cell made anew
    # (the pair pages asked for the whole table each, a sixth of their contexts' time).
    key = f"{texts.key}/{theme_id}/{region_id}"
    table = chrome.kept(("chooser", key), lambda: _table(site, theme_id, region_id, chrome, texts))
    if table is None:
        return None
    columns, rows, far = table
    where = far.get(tuple(current)) if current is not None else None
    if where is None:
        return {"columns": columns, "rows": rows}
    n, k = where
    rows = list(rows)
    cells = list(rows[n]["cells"])
    cells[k] = {**cells[k], "text": chrome.t("cmp_choose_current"), "current": True}
    rows[n] = {**rows[n], "cells": cells}
    return {"columns": columns, "rows": rows}


# The table's columns and rows, none of its pairs current, and where each pair that has
# a page of its own is in it: (before, after) round ids -> (row, cell).
_Table = tuple[list[str], list[dict[str, Any]], dict[tuple[str, str], tuple[int, int]]]


def _table(
    site: Site, theme_id: str, region_id: str, chrome: Chrome, texts: Texts
) -> _Table | None:
    steps = lineage.line(site, theme_id, region_id, texts)
    if len(steps) < 2:
        return None
    lang = chrome.lang
    names = [step_name(site, s, lang) for s in steps]
    page = texts.page(theme_id, region_id)
    links: dict[tuple[int, int], dict[str, Any]] = {}
    far: dict[tuple[str, str], tuple[int, int]] = {}
    last = len(steps) - 1
    for pair in lineage.pairs(steps):
        before, after = steps[pair.before], steps[pair.after]
        if pair.adjacent:
            # The later round's entry on the theme's page holds its comparison.
            href = chrome.href(page) + "#" + lineage.entry_id(after)
        else:
            href = chrome.href(texts.pair(theme_id, region_id, *ids(before, after)))
            # Its cell: the latest's column of its row (only pairs with the latest, not
            # next to each other, have pages); the first such pair if two have the ids.
            if pair.after == last:
                far.setdefault(ids(before, after), (pair.before, 1))
        links[(pair.before, pair.after)] = {
            "href": href,
            # The next round's column names each its own round; the latest's is one.
            "text": names[pair.after] if pair.adjacent else chrome.t("cmp_choose_link"),
            "pair": chrome.t("cmp_pair", before=names[pair.before], after=names[pair.after]),
            "current": False,
        }
    # Two columns, not one per round: a line may have dozens of rounds, and the pairs
    # are each round's next and the latest's few (lineage.pairs).
    rows = [
        {
            "name": names[n],
            "cells": [links[(n, n + 1)], links.get((n, last)) if n + 1 < last else None],
        }
        for n in range(last)
    ]
    columns = [chrome.t("cmp_choose_next"), chrome.t("cmp_choose_latest", round=names[last])]
    return columns, rows, far


def ids(before: Step, after: Step) -> tuple[str, str]:
    return (before.round.id, after.round.id)
