"""A unit's recommended actions on a theme compared round by round (issue 27), at
/teemat/<theme>/<unit>/suositukset/ where two rounds of its line (site.lineage, with
site.texts.RECOMMENDATIONS) give or follow up recommendations on the theme.

Each round, newest first, shows the recommendations its document gives on the theme and
how they differ from the previous round's (site.compare_recs), block by block as a
section's text is compared; beside each earlier recommendation stands what the later
round's document said of its follow-up, or that it said nothing. A page compares the
texts in its own language; where the later round has none, the original is shown whole,
unmarked, and the page says the text is missing in its language. Across a change of unit
(a county's first round after its predecessor's) the two lists stand side by side
unmarked, as sections do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from soteneg.content.front_matter import Negotiation, Recommendation
from soteneg.core import routes
from soteneg.markdown.blocks import Block
from soteneg.site import i18n, lineage, negotiation, texts
from soteneg.site import recommendations as recs
from soteneg.site.compare_recs import block, compare_blocks
from soteneg.site.eras import Step
from soteneg.site.index import Group, Site
from soteneg.site.pages import comparison
from soteneg.site.pages.choose import chooser, step_name
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import doc_link, round_info
from soteneg.site.texts import RECOMMENDATIONS

TEMPLATE = "theme_recommendations.html"
# Two rounds compared: pages.theme_pairs' template (not imported: it imports pages.themes,
# which links here).
PAIR_TEMPLATE = "theme_pair.html"


def page_exists(site: Site, theme_id: str, region_id: str) -> bool:
    """Whether the unit's page of recommendations on the theme is made: two rounds of its
    line give or follow up recommendations on it. Only the candidates' lines are read
    (texts.recommended): a line reads the unit's whole history on the theme."""
    candidates = site.remember(("recommended-set", ""), lambda: frozenset(texts.recommended(site)))
    if (theme_id, region_id) not in candidates:
        return False
    return len(lineage.line(site, theme_id, region_id, RECOMMENDATIONS)) >= 2


def links(site: Site, group: Group, chrome: Chrome) -> list[dict[str, str]]:
    """Links to the comparisons of the unit's recommendations on each theme that its
    negotiation document gives or follows up recommendations on, in the round's order of
    themes: the pages that exist."""
    meta = group.original.meta
    region_id = getattr(meta, "region", "")
    rnd = site.data.rounds.get(getattr(meta, "round", "") or "")
    if rnd is None or region_id not in site.data.regions:
        return []
    return [
        {
            "name": chrome.t(
                "recommendations_compared_link",
                theme=site.data.themes[theme_id].name.get(chrome.lang),
            ),
            "href": chrome.href(RECOMMENDATIONS.page(theme_id, region_id)),
        }
        for theme_id in rnd.themes
        if theme_id in site.data.themes
        and RECOMMENDATIONS.has(site, group, theme_id)
        and page_exists(site, theme_id, region_id)
    ]


def given(group: Group, theme_id: str, lang: str) -> tuple[str, list[Recommendation]]:
    """(the language they are written in, the recommendations on the theme) that the
    document gives, in the version shown in `lang`: its own, else the original's. Which
    ones are the original's: a translation gives the same ids."""
    original = group.original.meta
    assert isinstance(original, Negotiation)
    shown = group.best(lang)
    assert shown.meta is not None
    found = [
        recs.in_version(shown, r.id) or r for r in original.recommendations if r.theme == theme_id
    ]
    return shown.meta.lang, found


def _follow_up(
    site: Site, followers: list[tuple[Group, str]], rec: Recommendation, chrome: Chrome
) -> dict[str, Any]:
    """What the latest of `followers` (the documents of the rounds after the earlier one
    up to the later, newest first, with their rounds' names) says of an earlier
    recommendation's follow-up, in the page's language where the document has a version
    in it; said plainly if the later round's says nothing."""
    lang = chrome.lang
    found = next(
        (
            (group, name, follow)
            for group, name in followers
            if (follow := recs.follow_up_in_version(group.original, rec.id)) is not None
        ),
        None,
    )
    if found is None:
        return {"none": chrome.t("not_followed_up_round", round=followers[0][1])}
    later, round_name, follow = found
    shown = later.best(lang)
    assert shown.meta is not None
    # The version's own words where it has them, else the original's, in its language.
    own = recs.follow_up_in_version(shown, rec.id)
    words = own or follow
    written = shown.meta.lang if own is not None else later.original_lang
    other = written if words.note and written != lang else None
    return {
        "none": None,
        "label": chrome.t("followed_up_round", round=round_name),
        "href": chrome.link(site.url(shown)) + "#" + negotiation.follow_up_anchor(rec.id),
        "key": follow.status,
        "text": negotiation.status_text(follow.status, lang),
        "note": words.note,
        "lang": other,
        "language": chrome.t("written_in", language=negotiation.language_name(other, lang))
        if other
        else None,
    }


