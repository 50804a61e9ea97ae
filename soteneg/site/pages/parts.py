"""Pieces that several kinds of page show the same way: a link to a document, a round's
facts, a reference to a region with its period."""

from __future__ import annotations

from typing import Any

from soteneg.content.loader import Document
from soteneg.content.models import Names, Party, Round, Succession
from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.site import eras, i18n
from soteneg.site.index import Group, Site
from soteneg.site.pages.page import Chrome


def doc_link(site: Site, group: Group | None, chrome: Chrome) -> dict[str, Any] | None:
    """A link to the best version of a document for this language, saying which language
    it is in when that is not the page's. Made once per language (a document is linked
    from dozens of pages); each page gets its own copy, which some add to."""
    if group is None:
        return None
    return dict(chrome.kept(("doc-link", group.id), lambda: _doc_link(site, group, chrome)))


def _doc_link(site: Site, group: Group, chrome: Chrome) -> dict[str, Any]:
    doc = group.best(chrome.lang)
    meta = doc.meta
    assert meta is not None
    other = meta.lang != chrome.lang
    return {
        "title": meta.title,
        "href": routes.href(site.url(doc), chrome.base),
        "date": i18n.format_date(meta.date, chrome.lang),
        "date_iso": meta.date.isoformat(),
        "summary": meta.summary,
        "lang": meta.lang if other else None,
        "lang_note": i18n.LANG_NAMES[meta.lang][chrome.lang] if other else None,
        "example": meta.example,
        "others": other_versions(site, group, chrome, shown=doc.id),
    }


def other_versions(
    site: Site, group: Group, chrome: Chrome, shown: str | None = None
) -> list[dict[str, Any]]:
    """The document's versions in languages the interface does not speak (North, Inari
    and Skolt Sámi), each named in the page's language ("pohjoissaameksi"), leaving out
    the one shown (`shown`, a document id)."""
    found = []
    for lang, doc in group.versions.items():
        if lang in LANGS or doc.id == shown:
            continue
        assert doc.meta is not None
        found.append(
            {
                "lang": lang,
                "name": i18n.LANG_NAMES[lang][chrome.lang],
                "title": doc.meta.title,
                "href": routes.href(site.url(doc), chrome.base),
            }
        )
    return found


def round_info(site: Site, rnd: Round, chrome: Chrome) -> dict[str, Any]:
    """A round's facts in the page's language. Made once per language (a theme's pages
    show every round); each page gets its own copy."""
    return dict(chrome.kept(("round", rnd.id), lambda: _round_info(site, rnd, chrome)))


def _round_info(site: Site, rnd: Round, chrome: Chrome) -> dict[str, Any]:
    lang = chrome.lang
    parties = site.data.parties
    chair = parties.get(rnd.chair or "")
    return {
        "id": rnd.id,
        "name": rnd.name.get(lang),
        "href": chrome.href(routes.round_(rnd.id)),
        "kind": i18n.text(rnd.kind, lang),
        "start": i18n.format_date(rnd.start, lang),
        "end": i18n.format_date(rnd.end, lang),
        "start_iso": rnd.start.isoformat(),
        "end_iso": rnd.end.isoformat(),
        "period": eras.period(rnd.start, rnd.end, lang),
        "parties": eras.parties_text(site, rnd, lang),
        "chair": chair.name.get(lang) if chair is not None else None,
        # The expert bodies attend apart from the negotiating parties.
        "experts": i18n.listing(
            [_named(parties[p], lang) for p in rnd.experts if p in parties], lang
        ),
        "legal_basis": [provision(b.statute, b.section, b.name, lang) for b in rnd.legal_basis],
        # A practice round was held under a bill, not under the law: say so where the
        # round is shown, so that nobody takes it for a statutory one.
        "practice_note": i18n.text("practice_basis", lang) if rnd.kind == "practice" else None,
    }


def _named(party: Party, lang: str) -> str:
    """A party's name with its short name, which labels its assessments: "Terveyden ja
    hyvinvoinnin laitos (THL)"."""
    name = party.name.get(lang)
    return f"{name} ({party.short.get(lang)})" if party.short is not None else name


def provision(statute: str, section: str, name: Names | None, lang: str) -> str:
    """A provision as it is cited: "Laki sosiaali- ja terveydenhuollon järjestämisestä
    (612/2021) 24 §"; without the act's name "612/2021 24 §"."""
    if name is None:
        return i18n.text("provision", lang, statute=statute, section=section)
    return i18n.text(
        "provision_named",
        lang,
        name=eras.capital(name.get(lang)),
        statute=statute,
        section=section,
    )


def themes_of(site: Site, rnd: Round, chrome: Chrome) -> list[dict[str, Any]]:
    return [
        {
            "name": site.data.themes[t].name.get(chrome.lang),
            "description": site.data.themes[t].description.get(chrome.lang),
            "href": chrome.href(routes.theme(t)),
        }
        for t in rnd.themes
        if t in site.data.themes
    ]


def other_names(site: Site, names: Names, lang: str) -> list[dict[str, str]]:
    """A name in the site's other languages, each once and not the page's own again: the
    search indexes them on the page, so that a search in any language finds it by any."""
    seen = {names.get(lang)}
    found = []
    for other in site.languages:
        name = names.get(other)
        if name not in seen:
            seen.add(name)
            # A name missing in a language is the Finnish one (Names.get).
            spoken = other if getattr(names, other, None) else "fi"
            found.append({"lang": spoken, "name": name})
    return found


def region_ref(
    site: Site, region_id: str, chrome: Chrome, moved: Succession | None = None
) -> dict[str, Any]:
    """A link to a region with its period, for lists of predecessors and successors;
    where only a part of a unit moved (`moved`), what moved and when instead of the
    period ("osa: Iitti 1.1.2021")."""
    region = site.data.regions[region_id]
    return {
        "id": region_id,
        "name": region.name.get(chrome.lang),
        "href": chrome.href(routes.region(region_id)),
        "period": eras.period(region.valid_from, region.valid_to, chrome.lang),
        "part": eras.part_text(moved, chrome.lang) if moved is not None else None,
    }


def earlier_list(site: Site, doc: Document, chrome: Chrome) -> list[dict[str, Any]]:
    """The earlier versions of a document kept with `versions: keep`, newest first, each
    with the day it was published and the day it was replaced, for the current page."""
    lang = chrome.lang
    return [
        {
            "date": i18n.format_date(v.day, lang),
            "date_iso": v.day.isoformat(),
            "until": i18n.format_date(v.until, lang) if v.until else None,
            "until_iso": v.until.isoformat() if v.until else None,
            "href": chrome.link(routes.earlier_version(site.url(doc), v.key)),
        }
        for v in site.earlier.get(doc.id, ())
    ]
