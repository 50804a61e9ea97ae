"""The last Site, patched for the next check in a process that stays up (the preview):
`build_site` over 5000 documents took 0.08 CPU s of a save's ~0.6, though a save
changes one document's text and a Site is made of the documents' front matter only.

`build_site` reads of each document its id, file and front matter (`meta`), and
besides: site.yaml, the data files, the commit days and the earlier versions of the
content, and of the options the base path, the mark and which documents they publish
(drafts, the clock). While all of those equal what the last Site of the same options
was made from, the new Site is that one with each document that is a new object put in
its group's place (the pages read a document's body from the Site); anything else
differs: made anew. Every part is compared, never trusted: the preview's cache hands
back the same Document object for a file whose bytes are unchanged, so the comparison
of all but the saved document is one identity test each. The last Site's answers
(`Site.remember`) that the save cannot change are given to the patched Site, by what
each kind declares it reads (index_answers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from soteneg.content.config import SiteConfig
from soteneg.content.loader import Content, DataSet, Document
from soteneg.content.versions import Earlier
from soteneg.core.options import BuildOptions
from soteneg.site import index_answers
from soteneg.site.index import Site, build_site, is_published


@dataclass(frozen=True, eq=False)
class _Made:
    """A Site and all that `build_site` read to make it."""

    config: SiteConfig | None
    data: DataSet
    committed: Mapping[str, dt.date]
    earlier: Mapping[str, tuple[Earlier, ...]]
    documents: tuple[Document, ...]
    published: tuple[bool, ...]  # is_published of each document, in order
    site: Site


def _same(site: Site) -> Site:
    return site


class KeptSites:
    """The last Site made for each options (the clock aside: what it publishes is
    compared instead), so at most two in the preview: its own, and the one with every
    document published."""

    def __init__(self) -> None:
        self._made: dict[BuildOptions, _Made] = {}

    def site(
        self, content: Content, options: BuildOptions, finish: Callable[[Site], Site] = _same
    ) -> Site:
        """`finish(build_site(content, options))`, the last one patched when that is the
        same, with the last one's answers the patch cannot change. `finish` gives the
        Site what `build_site` does not make (targets.published_site: the files), as a
        new object: the one asked, and so the one whose answers are kept."""
        published = tuple(is_published(d, options) for d in content.documents)
        slot = replace(options, now=None)
        made = self._made.get(slot)
        patch = _patched(made, content, published) if made is not None else None
        if patch is None:
            site = finish(build_site(content, options))
        else:
            site = finish(patch[0])
            site.take_answers(patch[1])
        self._made[slot] = _Made(
            content.config,
            content.data,
            content.committed,
            content.earlier,
            content.documents,
            published,
            site,
        )
        return site


def _patched(
    made: _Made, content: Content, published: tuple[bool, ...]
) -> tuple[Site, dict[tuple[str, str], Any]] | None:
    """`made.site` with the documents of `content` in it, when `build_site` would make
    the same of them, and the answers of it that the patch leaves true; else None."""
    # One `published` a document: the same count of documents when they are equal.
    if (
        published != made.published
        or content.config != made.config
        or content.data != made.data
        or content.committed != made.committed
        or content.earlier != made.earlier
    ):
        return None
    changed: list[tuple[Document, Document]] = []
    for new, old in zip(content.documents, made.documents, strict=True):
        if new is old:
            continue
        if new.id != old.id or new.file != old.file or new.meta != old.meta:
            return None
        changed.append((old, new))
    site = made.site
    groups: dict[str, Any] = dict(site.groups)
    held_types: set[str] = set()
    for _, doc in changed:
        group_id = site.group_of.get(doc.id)
        if group_id is None:
            continue  # not published: the Site holds only why (meta and file, the same)
        group = groups[group_id]
        # A translation is of its original's type (check's translation-type): an answer
        # that holds the group's documents (or the group) holds one of this type.
        if doc.meta is not None:
            held_types.add(doc.meta.type)
        versions = {lang: doc if v.id == doc.id else v for lang, v in group.versions.items()}
        groups[group_id] = replace(group, versions=versions)
    return replace(site, groups=groups), index_answers.kept(site.answers, changed, held_types)
