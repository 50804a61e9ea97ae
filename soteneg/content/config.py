"""site.yaml: the site owner's settings, validated like content and located the same way."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from soteneg.content.date_fields import IsoDate
from soteneg.content.file_types import NEVER_PUBLISHED
from soteneg.content.models import Lang, Names, Strict

DocumentKind = Annotated[str, StringConstraints(pattern=r"^(negotiation|assessment|summary)$")]


class Publisher(Strict):
    name: Names
    url: Annotated[str, StringConstraints(pattern=r"^https://")]


class Contact(Strict):
    name: Names
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{4,20}$")] | None = None


class Accessibility(Strict):
    """The accessibility statement required by the Act on the Provision of Digital
    Services (306/2019); the site renders it in every language."""

    status: Literal["full", "partial", "none"]
    prepared: IsoDate
    reviewed: IsoDate | None = None
    shortcomings: list[Names] = Field(default_factory=list)
    feedback: Contact
    supervisor: Contact


def _may_be_published(ext: str) -> str:
    if ext in NEVER_PUBLISHED:
        raise PydanticCustomError(
            "invalid-value.never-published",
            "'{ext}' files are never published as attachments",
            {"ext": ext},
        )
    return ext


# An extension: the types of file_types.NEVER_PUBLISHED cannot be allowed here.
FileType = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]{2,5}$"), AfterValidator(_may_be_published)
]


class AttachmentPolicy(Strict):
    """Which files may travel with documents, and how large they may be."""

    allowed: list[FileType] = Field(
        default_factory=lambda: [
            "pdf",
            "xlsx",
            "docx",
            "odt",
            "ods",
            "csv",
            "png",
            "jpg",
            "jpeg",
            "svg",
        ]
    )
    max_mb: Annotated[float, Field(gt=0, le=500)] = 20.0


# A fontconfig family name; no quotes or semicolons, since it is written into CSS.
FontFamily = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$")]


class PrintFonts(Strict):
    """The font families packets are printed in. They must be installed where PDFs are
    built: a missing one is a configuration error, never a quiet substitute."""

    text: FontFamily = "Noto Serif"
    headings: FontFamily = "Noto Sans"

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.text, self.headings)))


class PrintBudget(Strict):
    """How much printing one commit may ask for. Above these, `check` reports a problem
    where the content goes over, instead of a build printing for minutes (a 1000-page
    PDF attached five times printed 15,040 pages in ten minutes; 10,000 footnotes in one
    document took eleven). A site owner may lower them, or raise them up to ten times
    the defaults: not without bound, since site.yaml arrives in commits too."""

    # A packet, a round's packet or a document's PDF: its documents' estimated pages
    # plus every page of every attached PDF, each time it is attached.
    max_pages_per_packet: Annotated[int, Field(gt=0, le=20_000)] = 2000
    # Every PDF of a build together, counted the same way.
    max_pages_per_build: Annotated[int, Field(gt=0, le=900_000)] = 90_000
    # References to footnotes: print sets each one's note at the foot of its page.
    max_footnotes_per_document: Annotated[int, Field(gt=0, le=10_000)] = 1000
    # Body rows of one Markdown table (the header row not counted).
    max_rows_per_table: Annotated[int, Field(gt=0, le=20_000)] = 2000
    # Cells of one Markdown table, the header row's too: WeasyPrint holds every cell of
    # a table in memory at once, some tens of kilobytes each.
    max_cells_per_table: Annotated[int, Field(gt=0, le=100_000)] = 10_000
    # Cells of every table in one PDF: WeasyPrint lays a whole PDF out before it writes
    # a page, so what a table costs adds up over the tables of a packet.
    max_cells_per_packet: Annotated[int, Field(gt=0, le=400_000)] = 40_000


class SiteConfig(Strict):
    title: Names
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+/$")]
    publisher: Publisher
    default_lang: Lang = "fi"
    # The national languages; English only where English documents exist.
    languages: list[Lang] = Field(default_factory=lambda: ["fi", "sv"])
    output: Annotated[str, StringConstraints(min_length=1)] = "_site"
    # Raw HTML in Markdown is escaped unless the site owner opts in.
    allow_raw_html: bool = False
    # The order of documents in a printed negotiation packet.
    packet_order: list[DocumentKind] = Field(
        default_factory=lambda: ["negotiation", "assessment", "summary"]
    )

    accessibility: Accessibility | None = None
    attachments: AttachmentPolicy = Field(default_factory=AttachmentPolicy)
    # Every chapter of a packet starts on a right-hand page, for duplex printing.
    packet_duplex: bool = False
    # Tagged PDF/UA-1 by default; PDF/A-3a for archiving (also tagged).
    pdf_variant: Literal["pdf/ua-1", "pdf/a-3a"] = "pdf/ua-1"
    print_fonts: PrintFonts = Field(default_factory=PrintFonts)
    print_budget: PrintBudget = Field(default_factory=PrintBudget)

    @field_validator("languages")
    @classmethod
    def _languages_unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("invalid-value.language-twice", "a language is listed twice")
        return value

    @field_validator("output")
    @classmethod
    def _output_inside(cls, value: str) -> str:
        # The output directory is replaced wholesale on every build: keep it in the project.
        parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
        if value.startswith("/") or not parts or ".." in parts:
            raise PydanticCustomError(
                "invalid-value.output-outside",
                "output must be a directory inside the project, like '_site'",
            )
        if parts[0] in ("content", "templates") or any(p.startswith(".") for p in parts):
            raise PydanticCustomError(
                "invalid-value.output-reserved",
                "output must not be in content/, templates/ or a hidden folder",
            )
        return value
