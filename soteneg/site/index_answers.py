"""Which of the last Site's answers (`Site.remember`) the patched Site keeps (index_kept).

A patched Site equals the last one in all `build_site` read (site.yaml, the data files,
the commit days, the earlier versions, which documents are published, and each
document's id, file and front matter); only the saved documents are new objects, whose
body and outline may differ, and their groups. The answers were ~7 % of a save's build
at 5000 documents, made again only because the patched Site is a new object.

Each kind of answer (the first part of its key) declares what of the documents it reads
beyond their id, file and front matter, and which documents its value holds; an answer
is kept when the save changed none of that. A kind not declared here is made again: the
answers whose key leaves out an argument they read (`links` and `print-links` a
resolver) and the packets, which hold the documents they print. An answer that depends
on an argument its key cannot hold keeps only what it reads of the Site, as
`theme-region-shown` does: the sections given are read on every call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from soteneg.content.loader import Document


@dataclass(frozen=True)
class Reads:
    """What an answer reads of a document besides its id, file and front matter."""

    # The themes of its level-2 headings (the outline's sections: site.texts, lineage).
    sections: bool = False
    # The types of document whose objects (or groups) the value holds: a saved one of
    # them would leave the old object, with its old body, in the answer.
    holds: frozenset[str] = frozenset()


_FRONT = Reads()  # the front matter, the data files and the Site's slots alone
_SECTIONS = Reads(sections=True)

READS: Mapping[str, Reads] = {
    # site.recommendations: the chains of negotiation documents, their recommendations
    # and follow-ups (front matter), holding the documents and their groups.
    "recommendations": Reads(holds=frozenset({"negotiation"})),
    # site.texts: recommendations' themes (front matter); assessments' sections.
    "advised-themes": _FRONT,
    "recommended-themes": _FRONT,
    "recommended-set": _FRONT,
    "assessed-themes": _SECTIONS,
    # site.lineage: a line has the rounds whose text has a section on the theme.
    "theme-line": _SECTIONS,
    "theme-far-pairs": _SECTIONS,
    # site.eras: the data files, the rounds and the slots (which follow the front matter).
    "unit-word": _FRONT,
    "regions-in-round": _FRONT,
    "ancestors-in-rounds": _FRONT,
    "history": _FRONT,
    # site.pages.themes: the versions shown of a unit's history on a theme (their ids).
    "theme-region-shown": _FRONT,
    "ancestors-with-documents": _FRONT,
    "documented-history": _FRONT,
    "parts-received": _FRONT,
    "areas-of": _FRONT,
    "name-order": _FRONT,
    # site.index: a version's URL (its group's path and language), regions by name.
    "url": _FRONT,
    "regions": _FRONT,
    # packets.plan: the PDFs' URLs, of the slots, the languages and the URLs.
    "packet-urls": _FRONT,
}


def section_themes(doc: Document) -> frozenset[str | None]:
    """All that an answer with `Reads.sections` reads of a document's outline."""
    return frozenset(h.theme for h in doc.outline.headings if h.level == 2)


def kept(
    memo: Mapping[tuple[str, str], Any],
    saved: Iterable[tuple[Document, Document]],
    held_types: Iterable[str],
) -> dict[tuple[str, str], Any]:
    """The answers of `memo` a Site patched with `saved` ((old, new) documents, equal in
    id, file and front matter) gives alike; `held_types`: the types of those published."""
    saved = tuple(saved)
    sections = any(section_themes(old) != section_themes(new) for old, new in saved)
    held = frozenset(held_types)
    found: dict[tuple[str, str], Any] = {}
    for key, answer in memo.items():
        reads = READS.get(key[0])
        if reads is None or (reads.sections and sections) or reads.holds & held:
            continue
        found[key] = answer
    return found
