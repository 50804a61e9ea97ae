"""The page plan again after the last one: only the units that read a document whose
text changed get their fingerprint computed again.

A unit's fingerprint (units.plan_units) is a pure function of the site and the build's
inputs. Split them in two: the *structure*, everything the plan reads but the documents'
text (the site-wide key, the templates, every group, slot and date, and of each document
its front matter and the shape of its body: headings, links, anchors, theme sections);
and the *text* of each document, which the plan reads only through a few leaves (its
rendered body's key, its sections' keys, where its links lead, the version a translation
records). While the structure is the same as the last plan's, a unit that read no leaf
of a document whose text changed has the fingerprint it had: every input of it is the
same. The leaves each unit read are recorded as the plan computes it, through the
memoised helpers too (`Reads.cached` replays a helper's reads on every answer).

The last plan is kept in memory by the preview and on disk in the build's cache
(cache/plan.py, under a digest: a plan that does not read back is no plan, and the next
one is whole), with the documents' shapes (`Planned.shapes`) and the lines' far pairs
(`Planned.pairs`), so that a plan of the same structure makes neither again. In memory
only (the preview's saves), also the memoised helpers' answers (`Planned.answers`): an
answer is a function of the structure and of the texts it read, as a unit's fingerprint
is, so one that read no changed text is kept by the next plan of the same structure (a
comparison's history asked every document's section again on every save: a third of
a kept plan's CPU at 5000 documents).
tests/test_replan.py compares such plans with whole ones after every kind of edit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar, cast

from soteneg.build.unit_keys import fingerprint
from soteneg.content.loader import Document
from soteneg.core.keyparts import key_bytes
from soteneg.site import lineage
from soteneg.site.index import Site
from soteneg.site.texts import Texts

R = TypeVar("R")
_NONE: frozenset[str] = frozenset()
# A line's two texts that get a page of their own (lineage.far_pairs), each as its round
# and unit: all the plan needs of them, and plain data that the cache can keep.
Ends = tuple[tuple[str, str], tuple[str, str]]
Answer = tuple[object, frozenset[str]]  # a memoised helper's answer and the documents it read
Memos = dict[str, dict[tuple[object, ...], Answer]]  # helper's name -> its arguments -> answer


@dataclass(frozen=True)
class Answers:
    """The memoised helpers' answers of a plan (Reads.cached), and which answers read
    each document's text, so that those of a changed document are found without looking
    at every answer (40,000 at 5000 documents). An answer is a function of the
    structure and of the texts it read, as a unit's fingerprint is."""

    memos: Memos = field(default_factory=dict)
    # document id -> (helper's name, arguments) of answers that read it, or did once: an
    # answer asked again after another edit may read other documents; a name whose
    # answer is gone or has been made again since is only looked up for nothing.
    readers: dict[str, set[tuple[str, tuple[object, ...]]]] = field(default_factory=dict)

    def holding(self, changed: frozenset[str]) -> Answers:
        """A copy without the answers that read a document in `changed`: this one stays
        as it is (a plan that fails half-way must not leave answers of texts that its
        successor may not have)."""
        memos = {name: dict(memo) for name, memo in self.memos.items()}
        readers = dict(self.readers)
        for doc_id in changed:
            for name, args in readers.pop(doc_id, ()):
                memos[name].pop(args, None)
        return Answers(memos, readers)


@dataclass(frozen=True)
class Planned:
    """A plan's fingerprints and what they read, for the next plan in this process."""

    structure: str
    texts: Mapping[str, str]  # document id -> key of its file's text
    units: Mapping[str, tuple[str, frozenset[str]]]  # unit -> (fingerprint, documents read)
    # Each document's _shape by its file's text key, for the next plan (making them all
    # again cost a fresh process 0.12 CPU s at 5000 documents). What _shape reads is a
    # function of the text parsed with the site's configuration (every build parses with
    # HTML); a shape made under another configuration is harmless: the configuration is
    # in the structure key, and a plan is compared with the last.
    shapes: Mapping[str, str] = field(default_factory=dict)
    # Each line's far pairs by Replan.far_pairs's key: a function of the structure alone
    # (the line's rounds, slots, and which documents have a section or an advice on the
    # theme), kept with the plan, on disk too, for the next plan of the same structure.
    pairs: Mapping[str, tuple[Ends, ...]] = field(default_factory=dict)
    # The memoised helpers' answers, for the next plan of the same structure: in memory
    # only (the preview's saves; an answer may be any value, so not on disk).
    answers: Answers = field(default_factory=Answers)
    # Each document file's text and its key, in memory only: a save's plan hashes again
    # only the texts that differ (hashing all 4577 of them was 0.02-0.03 CPU s of a save
    # at 5000 documents). A text kept by the preview is the same string, so comparing
    # it costs nothing; an equal copy costs a memcmp.
    sources: Mapping[str, tuple[str, str]] = field(default_factory=dict)


