"""What the build records of each page for the link check and the sitemap: tuples of
strings, so the build cache can declare them and read them back exactly."""

from __future__ import annotations

from typing import NamedTuple

import msgspec

FIELD_SEP, RECORD_SEP = "\x1f", "\x1e"
_ENCODER = msgspec.msgpack.Encoder()
_TEXT = msgspec.msgpack.Decoder(str)


def later_text(text: str) -> msgspec.Raw:
    """`text` as PageLinks.internal keeps it: a msgpack string, decoded when read."""
    return msgspec.Raw(_ENCODER.encode(text))


class PageLinks(NamedTuple):
    """What one page links to and which ids it has: the part of the link check that
    needs only the page, kept in the build cache so an unchanged page is not scanned
    again. Ids and internal links are kept as one string each: a cache of thousands of
    pages then loads in a fraction of the time."""

    ids: str  # separated by RECORD_SEP
    # The (url as written, path, output file, fragment) records, as one msgpack string
    # (later_text) decoded only when read: an edit's link check reads those of the pages
    # it wrote, while they are 53 of the build cache's 60 MB at 5000 documents, and
    # decoding every page's cost a fresh process 0.06-0.1 CPU s and their size in memory.
    internal: msgspec.Raw
    external: tuple[str, ...] = ()
    broken: tuple[tuple[str, str], ...] = ()  # (url, why)

    def id_set(self) -> frozenset[str]:
        return frozenset(self.ids.split(RECORD_SEP)) if self.ids else frozenset()

    def internal_links(self) -> list[list[str]] | None:
        """Each internal link's four fields; None when they do not read back as such
        (a damaged build cache's record: only the cache decodes them unchecked)."""
        try:
            text = _TEXT.decode(self.internal)
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None
        if not text:
            return []
        links = [r.split(FIELD_SEP) for r in text.split(RECORD_SEP)]
        return links if all(len(link) == 4 for link in links) else None


class Alternate(NamedTuple):
    lang: str
    href: str


class SitemapEntry(NamedTuple):
    url: str  # site path, for ordering
    loc: str
    lastmod: str | None
    alternates: tuple[Alternate, ...]  # each language version
