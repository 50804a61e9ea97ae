"""What a check derives from each document alone, kept in the build's cache between
processes (cache.derived): a check seeds its Warm with the values of every document
parsed from the same bytes under the same options as the one they were derived from, and
hands the cache its own for the next build. The preview's Warm lives as long as its
process and has no cache on disk: it is neither seeded nor read here.
"""

from __future__ import annotations

from collections.abc import Iterable

from soteneg.build.cache import PARSED, Cache
from soteneg.build.cache.derived import Derived, StoredRef
from soteneg.build.content_links import outline_part
from soteneg.content.attachments import FileRef
from soteneg.content.loader import Document, content_path
from soteneg.content.warm import Warm
from soteneg.packets.budgets import chapter_lines


def seed(warm: Warm, cache: Cache, documents: Iterable[Document]) -> None:
    """Keep in `warm` the values derived from each of `documents` by the last check,
    where the document was parsed under the same key as theirs."""
    if cache.folder is None:
        return
    stored = cache.derived()
    if not stored:
        return
    for doc in documents:
        found = stored.get(doc.file)
        if found is None or found.made_of != cache.made_for(PARSED, doc.file):
            continue
        refs = None
        if found.refs is not None:
            refs = [
                FileRef(
                    doc,
                    r.written,
                    content_path(doc.id, r.written),
                    (r.line, r.column),
                    r.kind,
                    r.prints,
                )
                for r in found.refs
            ]
        warm.seed(
            doc,
            refs,
            found.placeholders,
            None if found.lines is None else (chapter_lines, found.lines),
            None if found.part is None else (outline_part, found.part),
        )


def remember(warm: Warm, cache: Cache, documents: Iterable[Document]) -> None:
    """Hand the cache what `warm` holds for each of `documents` now, under the key the
    document was parsed under."""
    if cache.folder is None:
        return
    derived: dict[str, Derived] = {}
    for doc in documents:
        made_of = cache.made_for(PARSED, doc.file)
        if made_of is None:
            continue
        refs, placeholders, lines, part = warm.made_for(doc, chapter_lines, outline_part)
        if refs is None and placeholders is None and lines is None and part is None:
            continue
        stored = None
        if refs is not None:
            stored = tuple(
                StoredRef(r.written, r.position[0], r.position[1], r.kind, r.prints) for r in refs
            )
        derived[doc.file] = Derived(made_of, stored, placeholders, lines, part)
    cache.remember_derived(derived)
