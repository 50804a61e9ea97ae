"""Document front matter: the fields of each document type. Frozen, strict, no I/O.

The data files' models and the shared field types are in `models`; a document names
units, rounds, themes, people and parties by id, and `crossref` resolves them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from soteneg.content.date_fields import TIMED_PATTERN, IsoDate, Moment, moment
from soteneg.content.models import (
    DocId,
    DocLang,
    Slug,
    Strict,
    Text,
    UniqueList,
    written_as_id,
)
from soteneg.core.names import DOCUMENT_TYPES

# A file next to its document, like "liitteet/raportti.pdf": a relative path, so no ':'
# (no scheme, no drive letter), no control characters, no query or fragment.
FilePath = Annotated[str, StringConstraints(pattern=r"^[^:\x00-\x1f\\?#]+$", max_length=300)]


class Attachment(Strict):
    """A file that travels with a document: a region's report, a spreadsheet, a chart."""

    file: FilePath
    title: Text
    description: Text | None = None


class Change(Strict):
    """A correction or amendment of a published document: when, and what changed, in the
    document's own language."""

    date: IsoDate
    note: Text


def _changes_in_order(items: list[Change]) -> list[Change]:
    # Oldest first, as a reader follows them; two on one day are fine.
    for earlier, later in itertools.pairwise(items):
        if later.date < earlier.date:
            raise PydanticCustomError(
                "invalid-value.changes-out-of-order",
                "changes are listed oldest first: {later} comes after {earlier}",
                {"later": later.date.isoformat(), "earlier": earlier.date.isoformat()},
            )
    return items


class PublicVersion(Strict):
    """What a public version stands for: the confidential document, named as its keeper
    names it (a diary number or an id of a document never published), and the legal
    ground on which parts were left out."""

    document: Text
    ground: Text


class DocumentMeta(Strict):
    """Front matter common to every document type."""

    title: Text
    type: str
    date: IsoDate
    lang: DocLang = "fi"
    # Strict booleans: "yes" is text to editors' YAML 1.2 tools, so it must not pass here.
    draft: StrictBool = False
    summary: Text | None = None
    contacts: UniqueList(Slug) = Field(default_factory=list)
    translation_of: DocId | None = None
    # Which version of the original this translation was made from: the first 12 hex
    # digits of a hash of the original's title, summary and body (content.freshness),
    # written by `soteneg new` and `soteneg translated`.
    original_version: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] | None = None
    example: StrictBool = False
    # Left out of the build until this moment (embargo); see `--now`.
    publish_at: Moment | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    # Corrections and amendments after publication, oldest first (content.lifecycle).
    changes: Annotated[list[Change], AfterValidator(_changes_in_order)] = Field(
        default_factory=list
    )
    # A withdrawn document keeps its address with a banner saying why (`reason`, which
    # content.lifecycle requires); one replaced by another names it in `superseded_by`.
    status: Literal["published", "withdrawn"] = "published"
    reason: Text | None = None
    superseded_by: DocId | None = None
    public_version_of: PublicVersion | None = None
    # Earlier committed versions whose text differs stay readable below the document's
    # own address (content.versions), when the project is a git checkout.
    versions: Literal["keep"] | None = None

    @property
    def withdrawn(self) -> bool:
        """Withdrawn or replaced: kept at its address, left out of lists and packets."""
        return self.status == "withdrawn" or self.superseded_by is not None


# The government's diary numbers: VN/21358/2020 (an agency's own prefix, a running
# number, the year).
DIARY_NUMBER = r"^[A-ZÅÄÖ]{2,10}/[0-9]{1,8}/[0-9]{4}$"
DiaryNumber = Annotated[str, StringConstraints(pattern=DIARY_NUMBER)]
# A time of day within a meeting, for attendees present for part of it.
CLOCK_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"


