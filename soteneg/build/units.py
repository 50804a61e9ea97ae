"""The page plan as units of work, each with a fingerprint of everything its pages show.

A unit makes one page (or none: a theme with no section in a region). Its fingerprint
hashes the site-wide inputs (configuration, data, templates, published files, the code
itself) and the documents the page shows or lists. An unchanged fingerprint means an
unchanged page, so an incremental build makes only the units whose fingerprint changed:
this is the build's dependency graph, written as what each page reads.

This module lists the pages, each with its template, what makes it and its fingerprint;
what a page reads, the parts of the fingerprints, is made in build.unit_reads.

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
from soteneg.build.unit_keys import Inputs, Unit, fingerprint
from soteneg.build.unit_reads import unit_reads
from soteneg.content.versions import Earlier
from soteneg.markdown.html import Rendered
from soteneg.site import feeds
from soteneg.site import recommendations as recs
from soteneg.site import texts as tx
from soteneg.site.feeds import feed_page, has_feed, robots_page
from soteneg.site.index import Site
from soteneg.site.pages import indexes as ix
from soteneg.site.pages import recommendations as rc
from soteneg.site.pages import regions as rg
from soteneg.site.pages import themes as th
from soteneg.site.pages.document import DOCUMENT_TEMPLATE, placeholder_page, version_page
from soteneg.site.pages.earlier import (
    EARLIER_TEMPLATE,
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
    far = partial(again.far_pairs, site) if again is not None else memoised(partial(far_ends, site))
    # What each page reads, the parts of its fingerprint (build.unit_reads).
    (
        listed,
        section,
        sections,
        exists,
        shown,
        advised,
        every_advice,
        related,
        line_texts,
        corrected,
        body_key,
        fresh,
        version_parts,
        round_parts,
        region_parts,
        matrix,
    ) = unit_reads(site, inputs, reads, again)

    def old_body(doc_id: str, version: Earlier) -> Rendered:
        # Asked for only when the page is made: a caller that only plans needs none.
        assert earlier_body is not None, "a site with earlier versions needs their bodies"
        return earlier_body(doc_id, version)

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
