"""The checks that need time: a document names a region that existed during its round,
succession in regions.yaml runs forward without gaps or loops, and a region lies in the
period of its era. Called from the cross-reference pass; the rules of validity and
succession themselves are in `timeline`, so `new` and the pages apply the same ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from soteneg.content import timeline
from soteneg.content.loader import DataSet
from soteneg.content.models import Era, Region, Round
from soteneg.content.sources import CONTENT_DIR
from soteneg.core.problems import Problem, problem

REGIONS_FILE = f"{CONTENT_DIR}/regions.yaml"
_DAY = dt.timedelta(days=1)
# A `succeeded_by` entry that closes a cycle: (region id, entry number, the cycle's ids).
Closing = tuple[str, int, tuple[str, ...]]


def period(valid_from: dt.date | None, valid_to: dt.date | None) -> str:
    """'from 2023-01-01', 'until 2022-12-31', 'from … to …', as a message says it."""
    if valid_from and valid_to:
        return f"from {valid_from} to {valid_to}"
    if valid_from:
        return f"from {valid_from}"
    if valid_to:
        return f"until {valid_to}"
    return "at all times"


def _listed(ids: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in ids]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def region_outside_round(data: DataSet, region: Region, round_: Round) -> tuple[str, str] | None:
    """(message, suggestion) when a document of `round_` may not name `region`; None when
    it may. One wording for `check` and `new`."""
    if timeline.valid_in(region, round_):
        return None
    message = (
        f"region '{region.id}' is valid {period(region.valid_from, region.valid_to)}, but "
        f"round '{round_.id}' runs from {round_.start} to {round_.end}"
    )
    near = [r.id for r in timeline.near_in_time(data, region, round_)]
    # The region either ended before the round began or began after it ended (they share
    # no day), so what was valid then is all on one side of it.
    ended = region.valid_to is not None and region.valid_to < round_.start
    side = "successor" if ended else "predecessor"
    if len(near) == 1:
        return message, f"name its {side} valid then: {_listed(near)}"
    if near:
        return message, f"name one of its {side}s valid then: {_listed(near)}"
    return message, (
        f"no {side} of '{region.id}' was valid then: check `round`, or the region's "
        f"valid_from and valid_to in {REGIONS_FILE}"
    )


def check_region_in_round(
    file: str, position: tuple[int, int], data: DataSet, region: Region, round_: Round
) -> Iterator[Problem]:
    found = region_outside_round(data, region, round_)
    if found is not None:
        yield problem(file, position, "region-not-in-round", *found)


def check_time_data(data: DataSet) -> Iterator[Problem]:
    """The regions' own history: succession has no cycle and no gap, a predecessor ends,
    and each region lies in its era. Unknown ids are reported by the cross-reference
    pass and skipped here."""
    if REGIONS_FILE not in data.docs:
        return  # regions.yaml did not parse: its own problems say why
    closing = set(_cycles(data))
    yield from _cycle_problems(data, closing)
    for region in data.regions.values():
        yield from _check_succession(data, region, closing)
        era = timeline.era_of(data, region)
        if era is not None:
            yield from _check_era(data, region, era)


def _at(data: DataSet, region_id: str, *path: str | int, key: bool = False) -> tuple[int, int]:
    doc = data.docs[REGIONS_FILE]
    return doc.position((data.index[(REGIONS_FILE, region_id)], *path), prefer_key=key)


def _cycles(data: DataSet) -> Iterator[Closing]:
    """Each `succeeded_by` entry that closes a cycle, as (region, entry, the cycle's ids).

    A depth-first walk in the order of regions.yaml; an entry that leads back to a region
    still on the walk's path closes a cycle. Iterative, so that a long chain written by
    mistake cannot exhaust Python's stack."""
    done: set[str] = set()
    for first in data.regions:
        if first in done:
            continue
        path: list[str] = [first]
        on_path = {first}
        next_entry: list[int] = [0]
        while path:
            current, j = path[-1], next_entry[-1]
            successors = data.regions[current].succeeded_by
            if j == len(successors):
                on_path.discard(current)
                done.add(path.pop())
                next_entry.pop()
                continue
            next_entry[-1] += 1
            successor = successors[j]
            if successor not in data.regions or successor in done:
                continue
            if successor in on_path:
                yield current, j, (*path[path.index(successor) :], successor)
                continue
            path.append(successor)
            on_path.add(successor)
            next_entry.append(0)


def _cycle_problems(data: DataSet, closing: set[Closing]) -> Iterator[Problem]:
    for region_id, j, cycle in closing:
        yield problem(
            REGIONS_FILE,
            _at(data, region_id, "succeeded_by", j),
            "succession-cycle",
            f"succession returns to '{cycle[0]}': " + " → ".join(cycle),
            f"a region is succeeded only by regions that begin after it ends; remove "
            f"'{cycle[-1]}' from the succeeded_by of '{region_id}'",
        )


def _check_succession(data: DataSet, region: Region, closing: set[Closing]) -> Iterator[Problem]:
    known = [(j, data.regions[s]) for j, s in enumerate(region.succeeded_by) if s in data.regions]
    if not known:
        return
    # 9999-12-31 is how some write "no end": it is no end a successor can follow.
    if region.valid_to is None or region.valid_to == dt.date.max:
        starts = {s.valid_from for _, s in known if s.valid_from is not None}
        hint = (
            f"add valid_to: {min(starts) - _DAY}, the day before its successors begin"
            if len(starts) == 1 and min(starts) > dt.date.min
            else f"add valid_to, the last day of '{region.id}'"
        )
        yield problem(
            REGIONS_FILE,
            _at(data, region.id, "succeeded_by", key=True),
            "succession-without-end",
            f"region '{region.id}' has successors but "
            + ("no valid_to" if region.valid_to is None else f"never ends ({region.valid_to})"),
            hint,
        )
        return
    # The entry that closes a cycle already has its problem there; its dates cannot agree
    # in a cycle, and saying so again would only repeat it.
    looped = {j for r, j, _ in closing if r == region.id}
    expected = region.valid_to + _DAY
    for j, successor in known:
        if j in looped or successor.valid_from == expected:
            continue
        begins = successor.valid_from
        if begins is None:
            what = "has no valid_from"
        elif begins > expected:
            what = f"begins on {begins}: {(begins - expected).days} day(s) without either"
        else:
            what = f"begins on {begins}: {(expected - begins).days} day(s) with both"
        yield problem(
            REGIONS_FILE,
            _at(data, region.id, "succeeded_by", j),
            "succession-gap",
            f"region '{region.id}' ends on {region.valid_to}, and its successor "
            f"'{successor.id}' {what}",
            f"a successor begins the day after its predecessor ends: valid_from: {expected} "
            f"for '{successor.id}', or correct valid_to of '{region.id}'",
        )


def _check_era(data: DataSet, region: Region, era: Era) -> Iterator[Problem]:
    """A region's days lie within its era's. One that reaches beyond has most likely lost
    or mistyped a date: a county of 2023 without valid_from would be offered to the
    rounds of 2018. A warning, since the era only names the units; validity is the
    region's own dates."""
    starts_before = era.valid_from is not None and (
        region.valid_from is None or region.valid_from < era.valid_from
    )
    ends_after = era.valid_to is not None and (
        region.valid_to is None or region.valid_to > era.valid_to
    )
    if not (starts_before or ends_after):
        return
    yield problem(
        REGIONS_FILE,
        _at(data, region.id, "era"),
        "region-outside-era",
        f"region '{region.id}' is valid {period(region.valid_from, region.valid_to)}, "
        f"beyond its era '{era.id}', valid {period(era.valid_from, era.valid_to)}",
        "give the region the dates of its own time (valid_from, valid_to), or name the "
        "era it belongs to",
        severity="warning",
    )
