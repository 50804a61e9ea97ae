"""The page plan as units of work, each with a fingerprint of everything its pages show.

A unit makes one page (or none: a theme with no section in a region). Its fingerprint
hashes the site-wide inputs (configuration, data, templates, published files, the code
itself) and the documents the page shows or lists. An unchanged fingerprint means an
unchanged page, so an incremental build makes only the units whose fingerprint changed:
this is the build's dependency graph, written as what each page reads.

Reading more than a page needs is safe (the page is made again and found unchanged);
missing an input would leave a stale page. tests/test_incremental.py compares
incremental builds with clean ones after every kind of edit to catch that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache as memoised
from functools import partial

from soteneg.build.compare_units import plan_assessments, plan_pairs, plan_recommendations
from soteneg.build.replan import Reads, Replan, far_ends
from soteneg.build.unit_keys import Inputs, Unit, fingerprint, link_key
from soteneg.content.freshness import state_of
from soteneg.content.loader import Document
from soteneg.content.models import Round
from soteneg.content.versions import Earlier
from soteneg.markdown.html import Rendered
from soteneg.site import eras, feeds, lineage
from soteneg.site import recommendations as recs
from soteneg.site import texts as tx
from soteneg.site.feeds import feed_page, has_feed, robots_page
from soteneg.site.index import Group, Site
from soteneg.site.pages import indexes as ix
from soteneg.site.pages import recommendations as rc
from soteneg.site.pages import regions as rg
from soteneg.site.pages import theme_recs
from soteneg.site.pages import themes as th
from soteneg.site.pages.document import DOCUMENT_TEMPLATE, placeholder_page, version_page
from soteneg.site.pages.earlier import (
    EARLIER_TEMPLATE,
    earlier_listed,
    earlier_page,
    earlier_shows,
)
from soteneg.site.pages.page import Chrome, Page
from soteneg.site.pages.statement import STATEMENT_TEMPLATE, statement_page


def plan_units(
    site: Site,
    rendered: Mapping[str, Rendered],
    chrome_for: Callable[[str], Chrome],
    inputs: Inputs,
    earlier_body: Callable[[str, Earlier], Rendered] | None = None,
    again: Replan | None = None,
) -> list[Unit]:
    """Every HTML page and feed of the site as a unit; the sitemap is made from the
    pages afterwards. `rendered` may compute bodies lazily: only units that are made
    read it; so does `earlier_body` (document id, earlier version -> its body), needed
    when a document keeps its earlier versions. `again`: the preview's last plan, whose
    fingerprints are kept for the units that read no document whose text changed
    (build.replan); this plan's are recorded in it for the next."""
    g = inputs.site_wide
    reads = again.reads if again is not None else Reads()
    cache = reads.cached if again is not None else memoised
    text_of = reads.read  # a leaf that reads a document's text
    far = partial(again.far_pairs, site) if again is not None else memoised(partial(far_ends, site))

    @cache
    def listed(group_id: str | None) -> str:
        """What a link to a group shows (title, date, summary, language, path) for each
        of its versions: a list of documents changes when this does."""
        if group_id is None:
            return "-"
        group = site.groups[group_id]
        return fingerprint(
            group_id,
            group.path,
            group.original_lang,
            *(f"{lang}={link_key(d)}" for lang, d in group.versions.items()),
        )

    @cache
    def section(group_id: str | None, theme_id: str, lang: str) -> str:
        """A link to a group plus its section on a theme in the version shown in `lang`:
        an edit elsewhere in the document leaves the theme's comparisons alone."""
        if group_id is None:
            return "-"
        doc = site.groups[group_id].best(lang)
        text_of(doc.id)
        if doc.prerendered is None:
            return listed(group_id) + inputs.render_key(doc.id)
        found = doc.prerendered.section_key(theme_id) or "-"
        return listed(group_id) + found + inputs.targets_key(doc.id)

    @cache
    def sections(group_id: str | None, lang: str) -> str:
        """A link to a group plus which theme sections the version shown in `lang` has."""
        if group_id is None:
            return "-"
        doc = site.groups[group_id].best(lang)
        if doc.prerendered is None:
            text_of(doc.id)
            return listed(group_id) + inputs.render_key(doc.id)
        return listed(group_id) + ",".join(doc.prerendered.themes)

    @cache
    def exists(theme_id: str, region_id: str) -> str:
        """Whether a comparison page exists depends on every language's sections of the
        documents of the unit's history on the theme. (Keyed on the unit, not on its
        history's tuple of documents: hashing that tuple on every call cost more than
        the answer.)"""
        groups = history(theme_id, region_id)
        return fingerprint(*(sections(g, lang) for g in groups for lang in site.languages))

    @cache
    def shown(group_id: str | None, theme_id: str) -> str:
        """A group's section on a theme in every version a comparison may show: each of
        the site's languages' best, and every version (one in a language the interface
        does not speak is compared with the earlier text in its own language)."""
        versions = site.groups[group_id].versions if group_id is not None else {}
        langs = sorted({*site.languages, *versions})
        return fingerprint(*(section(group_id, theme_id, o) for o in langs))

    @cache
    def rounds_of(region_id: str) -> tuple[Round, ...]:
        """The rounds held while the unit existed (every language and theme asks)."""
        return rg.region_rounds(site, region_id)

    def slot(kind: str, round_id: str, region_id: str = "") -> str:
        return listed(site.slots.get((kind, round_id, region_id)))

    @cache
    def advised(group_id: str) -> str:
        """A link to a negotiation document plus what each version recommends and
        follows up: pages of recommendations and follow-ups elsewhere show these."""
        group = site.groups[group_id]
        said = []
        for lang, doc in group.versions.items():
            meta = doc.meta
            items = [*getattr(meta, "recommendations", ()), *getattr(meta, "follow_up", ())]
            said.append(f"{lang}=" + "|".join(item.model_dump_json() for item in items))
        return fingerprint(listed(group_id), *said)

    @cache
    def chain_key(unit_id: str) -> str:
        """A unit's chain of negotiation documents and all they recommend."""
        documents = recs.chain(site, unit_id).documents
        return fingerprint(*(advised(site.group_of[doc.id]) for _, doc in documents))

    @cache
    def every_advice() -> str:
        """Every recommendation and follow-up of the site: a round's page of
        recommendations shows follow-ups by any unit that continues one of its units."""
        negotiations = [
            g
            for g in site.groups.values()
            if g.original.meta and g.original.meta.type == "negotiation"
        ]
        return fingerprint(*(advised(g.id) for g in negotiations))

    @cache
    def assessed(round_id: str, region_id: str) -> str:
        """Every assessment of a unit in a round (THL's, AVI's): a page lists them all."""
        return "+".join(listed(g.id) for g in site.assessments(round_id, region_id)) or "-"

    @cache
    def history(theme_id: str, region_id: str) -> tuple[str | None, ...]:
        """The negotiation documents of a unit's history on a theme: its own rounds and
        its predecessors'."""
        return tuple(
            site.slots.get(("negotiation", step.round.id, step.region))
            for step in eras.documented_history(site, theme_id, region_id)
        )

    @cache
    def placed(round_id: str, region_id: str, own: tx.Texts | None) -> str:
        """What a page of a document of `own`'s kind in the unit's round links to beside
        it: the same for every such document there, so asked once per place (a round's
        negotiation document and its assessments, in every language)."""
        parts = [slot("summary", round_id), repr(recs.has_round_page(site, round_id))]
        if region_id in site.data.regions:
            parts += [slot("negotiation", round_id, region_id), assessed(round_id, region_id)]
            parts.append(repr(recs.has_unit_page(site, region_id)))
            rnd = site.data.rounds.get(round_id)
            parts += [theme_links(t, region_id, own) for t in (rnd.themes if rnd else ())]
        return fingerprint(*parts)

    @cache
    def theme_links(theme_id: str, region_id: str, own: tx.Texts | None) -> str:
        """Which comparisons on the theme a page of a document of `own`'s kind about the
        unit links to: the same in every round of the unit that has the theme."""
        found = exists(theme_id, region_id)
        # An assessment links to its body's comparisons where two compare.
        if own is not None and not own.alone:
            found += repr(len(lineage.line(site, theme_id, region_id, own)))
        # A negotiation document to its unit's recommendations compared.
        if own is not None and own.alone:
            found += repr(theme_recs.page_exists(site, theme_id, region_id))
        return found

    @cache
    def related(group_id: str) -> str:
        """What a document's page links to beyond itself (pages.related): the other
        documents of its slot, the recommendations pages, which theme comparisons exist,
        and the document that replaces it."""
        meta = site.groups[group_id].original.meta
        assert meta is not None
        round_id = getattr(meta, "round", None) or ""
        region_id = getattr(meta, "region", None) or ""
        successor = site.published.get(meta.superseded_by or "")
        replaced = listed(site.group_of[successor.id]) if successor else "-"
        return placed(round_id, region_id, tx.of(meta)) + replaced

    @cache
    def line_texts(theme_id: str, region_id: str) -> str:
        """What the unit's page of the theme shows besides which comparisons exist, the
        same in every language: every language's section of each document of its
        history (a comparison uses the previous round's text in the language of the
        section shown, which may not be the page's), and whether it links to the unit's
        recommendations on the theme compared."""
        groups = history(theme_id, region_id)
        parts = [section(g, theme_id, other) for g in groups for other in site.languages]
        parts.append(repr(theme_recs.page_exists(site, theme_id, region_id)))
        return fingerprint(*parts)

    @cache
    def corrected() -> tuple[str, ...]:
        """The documents the feeds tell of a correction to: the same in every language."""
        return tuple(listed(g) for g in feeds.corrected(site))

    def old_body(doc_id: str, version: Earlier) -> Rendered:
        # Asked for only when the page is made: a caller that only plans needs none.
        assert earlier_body is not None, "a site with earlier versions needs their bodies"
        return earlier_body(doc_id, version)

    def body_key(doc: Document) -> str:
        text_of(doc.id)
        return inputs.render_key(doc.id)

    def fresh(group: Group, doc: Document) -> str:
        """A translation's page says whether its original changed since it was made:
        that answer, not the original's version, which every edit of the original moves
        (an unstamped translation's page was made again for nothing). What the notice
        names of the original (title, date, language, address) is in `listed`."""
        if doc is group.original:
            return ""
        text_of(group.original.id)
        return repr(state_of(doc, group.original) == "outdated")

    def version_parts(group: Group, doc: Document) -> list[str]:
        # A negotiation document shows the recommendations it follows up, from earlier
        # documents of its unit's chain.
        unit = getattr(group.original.meta, "region", None)
        negotiated = group.original.meta.type == "negotiation"  # type: ignore[union-attr]
        followed = chain_key(unit) if negotiated and unit in site.data.regions else ""
        return [
            listed(group.id),
            body_key(doc),
            fresh(group, doc),
            followed,
            related(group.id),
            site.updated[doc.id].isoformat(),
            repr(earlier_listed(site, doc.id)),
        ]

    def round_parts(rnd: Round) -> list[str]:
        # A round lists the regions of its time only; who they are is data (site-wide).
        parts = [slot("summary", rnd.id)]
        for r in eras.regions_in_round(site, rnd):
            parts += [slot("negotiation", rnd.id, r), assessed(rnd.id, r)]
        # Its withdrawn documents, each with the one that replaces it.
        for group_id in site.withdrawn.get(rnd.id, ()):
            meta = site.groups[group_id].original.meta
            successor = site.published.get(getattr(meta, "superseded_by", None) or "")
            parts += [listed(group_id), listed(site.group_of[successor.id]) if successor else "-"]
        return parts

    def region_parts(region_id: str) -> list[str]:
        parts = []
        for rnd in rounds_of(region_id):
            parts += [slot("negotiation", rnd.id, region_id), assessed(rnd.id, region_id)]
        return parts

    def matrix(theme_id: str, lang: str) -> list[str]:
        # Each region's history on the theme: its own rounds and its predecessors'.
        # Whether its comparison page exists (and so whether the matrix links to it)
        # depends on every document in that history; the rounds without one come from
        # the data, which every page's key holds (site_key).
        found = []
        for r in site.data.regions:
            found.append(exists(theme_id, r))
            for rnd in rounds_of(r):
                if theme_id in rnd.themes:
                    found.append(sections(site.slots.get(("negotiation", rnd.id, r)), lang))
        return found

    units: list[Unit] = []

    kept = again.last.units if again is not None and again.last is not None else {}
    changed = again.changed() if again is not None else frozenset()

    def add(
        key: str, template: str, parts: Callable[[], list[str]], make: Callable[[], Page | None]
    ) -> None:
        # The template is the one the page's own module renders (render_pool checks it).
        used = inputs.templates.get(template, "(missing)")
        if again is None:
            units.append(Unit(key, template, fingerprint(g, key, used, *parts()), make))
            return
        last = kept.get(key)
        if last is None or not changed.isdisjoint(last[1]):
            last = reads.during(lambda: fingerprint(g, key, used, *parts()))
            again.computed += 1
        again.units[key] = last
        units.append(Unit(key, template, last[0], make))

    default = chrome_for(site.default_lang)
    for group in site.groups.values():
        for lang in site.languages:
            doc = group.version(lang)
            chrome = chrome_for(lang)
            key = f"doc:{group.id}:{lang}"
            if doc is not None:
                add(
                    key,
                    DOCUMENT_TEMPLATE,
                    lambda group=group, doc=doc: version_parts(group, doc),
                    lambda group=group, doc=doc, chrome=chrome: version_page(
                        site, group, doc, rendered[doc.id], chrome, rendered
                    ),
                )
            else:
                # The placeholder's search filters come from the original's front matter
                # (its themes, issuer, parties), not only from what a link to it shows.
                about = inputs.front_key(group.original)
                add(
                    key,
                    DOCUMENT_TEMPLATE,
                    # A withdrawn original's banner names the document that replaces it.
                    lambda group=group, about=about: [listed(group.id), about, related(group.id)],
                    lambda group=group, chrome=chrome: placeholder_page(site, group, chrome),
                )
        # Earlier versions of documents kept with `versions: keep`, each a page below
        # its document's, in its language's tree (a Sámi one's in the default's).
        for lang, doc in group.versions.items():
            chrome = chrome_for(lang) if lang in site.languages else default
            for version in site.earlier.get(doc.id, ()):
                add(
                    f"earlier:{doc.id}:{version.key}",
                    EARLIER_TEMPLATE,
                    lambda group=group, v=version: [listed(group.id), *earlier_shows(site, v)],
                    lambda group=group, doc=doc, v=version, chrome=chrome: earlier_page(
                        site, group, doc.id, v, old_body(doc.id, v), chrome
                    ),
                )
        # Versions in languages the interface does not speak (North, Inari, Skolt Sámi):
        # a page of their own below the document in the default language's tree, with
        # the default language's interface.
        for lang, doc in group.versions.items():
            if lang in site.languages:
                continue
            add(
                f"doc:{group.id}:{lang}",
                DOCUMENT_TEMPLATE,
                lambda group=group, doc=doc: [
                    listed(group.id),
                    body_key(doc),
                    fresh(group, doc),
                    related(group.id),
                    site.updated[doc.id].isoformat(),
                ],
                lambda group=group, doc=doc: version_page(
                    site, group, doc, rendered[doc.id], default, rendered
                ),
            )

    add("404", ix.NOT_FOUND_TEMPLATE, list, lambda: ix.not_found_page(site, default))
    for lang in site.languages:
        chrome = chrome_for(lang)
        add(
            f"home:{lang}",
            ix.HOME_TEMPLATE,
            lambda: [
                *(listed(n) for n in site.news[: ix.LATEST_NEWS]),
                "|",
                *(listed(p) for p in site.pages),
            ],
            lambda chrome=chrome: ix.home_page(site, chrome),
        )
        add(
            f"rounds:{lang}",
            ix.ROUNDS_TEMPLATE,
            list,
            lambda chrome=chrome: ix.rounds_index(site, chrome),
        )
        add(
            f"regions:{lang}",
            rg.REGIONS_TEMPLATE,
            list,
            lambda chrome=chrome: rg.regions_index(site, chrome),
        )
        add(
            f"themes:{lang}",
            ix.THEMES_TEMPLATE,
            list,
            lambda chrome=chrome: ix.themes_index(site, chrome),
        )

        def news() -> list[str]:
            return [listed(n) for n in site.news]

        add(
            f"news:{lang}",
            ix.NEWS_TEMPLATE,
            news,
            lambda chrome=chrome: ix.news_index(site, chrome),
        )
        if has_feed(site):
            add(
                f"feed:{lang}",
                feeds.FEED_TEMPLATE,
                lambda: [*news(), "|", *corrected()],
                lambda lang=lang: feed_page(site, lang),
            )
        add(
            f"search:{lang}",
            ix.SEARCH_TEMPLATE,
            lambda: [",".join(ix.sami_languages(site))],
            lambda chrome=chrome: ix.search_page(site, chrome),
        )
        add(
            f"statement:{lang}",
            STATEMENT_TEMPLATE,
            list,
            lambda chrome=chrome: statement_page(site, chrome),
        )
        for rnd in site.rounds:
            advice = recs.has_round_page(site, rnd.id)
            add(
                f"round:{rnd.id}:{lang}",
                rg.ROUND_TEMPLATE,
                lambda rnd=rnd, advice=advice: [*round_parts(rnd), f"recommendations={advice}"],
                lambda rnd=rnd, chrome=chrome: rg.round_page(site, rnd, chrome),
            )
            if advice:
                add(
                    f"round-recommendations:{rnd.id}:{lang}",
                    rc.ROUND_TEMPLATE,
                    lambda: [every_advice()],
                    lambda rnd=rnd, chrome=chrome: rc.round_page(site, rnd, chrome),
                )
        for r in site.data.regions:
            advice = recs.has_unit_page(site, r)
            add(
                f"region:{r}:{lang}",
                rg.REGION_TEMPLATE,
                lambda r=r, advice=advice: [*region_parts(r), f"recommendations={advice}"],
                lambda r=r, chrome=chrome: rg.region_page(site, r, chrome),
            )
            if advice:
                add(
                    f"region-recommendations:{r}:{lang}",
                    rc.UNIT_TEMPLATE,
                    lambda r=r: [advised(g) for g in recs.kin_documents(site, r)],
                    lambda r=r, chrome=chrome: rc.unit_page(site, r, chrome),
                )
        for theme_id in site.data.themes:
            add(
                f"theme:{theme_id}:{lang}",
                th.THEME_TEMPLATE,
                lambda t=theme_id, lang=lang: matrix(t, lang),
                lambda t=theme_id, chrome=chrome: th.theme_page(site, t, rendered, chrome),
            )
            for r in site.data.regions:
                add(
                    f"theme-region:{theme_id}:{r}:{lang}",
                    th.THEME_REGION_TEMPLATE,
                    lambda t=theme_id, r=r: [exists(t, r), line_texts(t, r)],
                    lambda t=theme_id, r=r, chrome=chrome: th.theme_region_page(
                        site, t, r, rendered, chrome
                    ),
                )
                # Two rounds of the unit's line compared (compare_units).
                where = (theme_id, r, tx.NEGOTIATIONS)
                line = partial(exists, theme_id, r)
                plan_pairs(site, rendered, chrome, lang, add, where, line, shown, far)
        plan_assessments(site, rendered, chrome, lang, add, section, sections, shown, far)
        plan_recommendations(
            site,
            chrome,
            lang,
            add,
            advised,
            lambda t, r: (
                partial(exists, t, r),
                lambda: th.has_sections(site, t, r, rendered),
            ),
            far,
        )
    add("robots", feeds.ROBOTS_TEMPLATE, list, lambda: robots_page(site))
    return units