class Reads:
    """The documents whose text the unit being planned reads. `kept`: the answers of
    the last plan of this structure that read no text changed since (Answers.holding)."""

    def __init__(self, kept: Answers | None = None) -> None:
        self.frames: list[set[str]] = []
        # A leaf read outside any unit's parts: whose it was is not known, so this plan
        # is not kept for the next (tests/test_replan.py finds none in the plans).
        self.stray = False
        self.answers = kept if kept is not None else Answers()
        # Documents whose set of readers is this plan's own: the others are still the
        # kept plan's sets (Answers.holding copies the dict, not each set).
        self._owned: set[str] = set()

    def read(self, doc_id: str) -> None:
        if self.frames:
            self.frames[-1].add(doc_id)
        else:
            self.stray = True

    def during(self, compute: Callable[[], R]) -> tuple[R, frozenset[str]]:
        """`compute`'s answer and the documents it read."""
        self.frames.append(set())
        try:
            answer = compute()
        finally:
            found = self.frames.pop()
        if not found:
            return answer, _NONE
        if self.frames:
            self.frames[-1] |= found
        return answer, frozenset(found)

    def cached(self, helper: Callable[..., R]) -> Callable[..., R]:
        """`helper` memoised by its positional arguments, its reads replayed on every
        answer (functools.cache would hide them from a unit that asks after another).
        Its name is its key in `Answers`: one helper of each name in a plan."""
        name = helper.__qualname__
        memo = self.answers.memos.setdefault(name, {})
        readers, owned = self.answers.readers, self._owned

        def answer(*args: object) -> R:
            found = memo.get(args)
            if found is None:
                found = memo[args] = self.during(lambda: helper(*args))
                for doc_id in found[1]:
                    if doc_id not in owned:
                        readers[doc_id] = set(readers.get(doc_id, ()))
                        owned.add(doc_id)
                    readers[doc_id].add((name, args))
            elif found[1] and self.frames:
                self.frames[-1] |= found[1]
            return cast(R, found[0])

        return answer


@dataclass
class Replan:
    """One plan's use of the last one: `last` when its structure is this plan's."""

    structure: str
    texts: dict[str, str]
    last: Planned | None
    reads: Reads = field(default_factory=Reads)
    units: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    computed: int = 0  # units whose fingerprint was computed (the others kept)
    shapes: Mapping[str, str] = field(default_factory=dict)
    pairs: dict[str, tuple[Ends, ...]] = field(default_factory=dict)
    sources: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # Planned.sources

    def far_pairs(
        self, site: Site, theme_id: str, region_id: str, texts: Texts
    ) -> tuple[Ends, ...]:
        """far_ends, from the last plan when it has the line (its structure is this
        plan's); recorded for the next."""
        key = f"{texts.key}/{theme_id}/{region_id}"
        found = self.pairs.get(key)
        if found is None:
            last = self.last
            found = last.pairs.get(key) if last is not None else None
            if found is None:
                found = far_ends(site, theme_id, region_id, texts)
            self.pairs[key] = found
        return found

    def changed(self) -> frozenset[str]:
        last = self.last
        if last is None:
            return frozenset()
        return frozenset(d for d, key in self.texts.items() if last.texts.get(d) != key)

    def planned(self) -> Planned:
        """This plan; the last one itself when nothing of it changed (the cache then
        need not write it again)."""
        last = self.last
        if (
            last is not None
            and last.texts == self.texts
            and last.units == self.units
            and last.pairs == self.pairs
        ):
            # Its structure is this one's (else it would not be `last`) and no text
            # changed: its answers all hold still.
            return last
        return Planned(
            self.structure,
            self.texts,
            self.units,
            self.shapes,
            self.pairs,
            self.reads.answers,
            self.sources,
        )


def far_ends(site: Site, theme_id: str, region_id: str, texts: Texts) -> tuple[Ends, ...]:
    """lineage.far_pairs of the unit's line on the theme, as rounds and units."""
    return tuple(
        ((before.round.id, before.region), (after.round.id, after.region))
        for before, after in lineage.far_pairs(site, theme_id, region_id, texts)
    )


