"""Regions in time: which units existed during a round, who came before and after whom,
and what a unit is called in its era. Pure functions over the DataSet, used by the
cross-reference pass, `new`, and every page that lists regions.

A unit is valid during a round when its period and the round's dates share a day.
Succession is `succeeded_by` in regions.yaml; predecessors are found by reading it
backwards. The cross-reference pass refuses cycles, so the walks here end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

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
    return tuple(data.regions[s] for s in region.succeeded_by if s in data.regions)


def predecessors(data: DataSet, region: Region) -> tuple[Region, ...]:
    """The units `region` took over from, in the order of regions.yaml."""
    return tuple(r for r in data.regions.values() if region.id in r.succeeded_by)


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
    return tuple(sorted(found.values(), key=lambda r: (r.valid_to or _NEVER, r.id)))


def near_in_time(data: DataSet, region: Region, round_: Round) -> tuple[Region, ...]:
    """The units a document of `round_` probably meant when it names `region`, which did
    not exist then: its successors (transitively) or predecessors valid in the round."""
    seen: set[str] = {region.id}
    found: list[Region] = []
    todo = [*successors(data, region), *predecessors(data, region)]
    while todo:
        current = todo.pop(0)
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
    era = era_of(data, region)
    return era.unit if era is not None else None


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
