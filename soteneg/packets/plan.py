"""What is printed: negotiation packets per region and round, one per round, and a PDF of
every document version. Pure: each print job is a page of the plan whose template is
a print template; `pdf` turns the rendered HTML into PDF."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from soteneg.content.loader import Document
from soteneg.content.models import Round
from soteneg.core import formats, routes
from soteneg.markdown.html import finish_print
from soteneg.markdown.print_html import render_print
from soteneg.packets import cover as packet_cover
from soteneg.site import eras, i18n, labels, negotiation
from soteneg.site.index import Site, collate
from soteneg.site.pages.document import attachment_list, contacts
from soteneg.site.pages.page import Page

# Print HTML names project files under this address, whatever folder the project is in,
# so that a PDF's bytes never depend on where the project was checked out. The PDF
# fetcher maps it to the real project root and serves nothing else.
PROJECT_URI = "file:///soteneg-project/"

PRINT_TEMPLATE = "print/packet.html"


@dataclass(frozen=True)
class Packet:
    """One PDF to print, before rendering."""

    url: str  # "/pdf/2018-syksy/uusimaa.pdf"
    lang: str
    title: str
    documents: tuple[Document, ...]  # in print order
    cover_round: Round | None = None
    cover_region: str | None = None  # region id, on the cover in fi and sv
    toc: bool = True


def _ordered(site: Site, round_id: str, region_id: str | None, lang: str) -> list[Document]:
    """The packet's documents in site.yaml's packet_order, in `lang` where translated.
    Without a region, only the round's own documents (the summary)."""
    docs: list[Document] = []
    for kind in site.config.packet_order:
        if kind == "summary":
            groups = [site.slot("summary", round_id)]
        elif region_id is None:
            groups = []
        elif kind == "assessment":
            # Every expert body's assessment of the unit (THL's, AVI's), in the round's
            # order of experts.
            groups = list(site.assessments(round_id, region_id))
        else:
            groups = [site.slot(kind, round_id, region_id)]
        docs += [group.best(lang) for group in groups if group is not None]
    return docs


def _negotiating(site: Site, rnd: Round, lang: str) -> list[str]:
    """The regions of the round that have a negotiation document, by name."""
    present = set(eras.regions_in_round(site, rnd))
    return [
        r for r in site.regions_sorted(lang) if r in present and site.slot("negotiation", rnd.id, r)
    ]


def packet_urls(site: Site) -> list[str]:
    """The URL of every PDF `plan_packets` plans, in its order: pages link to these, the
    build prints them, the preview prints one on request. Made without planning the
    packets: their titles and the round packet's order (sorted by title) do not change
    which exist, and were 0.2-0.4 s of every save's build in the preview at 5000
    documents, which prints nothing. Answered once per Site."""
    return list(site.remember(("packet-urls", ""), lambda: tuple(_packet_urls(site))))


def _packet_urls(site: Site) -> list[str]:
    """`_plan_packets`' URLs, the same packets by the same tests, in the same order."""
    default = site.default_lang
    order = frozenset(site.config.packet_order)
    urls: list[str] = []
    for rnd in site.rounds:
        for lang in site.languages:
            regions = _negotiating(site, rnd, lang)
            round_has = lang == default
            for region_id in regions:
                docs = _ordered(site, rnd.id, region_id, lang)
                if _has_content(docs, lang, default):
                    urls.append(routes.packet(rnd.id, region_id, lang, default))
                # The round's packet holds these documents of the kinds packet_order
                # names (`by_kind`), and the round's own (below).
                round_has = round_has or any(
                    d.meta
                    and d.meta.type != "summary"
                    and d.meta.type in order
                    and d.meta.lang == lang
                    for d in docs
                )
            if regions and (
                round_has or _has_content(_ordered(site, rnd.id, None, lang), lang, default)
            ):
                urls.append(routes.round_packet(rnd.id, lang, default))
    for group in site.groups.values():
        urls.extend(routes.document_pdf(site.url(doc)) for doc in group.versions.values())
    return urls


def _has_content(docs: list[Document], lang: str, default: str) -> bool:
    """A packet exists in a language that has content: the default language always, any
    other when at least one of its documents is written in it. Without one, that
    language's pages link to the default language's packet and say which language it is
    in (Chrome.packet)."""
    return lang == default or any(d.meta and d.meta.lang == lang for d in docs)


def plan_packets(site: Site) -> tuple[Packet, ...]:
    """Every PDF of the build, in a fixed order: each language's packets of each round
    (a region's, then the round's), then each document version's own PDF. Planned once
    per Site: the pages' links, the printing and the preview's requests ask alike."""
    return site.remember(("packets", ""), lambda: tuple(_plan_packets(site)))