def replan(
    site: Site,
    texts: Mapping[str, str],
    site_wide: str,
    templates: Mapping[str, str],
    front_key: Callable[[Document], str],
    last: Planned | None,
) -> Replan:
    """This plan's structure and texts, with `last` kept only when its structure is the
    same."""
    # Every document a unit may read: the published ones, and every version of a group.
    docs = dict(site.published)
    docs.update((d.id, d) for g in site.groups.values() for d in g.versions.values())
    hashed = text_keys(docs, texts, last.sources if last is not None else {})
    keys = hashed.keys
    before = last.shapes if last is not None else {}
    shapes: dict[str, str] = {}

    def shape(doc: Document) -> str:
        key = keys[doc.id]
        found = shapes.get(key) or before.get(key)
        if found is None:
            found = _shape(doc, front_key)
        shapes[key] = found
        return found

    structure = structure_key(site, site_wide, templates, shape)
    usable = last if last is not None and last.structure == structure else None
    if usable is None:
        return Replan(structure, keys, None, shapes=shapes, sources=hashed.sources)
    changed = frozenset(d for d, key in keys.items() if usable.texts.get(d) != key)
    reads = Reads(usable.answers.holding(changed))
    return Replan(structure, keys, usable, reads=reads, shapes=shapes, sources=hashed.sources)


@dataclass(frozen=True)
class TextKeys:
    keys: dict[str, str]  # document id -> fingerprint of its file's text
    sources: dict[str, tuple[str, str]]  # file -> (its text, that fingerprint)


def text_keys(
    docs: Mapping[str, Document], texts: Mapping[str, str], known: Mapping[str, tuple[str, str]]
) -> TextKeys:
    """Each document's text key: `known`'s (the last plan's, whatever its structure)
    where its file's text is the same, else hashed now."""
    keys: dict[str, str] = {}
    sources: dict[str, tuple[str, str]] = {}
    for doc_id, doc in docs.items():
        held = sources.get(doc.file)
        if held is None:
            text = texts[doc.file]
            held = known.get(doc.file)
            if held is None or held[0] != text:
                held = (text, fingerprint(text))
            sources[doc.file] = held
        keys[doc_id] = held[1]
    return TextKeys(keys, sources)


def structure_key(
    site: Site,
    site_wide: str,
    templates: Mapping[str, str],
    shape: Callable[[Document], str],
) -> str:
    """Everything the plan reads but the documents' text: see the module's docstring.
    `shape`: a document's _shape. Its parts as key_bytes, not repr: the repr of the
    site's tables was a third of the key's 0.03 CPU s at 5000 documents."""
    parts: list[object] = [site_wide, sorted(templates.items()), site.languages]
    for group in site.groups.values():
        parts.append((group.id, group.path, group.original_lang))
        for lang, doc in group.versions.items():
            parts += [lang, doc.id, doc.file, shape(doc)]
    parts.append(sorted(site.published))
    parts.append(sorted(site.group_of.items()))
    parts.append(sorted(site.slots.items()))
    parts.append((site.news, site.pages, site.content_mark))
    parts.append(sorted((k, str(v)) for k, v in site.unpublished.items()))
    parts.append(sorted(site.assessed.items()))
    parts.append(sorted(site.withdrawn.items()))
    parts.append(sorted((k, v.isoformat()) for k, v in site.updated.items()))
    for doc_id, versions in sorted(site.earlier.items()):
        for v in versions:
            # Its own front matter is not the file's (front_key reads the file): its
            # metadata stands for it, and its text is read whole (earlier_shows).
            old = v.document
            meta = old.meta.model_dump_json() if old.meta is not None else "-"
            seen = (doc_id, v.key, v.day, v.until, v.commit, v.ended_by)
            parts += [seen, meta, old.id, old.file, _shape(old, lambda _: ""), old.body]
    return hashlib.blake2b(key_bytes(parts), digest_size=16).hexdigest()


def _shape(doc: Document, front_key: Callable[[Document], str]) -> str:
    """A document but its text, id and file: its front matter, and what its body holds
    that pages other than its own are arranged by (headings, links, anchors, theme
    sections)."""
    outline = doc.outline
    headings = [(h.level, h.text, h.id, h.theme) for h in outline.headings]
    links = [(link.href, link.is_image) for link in outline.links]
    pre = doc.prerendered
    sections = None if pre is None else list(pre.themes)
    return fingerprint(
        front_key(doc),
        repr(headings),
        repr(links),
        repr(sorted(outline.anchors)),
        repr(sections),
    )
