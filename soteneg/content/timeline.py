"""Regions in time: which units existed during a round, who came before and after whom,
and what a unit is called in its era. Pure functions over the DataSet, used by the
cross-reference pass, `new`, and every page that lists regions.

A unit is valid during a round when its period and the round's dates share a day.
Succession is `succeeded_by` in regions.yaml; predecessors are found by reading it
backwards (once per DataSet: DataSet.taken_over). The cross-reference pass refuses
cycles, and the walks here end on one all the same. A succession chain can be thousands
of units long: nothing here walks a unit's past once for each unit of it.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Collection, Iterator
from typing import NamedTuple

from soteneg.content.loader import DataSet
from soteneg.content.models import Era, Names, Region, Round

_NEVER = dt.date.max


def valid_in(region: Region, round_: Round) -> bool:
    return region.valid_during(round_.start, round_.end)


def regions_in(data: DataSet, round_: Round) -> tuple[Region, ...]:
    """The units that existed during `round_`, in the order of regions.yaml."""
    return tuple(r for r in data.regions.values() if valid_in(r, round_))


def rounds_of(data: DataSet, region: Region) -> tuple[Round, ...]:
    """The rounds held while `region` existed, in the order of rounds.yaml."""
    return tuple(r for r in data.rounds.values() if valid_in(region, r))


def successors(data: DataSet, region: Region) -> tuple[Region, ...]:
    return tuple(data.regions[s] for s in region.successors if s in data.regions)


def predecessors(data: DataSet, region: Region) -> tuple[Region, ...]:
    """The units `region` took over from, in the order of regions.yaml."""
    return tuple(data.regions[r] for r in data.taken_over.get(region.id, ()))


def _oldest_first(region: Region) -> tuple[dt.date, str]:
    return (region.valid_to or _NEVER, region.id)


def ancestors(data: DataSet, region: Region) -> tuple[Region, ...]:
    """Every unit whose history `region` continues, oldest first (Pirkanmaa before
    Pirkanmaan hyvinvointialue). Each is listed once, even where lines meet."""
    found: dict[str, Region] = {}
    todo = list(predecessors(data, region))
    while todo:
        current = todo.pop()
        if current.id in found or current.id == region.id:
            continue
        found[current.id] = current
        todo.extend(predecessors(data, current))
    return tuple(sorted(found.values(), key=_oldest_first))


def in_some_round(data: DataSet) -> set[str]:
    """The ids of the units that existed during some round of rounds.yaml."""
    return {
        r.id for r in data.regions.values() if any(valid_in(r, rnd) for rnd in data.rounds.values())
    }


class _Past(NamedTuple):
    """A region's kept ancestors, without copying its predecessors': the kept ones it
    took over from directly, and its predecessors' pasts."""

    added: tuple[str, ...]
    earlier: tuple[_Past, ...]


_NO_PAST = _Past((), ())


