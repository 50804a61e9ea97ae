"""What the units of the page plan are, and the keys their fingerprints are made of
(build.units makes the plan): a unit's name, template and fingerprint, the key of what a
link to a document shows, and the key of everything every page may show."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from soteneg.build import cache as build_cache
from soteneg.content.loader import Document
from soteneg.content.sources import CONTENT_DIR, DATA_FILE_NAMES
from soteneg.site.index import Site
from soteneg.site.pages.page import Page


@dataclass(frozen=True)
class Unit:
    key: str  # stable name of the unit: "doc:kierrokset/2018-syksy/uusimaa:sv"
    template: str
    fingerprint: str
    make: Callable[[], Page | None]


def fingerprint(*parts: str) -> str:
    joined = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=16).hexdigest()


def link_key(doc: Document) -> str:
    """What a link to a document shows anywhere on the site, and where it leads."""
    meta = doc.meta
    assert meta is not None
    return fingerprint(
        doc.id,
        meta.title,
        meta.date.isoformat(),
        meta.summary or "",
        meta.lang,
        meta.type,
        repr((meta.example, meta.draft, meta.withdrawn)),
        # Corrections show wherever the document does (its page, the feed).
        repr([(c.date.isoformat(), c.note) for c in meta.changes]),
        getattr(meta, "round", "") or "",
        getattr(meta, "region", "") or "",
    )


@dataclass(frozen=True)
class Inputs:
    """What units' fingerprints are made of."""

    site_wide: str  # configuration, data, files, code, languages, assets, PDFs linked
    templates: Mapping[str, str]  # template -> key of it and the templates it uses
    render_key: Callable[[str], str]  # document id -> its file and what its body renders to
    targets_key: Callable[[str], str]  # document id -> where its links lead, its page's URL
    # A document -> a key of its front matter, which its metadata is validated from alone
    # (bodies.front_keys): cheaper than dumping the metadata, and unmoved by a body edit.
    front_key: Callable[[Document], str]


def site_key(
    site: Site, texts: Mapping[str, str], asset_urls: Mapping[str, str], pdfs: frozenset[str]
) -> str:
    """Everything every page may show: code, configuration, data, languages, assets,
    published files and the PDFs pages link to."""
    files = sorted((p, f.url, str(len(f.data)), repr(f.size)) for p, f in site.files.items())
    return fingerprint(
        build_cache.code_key(),
        site.config.model_dump_json(),
        *(texts.get(f"{CONTENT_DIR}/{name}", "") for name in DATA_FILE_NAMES),
        "|".join(site.languages),
        repr(sorted(asset_urls.items())),
        repr(sorted(pdfs)),
        repr(files),
    )
