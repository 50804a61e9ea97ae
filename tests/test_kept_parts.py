"""The parts of pages made once per language and build (issue 29): a round's facts, a
link to a document, the navigation. Each is what making it anew for every page gives,
for every round, document and section of a site, in Finnish and Swedish; and a page that
changes its copy changes no other page's."""

from __future__ import annotations

import pytest
from test_compare_pairs import pairs_project

from soteneg import pipeline
from soteneg.core import routes
from soteneg.site.index import BuildOptions, Site, build_site
from soteneg.site.pages import parts
from soteneg.site.pages.page import Chrome


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