def _plan_packets(site: Site) -> list[Packet]:
    default = site.default_lang
    packets: list[Packet] = []
    for rnd in site.rounds:
        for lang in site.languages:
            packets += _round_packets(site, rnd, lang, default)
    for group in site.groups.values():
        for doc in group.versions.values():
            assert doc.meta is not None
            packets.append(
                Packet(
                    url=routes.document_pdf(site.url(doc)),
                    lang=doc.meta.lang,
                    title=doc.meta.title,
                    documents=(doc,),
                    toc=False,
                )
            )
    return packets


def _round_packets(site: Site, rnd: Round, lang: str, default: str) -> list[Packet]:
    """The packets of a round in `lang`: each negotiating region's, then the round's."""
    packets: list[Packet] = []
    regions = _negotiating(site, rnd, lang)
    by_kind: dict[str, list[Document]] = {}
    for region_id in regions:
        region = site.data.regions[region_id]
        docs = _ordered(site, rnd.id, region_id, lang)
        for doc in docs:
            if doc.meta and doc.meta.type != "summary":
                by_kind.setdefault(doc.meta.type, []).append(doc)
        if not _has_content(docs, lang, default):
            continue
        packets.append(
            Packet(
                url=routes.packet(rnd.id, region_id, lang, default),
                lang=lang,
                # The round's name is a title of its own: after a dash, not inside a
                # phrase ("Neuvotteluaineisto: Uusimaa – Syksy 2018").
                title=f"{i18n.text('packet_title', lang)}: {region.name.get(lang)} – "
                f"{rnd.name.get(lang)}",
                documents=tuple(docs),
                cover_round=rnd,
                cover_region=region_id,
            )
        )
    if regions:
        # The round's packet in packet_order, kind by kind; within a kind, by the titles
        # it shows, sorted in its language (a Finnish original in a Swedish packet shows
        # its Finnish title, and sorts by it).
        everything = [
            doc
            for kind in site.config.packet_order
            for doc in sorted(by_kind.get(kind, []), key=lambda d: collate(d.meta.title))  # type: ignore[union-attr]
        ]
        everything += _ordered(site, rnd.id, None, lang)
        if _has_content(everything, lang, default):
            packets.append(
                Packet(
                    url=routes.round_packet(rnd.id, lang, default),
                    lang=lang,
                    title=f"{i18n.text('round_packet_title', lang)}: {rnd.name.get(lang)}",
                    documents=tuple(everything),
                    cover_round=rnd,
                )
            )
    return packets


