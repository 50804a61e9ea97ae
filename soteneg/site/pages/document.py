"""Pages of documents: each version, placeholders for missing translations, metadata."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from soteneg.content import attachments
from soteneg.content.freshness import state_of
from soteneg.content.front_matter import DocumentMeta
from soteneg.content.loader import Document, content_path
from soteneg.content.models import Person
from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.markdown.html import Rendered
from soteneg.site import eras, i18n, labels, negotiation
from soteneg.site.index import Group, Site
from soteneg.site.pages import related, theme_recs
from soteneg.site.pages.page import Chrome, Crumb, Page
from soteneg.site.pages.parts import earlier_list, other_versions

# The template each page of this module renders; the build's units use the same.
DOCUMENT_TEMPLATE = "document.html"


JSONLD_TYPES = {
    "negotiation": "Report",
    "assessment": "Report",
    "summary": "Report",
    "news": "NewsArticle",
    "page": "WebPage",
}


def link_resolver(site: Site, doc: Document) -> Callable[[str], str]:
    """Rewrite a body's relative links to documents and files into their site URLs.
    Each link of a document is resolved once per site: the page's fingerprint, its body
    and the link check ask for the same ones."""
    base = routes.base_path(site.config.base_url)

    def resolve(href: str) -> str:
        if not routes.is_relative_reference(href):
            return href
        parts = urlsplit(href)
        target = site.link_target(doc, unquote(parts.path))
        if target is None:
            return href  # not published (a draft) or missing: the link check reports it
        if isinstance(target, Document):
            anchor = f"#{parts.fragment}" if parts.fragment else ""
            return routes.href(site.url(target), base) + anchor
        return routes.href(target.url, base)

    return site.answered_once(("links", doc.id), resolve)


def attachment_list(
    site: Site, doc: Document, lang: str, absolute: bool = False
) -> list[dict[str, Any]]:
    """A document's attachments with title, format and size ("PDF, 1,2 Mt"), as
    accessibility guidance asks, in the page's language."""
    meta = doc.meta
    assert meta is not None
    base = routes.base_path(site.config.base_url)
    found = []
    for item in meta.attachments:
        file = site.files.get(content_path(doc.id, item.file) or "")
        if file is None:
            continue
        found.append(
            {
                "title": item.title,
                "description": item.description,
                "href": routes.absolute(file.url, site.config.base_url)
                if absolute
                else routes.href(file.url, base),
                "format": attachments.FORMAT_NAMES.get(file.ext, file.ext.upper()),
                "size": attachments.human_size(len(file.data), lang),
                "path": file.path,
            }
        )
    return found


def tel(phone: str) -> str:
    digits = phone.replace(" ", "")
    return "+358" + digits[1:] if digits.startswith("0") else digits


def contacts(site: Site, meta: DocumentMeta, lang: str) -> list[dict[str, Any]]:
    """The document's contact people with the title each held on the document's date
    (its own `document_date` where it has one): a 2018 document shows the 2018 title."""
    day = getattr(meta, "document_date", None) or meta.date
    people: list[Person] = [site.data.people[p] for p in meta.contacts if p in site.data.people]
    found = []
    for p in people:
        title, organisation = p.title_on(day)
        found.append(
            {
                "name": p.name,
                "title": title.get(lang),
                "organisation": organisation.get(lang),
                "phone": p.phone,
                "tel": tel(p.phone) if p.phone else None,
                "email": p.email,
                "roles": [r.get(lang) for r in p.roles],
            }
        )
    return found


def _trail(site: Site, meta: DocumentMeta, lang: str, title: str, path: str) -> list[Crumb]:
    round_id = getattr(meta, "round", None)
    if meta.type in ("negotiation", "assessment", "summary") and round_id in site.data.rounds:
        round_name = site.data.rounds[round_id].name.get(lang)
        return [
            Crumb(i18n.text("rounds", lang), routes.ROUNDS),
            Crumb(round_name, routes.round_(round_id)),
            Crumb(title, path),
        ]
    if meta.type == "news":
        return [Crumb(i18n.text("news", lang), routes.NEWS), Crumb(title, path)]
    return [Crumb(title, path)]


def _section_of(meta: DocumentMeta) -> str:
    if meta.type in ("negotiation", "assessment", "summary"):
        return routes.ROUNDS
    return routes.NEWS if meta.type == "news" else ""


def _about(site: Site, meta: DocumentMeta, chrome: Chrome) -> dict[str, Any]:
    lang = chrome.lang
    round_id = getattr(meta, "round", None)
    region_id = getattr(meta, "region", None)
    rnd = site.data.rounds.get(round_id) if round_id else None
    region = site.data.regions.get(region_id) if region_id else None
    themes = [site.data.themes[t] for t in getattr(meta, "themes", ()) if t in site.data.themes]
    return {
        "round": {
            "name": rnd.name.get(lang),
            "href": chrome.href(routes.round_(rnd.id)),
            "kind": i18n.text(rnd.kind, lang),
            # The region of a negotiation or an assessment is the other party.
            "parties": eras.parties_text(site, rnd, lang, region_id),
        }
        if rnd
        else None,
        "region": {"name": region.name.get(lang), "href": chrome.href(routes.region(region.id))}
        if region
        else None,
        "themes": [
            {"name": t.name.get(lang), "href": chrome.href(routes.theme(t.id))} for t in themes
        ],
    }


