"""The content model: data files and document front matter. Frozen, strict, no I/O.

Strict means an editor's typo never passes: unknown keys are refused, `draft: "yes"` is
not a boolean, and `2018-02-30` is not a date. References between things (a document's
region, a round's themes) are plain ids here; `crossref` resolves them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from soteneg.core.names import DOCUMENT_TYPES, HELSINKI

Lang = Literal["fi", "sv", "en"]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_SLUG = 80
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_SLUG)]
# A document id is its path under content/ without ".md": "kierrokset/2018-syksy/uusimaa".
DOC_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*$"
DocId = Annotated[str, StringConstraints(pattern=DOC_ID_PATTERN, max_length=300)]

# Text is kept as written (YAML already trims plain values) so that its limits read the
# same in `check` and in the JSON Schema: 1 to 2000 characters, not all of them blank.
NOT_BLANK = r"\S"
MAX_TEXT = 2000


# Our own rules raise PydanticCustomError with a catalogue key as the error type
# (soteneg.core.messages): content.validation reports it in every language, with the
# error's context as the key's parameters and the field as `field`. The English
# template here is only for pydantic's own text.


def _not_blank(value: str) -> str:
    if not re.search(NOT_BLANK, value):
        raise PydanticCustomError("invalid-value.blank", "must not be blank")
    return value


Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_TEXT),
    AfterValidator(_not_blank),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": NOT_BLANK}),
]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{4,20}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", max_length=200)]


# Dates and times as the JSON Schema states them, so an editor's tool refuses what `check`
# refuses: real calendar days only (leap years included), hours 00-23, offsets like +02:00.
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY = (
    r"(?:(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|(?!0000){_LEAP_YEAR}-02-29)"
)
_CLOCK = r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_OFFSET = r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
DATE_PATTERN = rf"^{_DAY}$"
MOMENT_PATTERN = rf"^{_DAY}(?:[T ]{_CLOCK}{_OFFSET}?)?$"
# The shapes, before their values are checked (with a reason) by the datetime module,
# which would take an offset of +02:60 as three hours.
_DATE_SHAPE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_MOMENT_SHAPE = (
    rf"{_DATE_SHAPE}(?:[T ][0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:Z|[+-][0-9]{{2}}:[0-5][0-9])?)?"
)


def _not_a_date(err: ValueError) -> PydanticCustomError:
    """datetime's reason a date or time does not exist (`reason`; translated by
    content.validation)."""
    return PydanticCustomError("invalid-date.value", "{reason}", {"reason": str(err)})


def _iso_date(value: Any) -> Any:
    # YAML gives a date for 2018-10-01; a quoted "2018-10-01" is also fine. A datetime
    # or a number is not: silently taking midnight or a Unix time would hide a mistake.
    if isinstance(value, dt.datetime):
        raise PydanticCustomError(
            "invalid-date.time-given", "a date without a time is expected (YYYY-MM-DD)"
        )
    if isinstance(value, str):
        if not re.fullmatch(_DATE_SHAPE, value):
            raise PydanticCustomError("invalid-date.shape", "a date is expected as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise _not_a_date(err) from None
    return value


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]

# Publication times without an offset are Finnish time (HELSINKI), as editors mean them.
# YAML gives a datetime only for the full form (yamlpos); other forms arrive as text.


def _moment(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(_MOMENT_SHAPE, value):
            raise PydanticCustomError(
                "invalid-date.moment-shape",
                "a time is expected as YYYY-MM-DD HH:MM:SS, optionally +02:00",
            )
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError as err:
            raise _not_a_date(err) from None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=HELSINKI)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(0, 0), HELSINKI)
    return value


Moment = Annotated[
    dt.datetime,
    BeforeValidator(_moment),
    WithJsonSchema({"type": "string", "pattern": MOMENT_PATTERN}),
]


def _unique(items: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            raise PydanticCustomError(
                "invalid-value.listed-twice", "'{item}' is listed twice", {"item": item}
            )
        seen.add(item)
    return items


def UniqueList(item: Any) -> Any:
    return Annotated[
        list[item], AfterValidator(_unique), Field(json_schema_extra={"uniqueItems": True})
    ]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Names(Strict):
    """A name in the two national languages, English where we have it."""

    fi: Text
    sv: Text
    en: Text | None = None

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.fi


class FullNames(Names):
    en: Text


# --- data files --------------------------------------------------------------------


class Era(Strict):
    """A period of regional units and what they are called: the 18 maakunnat of 2018,
    the wellbeing services counties of 2023. Pages take these words from the data."""

    id: Slug
    name: Names  # the heading of the period's units on lists
    unit: Names  # one unit: maakunta / landskap / region
    units: Names  # many
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Era:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise PydanticCustomError(
                "invalid-value.valid-to-before-from", "valid_to is before valid_from"
            )
        return self


class Party(Strict):
    """A ministry or agency that negotiates with the regions."""

    id: Slug
    name: FullNames
    # The name as the body writes it inside a sentence: "sosiaali- ja
    # terveysministeriö", "social- och hälsovårdsministeriet" (`name` stands alone, on
    # a cover or a list). English capitalises a ministry's name anywhere.
    name_in_text: Names | None = None
    short: Names | None = None  # STM / SHM
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=300)] | None = None

    def in_text(self, lang: str) -> str:
        """The name in running text in `lang`: `name_in_text` where given, else `name`."""
        written = getattr(self.name_in_text, lang, None) if self.name_in_text else None
        return written or self.name.get(lang)


class Region(Strict):
    id: Slug
    name: Names
    # The era whose words name this unit (eras.yaml); `unit` overrides the word for one
    # unit that is not like the others (the City of Helsinki among the counties).
    era: Slug | None = None
    unit: Names | None = None
    collaboration_area: Names | None = None
    # Regions change: old ones stay, with the day they ended and who took over.
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    succeeded_by: UniqueList(Slug) = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Region:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise PydanticCustomError(
                "invalid-value.valid-to-before-from", "valid_to is before valid_from"
            )
        return self

    def valid_during(self, start: dt.date, end: dt.date) -> bool:
        """Whether the unit existed on some day from `start` to `end`."""
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or self.valid_to >= start
        )


class Round(Strict):
    id: Slug
    name: Names
    kind: Literal["practice", "statutory"]
    # The ministries and agencies negotiating (parties.yaml), in the order shown.
    parties: UniqueList(Slug) = Field(default_factory=list)
    start: IsoDate
    end: IsoDate
    themes: Annotated[UniqueList(Slug), Field(min_length=1)]
    example: StrictBool = False  # the round's data is an illustration, not the record

    @model_validator(mode="after")
    def _dates_in_order(self) -> Round:
        if self.end < self.start:
            raise PydanticCustomError(
                "invalid-value.round-ends-before-start", "the round ends before it starts"
            )
        return self


class Theme(Strict):
    id: Slug
    name: FullNames
    description: FullNames


class Person(Strict):
    id: Slug
    name: Text
    title: Names
    organisation: Names
    phone: Phone | None = None
    email: Email | None = None
    roles: list[Names] = Field(default_factory=list)


DATA_FILES: dict[str, type[Strict]] = {
    "eras.yaml": Era,
    "parties.yaml": Party,
    "regions.yaml": Region,
    "rounds.yaml": Round,
    "themes.yaml": Theme,
    "people.yaml": Person,
}


# --- documents ---------------------------------------------------------------------


# A file next to its document, like "liitteet/raportti.pdf": a relative path, so no ':'
# (no scheme, no drive letter), no control characters, no query or fragment.
FilePath = Annotated[str, StringConstraints(pattern=r"^[^:\x00-\x1f\\?#]+$", max_length=300)]


class Attachment(Strict):
    """A file that travels with a document: a region's report, a spreadsheet, a chart."""

    file: FilePath
    title: Text
    description: Text | None = None


class DocumentMeta(Strict):
    """Front matter common to every document type."""

    title: Text
    type: str
    date: IsoDate
    lang: Lang = "fi"
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


class Negotiation(DocumentMeta):
    """The negotiation document of one region in one round."""

    type: Literal["negotiation"]
    region: Slug
    round: Slug
    themes: UniqueList(Slug) = Field(default_factory=list)


class Assessment(DocumentMeta):
    """THL's assessment of one region in one round."""

    type: Literal["assessment"]
    region: Slug
    round: Slug
    themes: UniqueList(Slug) = Field(default_factory=list)


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