def print_resolver(site: Site, doc: Document, root_uri: str) -> Callable[[str], str]:
    """Links in print: documents by their public URL, files as file: URIs in content/.
    The PDF fetcher still refuses anything outside the project."""

    def resolve(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#") or not parts.path:
            return href
        if href.startswith("/"):
            return routes.absolute(href, site.config.base_url)
        target = site.link_target(doc, unquote(parts.path))
        if target is None:
            return href
        if isinstance(target, Document):
            anchor = f"#{parts.fragment}" if parts.fragment else ""
            return routes.absolute(site.url(target), site.config.base_url) + anchor
        # The file's hash rides along in the address, so a changed image changes the print
        # HTML and with it the PDF's cache key (the fetcher ignores the query).
        version = target.url.rsplit(".", 2)[-2]
        return f"{root_uri}content/{target.path}?v={version}"

    # A document is in several packets: its links are resolved once.
    return site.answered_once(("print-links", f"{doc.id}\0{root_uri}"), resolve)


def pdf_pages(data: bytes) -> int:
    """How many pages an attachment PDF has; the packet reserves that many."""
    # pypdf is loaded here, not with the module: every build imports this module, few
    # read a PDF.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return max(1, len(PdfReader(io.BytesIO(data)).pages))
    except (PdfReadError, ValueError, OSError):
        return 1


def _header(site: Site, doc: Document, lang: str) -> str:
    meta = doc.meta
    assert meta is not None
    parts = []
    region = getattr(meta, "region", None)
    if region in site.data.regions:
        parts.append(site.data.regions[region].name.get(lang))
    round_id = getattr(meta, "round", None)
    if round_id in site.data.rounds:
        parts.append(site.data.rounds[round_id].name.get(lang))
    return " · ".join(parts) or meta.title


def _public(site: Site) -> Callable[[str], str]:
    """Links in print lead to the public site."""
    return lambda url: routes.absolute(url, site.config.base_url)


def packet_page(site: Site, packet: Packet, root_uri: str, printed: dt.date | None = None) -> Page:
    lang = packet.lang
    chapters: list[dict[str, Any]] = []
    toc: list[dict[str, Any]] = []
    people: dict[str, dict[str, Any]] = {}
    keywords: list[str] = []
    for n, doc in enumerate(packet.documents, start=1):
        meta = doc.meta
        assert meta is not None
        prefix = f"d{n}-"
        resolve = print_resolver(site, doc, root_uri)
        pre = doc.prerendered
        if pre is not None and pre.readable() and pre.print_html is not None:
            html = finish_print(pre, resolve, prefix)  # from the parse the web page has
        else:
            html = render_print(doc.body, resolve, prefix, site.config.allow_raw_html)
        chapter_id = f"d{n}"
        files = attachment_list(site, doc, lang, absolute=True)
        record = negotiation.record(
            site, site.group(doc), doc, lang, _public(site), prefix=f"{chapter_id}-"
        )
        if record is not None:
            record["unit_page"] = None  # a page's link, not paper's
        appendices = [
            {
                "id": f"{chapter_id}-a{k}",
                "title": f["title"],
                "path": f["path"],
                "pages": pdf_pages(site.files[f["path"]].data),
            }
            for k, f in enumerate(files, start=1)
            if f["format"] == "PDF"
        ]
        chapters.append(
            {
                "appendices": appendices,
                "other_files": [f for f in files if f["format"] != "PDF"],
                "id": chapter_id,
                "lang": meta.lang,
                # A document not written in the packet's language is printed in its
                # original, after a note in the packet's language.
                "original_note": (
                    i18n.text(
                        "packet_original_only", lang, language=i18n.LANG_NAMES[meta.lang][lang]
                    )
                    if meta.lang != lang
                    else None
                ),
                # What the document is, in the packet's language: an assessment by its
                # issuer ("AVI:n arvio"); not above a title that begins with it.
                "kind": labels.before_title(labels.type_label(site, meta, lang), meta.title),
                "title": meta.title,
                "date": i18n.format_date(meta.date, lang),
                "summary": meta.summary,
                "example": meta.example,
                # Corrections after publication and the confidential original of a public
                # version, as on the document's page (site.pages.related).
                "changes": [
                    {"date": i18n.format_date(c.date, lang), "note": c.note} for c in meta.changes
                ],
                "public_version": meta.public_version_of.model_dump()
                if meta.public_version_of
                else None,
                "header": _header(site, doc, lang),
                "html": Markup(html),
                "record": record,
            }
        )
        toc.append(
            {
                "id": chapter_id,
                "title": meta.title,
                "level": 1,
                "lang": meta.lang if meta.lang != lang else None,
            }
        )
        toc += [{"id": a["id"], "title": a["title"], "level": 2, "lang": None} for a in appendices]
        for person in contacts(site, meta, lang):
            people.setdefault(person["name"], person)
        for theme in getattr(meta, "themes", ()):
            name = site.data.themes[theme].name.get(lang) if theme in site.data.themes else theme
            if name not in keywords:
                keywords.append(name)
    first = packet.documents[0].meta if packet.documents else None
    dates = sorted(d.meta.date for d in packet.documents if d.meta)
    # The moment the PDF is stamped with (build.printing): its latest document's date.
    dated = i18n.format_date(dates[-1], lang) if dates else ""
    on = i18n.format_date(printed, lang) if printed else None
    cover = packet_cover.cover(site, packet, packet.title.split(": ")[0], dated, on)
    if people:
        toc.append(
            {"id": "contacts", "title": i18n.text("contacts", lang), "level": 1, "lang": None}
        )
    context = {
        "lang": lang,
        # A Sámi document's PDF: Sámi in the catalog, the interface's words marked with
        # the language they are printed in (as its web page has them).
        "ui_lang": i18n.words_lang(lang) if i18n.words_lang(lang) != lang else None,
        "t": lambda key, **values: i18n.text(key, lang, **values),
        "title": packet.title,
        "author": site.config.publisher.name.get(lang),
        "description": first.summary if first and len(packet.documents) == 1 else None,
        "keywords": keywords,
        "created": dates[0].isoformat() if dates else "",
        "modified": dates[-1].isoformat() if dates else "",
        "duplex": site.config.packet_duplex,
        # "3 (12)", as official documents number their pages.
        "page_numbers": Markup(formats.page_numbers_css()),
        "fonts": site.config.print_fonts.model_dump(),
        "cover": cover,
        "toc": toc if packet.toc else None,
        "chapters": chapters,
        "contacts": list(people.values()),
    }
    sources = tuple(d.file for d in packet.documents)
    context["appendix_files"] = [(a["id"], a["path"]) for ch in chapters for a in ch["appendices"]]
    return Page(packet.url, PRINT_TEMPLATE, context, indexable=False, sources=sources)
