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
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from soteneg.names import DOCUMENT_TYPES, HELSINKI

Lang = Literal["fi", "sv", "en"]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# A document id is its path under content/ without ".md": "kierrokset/2018-syksy/uusimaa".
DOC_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*$"
DocId = Annotated[str, StringConstraints(pattern=DOC_ID_PATTERN, max_length=300)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{4,20}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", max_length=200)]


def _iso_date(value: Any) -> Any:
    # YAML gives a date for 2018-10-01; a quoted "2018-10-01" is also fine. A datetime
    # or a number is not: silently taking midnight or a Unix time would hide a mistake.
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_type", "a date without a time is expected (YYYY-MM-DD)")
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise PydanticCustomError("date_type", "a date is expected as YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise PydanticCustomError("date_value", "{reason}", {"reason": str(err)}) from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

# Publication times without an offset are Finnish time (HELSINKI), as editors mean them.


def _moment(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "datetime_type", "a time is expected as YYYY-MM-DD HH:MM:SS, optionally +02:00"
            ) from None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=HELSINKI)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(0, 0), HELSINKI)
    return value


Moment = Annotated[dt.datetime, BeforeValidator(_moment)]


def _unique(items: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            raise PydanticCustomError("duplicate_item", "'{item}' is listed twice", {"item": item})
        seen.add(item)
    return items


def UniqueList(item: Any) -> Any:
    return Annotated[list[item], AfterValidator(_unique)]


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


class Region(Strict):
    id: Slug
    name: Names
    collaboration_area: Names
    # Regions change (the wellbeing services counties of 2023): old ones stay, with dates.
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    succeeded_by: UniqueList(Slug) = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Region:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise PydanticCustomError("date_order", "valid_to is before valid_from")
        return self


class Round(Strict):
    id: Slug
    name: Names
    kind: Literal["practice", "statutory"]
    start: IsoDate
    end: IsoDate
    themes: Annotated[UniqueList(Slug), Field(min_length=1)]

    @model_validator(mode="after")
    def _dates_in_order(self) -> Round:
        if self.end < self.start:
            raise PydanticCustomError("date_order", "the round ends before it starts")
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
    draft: bool = False
    summary: Text | None = None
    contacts: UniqueList(Slug) = Field(default_factory=list)
    translation_of: DocId | None = None
    example: bool = False
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
