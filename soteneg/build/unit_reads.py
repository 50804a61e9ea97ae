"""What each page of the plan reads, as the parts of its unit's fingerprint (build.units).

A part is what a page shows of a document, a slot, a unit's history or the site: a
link to a group (`listed`), a document's section on a theme, which comparisons exist,
what a document recommends. Each is asked by many pages and made once per plan
(`functools.cache`), or, in the preview, once per plan unless a document it read
changed its text (build.replan's `Reads.cached`): a part that reads a document's text
says so (`text_of`), so the preview's next plan knows which fingerprints to make again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache as memoised
from typing import NamedTuple

from soteneg.build.replan import Reads, Replan
from soteneg.build.unit_keys import Inputs, fingerprint, link_key
from soteneg.content.freshness import state_of
from soteneg.content.loader import Document
from soteneg.content.models import Round
from soteneg.site import eras, feeds, lineage
from soteneg.site import recommendations as recs
from soteneg.site import texts as tx
from soteneg.site.index import Group, Site
from soteneg.site.pages import regions as rg
from soteneg.site.pages import theme_recs
from soteneg.site.pages.earlier import earlier_listed


class UnitReads(NamedTuple):
    """The parts plan_units puts in its units' fingerprints (each documented where it is
    made, in `unit_reads`)."""

    listed: Callable[[str | None], str]
    section: Callable[[str | None, str, str], str]
    sections: Callable[[str | None, str], str]
    exists: Callable[[str, str], str]
    shown: Callable[[str | None, str], str]
    advised: Callable[[str], str]
    every_advice: Callable[[], str]
    related: Callable[[str], str]
    line_texts: Callable[[str, str], str]
    corrected: Callable[[], tuple[str, ...]]
    body_key: Callable[[Document], str]
    fresh: Callable[[Group, Document], str]
    version_parts: Callable[[Group, Document], list[str]]
    round_parts: Callable[[Round], list[str]]
    region_parts: Callable[[str], list[str]]
    matrix: Callable[[str, str], list[str]]


def unit_reads(site: Site, inputs: Inputs, reads: Reads, again: Replan | None) -> UnitReads:
    """The parts of the fingerprints of `site`'s pages, made with `inputs`; `reads`
    records which documents' text each reads, kept across plans with `again` (the
    preview's last plan)."""
    cache = reads.cached if again is not None else memoised
    text_of = reads.read  # a leaf that reads a document's text

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

    return UnitReads(
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
    )
