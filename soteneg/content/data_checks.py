"""References between the data files: a round's themes, parties, chair and experts, a
unit's kind, period, successors and members name entries that exist and fit. The
regions' history in time is `time_checks`'s. Pure: it reads nothing."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

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


def _unknown(
    data: DataSet,
    file: str,
    where: tuple[str | int, ...],
    code: str,
    name: str,
    table: Mapping[str, object],
    value: str,
) -> Iterator[Problem]:
    """The problem of an id in `file` at `where` that data file `name` does not define."""
    if missing(data, name, table, value):
        position = data.docs[file].position(where)
        yield problem(file, position, code, hint=did_you_mean(value, table), value=value)


def _check_rounds(data: DataSet) -> Iterator[Problem]:
    doc = data.docs[ROUNDS_FILE]
    for round_ in data.rounds.values():
        i = data.index[(ROUNDS_FILE, round_.id)]
        for j, theme in enumerate(round_.themes):
            yield from _unknown(
                data,
                ROUNDS_FILE,
                (i, "themes", j),
                "unknown-theme",
                "themes.yaml",
                data.themes,
                theme,
            )
        # Like themes, parties are checked only against a parties.yaml that was read:
        # the file is optional, and a site without it names its parties in no file.
        named = [(("parties", j), p) for j, p in enumerate(round_.parties)]
        named += [(("experts", j), p) for j, p in enumerate(round_.experts)]
        if round_.chair is not None:
            named.append((("chair",), round_.chair))
        for path, party in named:
            yield from _unknown(
                data, ROUNDS_FILE, (i, *path), "unknown-party", "parties.yaml", data.parties, party
            )
        if round_.chair is not None and round_.chair not in round_.parties:
            yield problem(
                ROUNDS_FILE,
                doc.position((i, "chair")),
                "chair-not-a-party",
                party=round_.chair,
                round=round_.id,
            )
        for j, expert in enumerate(round_.experts):
            found = data.parties.get(expert)
            if found is not None and not found.expert:
                yield problem(
                    ROUNDS_FILE,
                    doc.position((i, "experts", j)),
                    "not-an-expert",
                    party=expert,
                )


def _check_units(data: DataSet) -> Iterator[Problem]:
    doc = data.docs[REGIONS_FILE]
    for region in data.regions.values():
        i = data.index[(REGIONS_FILE, region.id)]
        if region.era is not None:
            yield from _unknown(
                data, REGIONS_FILE, (i, "era"), "unknown-era", "eras.yaml", data.eras, region.era
            )
        if region.kind is not None:
            yield from _unknown(
                data,
                REGIONS_FILE,
                (i, "kind"),
                "unknown-kind",
                "kinds.yaml",
                data.kinds,
                region.kind,
            )
        for field, entries in (("succeeded_by", region.succeeded_by), ("members", region.members)):
            for j, entry in enumerate(entries):
                yield from _unknown(
                    data,
                    REGIONS_FILE,
                    (i, field, j),
                    "unknown-region",
                    "regions.yaml",
                    data.regions,
                    entry.unit,
                )
        kind = data.kinds.get(region.kind or "")
        if region.members and kind is not None and not kind.has_members:
            yield problem(
                REGIONS_FILE,
                doc.position((i, "members"), prefer_key=True),
                "members-not-allowed",
                region=region.id,
                kind=region.kind or "",
            )