class Ancestry:
    """Every region's ancestors whose ids are in `kept`, listed and ordered as
    `ancestors` lists them, for any region asked.

    Asking `ancestors` of each region walked each one's whole past again, and a page
    per region asked it for every theme: cubic in the length of a succession chain
    (1,000 units took 121 s to build). Here the pasts are made once for all regions,
    each from its predecessors' (a walk in post-order, without recursion), sharing them
    rather than copying: the same one where nothing is added, one link more where
    something is. A chain costs time in proportion to its length, and listing one
    region's ancestors in proportion to how many of them are kept. A cycle (which
    `check` refuses) is cut where the walk meets it."""

    def __init__(self, data: DataSet, kept: Collection[str]) -> None:
        self.data = data
        self.pasts: dict[str, _Past] = {}
        self.listed: dict[str, tuple[Region, ...]] = {}
        walking: set[str] = set()
        for first in data.regions:
            stack = [first]
            while stack:
                current = stack[-1]
                if current in self.pasts:
                    stack.pop()
                elif current not in walking:
                    walking.add(current)
                    stack.extend(
                        p
                        for p in data.taken_over.get(current, ())
                        if p not in self.pasts and p not in walking
                    )
                else:
                    stack.pop()
                    walking.discard(current)
                    self.pasts[current] = self._joined(current, kept)

    def _joined(self, region_id: str, kept: Collection[str]) -> _Past:
        before = self.data.taken_over.get(region_id, ())
        added = tuple(p for p in before if p in kept)
        earlier: dict[int, _Past] = {}
        for p in before:
            past = self.pasts.get(p)  # None: a predecessor on a cycle, still being walked
            if past is not None and past is not _NO_PAST:
                earlier[id(past)] = past
        if not added and len(earlier) <= 1:
            return next(iter(earlier.values()), _NO_PAST)
        return _Past(added, tuple(earlier.values()))

    def _kept(self, region_id: str, limit: int | None = None) -> set[str]:
        """The ids of the region's kept ancestors; the walk stops once it has more than
        `limit` (enough to know that there are more)."""
        ids: set[str] = set()
        seen: set[int] = set()
        todo = [self.pasts.get(region_id, _NO_PAST)]
        while todo and (limit is None or len(ids) <= limit):
            past = todo.pop()
            if id(past) in seen:
                continue
            seen.add(id(past))
            ids.update(a for a in past.added if a != region_id)
            todo.extend(past.earlier)
        return ids

    def more_than(self, region_id: str, limit: int) -> bool:
        """Whether the region has more than `limit` kept ancestors, found at a cost of
        about `limit`, however many it has."""
        return len(self._kept(region_id, limit)) > limit

    def of(self, region_id: str) -> tuple[Region, ...]:
        """The region's kept ancestors, oldest first, each once."""
        found = self.listed.get(region_id)
        if found is None:
            kept = (self.data.regions[i] for i in self._kept(region_id))
            found = self.listed[region_id] = tuple(sorted(kept, key=_oldest_first))
        return found


def near_in_time(data: DataSet, region: Region, round_: Round) -> tuple[Region, ...]:
    """The units a document of `round_` probably meant when it names `region`, which did
    not exist then: its successors (transitively) or predecessors valid in the round."""
    seen: set[str] = {region.id}
    found: list[Region] = []
    todo = deque([*successors(data, region), *predecessors(data, region)])
    while todo:
        current = todo.popleft()
        if current.id in seen:
            continue
        seen.add(current.id)
        if valid_in(current, round_):
            found.append(current)
        elif current.valid_to is not None and current.valid_to < round_.start:
            todo.extend(successors(data, current))
        else:
            todo.extend(predecessors(data, current))
    return tuple(found)


def era_of(data: DataSet, region: Region) -> Era | None:
    return data.eras.get(region.era) if region.era else None


def unit_word(data: DataSet, region: Region) -> Names | None:
    """What this unit is called (maakunta, hyvinvointialue, kaupunki); None when the data
    does not say, and the page uses its own generic word."""
    if region.unit is not None:
        return region.unit
    kind = data.kinds.get(region.kind or "")
    if kind is not None:
        return kind.one
    era = era_of(data, region)
    return era.unit if era is not None else None


def negotiated(data: DataSet, region: Region) -> bool:
    """Whether the ministries negotiate with `region` (not with the whole country)."""
    kind = data.kinds.get(region.kind or "")
    return kind is None or kind.negotiated


def eras_newest_first(data: DataSet) -> Iterator[tuple[Era | None, tuple[Region, ...]]]:
    """The regions grouped by era, the newest era first; regions without an era (or
    with an unknown one) come last, under None."""
    groups: dict[str | None, list[Region]] = {}
    for region in data.regions.values():
        key = region.era if region.era in data.eras else None
        groups.setdefault(key, []).append(region)
    ordered = sorted(
        (e for e in data.eras.values() if e.id in groups),
        key=lambda e: (e.valid_from or dt.date.min, e.id),
        reverse=True,
    )
    for era in ordered:
        yield era, tuple(groups[era.id])
    if None in groups:
        yield None, tuple(groups[None])
