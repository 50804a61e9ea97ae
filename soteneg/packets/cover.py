"""A packet's cover: the unit and the round, the meeting's facts (time and place, chair,
attendees by side, the record's diary number and date), the packet's version and date,
and what the packet lacks. Officials take the cover to the table: what the meeting was
and whether the packet is whole must be read there, without turning a page. Pure."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from soteneg.content import attachments
from soteneg.content.loader import Document
from soteneg.content.models import Names
from soteneg.core import formats
from soteneg.site import eras, i18n, negotiation
from soteneg.site.index import Site

if TYPE_CHECKING:
    from soteneg.packets.plan import Packet

# As many hex digits of the inputs' hash as a reader can compare at a glance.
VERSION_DIGITS = 8


def version(site: Site, documents: tuple[Document, ...]) -> str:
    """A short hash of what the packet is printed from: each document's file, front matter
    as validated and text, and the files it attaches. The same documents give the same
    version in every build; any change to one of them gives another."""
    digest = hashlib.sha256()
    for doc in documents:
        assert doc.meta is not None
        # Defaults left out: a field the model gains (versions: of issue 27) is no
        # change to a document that does not use it, so its packets keep their version.
        for part in (doc.file, doc.meta.model_dump_json(exclude_defaults=True), doc.body):
            digest.update(part.encode("utf-8") + b"\0")
        for path in sorted(_attached(doc)):
            if path in site.files:
                digest.update(path.encode("utf-8") + b"\0" + site.files[path].data)
    return digest.hexdigest()[:VERSION_DIGITS]


def _attached(doc: Document) -> set[str]:
    return {ref.path for ref in attachments.references(doc) if ref.path is not None}


def names(names: Names, lang: str) -> list[dict[str, str]]:
    """A region's name on a cover: in the packet's language, then in the other national
    language, each once (Helsinki is Helsinki in both)."""
    found: dict[str, str] = {}
    for k in (lang, "fi", "sv"):
        name = getattr(names, k, None)
        if name and name not in found.values() and len(found) < 2:
            found[k] = name
    return [{"lang": k, "name": name} for k, name in found.items()]


def _negotiation(packet: Packet) -> Document | None:
    if packet.cover_region is None:
        return None
    return next((d for d in packet.documents if d.meta and d.meta.type == "negotiation"), None)


def meeting_lines(site: Site, packet: Packet, lang: str) -> list[dict[str, Any]]:
    """The cover lines of a unit's packet about its negotiation: when and where it met,
    who chaired, and the record's diary number and date."""
    doc = _negotiation(packet)
    return negotiation.cover_lines(site, site.group(doc), doc, lang) if doc else []


def attendees(site: Site, packet: Packet, lang: str) -> list[dict[str, Any]]:
    """Who attended, by side, as the record lists them."""
    doc = _negotiation(packet)
    held = negotiation.meeting(site, site.group(doc), doc, lang) if doc else None
    return held["sides"] if held else []


def lacking(site: Site, packet: Packet, lang: str) -> list[dict[str, str | None]]:
    """What the packet lacks, in its language: a unit without any expert assessment in a
    round that has experts, and each document without a version in the packet's
    language or in a language its unit must publish in."""
    rnd = packet.cover_round
    found: list[dict[str, str | None]] = []
    if rnd is not None and rnd.experts:
        units = [packet.cover_region] if packet.cover_region else _units(packet)
        for unit in units:
            if unit and not site.assessments(rnd.id, unit):
                name = site.data.regions[unit].name.get(lang)
                what = i18n.text("packet_lacks_assessment", lang)
                found.append({"title": name, "lang": None, "what": what})
    for doc in packet.documents:
        assert doc.meta is not None
        group = site.group(doc)
        region = site.data.regions.get(getattr(doc.meta, "region", None) or "")
        needed = [lang, *(region.languages if region else ())]
        for missing in dict.fromkeys(n for n in needed if group.version(n) is None):
            what = i18n.text("packet_lacks_version", lang, language=i18n.LANG_NAMES[missing][lang])
            title_lang = doc.meta.lang if doc.meta.lang != lang else None
            found.append({"title": doc.meta.title, "lang": title_lang, "what": what})
    return found


def _units(packet: Packet) -> list[str]:
    """The units whose negotiation documents a round's packet holds, in its order."""
    found = [getattr(d.meta, "region", None) for d in packet.documents]
    return list(dict.fromkeys(u for u in found if isinstance(u, str)))


def cover(
    site: Site, packet: Packet, title: str, dated: str, printed: str | None = None
) -> dict[str, Any] | None:
    """The cover's facts, or None for a document's own PDF, which has none. `dated`: its
    latest document's date; `printed`: the build's day, when the build was given one."""
    rnd = packet.cover_round
    if rnd is None:
        return None
    lang = packet.lang
    region = site.data.regions.get(packet.cover_region or "")
    return {
        "title": title,
        "region": names(region.name, lang) if region else None,
        "round": {
            "name": rnd.name.get(lang),
            "kind": i18n.text(rnd.kind, lang),
            # The ministries, then the region the packet is for, the other party.
            "parties": eras.party_list(site, rnd, lang, region.id if region else None),
            "period": formats.period(rnd.start, rnd.end, lang),
        },
        "example": any(d.meta and d.meta.example for d in packet.documents),
        "meeting": meeting_lines(site, packet, lang),
        "attendees": attendees(site, packet, lang),
        "version": version(site, packet.documents),
        "dated": dated,
        "printed": printed,
        "lacking": lacking(site, packet, lang),
    }
