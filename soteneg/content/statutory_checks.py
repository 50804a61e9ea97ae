"""What a statutory round's documents name beyond their unit and round: the issuer of an
assessment, the people and sides of a meeting, the themes of recommended actions, and
diary numbers that are the site's one record each. Pure: it reads nothing."""

from __future__ import annotations

from collections.abc import Iterator

from soteneg.content import timeline
from soteneg.content.data_checks import missing
from soteneg.content.front_matter import Assessment, Attendee, Meeting, Negotiation
from soteneg.content.loader import DataSet, Document
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.core.text import Text, joined

Where = tuple[str | int, ...]


def check_statutory(doc: Document, data: DataSet) -> Iterator[Problem]:
    """The checks of one valid document."""
    meta = doc.meta
    if isinstance(meta, Assessment) and meta.issuer is not None:
        yield from _check_issuer(doc, data, meta)
    if isinstance(meta, Negotiation):
        yield from _check_negotiated(doc, data, meta)
        if meta.meeting is not None:
            yield from _check_meeting(doc, data, meta, meta.meeting)
        round_ = data.rounds.get(meta.round)
        for j, rec in enumerate(meta.recommendations):
            where = ("recommendations", j, "theme")
            if missing(data, "themes.yaml", data.themes, rec.theme):
                hint = did_you_mean(rec.theme, data.themes)
                at = doc.front.position(where)
                yield problem(doc.file, at, "unknown-theme", hint=hint, value=rec.theme)
            elif round_ is not None and rec.theme not in round_.themes:
                yield problem(
                    doc.file,
                    doc.front.position(where),
                    "theme-not-in-round",
                    theme=rec.theme,
                    round=round_.id,
                    themes=joined(round_.themes),
                )


def _check_issuer(doc: Document, data: DataSet, meta: Assessment) -> Iterator[Problem]:
    issuer = meta.issuer
    assert issuer is not None
    where = ("issuer",)
    if missing(data, "parties.yaml", data.parties, issuer):
        hint = did_you_mean(issuer, data.parties)
        yield problem(doc.file, doc.front.position(where), "unknown-party", hint=hint, value=issuer)
        return
    party = data.parties.get(issuer)
    if party is not None and not party.expert:
        yield problem(doc.file, doc.front.position(where), "not-an-expert", party=issuer)
        return
    round_ = data.rounds.get(meta.round)
    if round_ is not None and round_.experts and issuer not in round_.experts:
        yield problem(
            doc.file,
            doc.front.position(where),
            "issuer-not-in-round",
            party=issuer,
            round=round_.id,
            experts=joined(round_.experts),
        )


def _check_negotiated(doc: Document, data: DataSet, meta: Negotiation) -> Iterator[Problem]:
    """A negotiation names a unit the ministries negotiate with (not the whole country)."""
    unit = data.regions.get(meta.region)
    kind = data.kinds.get(unit.kind or "") if unit is not None else None
    if unit is not None and kind is not None and not timeline.negotiated(data, unit):
        yield problem(
            doc.file,
            doc.front.position(("region",)),
            "not-negotiated",
            region=meta.region,
            kind=Text(kind.one.get("fi"), kind.one.get("sv"), kind.one.get("en")),
        )


def _check_meeting(
    doc: Document, data: DataSet, meta: Negotiation, meeting: Meeting
) -> Iterator[Problem]:
    """People of people.yaml exist; each side is a party of the round, the unit itself,
    or (for a collaboration area) one of its members."""
    named: list[tuple[Where, Attendee]] = []
    for role in ("chair", "secretary"):
        person = getattr(meeting, role)
        if person is not None:
            named.append((("meeting", role), person))
    round_ = data.rounds.get(meta.round)
    unit = data.regions.get(meta.region)
    sides = (
        {meta.region}
        | set(round_.parties if round_ else ())
        | set(round_.experts if round_ else ())
    )
    if unit is not None:
        sides |= {m.unit for m in unit.members}
    for side, people in meeting.attendees.items():
        if round_ is not None and unit is not None and side not in sides:
            yield problem(
                doc.file,
                doc.front.position(("meeting", "attendees", side), prefer_key=True),
                "unknown-side",
                hint=did_you_mean(side, sorted(sides)),
                side=side,
                sides=joined(sorted(sides)),
            )
        named += [(("meeting", "attendees", side, j), p) for j, p in enumerate(people)]
    for where, attendee in named:
        person = attendee.person
        if person is not None and missing(data, "people.yaml", data.people, person):
            hint = did_you_mean(person, data.people)
            at = doc.front.position(where)
            yield problem(doc.file, at, "unknown-person", hint=hint, value=person)


def check_diary_numbers(documents: tuple[Document, ...]) -> Iterator[Problem]:
    """A diary number is one record's: two documents that are not language versions of
    one another cannot share one."""
    first: dict[str, Document] = {}
    for doc in documents:
        number = getattr(doc.meta, "diary_number", None)
        if number is None:
            continue
        assert doc.meta is not None
        original = doc.meta.translation_of or doc.id
        seen = first.get(number)
        if seen is None:
            first[number] = doc
            continue
        assert seen.meta is not None
        if (seen.meta.translation_of or seen.id) != original:
            yield problem(
                doc.file,
                doc.front.position(("diary_number",)),
                "duplicate-diary-number",
                number=number,
                file=seen.file,
            )