def _diff(
    site: Site,
    pair: tuple[Step, Step],
    groups: tuple[Group, Group],
    theme_id: str,
    chrome: Chrome,
    between: Sequence[tuple[Group, str]] = (),
) -> dict[str, Any]:
    """The comparison of the earlier round's recommendations on the theme with the
    later's, for templates/partials/comparison.html, each earlier one with its follow-up
    (in the later round's document, else the latest of `between`: the documents of the
    rounds between the two, newest first)."""
    lang = chrome.lang
    (before, after), (earlier, later) = pair, groups
    names = (step_name(site, before, lang), step_name(site, after, lang))
    later_lang, now = given(later, theme_id, lang)
    # The earlier list in the language of the later one shown: two languages are never
    # compared, a Finnish list is never marked on a Swedish page.
    if earlier.version(later_lang) is not None:
        then_lang, then = later_lang, given(earlier, theme_id, later_lang)[1]
    else:
        then_lang, then = given(earlier, theme_id, lang)
    # Keyed by the block object, not its words: two recommendations of the same words
    # (two ids) each keep their own follow-up.
    then_blocks = [block(r, lang) for r in then]
    followers = [(later, names[1]), *between]
    by_block = {
        id(b): _follow_up(site, followers, rec, chrome)
        for b, rec in zip(then_blocks, then, strict=True)
    }

    def follows(shown: Block) -> dict[str, Any] | None:
        return by_block.get(id(shown))

    why = None
    if later_lang != lang:
        why = chrome.t("cmp_not_in_language", language=i18n.LANG_NAMES[lang][lang])
    elif then_lang != later_lang:
        why = chrome.t("not_compared", round=names[0], language=i18n.LANG_NAMES[lang][lang])
    elif before.region != after.region:
        why = chrome.t("cmp_other_unit_recommendations")
    found = compare_blocks(then_blocks, [block(r, lang) for r in now])
    earlier_meta = earlier.original.meta
    later_meta = later.original.meta
    assert earlier_meta is not None and later_meta is not None
    diff: dict[str, Any] = {
        "marked": why is None,
        "why": why,
        "summary": comparison.summary(found, lang) if why is None else None,
        "parts": comparison.items(found, lang, follows) if why is None else [],
        "moved": any(row.op == "moved_in" for row in found.rows),
        "before_html": None,
        "after_html": None,
        "example": earlier_meta.example and not later_meta.example,
        "lang": later_lang,
        "before_lang": then_lang,
        "id": f"cmp-{lineage.entry_id(after).removeprefix('r-')}",
        "label": chrome.t("changes_since", round=names[0]),
        "before": names[0],
        "after": names[1],
        "before_href": f"#{lineage.entry_id(before)}",
    }
    if why is not None:
        # Shown whole, side by side: each earlier one still with its follow-up.
        diff["before_rows"] = [comparison.whole(b, follows) for b in then_blocks]
        diff["after_rows"] = [comparison.whole(block(r, lang)) for r in now]
    return diff


def _entry(site: Site, step: Step, group: Group, theme_id: str, chrome: Chrome) -> dict[str, Any]:
    lang = chrome.lang
    written, found = given(group, theme_id, lang)
    meta = group.original.meta
    assert meta is not None
    items = []
    for rec in found:
        number = next(
            n for n, r in enumerate(getattr(meta, "recommendations", ()), start=1) if r.id == rec.id
        )
        item = negotiation.recommendation_item(
            site, rec, number, written, lang, chrome.link, prefix=f"{step.round.id}_"
        )
        item["theme"] = None
        items.append(item)
    predecessor = None
    if not step.own:
        predecessor = site.data.regions[step.region].name.get(lang)
    return {
        "id": lineage.entry_id(step),
        "round": round_info(site, step.round, chrome),
        "predecessor": predecessor,
        "doc": doc_link(site, group, chrome),
        "example": meta.example,
        "recs": items,
        "notice": i18n.text(
            "recommendations_original_only",
            lang,
            language=negotiation.language_name(written, lang),
        )
        if written != lang and items
        else None,
        "diff": None,
        "first": None,
    }


def _trail(
    site: Site, theme_id: str, region_id: str, chrome: Chrome, theme_region: bool
) -> list[Crumb]:
    """Themes, the theme, the unit (its page of the theme's texts where it has one, else
    its own) and the unit's recommendations on the theme."""
    lang = chrome.lang
    return [
        Crumb(chrome.t("themes"), routes.THEMES),
        Crumb(site.data.themes[theme_id].name.get(lang), routes.theme(theme_id)),
        Crumb(
            site.data.regions[region_id].name.get(lang),
            routes.theme_region(theme_id, region_id) if theme_region else routes.region(region_id),
        ),
        Crumb(chrome.t("recommendations"), RECOMMENDATIONS.page(theme_id, region_id)),
    ]


