"""What a document's page links to beyond its body: the other documents of its slot
(the negotiation, the assessments, the round's summary, the recommendations, the other
languages) and its theme comparisons; and what happened to it after publication (its
corrections, a withdrawal or replacement, the confidential document it is the public
version of).

A negotiation document is read with its assessment and its comparisons; before this,
only the theme matrix led to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from soteneg.content.loader import Document
from soteneg.core import routes
from soteneg.markdown.html import Rendered
from soteneg.site import i18n, labels
from soteneg.site import recommendations as recs
from soteneg.site import texts as tx
from soteneg.site.index import Group, Site
from soteneg.site.pages.page import Chrome
from soteneg.site.pages.parts import doc_link
from soteneg.site.pages.themes import has_sections, page_exists

# The documents that sit in a slot of a round (a unit's, or the round's own).
SLOTTED = ("negotiation", "assessment", "summary")


def slot_links(site: Site, group: Group, chrome: Chrome) -> list[dict[str, Any]]:
    """The other documents of the slot, each with what it is: the unit's negotiation and
    assessments in the round, the round's summary, the recommendations of the round and
    of the unit. Empty for news and pages."""
    meta = group.original.meta
    assert meta is not None
    round_id = getattr(meta, "round", None)
    if meta.type not in SLOTTED or not round_id:
        return []
    region_id = getattr(meta, "region", None) or ""
    groups: list[Group | None] = []
    if region_id:
        groups.append(site.slot("negotiation", round_id, region_id))
        groups.extend(site.assessments(round_id, region_id))
    groups.append(site.slot("summary", round_id))
    found = []
    for other in groups:
        if other is None or other.id == group.id:
            continue
        link = doc_link(site, other, chrome)
        assert link is not None and other.original.meta is not None
        found.append({"kind": labels.type_label(site, other.original.meta, chrome.lang), **link})
    if recs.has_round_page(site, round_id):
        found.append(
            _page_link(chrome, "round_recommendations_link", routes.round_recommendations(round_id))
        )
    if region_id in site.data.regions and recs.has_unit_page(site, region_id):
        found.append(
            _page_link(
                chrome, "unit_recommendations_link", routes.region_recommendations(region_id)
            )
        )
    return found


def _page_link(chrome: Chrome, key: str, path: str) -> dict[str, Any]:
    # The same keys as parts.doc_link: one template shows both.
    return {
        "kind": None,
        "title": chrome.t(key),
        "href": chrome.href(path),
        "lang": None,
        "lang_note": None,
        "example": False,
        "others": [],
    }


def language_links(site: Site, group: Group, doc: Document, chrome: Chrome) -> list[dict[str, str]]:
    """The document in the site's other languages, each named in itself; a language it
    is missing in says so, never another language's text in its place."""
    found = []
    for lang in site.languages:
        if doc.meta is not None and lang == doc.meta.lang:
            continue
        version = group.version(lang)
        found.append(
            {
                "lang": lang,
                "autonym": i18n.AUTONYMS[lang],
                "href": chrome.href(group.path, lang),
                "missing": "" if version is not None else chrome.t("translation_not_written"),
            }
        )
    return found


def comparisons(
    site: Site, group: Group, chrome: Chrome, bodies: Mapping[str, Rendered]
) -> list[dict[str, str]]:
    """Links to the unit's comparison of each theme the document takes up, in the
    round's order of themes: the pages that exist (themes.has_sections)."""
    meta = group.original.meta
    assert meta is not None
    region_id = getattr(meta, "region", None)
    rnd = site.data.rounds.get(getattr(meta, "round", None) or "")
    if meta.type not in ("negotiation", "assessment") or rnd is None or not region_id:
        return []
    taken = set(getattr(meta, "themes", ()))
    taken.update(h.theme for h in group.original.outline.headings if h.level == 2 and h.theme)
    found = []
    own = tx.of(meta)
    for theme_id in rnd.themes:
        if theme_id not in taken or theme_id not in site.data.themes:
            continue
        name = site.data.themes[theme_id].name.get(chrome.lang)
        if has_sections(site, theme_id, region_id, bodies):
            found.append(
                {"name": name, "href": chrome.href(routes.theme_region(theme_id, region_id))}
            )
        # An assessment's own: the body's assessments of the unit compared.
        if (
            own is not None
            and not own.alone
            and page_exists(site, theme_id, region_id, bodies, own)
        ):
            label = own.label(site, chrome.lang)
            found.append(
                {"name": f"{name} ({label})", "href": chrome.href(own.page(theme_id, region_id))}
            )
    return found


def lifecycle(site: Site, doc: Document, chrome: Chrome, page_lang: str) -> dict[str, Any]:
    """A withdrawal or replacement (with its reason and the document in force), the
    corrections, oldest first, and the confidential original of a public version. The
    group's original decides whether the document is withdrawn: its translations go
    with it. `page_lang`: the language of the page (a placeholder's is the interface's)."""
    meta = doc.meta
    assert meta is not None
    group = site.group(doc)
    original = group.original.meta
    assert original is not None
    lang = chrome.lang
    withdrawn = None
    if original.withdrawn:
        successor = site.published.get(original.superseded_by or "")
        link = doc_link(site, site.group(successor), chrome) if successor is not None else None
        # The reason as written in this version, else the original's, marked with its
        # language where that is not the page's.
        said = meta if meta.reason else original
        withdrawn = {
            "notice": chrome.t("superseded_notice" if link else "withdrawn_notice"),
            "reason": said.reason,
            "reason_lang": said.lang if said.lang != page_lang else None,
            "successor": link,
        }
    public = meta.public_version_of or original.public_version_of
    return {
        "withdrawn": withdrawn,
        "changes": [
            {
                "date": i18n.format_date(c.date, lang),
                "date_iso": c.date.isoformat(),
                "note": c.note,
            }
            for c in meta.changes
        ],
        "public_version": {"document": public.document, "ground": public.ground}
        if public
        else None,
    }