def _metadata(
    site: Site, doc: Document, about: Mapping[str, Any], canonical: str
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    meta = doc.meta
    assert meta is not None
    lang = meta.lang
    keywords = [t["name"] for t in about["themes"]]
    tags = [
        ("dcterms.title", meta.title),
        ("dcterms.date", meta.date.isoformat()),
        ("dcterms.type", labels.type_label(site, meta, lang)),
    ]
    if keywords:
        # Semicolons: a theme's name may hold a comma ("Palvelujen rahoitus, investoinnit
        # ja tuottavuus").
        tags += [("keywords", "; ".join(keywords)), ("dcterms.subject", "; ".join(keywords))]
    if about["region"]:
        tags.append(("dcterms.spatial", about["region"]["name"]))
    if about["round"]:
        tags.append(("dcterms.isPartOf", about["round"]["name"]))
    publisher = site.config.publisher
    jsonld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": JSONLD_TYPES[meta.type],
        "headline": meta.title,
        "name": meta.title,
        "datePublished": meta.date.isoformat(),
        "inLanguage": lang,
        "url": canonical,
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": publisher.name.get(lang),
            "url": publisher.url,
        },
    }
    if meta.summary:
        jsonld["description"] = meta.summary
    if keywords:
        jsonld["keywords"] = keywords
    if about["region"]:
        jsonld["spatialCoverage"] = {"@type": "AdministrativeArea", "name": about["region"]["name"]}
    if about["round"]:
        jsonld["isPartOf"] = {"@type": "CreativeWorkSeries", "name": about["round"]["name"]}
    return tags, jsonld


def _filters(
    site: Site, meta: DocumentMeta, about: Mapping[str, Any], lang: str
) -> list[tuple[str, str]]:
    # An assessment's type names its issuer (THL:n arvio, AVI:n arvio): a filter of its own.
    found = [(i18n.text("document_type", lang), labels.type_label(site, meta, lang))]
    if about["round"]:
        found.append((i18n.text("round", lang), about["round"]["name"]))
    if about["region"]:
        found.append((i18n.text("region", lang), about["region"]["name"]))
    found += [(i18n.text("theme", lang), t["name"]) for t in about["themes"]]
    return found


def version_page(
    site: Site,
    group: Group,
    doc: Document,
    rendered: Rendered,
    chrome: Chrome,
    bodies: Mapping[str, Rendered] | None = None,
) -> Page:
    """The page of one version of a document. A version in a language the interface does
    not speak (North, Inari or Skolt Sámi) is published below the document in the default
    language's tree (routes.version), with that language on its <html> and `chrome` (the
    default language's) for the parts of the page that are the interface's."""
    meta = doc.meta
    assert meta is not None
    lang = chrome.lang
    own_tree = meta.lang in LANGS
    about = _about(site, meta, chrome)
    url = routes.localize(group.path, lang, site.default_lang) if own_tree else site.url(doc)
    canonical = routes.absolute(url, site.config.base_url)
    tags, jsonld = _metadata(site, doc, about, canonical)
    context = chrome.context(
        path=group.path,
        title=meta.title,
        trail=_trail(site, meta, lang, meta.title, group.path),
        section=_section_of(meta),
        available=tuple(group.versions),
        description=meta.summary,
        meta=tags,
        jsonld=jsonld,
    )
    context["alternates"] = [
        {"lang": v.meta.lang, "canonical": routes.absolute(site.url(v), site.config.base_url)}
        for v in group.versions.values()
        if v.meta is not None and v.meta.lang not in LANGS and v is not doc
    ]
    if not own_tree:
        _in_its_own_language(context, meta.lang, url, canonical, chrome)
    context["doc"] = {
        "type": meta.type,
        "type_label": labels.type_label(site, meta, lang),
        "title": meta.title,
        "lang": meta.lang,
        "date": i18n.format_date(meta.date, lang),
        "date_iso": meta.date.isoformat(),
        "summary": meta.summary,
        "example": meta.example,
        "draft": meta.draft,
        "html": site.content(rendered.html),
        **about,
    }
    life = related.lifecycle(site, doc, chrome, meta.lang)
    updated = site.updated.get(doc.id, meta.date)
    context["doc"]["updated"] = (
        {"iso": updated.isoformat(), "text": i18n.format_date(updated, lang)}
        if updated > meta.date
        else None
    )
    context["doc"]["lastmod"] = updated.isoformat()
    context["doc"]["changes"] = life["changes"]
    context["doc"]["public_version"] = life["public_version"]
    context["withdrawn"] = life["withdrawn"]
    context["related"] = related.slot_links(site, group, chrome)
    context["languages_of_doc"] = related.language_links(site, group, doc, chrome)
    context["comparisons"] = related.comparisons(site, group, chrome, bodies) if bodies else []
    context["record"] = negotiation.record(site, group, doc, lang, chrome.link)
    if context["record"] is not None:
        context["record"]["compared"] = theme_recs.links(site, group, chrome)
    context["other_versions"] = other_versions(site, group, chrome, shown=doc.id)
    context["earlier"] = None  # this is the current version
    context["earlier_versions"] = earlier_list(site, doc, chrome)
    context["outdated"] = _outdated(site, group, doc, chrome)
    context["contacts"] = contacts(site, meta, lang)
    context["attachments"] = attachment_list(site, doc, lang)
    # A withdrawn document gives the search nothing: neither its text nor its filters.
    context["filters"] = [] if life["withdrawn"] else _filters(site, meta, about, lang)
    if meta.example and not life["withdrawn"]:
        # A search result from example text says so, as its page does.
        context["search_meta"] = [example_label(chrome)]
    # A withdrawn document is out of the search (and so the sitemap: `indexable`).
    context["index_body"] = life["withdrawn"] is None
    context["missing"] = None
    context["pdf"] = chrome.pdf(routes.document_pdf(url))
    round_id, region_id = getattr(meta, "round", None), getattr(meta, "region", None)
    context["packet"] = (
        chrome.packet(round_id, region_id)
        if meta.type == "negotiation" and round_id and region_id
        else None
    )
    indexable = life["withdrawn"] is None
    return Page(url, DOCUMENT_TEMPLATE, context, indexable=indexable, sources=(doc.file,))


