"""Choosing two rounds of a unit's line on a theme to compare, with plain links, and the
page of a pair that is not next to each other (site.lineage says which pairs exist).

The chooser (pages.choose) leads here for a round against the latest; the pair shown
is `aria-current` in it. The page compares
the two as the theme's page does (pages.themes.compared): across a change of unit the
texts stand side by side unmarked, and a text not in the page's language is never
marked.
"""

from __future__ import annotations

from collections.abc import Mapping

from soteneg.core import routes
from soteneg.markdown.html import Rendered
from soteneg.site import i18n, lineage
from soteneg.site.index import Site
from soteneg.site.pages.choose import chooser, ids, step_name
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import doc_link
from soteneg.site.pages.themes import compared
from soteneg.site.texts import NEGOTIATIONS, Texts

PAIR_TEMPLATE = "theme_pair.html"


def pair_page(
    site: Site,
    theme_id: str,
    region_id: str,
    before_id: str,
    after_id: str,
    rendered: Mapping[str, Rendered],
    chrome: Chrome,
    texts: Texts = NEGOTIATIONS,
) -> Page | None:
    """Two rounds of the unit's line compared; None for a pair the line does not offer."""
    found = next(
        (
            (b, a)
            for b, a in lineage.far_pairs(site, theme_id, region_id, texts)
            if ids(b, a) == (before_id, after_id)
        ),
        None,
    )
    if found is None:
        return None
    before, after = found
    lang = chrome.lang
    earlier = texts.group(site, before.round.id, before.region)
    later = texts.group(site, after.round.id, after.region)
    assert earlier is not None and later is not None
    shown = later.best(lang)
    assert shown.meta is not None
    names = (step_name(site, before, lang), step_name(site, after, lang))
    theme_page = texts.page(theme_id, region_id)
    # A text the page's language does not have is set beside the earlier one unmarked;
    # the page in the text's language marks it.
    other_language = shown.meta.lang != lang
    why = chrome.t("cmp_not_in_language", language=i18n.LANG_NAMES[lang][lang])
    diff = None
    if rendered[shown.id].sections.get(theme_id) is not None:
        diff = compared(
            earlier,
            shown,
            theme_id,
            rendered,
            site,
            before.region != after.region,
            lang,
            unmarked=why if other_language else None,
        )
    path = texts.pair(theme_id, region_id, before_id, after_id)
    if diff is not None:
        diff.update(
            id="cmp",
            label=chrome.t("cmp_changes_pair", before=names[0], after=names[1]),
            before=names[0],
            after=names[1],
            before_href=chrome.href(theme_page) + "#" + lineage.entry_id(before),
        )
    elsewhere = None
    if other_language and shown.meta.lang in site.languages:
        elsewhere = {
            "href": chrome.href(path, shown.meta.lang),
            "text": chrome.t(
                "cmp_in_other_language", language=i18n.LANG_NAMES[shown.meta.lang][lang]
            ),
            "lang": shown.meta.lang,
        }
    theme_name = site.data.themes[theme_id].name.get(lang)
    region_name = site.data.regions[region_id].name.get(lang)
    label = texts.label(site, lang)
    context_name = f"{theme_name}: {region_name}" + (f" – {label}" if label else "")
    pair_name = chrome.t("cmp_pair", before=names[0], after=names[1])
    context = chrome.context(
        path=path,
        title=f"{context_name} – {pair_name}",
        section=routes.THEMES,
        trail=[
            Crumb(chrome.t("themes"), routes.THEMES),
            Crumb(theme_name, routes.theme(theme_id)),
            Crumb(region_name, routes.theme_region(theme_id, region_id)),
            *([Crumb(label, theme_page)] if label else []),
            Crumb(pair_name, path),
        ],
    )
    context["heading"] = context_name
    context["kicker"] = None
    context["pair"] = pair_name
    context["every_round_href"] = chrome.href(theme_page)
    context["choose"] = chooser(site, theme_id, region_id, chrome, (before_id, after_id), texts)
    context["documents"] = [doc_link(site, earlier, chrome), doc_link(site, later, chrome)]
    context["diff"] = diff
    context["example"] = shown.meta.example
    context["elsewhere"] = elsewhere
    context["note"] = (
        None
        if diff is not None
        else chrome.t(
            "not_compared", round=names[0], language=i18n.LANG_NAMES[shown.meta.lang][lang]
        )
    )
    return Page(routes.localize(path, lang, site.default_lang), PAIR_TEMPLATE, context)