def theme_recommendations_page(
    site: Site, theme_id: str, region_id: str, chrome: Chrome, theme_region: bool
) -> Page | None:
    """The unit's recommendations on the theme, every round of its line compared with the
    previous one; None where fewer than two rounds give or follow any up. `theme_region`:
    whether the unit's page of the theme's texts exists, to link to it."""
    steps = lineage.line(site, theme_id, region_id, RECOMMENDATIONS)
    if len(steps) < 2:
        return None
    lang = chrome.lang
    entries = []
    for n, step in enumerate(steps):
        group = RECOMMENDATIONS.group(site, step.round.id, step.region)
        assert group is not None
        entry = _entry(site, step, group, theme_id, chrome)
        if n == 0:
            entry["first"] = chrome.t("recommendations_first")
        else:
            earlier = RECOMMENDATIONS.group(site, steps[n - 1].round.id, steps[n - 1].region)
            assert earlier is not None
            entry["diff"] = _diff(site, (steps[n - 1], step), (earlier, group), theme_id, chrome)
        entries.append(entry)
    theme_name = site.data.themes[theme_id].name.get(lang)
    region_name = site.data.regions[region_id].name.get(lang)
    path = RECOMMENDATIONS.page(theme_id, region_id)
    context = chrome.context(
        path=path,
        title=f"{theme_name}: {region_name} – {chrome.t('recommendations')}",
        section=routes.THEMES,
        trail=_trail(site, theme_id, region_id, chrome, theme_region),
    )
    context["subject"] = f"{theme_name}: {region_name}"
    # Which two rounds to compare: the next round's entry here, the latest's own pages.
    context["choose"] = chooser(site, theme_id, region_id, chrome, texts=RECOMMENDATIONS)
    context["entries"] = list(reversed(entries))
    context["theme_href"] = chrome.href(routes.theme(theme_id))
    context["unit_href"] = chrome.href(routes.region_recommendations(region_id))
    context["theme_region_href"] = (
        chrome.href(routes.theme_region(theme_id, region_id)) if theme_region else None
    )
    return Page(routes.localize(path, lang, site.default_lang), TEMPLATE, context)


def pair_page(
    site: Site,
    theme_id: str,
    region_id: str,
    ids: tuple[str, str],
    chrome: Chrome,
    theme_region: bool,
) -> Page | None:
    """Two rounds of the line that are not next to each other compared (lineage.far_pairs),
    on pages.theme_pairs' template; None for a pair the line does not offer."""
    steps = lineage.line(site, theme_id, region_id, RECOMMENDATIONS)
    at = {(s.round.id, s.region): n for n, s in enumerate(steps)}
    found = next(
        (
            (b, a)
            for b, a in lineage.far_pairs(site, theme_id, region_id, RECOMMENDATIONS)
            if (b.round.id, a.round.id) == ids
        ),
        None,
    )
    if found is None:
        return None
    before, after = found
    lang = chrome.lang
    groups = [RECOMMENDATIONS.group(site, s.round.id, s.region) for s in steps]
    first, last = at[(before.round.id, before.region)], at[(after.round.id, after.region)]
    earlier, later = groups[first], groups[last]
    assert earlier is not None and later is not None
    inside = zip(groups[first + 1 : last], steps[first + 1 : last], strict=True)
    between = [(g, step_name(site, s, lang)) for g, s in reversed(list(inside)) if g is not None]
    names = (step_name(site, before, lang), step_name(site, after, lang))
    page = RECOMMENDATIONS.page(theme_id, region_id)
    diff = _diff(site, found, (earlier, later), theme_id, chrome, between)
    diff.update(
        id="cmp",
        label=chrome.t("cmp_changes_pair", before=names[0], after=names[1]),
        before_href=chrome.href(page) + "#" + lineage.entry_id(before),
    )
    theme_name = site.data.themes[theme_id].name.get(lang)
    region_name = site.data.regions[region_id].name.get(lang)
    label = chrome.t("recommendations")
    pair_name = chrome.t("cmp_pair", before=names[0], after=names[1])
    path = RECOMMENDATIONS.pair(theme_id, region_id, *ids)
    context = chrome.context(
        path=path,
        title=f"{theme_name}: {region_name} – {label} – {pair_name}",
        section=routes.THEMES,
        trail=[
            *_trail(site, theme_id, region_id, chrome, theme_region),
            Crumb(pair_name, path),
        ],
    )
    context["kicker"] = label
    context["heading"] = f"{theme_name}: {region_name}"
    context["pair"] = pair_name
    context["every_round_href"] = chrome.href(page)
    context["choose"] = chooser(site, theme_id, region_id, chrome, ids, RECOMMENDATIONS)
    context["documents"] = [doc_link(site, earlier, chrome), doc_link(site, later, chrome)]
    context["diff"] = diff
    context["example"] = getattr(later.original.meta, "example", False)
    context["elsewhere"] = None
    context["note"] = None
    return Page(routes.localize(path, lang, site.default_lang), PAIR_TEMPLATE, context)