def example_label(chrome: Chrome) -> tuple[str, str]:
    """A search result's label on example text, as its page has the notice."""
    return (chrome.t("example_search_label"), chrome.t("example_search"))


def _in_its_own_language(
    context: dict[str, Any], doc_lang: str, url: str, canonical: str, chrome: Chrome
) -> None:
    """A Sámi version's page: the document's language on <html> (and so in the search's
    eyes), the interface's parts marked with theirs, the page itself its canonical
    address and the current entry of the language links."""
    context["page_lang"] = doc_lang
    context["ui_lang"] = chrome.lang
    context["canonical"] = canonical
    context["meta"] = [
        (name, doc_lang if name == "dcterms.language" else value) for name, value in context["meta"]
    ]
    context["breadcrumbs"][-1]["lang"] = doc_lang
    context["versions"] = [{**v, "current": False} for v in context["versions"]] + [
        {
            "lang": doc_lang,
            "autonym": i18n.AUTONYMS[doc_lang],
            "href": routes.href(url, chrome.base),
            "canonical": canonical,
            "current": True,
            "available": True,
        }
    ]


def _outdated(site: Site, group: Group, doc: Document, chrome: Chrome) -> dict[str, Any] | None:
    """The notice on a translation whose original changed after it was made (the same
    rule as check's translation-outdated warning); None when it is current or unknown."""
    original = group.original
    if doc is original or state_of(doc, original) != "outdated":
        return None
    assert original.meta is not None
    lang = chrome.lang
    return {
        "notice": i18n.text(
            "outdated_translation",
            lang,
            language=i18n.LANG_NAMES[original.meta.lang][lang],
            date=i18n.format_date(original.meta.date, lang),
        ),
        "title": original.meta.title,
        "lang": original.meta.lang,
        "href": routes.href(site.url(original), chrome.base),
    }


def placeholder_page(site: Site, group: Group, chrome: Chrome) -> Page:
    original = group.original
    meta = original.meta
    assert meta is not None
    lang = chrome.lang
    url = routes.localize(group.path, lang, site.default_lang)
    context = chrome.context(
        path=group.path,
        title=meta.title,
        trail=_trail(site, meta, lang, meta.title, group.path),
        section=_section_of(meta),
        available=tuple(group.versions),
        robots="noindex",
    )
    context["missing"] = {
        "notice": i18n.text("missing_translation", lang, language=i18n.LANG_NAMES[meta.lang][lang]),
        "title": meta.title,
        "lang": meta.lang,
        "href": routes.href(site.url(original), chrome.base),
    }
    # This language's search covers the document too: the search indexes the original's
    # page in this page's place (soteneg.site.search), with this language's filters and a
    # label naming the original's language. Its results link to the original ("url":
    # Pagefind's UI links there, sub-results included, instead of to this page).
    context["filters"] = _filters(site, meta, _about(site, meta, chrome), lang)
    # A withdrawn original says so here too; it is out of the search, and so is its
    # stand-in here.
    context["withdrawn"] = related.lifecycle(site, original, chrome, lang)["withdrawn"]
    if meta.withdrawn:
        context["filters"] = []
    context["search_meta"] = [
        ("url", context["missing"]["href"]),
        (i18n.text("language", lang), i18n.LANGUAGE_NOUNS[meta.lang][lang]),
    ]
    if meta.example:
        context["search_meta"].append(example_label(chrome))
    context["search_from"] = site.url(original)
    context["doc"] = None
    context["record"] = None
    context["other_versions"] = other_versions(site, group, chrome)
    context["earlier"] = None
    context["earlier_versions"] = []
    context["contacts"] = []
    context["attachments"] = []
    context["pdf"] = context["packet"] = None
    return Page(url, DOCUMENT_TEMPLATE, context, indexable=False, sources=(original.file,))
