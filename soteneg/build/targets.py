"""What a link can land on, known before anything is rendered: every file a build writes
and the headings of each document's page. `check` judges the links written in content
against these (`content_links`), so that it finds every broken link the build would.

The list follows the build's own plan (`units.plan_units`, the copied files, the PDFs);
tests/test_content_links.py builds sites and compares it with the files written, so a
page kind added to the plan and not here fails a test rather than a link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from soteneg.content import attachments
from soteneg.content.loader import Content, Document
from soteneg.content.sources import FileData
from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.core.options import BuildOptions
from soteneg.core.problems import Problem
from soteneg.packets.plan import packet_urls
from soteneg.site import assets, lineage, linkcheck
from soteneg.site import recommendations as recs
from soteneg.site import texts as tx
from soteneg.site.feeds import has_feed
from soteneg.site.index import Site, build_site
from soteneg.site.index_kept import KeptSites
from soteneg.site.pages import theme_recs
from soteneg.site.pages.page import Chrome
from soteneg.site.pages.themes import has_sections, page_exists
from soteneg.site.render import environment, render_page


def published_site(
    content: Content,
    options: BuildOptions,
    files: Mapping[str, FileData],
    references: Callable[[Document], list[attachments.FileRef]] = attachments.references,
    kept: KeptSites | None = None,
) -> Site:
    """The site a build with `options` publishes, with the files its documents attach
    (`references`: a document's, as `attachments.references` lists them); `kept`: the
    last sites of a process that stays up, patched when they still hold."""

    def with_files(site: Site) -> Site:
        refs = [r for d in site.published.values() for r in references(d)]
        return replace(site, files=attachments.publish(refs, files))

    if kept is None:
        return with_files(build_site(content, options))
    return kept.site(content, options, with_files)


@dataclass(frozen=True, eq=False)
class Targets:
    """Output files (relative to the output folder) and what is known of their ids."""

    site: Site
    pages_and_files: frozenset[str]  # everything but the PDFs
    # A document version's page -> the anchors of its headings and footnotes: what a
    # link may name after '#'. A placeholder for a missing translation has none.
    anchors: Mapping[str, frozenset[str]]
    # A page made from the data files -> the build unit that makes it: its ids are the
    # templates', known only by rendering it (`page_ids`).
    generated: Mapping[str, str]
    pdfs: bool = True

    @cached_property
    def pdf_files(self) -> frozenset[str]:
        """Every PDF a build with PDFs prints. Planned only when a link is not found
        among the pages: planning the packets of a large site takes a while."""
        if not self.pdfs:
            return frozenset()
        return frozenset(routes.output_file(url) for url in packet_urls(self.site))

    def __contains__(self, output: str) -> bool:
        return output in self.pages_and_files or output in self.pdf_files

    @property
    def files(self) -> frozenset[str]:
        return self.pages_and_files | self.pdf_files


class _Sections(Mapping[str, Any]):
    """What `has_sections` asks of a rendered body, answered from the outline: the
    theme sections are the level-2 headings that carry a theme, first of each."""

    def __init__(self, site: Site) -> None:
        self.site = site
        # Each language asks of the same documents (`has_sections` keeps no answer).
        self._found: dict[str, Any] = {}

    def __getitem__(self, doc_id: str) -> Any:
        found = self._found.get(doc_id)
        if found is None:
            doc = self.site.published[doc_id]
            themes = [h.theme for h in doc.outline.headings if h.level == 2 and h.theme]
            found = self._found[doc_id] = SimpleNamespace(sections=dict.fromkeys(themes, True))
        return found

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.site.published)

    def __len__(self) -> int:
        return len(self.site.published)


def site_targets(site: Site, static: Mapping[str, bytes], pdfs: bool = True) -> Targets:
    """Every file a build of `site` writes: its pages (as `units.plan_units` plans them),
    the sitemap, the static files under their hashed names, the attached files, and
    (with `pdfs`) every PDF."""
    default = site.default_lang
    anchors: dict[str, frozenset[str]] = {}
    generated: dict[str, str] = {}

    def page(url: str, key: str) -> None:
        generated[routes.output_file(url)] = key

    for group in site.groups.values():
        for lang in site.languages:
            doc = group.version(lang)
            out = routes.output_file(routes.localize(group.path, lang, default))
            anchors[out] = doc.outline.anchors if doc is not None else frozenset()
        # Versions in languages without a tree of their own (Sámi): a page each.
        for lang, doc in group.versions.items():
            if lang not in LANGS:
                anchors[routes.output_file(site.url(doc))] = doc.outline.anchors
        # Earlier versions of documents kept with `versions: keep`: a page each.
        for doc in group.versions.values():
            for version in site.earlier.get(doc.id, ()):
                url = routes.earlier_version(site.url(doc), version.key)
                anchors[routes.output_file(url)] = version.document.outline.anchors
    page(routes.NOT_FOUND, "404")
    sections = _Sections(site)
    for lang in site.languages:

        def here(path: str, lang: str = lang) -> str:
            return routes.localize(path, lang, default)

        page(routes.home(lang, default), f"home:{lang}")
        page(here(routes.ROUNDS), f"rounds:{lang}")
        page(here(routes.REGIONS), f"regions:{lang}")
        page(here(routes.THEMES), f"themes:{lang}")
        page(here(routes.NEWS), f"news:{lang}")
        if has_feed(site):
            page(routes.feed(lang, default), f"feed:{lang}")
        page(here(routes.SEARCH), f"search:{lang}")
        if site.config.accessibility is not None:
            page(here(routes.STATEMENT), f"statement:{lang}")
        for rnd in site.rounds:
            page(here(routes.round_(rnd.id)), f"round:{rnd.id}:{lang}")
            if recs.has_round_page(site, rnd.id):
                url = here(routes.round_recommendations(rnd.id))
                page(url, f"round-recommendations:{rnd.id}:{lang}")
        for region_id in site.data.regions:
            page(here(routes.region(region_id)), f"region:{region_id}:{lang}")
            if recs.has_unit_page(site, region_id):
                url = here(routes.region_recommendations(region_id))
                page(url, f"region-recommendations:{region_id}:{lang}")
        for theme_id in site.data.themes:
            page(here(routes.theme(theme_id)), f"theme:{theme_id}:{lang}")
            for region_id in site.data.regions:
                if has_sections(site, theme_id, region_id, sections):
                    url = here(routes.theme_region(theme_id, region_id))
                    page(url, f"theme-region:{theme_id}:{region_id}:{lang}")
                    for before, after in lineage.far_pairs(site, theme_id, region_id):
                        ids = (before.round.id, after.round.id)
                        url = here(routes.theme_pair(theme_id, region_id, *ids))
                        page(url, f"theme-pair:{theme_id}:{region_id}:{':'.join(ids)}:{lang}")
        # One expert body's assessments of a unit on a theme, compared (site.texts).
        for texts, theme_id, region_id in tx.assessed(site):
            if not page_exists(site, theme_id, region_id, sections, texts):
                continue
            where = f"{texts.key}:{theme_id}:{region_id}"
            page(here(texts.page(theme_id, region_id)), f"theme-assessments:{where}:{lang}")
            for before, after in lineage.far_pairs(site, theme_id, region_id, texts):
                ids = (before.round.id, after.round.id)
                url = here(texts.pair(theme_id, region_id, *ids))
                page(url, f"theme-assessments-pair:{where}:{':'.join(ids)}:{lang}")
        # A unit's recommended actions on a theme, compared (pages.theme_recs).
        for theme_id, region_id in tx.recommended(site):
            if not theme_recs.page_exists(site, theme_id, region_id):
                continue
            url = here(tx.RECOMMENDATIONS.page(theme_id, region_id))
            page(url, f"theme-recommendations:{theme_id}:{region_id}:{lang}")
            for before, after in lineage.far_pairs(site, theme_id, region_id, tx.RECOMMENDATIONS):
                ids = (before.round.id, after.round.id)
                url = here(tx.RECOMMENDATIONS.pair(theme_id, region_id, *ids))
                where = f"{theme_id}:{region_id}:{':'.join(ids)}"
                page(url, f"theme-recommendations-pair:{where}:{lang}")
    page(routes.ROBOTS, "robots")
    files = set(anchors) | set(generated) | {routes.output_file(routes.SITEMAP)}
    files |= set(assets.publish(static)[1])
    files |= {routes.output_file(f.url) for f in site.files.values()}
    return Targets(site, frozenset(files), anchors, generated, pdfs)


def page_ids(
    site: Site,
    root: Path,
    templates: Mapping[str, str],
    static: Mapping[str, bytes],
    wanted: Mapping[str, str],
) -> dict[str, frozenset[str] | None]:
    """The ids of the generated pages `wanted` (output file -> unit key), made and
    rendered as the build makes them; None for a page whose template fails (the build
    reports that itself)."""
    from soteneg.build.bodies import Bodies
    from soteneg.build.unit_keys import Inputs
    from soteneg.build.units import plan_units

    if not wanted:
        return {}
    asset_urls, _ = assets.publish(static)
    base = routes.base_path(site.config.base_url)
    pdfs = frozenset(packet_urls(site))

    @cache
    def chrome_for(lang: str) -> Chrome:
        return Chrome(site, lang, lambda name: routes.href(asset_urls[name], base), pdfs)

    def nothing(_: object) -> str:
        return ""

    # Only the pages are wanted, not their fingerprints.
    inputs = Inputs("", {}, nothing, nothing, nothing)
    bodies = Bodies(site)
    units = {u.key: u for u in plan_units(site, bodies, chrome_for, inputs, bodies.earlier)}
    env = environment(root, templates)
    found: dict[str, frozenset[str] | None] = {}
    for output, key in wanted.items():
        unit = units.get(key)
        made = unit.make() if unit is not None else None
        data = render_page(env, made) if made is not None else None
        if data is None or isinstance(data, Problem):
            found[output] = None
            continue
        found[output] = linkcheck.page_ids(data)
    return found
