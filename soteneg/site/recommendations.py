"""Recommended actions as the published site knows them: each unit's chain of
negotiation documents (its predecessors' included, `content.recommendations.chain`),
each recommendation with the later documents that follow it up, and what a page in one
language shows of them. Pure.

Only published documents count: a follow-up in a draft is not news yet. Ids and themes
are the original's; texts come from the version in the page's language where there is
one (a translation gives the same ids, which check makes sure of).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from soteneg.content import recommendations as recs
from soteneg.content import timeline
from soteneg.content.front_matter import FollowUp, Negotiation, Recommendation
from soteneg.content.loader import Document
from soteneg.content.models import Round
from soteneg.site.index import Group, Site


@dataclass(frozen=True)
class FollowedUp:
    """A later document's word on a recommendation."""

    follow: FollowUp  # as the original writes it
    group: Group  # the document that follows it up
    round: Round


@dataclass(frozen=True)
class Track:
    """A recommendation where it was given, with every follow-up of it, oldest first."""

    given: recs.Given
    group: Group  # the document that gave it
    follow_ups: tuple[FollowedUp, ...]

    @property
    def id(self) -> str:
        return self.given.recommendation.id

    @property
    def latest(self) -> FollowedUp | None:
        return self.follow_ups[-1] if self.follow_ups else None


def _negotiation(doc: Document) -> Negotiation:
    assert isinstance(doc.meta, Negotiation)
    return doc.meta


def _by_unit(site: Site) -> Mapping[str, list[Document]]:
    """Unit id -> its published negotiation documents, originals only."""

    def make() -> dict[str, list[Document]]:
        originals = tuple(g.original for g in site.groups.values())
        return recs.originals(originals, site.data)

    return site.remember(("recommendations", "by-unit"), make)  # type: ignore[no-any-return]


def chain(site: Site, unit_id: str) -> recs.Chain:
    """The unit's documents and those of the units it continues, oldest first."""
    key = ("recommendations", f"chain:{unit_id}")
    return site.remember(key, lambda: recs.chain(unit_id, _by_unit(site), site.data))  # type: ignore[no-any-return]


def _follow_ups(site: Site) -> Mapping[tuple[str, str], tuple[FollowedUp, ...]]:
    """(id of the document that gave a recommendation, its id) -> its follow-ups in every
    published document, oldest round first. A follow-up is read in the chain of the unit
    whose document it is, so a successor can follow up its predecessor's recommendation."""

    def make() -> dict[tuple[str, str], tuple[FollowedUp, ...]]:
        found: dict[tuple[str, str], list[FollowedUp]] = {}
        for unit_id, docs in _by_unit(site).items():
            given = chain(site, unit_id).given
            for doc in docs:
                meta = _negotiation(doc)
                round_ = site.data.rounds[meta.round]
                for follow in meta.follow_up:
                    source = given.get(follow.id)
                    # A follow-up of an id the chain does not give, or of a later round's,
                    # is check's error; a build of content with errors still shows the rest.
                    if source is None or source.round.start >= round_.start:
                        continue
                    key = (source.doc.id, follow.id)
                    found.setdefault(key, []).append(FollowedUp(follow, site.group(doc), round_))
        return {
            key: tuple(sorted(items, key=lambda f: (f.round.start, f.round.id, f.group.id)))
            for key, items in found.items()
        }

    return site.remember(("recommendations", "follow-ups"), make)  # type: ignore[no-any-return]


def _track(site: Site, given: recs.Given, within: set[str] | None = None) -> Track:
    follow_ups = _follow_ups(site).get((given.doc.id, given.recommendation.id), ())
    if within is not None:
        follow_ups = tuple(f for f in follow_ups if f.group.id in within)
    return Track(given, site.group(given.doc), follow_ups)


def _descendants(site: Site, unit_id: str) -> set[str]:
    """The units that continue `unit_id`, whole, at any remove."""
    found: set[str] = set()
    todo = [unit_id]
    while todo:
        for successor in timeline.successors(site.data, site.data.regions[todo.pop()]):
            if successor.id not in found and successor.id != unit_id:
                found.add(successor.id)
                todo.append(successor.id)
    return found


def kin_documents(site: Site, unit_id: str) -> tuple[str, ...]:
    """The group ids of the negotiation documents of the unit, its predecessors and its
    successors: all that the unit's page of recommendations shows."""
    by_unit = _by_unit(site)
    kin = {u.id for u in timeline.ancestors(site.data, site.data.regions[unit_id])}
    kin |= {unit_id} | _descendants(site, unit_id)
    return tuple(sorted(site.group_of[d.id] for u in kin for d in by_unit.get(u, ())))


def unit_tracks(site: Site, unit_id: str) -> tuple[Track, ...]:
    """Every recommendation of the unit's chain, oldest round first, in each document's
    order, with the follow-ups in the documents of the unit, its predecessors and its
    successors: a sibling successor's word on a shared predecessor's recommendation is
    about the sibling, not this unit."""
    found = chain(site, unit_id)
    within = set(kin_documents(site, unit_id))
    ordered = sorted(found.given.values(), key=lambda g: (g.round.start, g.round.id, g.number))
    return tuple(_track(site, g, within) for g in ordered)


def round_tracks(site: Site, round_id: str) -> Mapping[str, tuple[Track, ...]]:
    """Unit id -> the recommendations its document of the round gives, in their order,
    with every follow-up of them."""
    return _every_round_tracks(site).get(round_id, {})


def _every_round_tracks(site: Site) -> Mapping[str, Mapping[str, tuple[Track, ...]]]:
    """Round id -> `round_tracks`, made in one pass per site: every document's page asks
    whether its round has a page of recommendations (has_round_page), and going over
    every unit's documents for each asking made planning quadratic in the documents."""

    def make() -> dict[str, dict[str, tuple[Track, ...]]]:
        found: dict[str, dict[str, tuple[Track, ...]]] = {}
        for unit_id, docs in _by_unit(site).items():
            for doc in docs:
                meta = _negotiation(doc)
                if not meta.recommendations:
                    continue
                given = chain(site, unit_id).given
                found.setdefault(meta.round, {})[unit_id] = tuple(
                    _track(site, given[r.id]) for r in meta.recommendations if r.id in given
                )
        return found

    return site.remember(("recommendations", "round-tracks"), make)  # type: ignore[no-any-return]


def follow_ups_in(site: Site, group: Group) -> list[tuple[FollowUp, Track | None]]:
    """The follow-ups a negotiation document writes, each with the recommendation it is
    about (None for an id check refuses)."""
    meta = _negotiation(group.original)
    given = chain(site, meta.region).given if meta.region in site.data.regions else {}
    found: list[tuple[FollowUp, Track | None]] = []
    for follow in meta.follow_up:
        source = given.get(follow.id)
        found.append((follow, _track(site, source) if source is not None else None))
    return found


def has_unit_page(site: Site, unit_id: str) -> bool:
    """A unit has a page of recommendations when its chain gives any."""
    return bool(chain(site, unit_id).given)


def has_round_page(site: Site, round_id: str) -> bool:
    return bool(round_tracks(site, round_id))


def in_version(doc: Document, rec_id: str) -> Recommendation | None:
    """The recommendation `rec_id` as `doc` (a language version) writes it."""
    meta = doc.meta
    if not isinstance(meta, Negotiation):
        return None
    return next((r for r in meta.recommendations if r.id == rec_id), None)


def follow_up_in_version(doc: Document, rec_id: str) -> FollowUp | None:
    meta = doc.meta
    if not isinstance(meta, Negotiation):
        return None
    return next((f for f in meta.follow_up if f.id == rec_id), None)
