"""The build's units of the pages that compare one expert body's assessments of a unit
on a theme (site.texts): the page of every round and the pages of two rounds; and of
the pages that compare a unit's recommended actions on a theme round by round. Apart from
units.py, which plans every other page, so that neither grows past what one file can be
read in; units.plan_units calls this with its own `add` and `section` keys."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from soteneg.build.replan import Ends
from soteneg.markdown.html import Rendered
from soteneg.site import recommendations as recs
from soteneg.site import texts as tx
from soteneg.site.index import Group, Site
from soteneg.site.pages import theme_pairs as tp
from soteneg.site.pages import theme_recs as tr
from soteneg.site.pages import themes as th
from soteneg.site.pages.page import Chrome, Page

# A unit's name, template, the parts of its fingerprint (asked for only when it is
# computed: units.plan_units may keep the last plan's), and how its page is made.
Add = Callable[[str, str, Callable[[], list[str]], Callable[[], Page | None]], None]
Section = Callable[[str | None, str, str], str]
# A unit's line on a theme -> its pairs with a page of their own (replan.far_ends), asked
# in every language: the plan keeps them from the last one of the same structure.
Far = Callable[[str, str, tx.Texts], tuple[Ends, ...]]


def plan_pairs(
    site: Site,
    rendered: Mapping[str, Rendered],
    chrome: Chrome,
    lang: str,
    add: Add,
    where: tuple[str, str, tx.Texts],
    line_key: Callable[[], str],
    shown: Callable[[str | None, str], str],
    far: Far,
) -> None:
    """The pages of two rounds of a unit's line on a theme (`where`: theme, unit, whose
    texts) that are not next to each other. Each reads the line's shape (`line_key`:
    which rounds have a text on the theme, for the chooser) and the two texts it compares
    in every language, not the line's other texts: an edit of one round's section makes
    again only the pairs that show it (at 5000 documents, 25 pages for one edit instead
    of 65)."""
    theme_id, region_id, texts = where
    kind = "theme-pair" if texts.alone else "theme-assessments-pair"
    name = f"{theme_id}:{region_id}" if texts.alone else f"{texts.key}:{theme_id}:{region_id}"
    for before, after in far(theme_id, region_id, texts):
        ids = (before[0], after[0])
        groups = [texts.group(site, *step) for step in (before, after)]

        def parts(groups: list[Group | None] = groups) -> list[str]:
            return [line_key(), *(shown(g.id if g else None, theme_id) for g in groups)]

        add(
            f"{kind}:{name}:{ids[0]}:{ids[1]}:{lang}",
            tp.PAIR_TEMPLATE,
            parts,
            lambda t=theme_id, r=region_id, ids=ids, x=texts: tp.pair_page(
                site, t, r, *ids, rendered, chrome, x
            ),
        )


def plan_assessments(
    site: Site,
    rendered: Mapping[str, Rendered],
    chrome: Chrome,
    lang: str,
    add: Add,
    section: Section,
    sections: Callable[[str | None, str], str],
    shown: Callable[[str | None, str], str],
    far: Far,
) -> None:
    """The units of the assessment comparisons in `lang`. Each reads the assessments of
    the unit's history on the theme, in every language (a comparison reads the earlier
    text in the language of the one shown)."""
    for texts, theme_id, region_id in tx.assessed(site):
        groups = [
            texts.group(site, s.round.id, s.region)
            for s in texts.history(site, theme_id, region_id)
        ]
        ids = [g.id if g else None for g in groups]

        def parts(ids: list[str | None] = ids, theme_id: str = theme_id) -> list[str]:
            return [section(g, theme_id, o) for g in ids for o in site.languages]

        add(
            f"theme-assessments:{texts.key}:{theme_id}:{region_id}:{lang}",
            th.THEME_REGION_TEMPLATE,
            parts,
            lambda t=theme_id, r=region_id, x=texts: th.theme_region_page(
                site, t, r, rendered, chrome, x
            ),
        )

        def shape(ids: list[str | None] = ids) -> str:
            """The line's shape: which of its documents have a section on the theme."""
            return "\x1f".join(sections(g, o) for g in ids for o in site.languages)

        where = (theme_id, region_id, texts)
        plan_pairs(site, rendered, chrome, lang, add, where, shape, shown, far)


def plan_recommendations(
    site: Site,
    chrome: Chrome,
    lang: str,
    add: Add,
    advised: Callable[[str], str],
    theme_region: Callable[[str, str], tuple[Callable[[], str], Callable[[], bool]]],
    far: Far,
) -> None:
    """The units of the recommendations compared in `lang`. Each reads what every
    negotiation document of the unit, its predecessors and successors, recommends and
    follows up (`advised`), and whether the unit's page of the theme's texts exists, to
    link to it (`theme_region`: its key and the answer)."""
    for theme_id, region_id in tx.recommended(site):
        if not tr.page_exists(site, theme_id, region_id):
            continue
        key, linked = theme_region(theme_id, region_id)

        def parts(key: Callable[[], str] = key, region_id: str = region_id) -> list[str]:
            return [key(), *(advised(g) for g in recs.kin_documents(site, region_id))]

        add(
            f"theme-recommendations:{theme_id}:{region_id}:{lang}",
            tr.TEMPLATE,
            parts,
            lambda t=theme_id, r=region_id, linked=linked: tr.theme_recommendations_page(
                site, t, r, chrome, linked()
            ),
        )
        # Two rounds of the line that are not next to each other: they read the same.
        for before, after in far(theme_id, region_id, tx.RECOMMENDATIONS):
            ids = (before[0], after[0])
            add(
                f"theme-recommendations-pair:{theme_id}:{region_id}:{':'.join(ids)}:{lang}",
                tr.PAIR_TEMPLATE,
                parts,
                lambda t=theme_id, r=region_id, ids=ids, linked=linked: tr.pair_page(
                    site, t, r, ids, chrome, linked()
                ),
            )
