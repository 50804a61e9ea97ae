"""The records the build cache keeps: tuples and dataclasses of strings and numbers,
nothing else, so that the cache can declare them and read them back exactly (see
cache/codec)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from soteneg.content.sources import Stamp
from soteneg.core.problems import Problem
from soteneg.site.page_records import PageLinks, SitemapEntry


class Record(NamedTuple):
    """One file of the output as the last build wrote it (a tuple: thousands of them
    load from the cache fastest so)."""

    sha: str
    unit: str = ""  # the unit that made it; "" for copied files (assets, attachments)
    links: PageLinks | None = None  # HTML pages only
    sitemap: SitemapEntry | None = None  # its sitemap entry, when it has one
    sources: tuple[str, ...] = ()
    template: str = ""
    indexed: bool = False  # holds text for the search index


@dataclass
class Inputs:
    """The cheap half of the cache: enough to see that nothing changed."""

    key: str = ""
    stamps: dict[str, Stamp] = field(default_factory=dict)  # input file -> stamp
    written: dict[str, Stamp] = field(default_factory=dict)  # output file -> stamp
    # The first publish_at after the build's moment: from then on the site is different.
    settles: dt.datetime | None = None
    # The last publish_at up to the build's moment: a build as of an earlier moment (an
    # earlier --now) hides that document again, so it is not "nothing changed".
    lifted: dt.datetime | None = None
    warnings: list[Problem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # of files with warnings
    files: int = 0
    external_links: int = 0
    default_lang: str = "fi"  # site.yaml's, for the warnings' language
    # The day the packets' covers say they were printed (--now), or None: a build as of
    # another day prints them again, though no input changed.
    printed: dt.date | None = None


@dataclass
class BuildRecords:
    """The build half of the cache as stored: each page's output by unit, with the
    fingerprint it was made for, and the output's records."""

    pages: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # unit -> output
    records: dict[str, Record] = field(default_factory=dict)  # output file -> record
