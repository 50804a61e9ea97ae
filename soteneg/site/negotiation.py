"""The negotiation document as it is kept, arranged for its page and for print: the
record's facts (type, diary number, dates), the meeting (time in Finnish time, place or
remote, chair, secretary, attendees by side), the recommended actions, numbered, and the
follow-up of earlier ones. Pure: plain dicts for templates/partials/negotiation_*.html.

A translation may leave out the facts that do not change with the language (the diary
number, the dates, the meeting): then they are shown from its original, and the free
text of the original (a place, a title) is marked with the original's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from soteneg.content.front_matter import Assessment, Attendee, Meeting, Negotiation
from soteneg.content.loader import Document
from soteneg.core import routes
from soteneg.core.names import HELSINKI
from soteneg.site import i18n
from soteneg.site import recommendations as recs
from soteneg.site.index import Group, Site

# Anchors of the parts a page adds to a document. The underscore keeps them apart from
# heading ids, which are made of a-z, 0-9 and '-' (markdown.parse.slugify).
MEETING_ANCHOR = "asiakirja_kokous"
RECOMMENDATIONS_ANCHOR = "asiakirja_suositukset"
FOLLOW_UP_ANCHOR = "asiakirja_seuranta"


def recommendation_anchor(rec_id: str) -> str:
    return f"suositus_{rec_id}"


def follow_up_anchor(rec_id: str) -> str:
    return f"seuranta_{rec_id}"


# A site URL (in its language's tree) -> the href a page or a print uses for it.
Link = Callable[[str], str]


def localized(site: Site, path: str, lang: str) -> str:
    """The language-neutral `path` in `lang`'s tree."""
    return routes.localize(path, lang, site.default_lang)


def status_text(status: str | None, lang: str) -> str:
    return i18n.text(f"status_{status}" if status else "status_none", lang)


def day(value: dt.date | None, lang: str) -> dict[str, str] | None:
    return {"text": i18n.format_date(value, lang), "iso": value.isoformat()} if value else None


def meeting_time(meeting: Meeting, lang: str) -> str:
    """ "12.11.2024 klo 9.00–12.00" in Finnish time, whatever offset the editor wrote."""
    start = meeting.start.astimezone(HELSINKI)
    values = {"date": i18n.format_date(start.date(), lang), "start": i18n.format_clock(start, lang)}
    if meeting.end is None:
        return i18n.text("meeting_from", lang, **values)
    end = meeting.end.astimezone(HELSINKI)
    values["end"] = i18n.format_clock(end, lang)
    if end.date() == start.date():
        return i18n.text("meeting_span", lang, **values)
    return i18n.text("meeting_days", lang, end_date=i18n.format_date(end.date(), lang), **values)


def meeting_place(meeting: Meeting, lang: str) -> str:
    if meeting.place is None:
        return i18n.text("meeting_remote", lang)
    if meeting.remote:
        return f"{meeting.place} ({i18n.text('meeting_also_remote', lang)})"
    return meeting.place


def _presence(attendee: Attendee, lang: str) -> str | None:
    start, end = attendee.present_from, attendee.present_to
    if start and end:
        return i18n.text(
            "present_between",
            lang,
            start=i18n.format_clock(start, lang),
            end=i18n.format_clock(end, lang),
        )
    if start:
        return i18n.text("present_from", lang, start=i18n.format_clock(start, lang))
    if end:
        return i18n.text("present_to", lang, end=i18n.format_clock(end, lang))
    return None


def side_name(site: Site, side: str, lang: str) -> str:
    """A side of the meeting by name: a party's (a ministry, an expert body) or a unit's."""
    if side in site.data.parties:
        return site.data.parties[side].name.get(lang)
    if side in site.data.regions:
        return site.data.regions[side].name.get(lang)
    return side


def attendee(
    site: Site, person: Attendee, on: dt.date, lang: str, written_in: str, side: str | None
) -> dict[str, Any]:
    """Somebody at the meeting as one line: name, title, organisation, and when present
    for part of the meeting, from or until when. A person of people.yaml has the title
    held on the day of the meeting, in the page's language; a name written out has its
    title as the document wrote it (`lang` says in which language when not the page's).
    The organisation is left out where it is the side's own name."""
    if person.person is not None and person.person in site.data.people:
        who = site.data.people[person.person]
        title, organisation = who.title_on(on)
        parts = [who.name, title.get(lang), organisation.get(lang)]
        text_lang = None
    else:
        parts = [person.name or person.person or "", person.title or "", person.organisation or ""]
        text_lang = written_in if written_in != lang else None
    if side is not None and parts[2].casefold() == side_name(site, side, lang).casefold():
        parts[2] = ""
    return {
        "text": ", ".join(p for p in parts if p),
        "lang": text_lang,
        "presence": _presence(person, lang),
    }


