"""The parts of pages made once per language and build (issue 29): a round's facts, a
link to a document, the navigation, the chooser of two rounds. Each is what making it
anew for every page gives, for every round, document, section and line of a site, in
Finnish and Swedish; and a page that changes its copy changes no other page's."""

from __future__ import annotations

from typing import Any

import pytest
from test_compare_pairs import pairs_project

from soteneg import pipeline
from soteneg.core import routes
from soteneg.site import i18n, lineage
from soteneg.site.index import BuildOptions, Site, build_site
from soteneg.site.pages import parts
from soteneg.site.pages.choose import chooser, ids, step_name
from soteneg.site.pages.page import Chrome
from soteneg.site.texts import NEGOTIATIONS, RECOMMENDATIONS, Texts, assessed


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The golden site with a line of three rounds (so pairs with pages of their own) and
    an assessment's line."""
    root = pairs_project(tmp_path_factory.mktemp("kept"))
    return build_site(pipeline.check(root, pdf=False).content, BuildOptions())


def _chromes(site: Site) -> list[Chrome]:
    return [Chrome(site, lang, lambda name: f"/static/{name}") for lang in site.languages]


def test_a_rounds_facts_and_a_documents_link_are_each_their_own(site: Site) -> None:
    for chrome in _chromes(site):
        # Asked in turn, each from the one kept for the language.
        for rnd in site.rounds:
            assert parts.round_info(site, rnd, chrome) == parts._round_info(site, rnd, chrome)
        for group in site.groups.values():
            assert parts.doc_link(site, group, chrome) == parts._doc_link(site, group, chrome)
        for section in ("/", routes.ROUNDS, routes.THEMES, routes.SEARCH):
            assert chrome.nav(section) == chrome._nav(section)
    fi, sv = _chromes(site)
    rnd = site.rounds[0]
    assert parts.round_info(site, rnd, fi)["name"] == rnd.name.fi
    assert parts.round_info(site, rnd, sv)["name"] == rnd.name.sv


def test_a_page_that_changes_its_copy_changes_no_other(site: Site) -> None:
    chrome = _chromes(site)[0]
    rnd = site.rounds[0]
    group = next(iter(site.groups.values()))
    info = parts.round_info(site, rnd, chrome)
    link = parts.doc_link(site, group, chrome)
    assert link is not None
    info["name"] = "changed"
    link["href"] += "#theme"  # what the theme's matrix does to its cells' links
    assert parts.round_info(site, rnd, chrome)["name"] == rnd.name.fi
    assert parts.doc_link(site, group, chrome) == parts._doc_link(site, group, chrome)


def _made_anew(
    site: Site,
    theme_id: str,
    region_id: str,
    chrome: Chrome,
    current: tuple[str, str] | None,
    texts: Texts,
) -> dict[str, Any] | None:
    """The chooser as it was made for every page before it was kept (commit d55e6f1)."""
    steps = lineage.line(site, theme_id, region_id, texts)
    if len(steps) < 2:
        return None
    names = [step_name(site, s, chrome.lang) for s in steps]
    page = texts.page(theme_id, region_id)
    links: dict[tuple[int, int], dict[str, Any]] = {}
    for pair in lineage.pairs(steps):
        before, after = steps[pair.before], steps[pair.after]
        if pair.adjacent:
            href = chrome.href(page) + "#" + lineage.entry_id(after)
        else:
            href = chrome.href(texts.pair(theme_id, region_id, *ids(before, after)))
        is_current = not pair.adjacent and current == ids(before, after)
        text = chrome.t("cmp_choose_current" if is_current else "cmp_choose_link")
        links[(pair.before, pair.after)] = {
            "href": href,
            "text": names[pair.after] if pair.adjacent else text,
            "pair": chrome.t("cmp_pair", before=names[pair.before], after=names[pair.after]),
            "current": is_current,
        }
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


def test_the_chooser_is_the_one_each_page_made_for_itself(site: Site) -> None:
    """Kept per line and language, with only the current pair's cell made per page: every
    line's table, with no pair current and with each pair current in turn (asked in an
    order where a cell left current would show on the next page), is the one made
    anew."""
    lines = [(NEGOTIATIONS, t, r) for t in site.data.themes for r in site.data.regions]
    lines += [(RECOMMENDATIONS, t, r) for t in site.data.themes for r in site.data.regions]
    lines += list(assessed(site))
    far_lines = 0
    for chrome in _chromes(site):
        for texts, theme_id, region_id in lines:
            far_pairs = lineage.far_pairs(site, theme_id, region_id, texts)
            steps = lineage.line(site, theme_id, region_id, texts)
            pairs = lineage.pairs(steps)
            assert far_pairs == tuple(
                (steps[p.before], steps[p.after]) for p in pairs if p.after > p.before + 1
            )
            far = [ids(b, a) for b, a in far_pairs]
            far_lines += bool(far)
            for current in [None, *far, None, ("x", "y")]:
                kept = chooser(site, theme_id, region_id, chrome, current, texts)
                made = _made_anew(site, theme_id, region_id, chrome, current, texts)
                assert kept == made, (texts.key, theme_id, region_id, chrome.lang, current)
    assert far_lines >= 2  # a line with a pair of its own, in both languages
    # The lines differ, and so do the languages: a table kept under a key that left
    # either out would have shown another's.
    sv = _chromes(site)[1]
    table = chooser(site, "saatavuus", "etela-savo-hva", sv)
    assert table is not None
    assert table["columns"][0] == i18n.text("cmp_choose_next", "sv")
