"""What one build is asked for, as the command line, the preview and tests say it. Light
on purpose: the command line names a build's settings, and the cache tells from them
whether the last build still holds, before anything heavy is loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from soteneg.core.options import BuildOptions
from soteneg.packets.shard import Shard

if TYPE_CHECKING:
    from soteneg.build.cache import Cache
    from soteneg.content.sources import Stamp


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, path: str) -> None: ...


@dataclass(frozen=True)
class PdfOptions:
    jobs: int = 1
    progress: Progress | None = None
    shard: Shard | None = None
    # The day on the packets' covers as printed: the build's moment when it was given
    # (--now). Without it none: the clock's day would make every build's PDFs differ.
    printed: dt.date | None = None


@dataclass(frozen=True)
class Settings:
    """`pdf_options` None builds HTML only (--no-pdf): pages then do not link to PDFs,
    unless `link_pdfs` (the preview prints a PDF when it is asked for). `jobs`: processes
    for parsing and rendering."""

    options: BuildOptions
    pdf_options: PdfOptions | None = None
    with_search: bool = True
    link_pdfs: bool = False
    jobs: int = 1

    @property
    def printed(self) -> dt.date | None:
        """The print date on the packets' covers, if this build prints them with one."""
        return self.pdf_options.printed if self.pdf_options is not None else None

    @property
    def prints(self) -> bool:
        """PDFs are printed, or linked and printed on request: the print fonts must exist."""
        return self.pdf_options is not None or self.link_pdfs

    @property
    def printing(self) -> bool:
        """This build prints PDFs (the bodies' print HTML comes from the pages' parse)."""
        return self.pdf_options is not None

    def output_options(self) -> tuple[object, ...]:
        """What, besides the code, makes one build's output differ from another's: a
        cache is good only for builds with the same. Not the moment (`now`): documents
        whose embargo ends change the fingerprints instead."""
        pdf = self.pdf_options
        shard = pdf.shard if pdf is not None else None
        return (
            self.options.drafts,
            self.options.base_path,
            self.options.content_mark,
            pdf is not None,
            self.with_search,
            self.link_pdfs,
            str(shard or ""),
        )


class Looked(NamedTuple):
    """What the command line looked at to see whether the last build into `out` still
    holds, when it did not: its cache and the project's stamps (the build goes on with
    them, see run.Run)."""

    out: Path
    cache: Cache
    stamps: dict[str, Stamp]