def _source(group: Group, doc: Document, field: str) -> Document | None:
    """The version whose `field` a page in `doc`'s language shows: its own, else its
    original's."""
    for candidate in (doc, group.original):
        if getattr(candidate.meta, field, None):
            return candidate
    return None


def _row(label: str, value: str | None = None, **more: Any) -> dict[str, Any]:
    """A label and value pair of a definition list; `date` for a day, `lang` for text
    in another language than the page's, `note` said after it in brackets (an
    attendee's hours, a place that was also remote)."""
    return {"label": label, "value": value, "date": None, "lang": None, "note": None, **more}


def facts(site: Site, group: Group, doc: Document, lang: str) -> list[dict[str, Any]]:
    """The record's facts as label and value pairs, in the order a record lists them."""
    rows: list[dict[str, Any]] = []
    kind = _source(group, doc, "document_type")
    if kind is not None:
        value = i18n.text(f"record_{getattr(kind.meta, 'document_type', '')}", lang)
        rows.append(_row(i18n.text("document_type", lang), value))
    number = _source(group, doc, "diary_number")
    if number is not None:
        rows.append(_row(i18n.text("diary_number", lang), getattr(number.meta, "diary_number", "")))
    for field in ("document_date", "agreed"):
        source = _source(group, doc, field)
        if source is not None:
            rows.append(_row(i18n.text(field, lang), date=day(getattr(source.meta, field), lang)))
    return rows


def language_name(written_in: str, lang: str) -> str:
    """ "suomeksi", "på finska": the language a text is written in, said in `lang`."""
    return i18n.LANG_NAMES.get(written_in, {}).get(lang, written_in)


def meeting(site: Site, group: Group, doc: Document, lang: str) -> dict[str, Any] | None:
    source = _source(group, doc, "meeting")
    if source is None:
        return None
    meta = source.meta
    assert isinstance(meta, Negotiation) and meta.meeting is not None
    held = meta.meeting
    on = held.start.astimezone(HELSINKI).date()
    written_in = meta.lang
    other = written_in if written_in != lang else None
    rows = [
        _row(i18n.text("meeting_time", lang), meeting_time(held, lang)),
        _row(
            i18n.text("meeting_place", lang),
            held.place or i18n.text("meeting_remote", lang),
            lang=other if held.place else None,
            note=i18n.text("meeting_also_remote", lang) if held.place and held.remote else None,
        ),
    ]
    for role in ("chair", "secretary"):
        person = getattr(held, role)
        if person is not None:
            who = attendee(site, person, on, lang, written_in, None)
            rows.append(
                _row(i18n.text(role, lang), who["text"], lang=who["lang"], note=who["presence"])
            )
    sides = [
        {
            "name": side_name(site, side, lang),
            "people": [attendee(site, p, on, lang, written_in, side) for p in people],
        }
        for side, people in held.attendees.items()
        if people
    ]
    return {
        "anchor": MEETING_ANCHOR,
        "rows": rows,
        "sides": sides,
        "note": i18n.text("meeting_original_only", lang, language=language_name(written_in, lang))
        if source is not doc and other
        else None,
    }


def recommendation_items(
    site: Site, doc: Document, lang: str, link: Link, prefix: str = ""
) -> list[dict[str, Any]]:
    """The recommended actions of one version, numbered in their order."""
    meta = doc.meta
    assert isinstance(meta, Negotiation)
    return [
        recommendation_item(site, rec, number, meta.lang, lang, link, prefix)
        for number, rec in enumerate(meta.recommendations, start=1)
    ]


def recommendation_item(
    site: Site, rec: Any, number: int, written_in: str, lang: str, link: Link, prefix: str = ""
) -> dict[str, Any]:
    theme = site.data.themes.get(rec.theme)
    return {
        "number": number,
        "anchor": prefix + recommendation_anchor(rec.id),
        "text": rec.text,
        "lang": written_in if written_in != lang else None,
        "theme": {
            "name": theme.name.get(lang),
            "href": link(localized(site, routes.theme(theme.id), lang)),
        }
        if theme
        else {"name": rec.theme, "href": None},
        "addressee": rec.addressee,
        "deadline": day(rec.deadline, lang),
        # Filled in by the pages of recommendations across rounds.
        "follow_ups": [],
        "status": None,
    }


