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
from soteneg.core.problems import Problem, problem, quoted
from soteneg.core.text import Param, Text, counted, date, joined, say
from soteneg.core.text import period as period_text

REGIONS_FILE = f"{CONTENT_DIR}/regions.yaml"
_DAY = dt.timedelta(days=1)
# A `succeeded_by` entry that closes a cycle: (region id, entry number, the cycle's ids).
Closing = tuple[str, int, tuple[str, ...]]
# Predecessors (transitively) that existed during rounds, for one unit. A unit's page on a
# theme lists each of their rounds, so a chain whose units all existed in one long round
# made pages quadratic in its length (1,000 units: 435 MB, 133 s). A real history has a
# handful: Uusimaa's counties have one, a merger of several areas a few more.
MAX_HISTORY = 100


def period(valid_from: dt.date | None, valid_to: dt.date | None) -> Text:
    """'1.1.2023 alkaen', 't.o.m. 31.12.2022', '1.10.2018–30.11.2018' as a message says
    it (core.formats), or 'at all times'."""
    if valid_from is None and valid_to is None:
        return say("@period.always")
    return period_text(valid_from, valid_to)


def _listed(ids: Sequence[str]) -> Param:
    """'a', or 'a', 'b' or 'c'."""
    named = quoted(ids)
    if len(named) == 1:
        return named[0]
    return joined([joined(named[:-1]), named[-1]], say("@or"))


def _outside(data: DataSet, region: Region, round_: Round) -> tuple[dict[str, Param], Text] | None:
    """The message's parameters and the suggestion when a document of `round_` may not
    name `region`; None when it may."""
    if timeline.valid_in(region, round_):
        return None
    params: dict[str, Param] = {
        "region": region.id,
        "period": period(region.valid_from, region.valid_to),
        "round": round_.id,
        "round_period": period_text(round_.start, round_.end),
    }
    near = [r.id for r in timeline.near_in_time(data, region, round_)]
    # The region either ended before the round began or began after it ended (they share
    # no day), so what was valid then is all on one side of it.
    ended = region.valid_to is not None and region.valid_to < round_.start
    if ended:
        if len(near) == 1:
            hint = say("@region-not-in-round.successor", regions=_listed(near))
        elif near:
            hint = say("@region-not-in-round.successors", regions=_listed(near))
        else:
            hint = say("@region-not-in-round.no-successor", region=region.id, file=REGIONS_FILE)
    elif len(near) == 1:
        hint = say("@region-not-in-round.predecessor", regions=_listed(near))
    elif near:
        hint = say("@region-not-in-round.predecessors", regions=_listed(near))
    else:
        hint = say("@region-not-in-round.no-predecessor", region=region.id, file=REGIONS_FILE)
    return params, hint


def region_outside_round(data: DataSet, region: Region, round_: Round) -> tuple[Text, Text] | None:
    """(message, suggestion) when a document of `round_` may not name `region`; None when
    it may. One wording for `check` and `new`."""
    found = _outside(data, region, round_)
    if found is None:
        return None
    params, hint = found
    return say("region-not-in-round", **params), hint


def check_region_in_round(
    file: str, position: tuple[int, int], data: DataSet, region: Region, round_: Round
) -> Iterator[Problem]:
    found = _outside(data, region, round_)
    if found is not None:
        params, hint = found
        yield problem(file, position, "region-not-in-round", hint=hint, **params)


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
    yield from _check_history(data)


def _check_history(data: DataSet) -> Iterator[Problem]:
    """A unit with more than MAX_HISTORY predecessors that existed during rounds; only
    the first such unit of a line (none of whose predecessors is over), not every unit
    after it."""
    ancestry = timeline.Ancestry(data, timeline.in_some_round(data))
    over = {r for r in data.regions if ancestry.more_than(r, MAX_HISTORY)}
    for region_id in data.regions:
        if region_id in over and not any(p in over for p in data.taken_over.get(region_id, ())):
            yield problem(
                REGIONS_FILE,
                _at(data, region_id, "id"),
                "history-too-long",
                region=region_id,
                limit=MAX_HISTORY,
            )


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
            # A part that moved is no succession: only whole ones can close a cycle.
            successors = [
                e.unit if e.part is None else "" for e in data.regions[current].succeeded_by
            ]
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
            first=cycle[0],
            cycle=joined(cycle, " → "),
            last=cycle[-1],
            region=region_id,
        )


def _check_succession(data: DataSet, region: Region, closing: set[Closing]) -> Iterator[Problem]:
    known = [
        (j, data.regions[e.unit])
        for j, e in enumerate(region.succeeded_by)
        if e.part is None and e.unit in data.regions
    ]
    if not known:
        return
    # 9999-12-31 is how some write "no end": it is no end a successor can follow.
    if region.valid_to is None or region.valid_to == dt.date.max:
        starts = {s.valid_from for _, s in known if s.valid_from is not None}
        hint = (
            say("@succession-without-end.day-before", day=str(min(starts) - _DAY))
            if len(starts) == 1 and min(starts) > dt.date.min
            else say("@succession-without-end.last-day", region=region.id)
        )
        at = _at(data, region.id, "succeeded_by", key=True)
        if region.valid_to is None:
            yield problem(REGIONS_FILE, at, "succession-without-end", hint=hint, region=region.id)
        else:
            yield problem(
                REGIONS_FILE,
                at,
                "succession-without-end.never",
                hint=hint,
                region=region.id,
                # The value as written: "9999-12-31" is a stand-in, not a date to read.
                end=str(region.valid_to),
            )
        return
    # The entry that closes a cycle already has its problem there; its dates cannot agree
    # in a cycle, and saying so again would only repeat it.
    looped = {j for r, j, _ in closing if r == region.id}
    expected = region.valid_to + _DAY
    for j, successor in known:
        if j in looped or successor.valid_from == expected:
            continue
        at = _at(data, region.id, "succeeded_by", j)
        hint = say(
            "@succession-gap.hint", expected=str(expected), successor=successor.id, region=region.id
        )
        ids: dict[str, Param] = {
            "region": region.id,
            "end": date(region.valid_to),
            "successor": successor.id,
        }
        begins = successor.valid_from
        if begins is None:
            yield problem(REGIONS_FILE, at, "succession-gap.no-start", hint=hint, **ids)
        elif begins > expected:
            if region.gap is not None:
                continue  # a gap the data explains (the years between two periods)
            yield problem(
                REGIONS_FILE,
                at,
                "succession-gap.gap",
                hint=say(
                    "@succession-gap.hint-gap",
                    expected=str(expected),
                    successor=successor.id,
                    region=region.id,
                ),
                begins=date(begins),
                days=counted("@days", (begins - expected).days),
                **ids,
            )
        else:
            yield problem(
                REGIONS_FILE,
                at,
                "succession-gap.overlap",
                hint=hint,
                begins=date(begins),
                days=counted("@days", (expected - begins).days),
                **ids,
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
        severity="warning",
        region=region.id,
        period=period(region.valid_from, region.valid_to),
        era=era.id,
        era_period=period(era.valid_from, era.valid_to),
    )
