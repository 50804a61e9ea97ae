"""References between the data files: a round's themes, parties, chair and experts, a
unit's kind, period, successors and members name entries that exist and fit. The
regions' history in time is `time_checks`'s. Pure: it reads nothing."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from soteneg.content.loader import DataSet
from soteneg.content.sources import CONTENT_DIR
from soteneg.content.time_checks import check_time_data
from soteneg.core.problems import Problem, did_you_mean, problem

ROUNDS_FILE = f"{CONTENT_DIR}/rounds.yaml"
REGIONS_FILE = f"{CONTENT_DIR}/regions.yaml"


def _loaded(data: DataSet, name: str) -> bool:
    return f"{CONTENT_DIR}/{name}" in data.docs


def missing(data: DataSet, name: str, table: Collection[str], value: str) -> bool:
    """Whether `value` is truly undefined. An entry that failed validation still counts as
    declared, so its own problem is not echoed by every document that uses it. A file
    that is optional and absent (eras, kinds, parties) declares nothing to check against."""
    declared = data.declared.get(name, frozenset())
    return _loaded(data, name) and value not in table and value not in declared


def check_data(data: DataSet) -> Iterator[Problem]:
    if ROUNDS_FILE in data.docs:
        yield from _check_rounds(data)
    if REGIONS_FILE in data.docs:
        yield from _check_units(data)
    yield from check_time_data(data)


def _at(data: DataSet, file: str, where: tuple[str | int, ...]) -> tuple[int, int]:
    return data.docs[file].position(where)


def _check_rounds(data: DataSet) -> Iterator[Problem]:
    file = ROUNDS_FILE
    for round_ in data.rounds.values():
        i = data.index[(file, round_.id)]
        for j, theme in enumerate(round_.themes):
            if missing(data, "themes.yaml", data.themes, theme):
                hint = did_you_mean(theme, data.themes)
                at = _at(data, file, (i, "themes", j))
                yield problem(file, at, "unknown-theme", hint=hint, value=theme)
        # Like themes, parties are checked only against a parties.yaml that was read:
        # the file is optional, and a site without it names its parties in no file.
        named = [(("parties", j), p) for j, p in enumerate(round_.parties)]
        named += [(("experts", j), p) for j, p in enumerate(round_.experts)]
        if round_.chair is not None:
            named.append((("chair",), round_.chair))
        for path, party in named:
            if missing(data, "parties.yaml", data.parties, party):
                hint = did_you_mean(party, data.parties)
                at = _at(data, file, (i, *path))
                yield problem(file, at, "unknown-party", hint=hint, value=party)
        if round_.chair is not None and round_.chair not in round_.parties:
            at = _at(data, file, (i, "chair"))
            yield problem(file, at, "chair-not-a-party", party=round_.chair, round=round_.id)
        for j, expert in enumerate(round_.experts):
            found = data.parties.get(expert)
            if found is not None and not found.expert:
                yield problem(
                    file, _at(data, file, (i, "experts", j)), "not-an-expert", party=expert
                )


def _check_units(data: DataSet) -> Iterator[Problem]:
    file = REGIONS_FILE
    for region in data.regions.values():
        i = data.index[(file, region.id)]
        if region.era is not None and missing(data, "eras.yaml", data.eras, region.era):
            hint = did_you_mean(region.era, data.eras)
            at = _at(data, file, (i, "era"))
            yield problem(file, at, "unknown-era", hint=hint, value=region.era)
        if region.kind is not None and missing(data, "kinds.yaml", data.kinds, region.kind):
            hint = did_you_mean(region.kind, data.kinds)
            at = _at(data, file, (i, "kind"))
            yield problem(file, at, "unknown-kind", hint=hint, value=region.kind)
        for field, entries in (("succeeded_by", region.succeeded_by), ("members", region.members)):
            for j, entry in enumerate(entries):
                if missing(data, "regions.yaml", data.regions, entry.unit):
                    hint = did_you_mean(entry.unit, data.regions)
                    at = _at(data, file, (i, field, j))
                    yield problem(file, at, "unknown-region", hint=hint, value=entry.unit)
        kind = data.kinds.get(region.kind or "")
        if region.members and kind is not None and not kind.has_members:
            yield problem(
                file,
                data.docs[file].position((i, "members"), prefer_key=True),
                "members-not-allowed",
                region=region.id,
                kind=region.kind or "",
            )
