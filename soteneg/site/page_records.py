"""What the build records of each page for the link check and the sitemap: tuples of
strings, so the build cache can declare them and read them back exactly."""

from __future__ import annotations

import zlib
from typing import NamedTuple

FIELD_SEP, RECORD_SEP = "\x1f", "\x1e"
# A page's links inflate to at most this many times their stored bytes (the most at
# 5000 documents, bench/generate.py, is 15.6; later_text keeps any that would not as they
# are). A record beyond it does not read back (the page is scanned again), so a forged
# cache cannot make the link check inflate more than this many times what it read.
INFLATE_LIMIT = 64


def later_text(text: str) -> bytes:
    """`text` as PageLinks.internal keeps it: its UTF-8 bytes deflated (zlib's fastest
    level), inflated when read; stored undeflated in zlib's frame when deflating them
    would exceed INFLATE_LIMIT (thousands of the same link), so they always read back."""
    data = text.encode()
    deflated = zlib.compress(data, 1)
    return deflated if len(data) <= INFLATE_LIMIT * len(deflated) else zlib.compress(data, 0)


def _inflated(stored: bytes, limit: int) -> str | None:
    """The text `later_text` stored, or None when `stored` is no such text or inflates to
    more than `limit` times its size."""
    inflate = zlib.decompressobj()
    try:
        data = inflate.decompress(stored, limit * len(stored) + 1)
        if not inflate.eof or inflate.unconsumed_tail or inflate.unused_data:
            return None
        return data.decode()
    except (zlib.error, UnicodeDecodeError):
        return None


class PageLinks(NamedTuple):
    """What one page links to and which ids it has: the part of the link check that
    needs only the page, kept in the build cache so an unchanged page is not scanned
    again. Ids and internal links are kept as one string each: a cache of thousands of
    pages then loads in a fraction of the time."""

    ids: str  # separated by RECORD_SEP
    # The (url as written, path, output file, fragment) records, as one string
    # (later_text) inflated only when read: an edit's link check reads those of the pages
    # it wrote. As text they were 50.5 of the build cache's 58 MB at 5000 documents, and
    # a build holds every page's from the cache's load, or its render, to its save: kept
    # as msgpack views into the cache's shards they held all 57 MB of those alive, and
    # with them the peak of every process (a worker is forked with them); deflated they
    # are 5.9 MB, read from the cache as bytes of their own.
    internal: bytes
    external: tuple[str, ...] = ()
    broken: tuple[tuple[str, str], ...] = ()  # (url, why)

    def id_set(self) -> frozenset[str]:
        return frozenset(self.ids.split(RECORD_SEP)) if self.ids else frozenset()

    def internal_links(self) -> list[list[str]] | None:
        """Each internal link's four fields; None when they do not read back as such
        (a damaged build cache's record: only the cache decodes them unchecked), or
        inflate to more than INFLATE_LIMIT times their stored size."""
        text = _inflated(self.internal, INFLATE_LIMIT)
        if text is None:
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