def given_at(
    site: Site, track: recs.Track, lang: str, link: Link, unit_id: str | None
) -> dict[str, Any]:
    """Where a recommendation was given, as a link to it in that document's version in
    `lang` (or its original): "Suositus 2, Hyvinvointialueneuvottelut 2024"; naming the
    unit when it is not `unit_id` (a predecessor)."""
    given = track.given
    version = track.group.best(lang)
    round_name = given.round.name.get(lang)
    if unit_id is not None and given.unit != unit_id and given.unit in site.data.regions:
        label = i18n.text(
            "given_by_unit",
            lang,
            number=given.number,
            round=round_name,
            unit=site.data.regions[given.unit].name.get(lang),
        )
    else:
        label = i18n.text("given_in", lang, number=given.number, round=round_name)
    rec = recs.in_version(version, track.id) or given.recommendation
    version_lang = version.meta.lang if version.meta else lang
    return {
        "label": label,
        "href": link(site.url(version)) + "#" + recommendation_anchor(track.id),
        "text": rec.text,
        "lang": version_lang if version_lang != lang else None,
    }


def follow_up_items(
    site: Site, group: Group, doc: Document, lang: str, link: Link, prefix: str = ""
) -> list[dict[str, Any]]:
    """What this version says of earlier recommendations: each with its status in words,
    the note, and the recommendation itself with a link to where it was given."""
    meta = doc.meta
    assert isinstance(meta, Negotiation)
    unit_id = getattr(group.original.meta, "region", None)
    notes = {f.id: f for f in meta.follow_up}
    items = []
    for follow, track in recs.follow_ups_in(site, group):
        own = notes.get(follow.id, follow)  # the note in this version's words
        items.append(
            {
                "anchor": prefix + follow_up_anchor(follow.id),
                "status": follow.status,
                "status_text": status_text(follow.status, lang),
                "note": own.note,
                "note_lang": meta.lang if meta.lang != lang else None,
                "given": given_at(site, track, lang, link, unit_id) if track else None,
                "unknown": i18n.text("unknown_recommendation", lang, id=follow.id)
                if track is None
                else None,
            }
        )
    return items


def record(
    site: Site, group: Group, doc: Document, lang: str, link: Link, prefix: str = ""
) -> dict[str, Any] | None:
    """Everything the page or print of a negotiation document shows beyond its text (of
    an assessment, its diary number and date); None for other documents, or one that
    records none of it."""
    original = group.original.meta
    if isinstance(doc.meta, Assessment) and isinstance(original, Assessment):
        rows = facts(site, group, doc, lang)
        return {**_EMPTY, "facts": rows} if rows else None
    if not isinstance(doc.meta, Negotiation) or not isinstance(original, Negotiation):
        return None
    region_id = original.region
    found = {
        "facts": facts(site, group, doc, lang),
        "meeting": meeting(site, group, doc, lang),
        "recommendations": recommendation_items(site, doc, lang, link, prefix),
        "follow_up": follow_up_items(site, group, doc, lang, link, prefix),
        "recommendations_anchor": prefix + RECOMMENDATIONS_ANCHOR,
        "follow_up_anchor": prefix + FOLLOW_UP_ANCHOR,
        "unit_page": link(localized(site, routes.region_recommendations(region_id), lang))
        if region_id in site.data.regions and recs.has_unit_page(site, region_id)
        else None,
        # Links to the unit's recommendations compared round by round: a page fills them.
        "compared": [],
    }
    if found["meeting"] is not None:
        found["meeting"]["anchor"] = prefix + MEETING_ANCHOR
    if not any(found[k] for k in ("facts", "meeting", "recommendations", "follow_up")):
        return None
    return found


# A record with nothing but facts (an assessment's).
_EMPTY: dict[str, Any] = {
    "facts": [],
    "meeting": None,
    "recommendations": [],
    "follow_up": [],
    "recommendations_anchor": "",
    "follow_up_anchor": "",
    "unit_page": None,
    "compared": [],
}


def cover_lines(site: Site, group: Group, doc: Document, lang: str) -> list[dict[str, Any]]:
    """A packet cover's lines about the negotiation: "Neuvottelu: 12.11.2024 klo
    9.00–12.00, Helsinki", the chair, "Diaarinumero: VN/21358/2020, 23.12.2020"."""
    lines: list[dict[str, Any]] = []
    source = _source(group, doc, "meeting")
    if source is not None:
        meta = source.meta
        assert isinstance(meta, Negotiation) and meta.meeting is not None
        held = meta.meeting
        when = f"{meeting_time(held, lang)}, {meeting_place(held, lang)}"
        lines.append(_row(i18n.text("packet_meeting", lang), when))
        if held.chair is not None:
            on = held.start.astimezone(HELSINKI).date()
            chair = attendee(site, held.chair, on, lang, meta.lang, None)
            lines.append(_row(i18n.text("chair", lang), chair["text"], lang=chair["lang"]))
    number = _source(group, doc, "diary_number")
    if number is not None:
        value = str(getattr(number.meta, "diary_number", ""))
        dated = _source(group, doc, "document_date")
        on_paper = getattr(dated.meta, "document_date", None) if dated is not None else None
        if on_paper is not None:
            value = f"{value}, {i18n.format_date(on_paper, lang)}"
        lines.append(_row(i18n.text("diary_number", lang), value))
    return lines