def _with_time(value: Any) -> Any:
    """A meeting's start and end are moments: a date alone is not enough."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        raise PydanticCustomError(
            "invalid-date.time-missing", "a time is expected too: YYYY-MM-DD HH:MM"
        )
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        raise PydanticCustomError(
            "invalid-date.time-missing", "a time is expected too: YYYY-MM-DD HH:MM"
        )
    return moment(value)


MeetingTime = Annotated[
    dt.datetime,
    BeforeValidator(_with_time),
    WithJsonSchema({"type": "string", "pattern": TIMED_PATTERN}),
]


# The validation context of metadata read back from the build's own cache: JSON writes a
# time of day with its seconds ("13:30:00"), which an editor may not write.
FROM_CACHE = "soteneg-cache"


def _clock(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, str) and re.fullmatch(CLOCK_PATTERN, value):
        return dt.time.fromisoformat(value)
    if isinstance(value, str) and info.context == FROM_CACHE:
        return dt.time.fromisoformat(value)
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads 10:30 unquoted as a number of minutes in base 60 (630).
        raise PydanticCustomError("invalid-date.clock-quoted", "write the time in quotes: '10:30'")
    return value


Clock = Annotated[
    dt.time,
    BeforeValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN}),
]


class Attendee(Strict):
    """Somebody at a meeting: a person of people.yaml by id, or a name with title and
    organisation as the document writes them; `present_from`/`present_to` for somebody
    present for part of the meeting."""

    person: Slug | None = None
    name: Text | None = None
    title: Text | None = None
    organisation: Text | None = None
    present_from: Clock | None = None
    present_to: Clock | None = None

    @model_validator(mode="after")
    def _person_or_name(self) -> Attendee:
        if (self.person is None) == (self.name is None):
            raise PydanticCustomError(
                "invalid-value.person-or-name", "give either a person's id or a name"
            )
        if self.person is not None and (self.title or self.organisation):
            raise PydanticCustomError(
                "invalid-value.person-has-title",
                "a person of people.yaml has a title and organisation there",
            )
        if self.present_from and self.present_to and self.present_to <= self.present_from:
            raise PydanticCustomError(
                "invalid-value.present-to-before-from", "present_to is not after present_from"
            )
        return self


# Somebody of people.yaml may be written as their id alone.
PersonOrEntry = written_as_id(Attendee, "person")


class Meeting(Strict):
    """The negotiation meeting: when, where (or remote), who chaired, who took the
    minutes, and who attended on each side (a party of the round, or the unit)."""

    start: MeetingTime
    end: MeetingTime | None = None
    place: Text | None = None
    remote: StrictBool = False
    chair: PersonOrEntry | None = None
    secretary: PersonOrEntry | None = None
    # Side (a party's id, or the unit's) -> who attended for it, in the order written.
    attendees: dict[Slug, list[PersonOrEntry]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.end is not None and self.end <= self.start:
            raise PydanticCustomError(
                "invalid-value.meeting-ends-before-start", "the meeting ends before it starts"
            )
        if self.place is None and not self.remote:
            raise PydanticCustomError(
                "invalid-value.meeting-place", "give the meeting's place, or remote: true"
            )
        return self


class Recommendation(Strict):
    """One of the ministries' recommended actions to the unit. Its id stays the same in
    every language version and is how a later round follows it up."""

    id: Slug
    theme: Slug
    text: Text
    addressee: Text | None = None  # whom it is for, when not the unit as a whole
    deadline: IsoDate | None = None


FollowUpStatus = Literal["done", "under_way", "not_started", "dropped"]


class FollowUp(Strict):
    """How a recommendation of an earlier round stands now."""

    id: Slug
    status: FollowUpStatus
    note: Text | None = None


def _unique_ids(items: list[Any]) -> list[Any]:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise PydanticCustomError(
                "invalid-value.listed-twice", "'{item}' is listed twice", {"item": item.id}
            )
        seen.add(item.id)
    return items


class Negotiation(DocumentMeta):
    """The negotiation document of one unit in one round, as it is kept: its diary
    number, type and date, the meeting, what was agreed, and the recommended actions."""

    type: Literal["negotiation"]
    region: Slug
    round: Slug
    themes: UniqueList(Slug) = Field(default_factory=list)
    diary_number: DiaryNumber | None = None
    document_type: Literal["minutes", "memorandum"] | None = None
    document_date: IsoDate | None = None  # the document's own date, apart from the meeting
    meeting: Meeting | None = None
    agreed: IsoDate | None = None  # the day both sides accepted the text
    recommendations: Annotated[list[Recommendation], AfterValidator(_unique_ids)] = Field(
        default_factory=list
    )
    follow_up: Annotated[list[FollowUp], AfterValidator(_unique_ids)] = Field(default_factory=list)


class Assessment(DocumentMeta):
    """An expert body's assessment of one unit, a collaboration area or the whole
    country in one round. `issuer` names the body (a party with `expert: true`)."""

    type: Literal["assessment"]
    region: Slug
    round: Slug
    issuer: Slug | None = None
    themes: UniqueList(Slug) = Field(default_factory=list)
    diary_number: DiaryNumber | None = None
    document_date: IsoDate | None = None


class Summary(DocumentMeta):
    """The ministry's summary of one round."""

    type: Literal["summary"]
    round: Slug
    themes: UniqueList(Slug) = Field(default_factory=list)


class News(DocumentMeta):
    """A press release."""

    type: Literal["news"]
    themes: UniqueList(Slug) = Field(default_factory=list)


class Page(DocumentMeta):
    """Any other page."""

    type: Literal["page"]


DOCUMENT_MODELS: dict[str, type[DocumentMeta]] = {
    "negotiation": Negotiation,
    "assessment": Assessment,
    "summary": Summary,
    "news": News,
    "page": Page,
}
assert tuple(DOCUMENT_MODELS) == DOCUMENT_TYPES
