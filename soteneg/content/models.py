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

from soteneg.content.date_fields import IsoDate

# The languages of the site's interface and trees; documents may be in these and in the
# three Sámi languages of Finland (North, Inari, Skolt), which have no tree of their own.
Lang = Literal["fi", "sv", "en"]
DocLang = Literal["fi", "sv", "en", "se", "smn", "sms"]

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
    """A period of the negotiations and what its units are called: the regions of the
    2018 practice rounds, the wellbeing services counties since 2023. Lists group units by
    period under the period's name."""

    id: Slug
    name: Names  # the heading of the period's units on lists
    # What a unit of the period is called, for units whose kind (kinds.yaml) does not say.
    unit: Names | None = None
    units: Names | None = None
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Era:
        _in_order(self.valid_from, self.valid_to)
        return self


def _in_order(valid_from: dt.date | None, valid_to: dt.date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise PydanticCustomError(
            "invalid-value.valid-to-before-from", "valid_to is before valid_from"
        )


class Kind(Strict):
    """A kind of unit (kinds.yaml): a region of 2018, a wellbeing services county, a city,
    a joint authority, a collaboration area, the whole country. Pages take a unit's words
    and its place on a round's page from its kind, never from code."""

    id: Slug
    one: Names  # hyvinvointialue / välfärdsområde / wellbeing services county
    many: Names  # hyvinvointialueet / välfärdsområden / wellbeing services counties
    # Where a round's page lists units of this kind: with the units that negotiate one by
    # one, in a section of the collaboration areas, or with the national documents.
    section: Literal["units", "areas", "country"] = "units"
    # Units of this kind are made of other units (`members` in regions.yaml).
    has_members: StrictBool = False
    # Whether the ministries negotiate with units of this kind; the whole country has
    # documents about it (a national assessment), but no negotiation.
    negotiated: StrictBool = True


class Party(Strict):
    """A ministry or agency taking part in rounds: negotiating, chairing, or as an expert
    body that assesses units (THL, AVI)."""

    id: Slug
    name: FullNames
    # The name as the body writes it inside a sentence: "sosiaali- ja
    # terveysministeriö", "social- och hälsovårdsministeriet" (`name` stands alone, on
    # a cover or a list). English capitalises a ministry's name anywhere.
    name_in_text: Names | None = None
    short: Names | None = None  # STM / SHM
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=300)] | None = None
    # An expert body: it attends rounds as an expert and issues assessments.
    expert: StrictBool = False

    def in_text(self, lang: str) -> str:
        """The name in running text in `lang`: `name_in_text` where given, else `name`."""
        written = getattr(self.name_in_text, lang, None) if self.name_in_text else None
        return written or self.name.get(lang)


class Succession(Strict):
    """Who took over from a unit: the whole of it, or a part (municipalities that moved,
    with the day they moved). A part is history for pages, not a predecessor whose
    documents the successor continues."""

    unit: Slug
    part: Names | None = None  # what moved: "Iitti"
    date: IsoDate | None = None  # when the part moved

    @model_validator(mode="after")
    def _part_has_date(self) -> Succession:
        if (self.part is None) != (self.date is None):
            raise PydanticCustomError(
                "invalid-value.part-and-date",
                "a part that moved needs its date, and a date its part",
            )
        return self


class Membership(Strict):
    """A member of a collaboration area, for the period it belongs to it."""

    unit: Slug
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        _in_order(self.valid_from, self.valid_to)
        return self


def _unique_units(items: list[Any]) -> list[Any]:
    seen: set[str] = set()
    for item in items:
        if item.unit in seen:
            raise PydanticCustomError(
                "invalid-value.listed-twice", "'{item}' is listed twice", {"item": item.unit}
            )
        seen.add(item.unit)
    return items


def written_as_id(model: type[BaseModel], field: str) -> Any:
    """`model`, which may also be written as its `field` alone (`- lappi-hva` for
    `- {unit: lappi-hva}`). It is read as the model either way, so a mistake gets the
    model's own message, not one for each shape the entry might have had; the JSON Schema
    offers both shapes."""

    def expand(value: Any) -> Any:
        return {field: value} if isinstance(value, str) else value

    return Annotated[model, BeforeValidator(expand, json_schema_input_type=Slug | model)]


