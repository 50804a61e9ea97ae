"""site.yaml: the site owner's settings, validated like content and located the same way."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from soteneg.models import IsoDate, Lang, Names, Strict

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


class AttachmentPolicy(Strict):
    """Which files may travel with documents, and how large they may be."""

    allowed: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{2,5}$")]] = Field(
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

    @field_validator("languages")
    @classmethod
    def _languages_unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value

    @field_validator("output")
    @classmethod
    def _output_inside(cls, value: str) -> str:
        # The output directory is replaced wholesale on every build: keep it in the project.
        parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
        if value.startswith("/") or not parts or ".." in parts:
            raise ValueError("output must be a directory inside the project, like '_site'")
        if parts[0] in ("content", "templates") or any(p.startswith(".") for p in parts):
            raise ValueError("output must not be in content/, templates/ or a hidden folder")
        return value
