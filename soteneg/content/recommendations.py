"""Recommended actions and their follow-up across rounds.

A negotiation document lists the ministries' recommended actions, each with an id; a
document of a later round follows them up by id. A unit's chain is its own documents and
those of the units it continues (its predecessors), oldest round first. Pure.

The rules: an id is given once in a unit's chain; a follow-up names an id given in an
earlier round of the chain; a round's document follows up every recommendation of the
chain's previous document (a warning, since the follow-up may be written later); a
language version has the same ids as its original.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from soteneg.content import timeline
from soteneg.content.front_matter import Negotiation, Recommendation
from soteneg.content.loader import DataSet, Document
from soteneg.content.models import Round
from soteneg.core.problems import Problem, did_you_mean, problem, quoted
from soteneg.core.text import joined


@dataclass(frozen=True)
class Given:
    """A recommendation as a round's negotiation document gives it."""

    recommendation: Recommendation
    doc: Document
    unit: str
    round: Round
    number: int  # its place in the document's list, from 1


@dataclass(frozen=True)
class Chain:
    """A unit's negotiation documents and their recommendations, with its predecessors'."""

    documents: tuple[tuple[Round, Document], ...]  # oldest round first
    given: Mapping[str, Given]  # recommendation id -> where it was given


def _meta(doc: Document) -> Negotiation:
    assert isinstance(doc.meta, Negotiation)
    return doc.meta


def originals(documents: tuple[Document, ...], data: DataSet) -> dict[str, list[Document]]:
    """Unit id -> its negotiation documents in their original language."""
    found: dict[str, list[Document]] = {}
    for doc in documents:
        meta = doc.meta
        original = isinstance(meta, Negotiation) and meta.translation_of is None
        if original and meta.round in data.rounds and meta.region in data.regions:
            found.setdefault(meta.region, []).append(doc)
    return found


def chain(unit_id: str, by_unit: Mapping[str, list[Document]], data: DataSet) -> Chain:
    """The documents of `unit_id` and of the units it continues, oldest round first."""
    unit = data.regions[unit_id]
    units = [*(u.id for u in timeline.ancestors(data, unit)), unit_id]
    docs = [(data.rounds[_meta(doc).round], doc) for u in units for doc in by_unit.get(u, ())]
    docs.sort(key=lambda pair: (pair[0].start, pair[0].id, pair[1].id))
    given: dict[str, Given] = {}
    for round_, doc in docs:
        for n, rec in enumerate(_meta(doc).recommendations, start=1):
            given.setdefault(rec.id, Given(rec, doc, _meta(doc).region, round_, n))
    return Chain(tuple(docs), given)


def check_recommendations(documents: tuple[Document, ...], data: DataSet) -> Iterator[Problem]:
    by_unit = originals(documents, data)
    for unit_id, docs in by_unit.items():
        found = chain(unit_id, by_unit, data)
        for doc in docs:
            yield from _check_document(doc, found)
    yield from _check_language_versions(documents)


def _check_document(doc: Document, found: Chain) -> Iterator[Problem]:
    meta = _meta(doc)
    here = next(r for r, d in found.documents if d is doc)
    for j, rec in enumerate(meta.recommendations):
        first = found.given[rec.id]
        if first.doc is not doc:
            yield problem(
                doc.file,
                doc.front.position(("recommendations", j, "id")),
                "duplicate-recommendation",
                id=rec.id,
                file=first.doc.file,
            )
    earlier = {i: g for i, g in found.given.items() if g.round.start < here.start}
    for j, follow in enumerate(meta.follow_up):
        at = doc.front.position(("follow_up", j, "id"))
        given = found.given.get(follow.id)
        if given is None:
            yield problem(
                doc.file,
                at,
                "unknown-recommendation",
                hint=did_you_mean(follow.id, earlier),
                id=follow.id,
            )
        elif follow.id not in earlier:
            yield problem(
                doc.file,
                at,
                "follow-up-not-earlier",
                id=follow.id,
                round=given.round.id,
                here=here.id,
            )
    previous = [d for r, d in found.documents if r.start < here.start]
    if not previous:
        return
    last = previous[-1]
    followed = {f.id for f in meta.follow_up}
    open_ids = [r.id for r in _meta(last).recommendations if r.id not in followed]
    if open_ids:
        key = "follow_up" if meta.follow_up else "type"
        yield problem(
            doc.file,
            doc.front.position((key,), prefer_key=True),
            "recommendation-not-followed",
            severity="warning",
            ids=joined(quoted(open_ids)),
            file=last.file,
        )


def _check_language_versions(documents: tuple[Document, ...]) -> Iterator[Problem]:
    """A translation gives and follows up the same recommendations as its original, by
    the same ids, in the same order: only the words differ."""
    by_id = {d.id: d for d in documents}
    for doc in documents:
        meta = doc.meta
        if not isinstance(meta, Negotiation) or meta.translation_of is None:
            continue
        original = by_id.get(meta.translation_of)
        if original is None or not isinstance(original.meta, Negotiation):
            continue
        for field in ("recommendations", "follow_up"):
            mine = [item.id for item in getattr(meta, field)]
            theirs = [item.id for item in getattr(original.meta, field)]
            if mine != theirs:
                yield problem(
                    doc.file,
                    doc.front.position((field,), prefer_key=True),
                    "translation-recommendations",
                    field=field,
                    mine=joined(quoted(mine)) if mine else "–",
                    theirs=joined(quoted(theirs)) if theirs else "–",
                    original=original.file,
                )