def _ids_or_entries(model: type[Succession] | type[Membership]) -> Any:
    """A list of entries of `model`, each of which may be written as its unit's id alone."""
    return Annotated[
        list[written_as_id(model, "unit")],  # type: ignore[misc]
        AfterValidator(_unique_units),
        Field(json_schema_extra={"uniqueItems": True}),
    ]


class Region(Strict):
    """A unit: a region, a county, a city, a joint authority, a collaboration area or the
    whole country. What it is, is its `kind` (kinds.yaml)."""

    id: Slug
    name: Names
    kind: Slug | None = None
    # The period whose heading lists the unit (eras.yaml); `unit` overrides the word for
    # one unit that is not like the others.
    era: Slug | None = None
    unit: Names | None = None
    # The university hospital's special responsibility area (erityisvastuualue) a region
    # of 2018 belonged to. Not a collaboration area: those are units of their own.
    special_responsibility_area: Names | None = None
    # The period the unit takes part in the negotiations: for the counties, from the day
    # they began to organise services (1.1.2023).
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    # The day the unit became a legal person, where that is earlier (1.7.2021).
    legal_person_from: IsoDate | None = None
    succeeded_by: _ids_or_entries(Succession) = Field(default_factory=list)
    # Why the successors begin later than the day after valid_to: a gap that is history,
    # not a mistake (the years between the 2018 rounds and the counties).
    gap: Names | None = None
    members: _ids_or_entries(Membership) = Field(default_factory=list)
    # The languages the unit must publish in (Act 612/2021 § 5: Finnish and Swedish for a
    # bilingual unit). A document of the unit without one of them is warned about.
    languages: Annotated[UniqueList(Lang), Field(min_length=1)] = Field(
        default_factory=lambda: ["fi"]
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Region:
        _in_order(self.valid_from, self.valid_to)
        return self

    @property
    def successors(self) -> tuple[str, ...]:
        """The units that continue the whole of this one."""
        return tuple(s.unit for s in self.succeeded_by if s.part is None)

    @property
    def parts_moved(self) -> tuple[Succession, ...]:
        return tuple(s for s in self.succeeded_by if s.part is not None)

    def valid_during(self, start: dt.date, end: dt.date) -> bool:
        """Whether the unit existed on some day from `start` to `end`."""
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or self.valid_to >= start
        )


class LegalBasis(Strict):
    """A provision a round is held under: "612/2021 24 §"."""

    statute: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,4}/[0-9]{4}$")]
    section: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}(?: ?[a-z])?$")]
    name: Names | None = None  # the act's name: "laki sosiaali- ja terveydenhuollon …"


class Round(Strict):
    id: Slug
    name: Names
    kind: Literal["practice", "statutory"]
    # The ministries and agencies negotiating (parties.yaml), in the order shown.
    parties: UniqueList(Slug) = Field(default_factory=list)
    chair: Slug | None = None  # the party chairing the negotiations
    experts: UniqueList(Slug) = Field(default_factory=list)  # expert bodies attending
    legal_basis: list[LegalBasis] = Field(default_factory=list)
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


class Title(Strict):
    """A title a person held for a period."""

    title: Names
    organisation: Names | None = None  # when it differs from the person's
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Title:
        _in_order(self.valid_from, self.valid_to)
        return self


class Person(Strict):
    id: Slug
    name: Text
    title: Names  # the title today, or when no dated title covers a day
    organisation: Names
    # Earlier (or later) titles: a document shows the one held on its date.
    titles: list[Title] = Field(default_factory=list)
    phone: Phone | None = None
    email: Email | None = None
    roles: list[Names] = Field(default_factory=list)

    def title_on(self, day: dt.date) -> tuple[Names, Names]:
        """(title, organisation) held on `day`."""
        for held in self.titles:
            if (held.valid_from is None or held.valid_from <= day) and (
                held.valid_to is None or held.valid_to >= day
            ):
                return held.title, held.organisation or self.organisation
        return self.title, self.organisation


DATA_FILES: dict[str, type[Strict]] = {
    "eras.yaml": Era,
    "kinds.yaml": Kind,
    "parties.yaml": Party,
    "regions.yaml": Region,
    "rounds.yaml": Round,
    "themes.yaml": Theme,
    "people.yaml": Person,
}
