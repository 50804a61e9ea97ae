"""What the build records of each page for the link check and the sitemap: tuples of
strings, so the build cache can declare them and read them back exactly."""

from __future__ import annotations

from typing import NamedTuple

FIELD_SEP, RECORD_SEP = "\x1f", "\x1e"


class PageLinks(NamedTuple):
    """What one page links to and which ids it has: the part of the link check that
    needs only the page, kept in the build cache so an unchanged page is not scanned
    again. Ids and internal links are kept as one string each: a cache of thousands of
    pages then loads in a fraction of the time."""

    ids: str  # separated by RECORD_SEP
    internal: str  # (url as written, path, output file, fragment) records
    external: tuple[str, ...] = ()
    broken: tuple[tuple[str, str], ...] = ()  # (url, why)

    def id_set(self) -> frozenset[str]:
        return frozenset(self.ids.split(RECORD_SEP)) if self.ids else frozenset()

    def internal_links(self) -> list[list[str]]:
        if not self.internal:
            return []
        return [r.split(FIELD_SEP) for r in self.internal.split(RECORD_SEP)]


class Alternate(NamedTuple):
    lang: str
    href: str


class SitemapEntry(NamedTuple):
    url: str  # site path, for ordering
    loc: str
    lastmod: str | None
    alternates: tuple[Alternate, ...]  # each language version
