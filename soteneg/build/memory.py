"""What a process that builds again and again (the preview) keeps from one build for the
next: the cache in memory instead of on disk, the last site, the data files as parsed,
and the stamps of the project's files with the ones its watcher says changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from soteneg.build import cache as build_cache
from soteneg.build.cache import Cache
from soteneg.build.printing import pdf_urls
from soteneg.build.settings import PdfOptions
from soteneg.content.sources import Stamp, stamp
from soteneg.content.unchanged import Told
from soteneg.content.warm import Warm
from soteneg.site.index import Site
from soteneg.site.index_kept import KeptSites


@dataclass
class Memory:
    """The build cache held in this process (the preview's) instead of on disk, and the
    site of its last build."""

    cache: Cache | None = None
    site: Site | None = None
    templates: Mapping[str, str] = field(default_factory=dict)  # as the last build read them
    # The output is a folder this process made for itself and alone writes (the
    # preview's, from mkdtemp, removed when it stops): its files are as the last build
    # left them, so their stamps are not taken again (10,000 files at 5000 documents).
    sole_writer: bool = False
    # The data files as parsed and each document's file references, kept for the next
    # check while what they were made from is the same (content.warm).
    warm: Warm = field(default_factory=Warm)
    # The URLs of the PDFs the pages link to, and what they were listed from (linked_pdfs).
    pdf_urls: tuple[tuple[str, tuple[str, ...]], tuple[list[str], list[str]]] | None = None
    # The files changed since the last build, as the preview's watcher vouches for them
    # (editors/saves.py), for the next build; None: the project is walked and stamped.
    told: Told | None = None
    # The input stamps of the last build: a build that is told needs only its files'.
    stamps: dict[str, Stamp] | None = None
    # The last check's sites, patched for the next while what they were made of holds.
    sites: KeptSites = field(default_factory=KeptSites)


def input_stamps(root: Path, memory: Memory | None) -> dict[str, Stamp]:
    """`input_stamps(root)`; in the preview told what changed (Memory.told), the last
    build's with those files stamped again: walking the project to stamp its 5000 files
    took 0.04 CPU s of a save. Kept in `memory` for the next build."""
    told = memory.told if memory is not None else None
    if memory is None or told is None or memory.stamps is None:
        stamps = build_cache.input_stamps(root)
    else:
        stamps = dict(memory.stamps)
        for rel in told.paths:
            found = stamp(root / rel)
            if found is None:  # gone since it was told of: the next walk sees it
                stamps.pop(rel, None)
            else:
                stamps[rel] = found
    if memory is not None:
        memory.stamps = stamps
    return stamps


def linked_pdfs(
    site: Site, fronts: str, options: PdfOptions | None, memory: Memory | None
) -> tuple[list[str], list[str]]:
    """`pdf_urls`: in the preview (no PDF options), kept from the last save while
    every front matter, site.yaml and the data files (`fronts`) and the documents
    published are the same, which is all that `packets.plan.packet_urls` reads
    (0.05 CPU s of a save at 5000 documents)."""
    if options is not None or memory is None or not fronts:
        return pdf_urls(site, options or PdfOptions())
    key = (fronts, tuple(sorted(site.published)))
    if memory.pdf_urls is None or memory.pdf_urls[0] != key:
        memory.pdf_urls = (key, pdf_urls(site, PdfOptions()))
    mine, elsewhere = memory.pdf_urls[1]
    return list(mine), list(elsewhere)
