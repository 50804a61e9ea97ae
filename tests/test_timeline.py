"""Regions in time (issue 17): which regions existed during a round, who succeeded whom,
and `soteneg new` refusing a region of another time.

The bundled data is the 2023 reform as it happened: Uusimaa divided into four wellbeing
services counties and the City of Helsinki, every other region continued by one county.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL, REPO, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from soteneg.content import timeline
from soteneg.content.loader import DataSet, load_content
from soteneg.content.models import Era, Region, Round
from soteneg.content.project_files import read_project

UUSIMAA_SUCCESSORS = [
    "ita-uusimaa-hva",
    "keski-uusimaa-hva",
    "lansi-uusimaa-hva",
    "vantaa-kerava-hva",
    "helsinki",
]


@cache
def bundled() -> DataSet:
    content, config_problems, problems = load_content(read_project(REPO))
    assert config_problems == [] and problems == []
    return content.data


def _ids(regions: tuple[Region, ...]) -> list[str]:
    return [r.id for r in regions]


def region(ident: str, **fields: Any) -> Region:
    return Region.model_validate({"id": ident, "name": {"fi": ident, "sv": ident}, **fields})


def round_of(ident: str, start: dt.date, end: dt.date) -> Round:
    return Round.model_validate(
        {
            "id": ident,
            "name": {"fi": ident, "sv": ident},
            "kind": "practice",
            "start": start,
            "end": end,
            "themes": ["saatavuus"],
        }
    )


def era(ident: str, **fields: Any) -> Era:
    names = {"fi": ident, "sv": ident}
    return Era.model_validate({"id": ident, "name": names, "unit": names, "units": names, **fields})


def dataset(
    *regions: Region, rounds: tuple[Round, ...] = (), eras: tuple[Era, ...] = ()
) -> DataSet:
    return DataSet(
        regions={r.id: r for r in regions},
        rounds={r.id: r for r in rounds},
        eras={e.id: e for e in eras},
    )


# --- the bundled data ----------------------------------------------------------------


def test_uusimaa_is_divided_into_five() -> None:
    data = bundled()
    uusimaa = data.regions["uusimaa"]
    assert _ids(timeline.successors(data, uusimaa)) == UUSIMAA_SUCCESSORS
    for county in UUSIMAA_SUCCESSORS:
        assert _ids(timeline.predecessors(data, data.regions[county])) == ["uusimaa"]
        assert _ids(timeline.ancestors(data, data.regions[county])) == ["uusimaa"]


def test_pirkanmaa_is_continued_by_its_county() -> None:
    data = bundled()
    pirkanmaa, county = data.regions["pirkanmaa"], data.regions["pirkanmaa-hva"]
    assert _ids(timeline.successors(data, pirkanmaa)) == ["pirkanmaa-hva"]
    assert _ids(timeline.predecessors(data, county)) == ["pirkanmaa"]
    assert _ids(timeline.predecessors(data, pirkanmaa)) == []
    assert _ids(timeline.successors(data, county)) == []
    assert [r.id for r in timeline.rounds_of(data, pirkanmaa)] == ["2018-kevat", "2018-syksy"]
    assert [r.id for r in timeline.rounds_of(data, county)] == ["2024-hva", "2025-hva"]


def test_each_round_has_the_regions_of_its_time() -> None:
    data = bundled()
    in_2018 = _ids(timeline.regions_in(data, data.rounds["2018-syksy"]))
    in_2024 = _ids(timeline.regions_in(data, data.rounds["2024-hva"]))

    def of_kind(ids: list[str], *kinds: str) -> list[str]:
        return [i for i in ids if data.regions[i].kind in kinds]

    # The 18 regions; the whole country is there in every round.
    assert len(of_kind(in_2018, "maakunta")) == 18 and in_2018[0] == "uusimaa"
    assert "pirkanmaa-hva" not in in_2018 and "koko-maa" in in_2018
    # The 23 units that negotiate since 2023, the five areas, the country.
    negotiating = of_kind(in_2024, "hyvinvointialue", "kaupunki", "yhtyma")
    assert len(negotiating) == 23 and {"helsinki", "hus-yhtyma"} <= set(negotiating)
    assert len(of_kind(in_2024, "yhteistyoalue")) == 5 and "uusimaa" not in in_2024
    assert set(in_2018) | set(in_2024) == set(data.regions)


def test_near_in_time_points_forward_and_back() -> None:
    data = bundled()
    later, earlier = data.rounds["2024-hva"], data.rounds["2018-syksy"]
    uusimaa = data.regions["uusimaa"]
    assert _ids(timeline.near_in_time(data, uusimaa, later)) == UUSIMAA_SUCCESSORS
    county = data.regions["pirkanmaa-hva"]
    assert _ids(timeline.near_in_time(data, county, earlier)) == ["pirkanmaa"]
    # A county of Uusimaa in 2018 leads back to Uusimaa, not to its sister counties.
    helsinki = data.regions["helsinki"]
    assert _ids(timeline.near_in_time(data, helsinki, earlier)) == ["uusimaa"]


def test_eras_newest_first_and_unit_words() -> None:
    data = bundled()
    groups = [(e.id if e else None, len(rs)) for e, rs in timeline.eras_newest_first(data)]
    assert groups == [
        ("hyvinvointialueet-2023", 23),
        ("yhteistyoalueet-2022", 5),
        ("maakunnat-2018", 18),
        (None, 1),
    ]
    word = timeline.unit_word(data, data.regions["pirkanmaa"])
    assert word is not None and (word.get("fi"), word.get("sv")) == ("maakunta", "landskap")
    county = timeline.unit_word(data, data.regions["pirkanmaa-hva"])
    assert county is not None and county.get("fi") == "hyvinvointialue"
    era_of = timeline.era_of(data, data.regions["helsinki"])
    assert era_of is not None and era_of.id == "hyvinvointialueet-2023"
    # What a unit is comes from its kind (kinds.yaml), not from its period.
    for unit, fi in (
        ("helsinki", "kaupunki"),
        ("hus-yhtyma", "yhtymä"),
        ("ita-suomi-yta", "yhteistyöalue"),
    ):
        word = timeline.unit_word(data, data.regions[unit])
        assert word is not None and word.get("fi") == fi


# --- small histories -----------------------------------------------------------------

D = dt.date


def test_ancestors_oldest_first_and_each_once_where_lines_meet() -> None:
    # w divided into x and y, which were merged again into z; z then continued as v.
    data = dataset(
        region("v", valid_from=D(2030, 1, 1)),
        region("z", valid_from=D(2020, 1, 1), valid_to=D(2029, 12, 31), succeeded_by=["v"]),
        region("y", valid_from=D(2015, 1, 1), valid_to=D(2019, 12, 31), succeeded_by=["z"]),
        region("x", valid_from=D(2015, 1, 1), valid_to=D(2019, 12, 31), succeeded_by=["z"]),
        region("w", valid_to=D(2014, 12, 31), succeeded_by=["x", "y"]),
    )
    assert _ids(timeline.ancestors(data, data.regions["v"])) == ["w", "x", "y", "z"]
    assert _ids(timeline.predecessors(data, data.regions["z"])) == ["y", "x"]
    assert _ids(timeline.ancestors(data, data.regions["w"])) == []


def test_near_in_time_walks_past_regions_of_other_times() -> None:
    data = dataset(
        region("a", valid_to=D(2014, 12, 31), succeeded_by=["b"]),
        region("b", valid_from=D(2015, 1, 1), valid_to=D(2019, 12, 31), succeeded_by=["c"]),
        region("c", valid_from=D(2020, 1, 1)),
    )
    late, early = (
        round_of("r-late", D(2021, 3, 1), D(2021, 4, 30)),
        round_of("r-early", D(2010, 3, 1), D(2010, 4, 30)),
    )
    assert _ids(timeline.near_in_time(data, data.regions["a"], late)) == ["c"]
    assert _ids(timeline.near_in_time(data, data.regions["c"], early)) == ["a"]
    # A round that ends on a region's first day still has that region.
    assert timeline.valid_in(data.regions["c"], round_of("r", D(2019, 12, 1), D(2020, 1, 1)))
    assert not timeline.valid_in(data.regions["c"], round_of("r", D(2019, 12, 1), D(2019, 12, 31)))


def test_eras_newest_first_puts_regions_without_a_known_era_last() -> None:
    data = dataset(
        region("a", era="old"),
        region("b", era="new"),
        region("c"),
        region("d", era="unknown"),
        region("e", era="middle"),
        eras=(
            era("old", valid_to=D(2009, 12, 31)),
            era("new", valid_from=D(2020, 1, 1)),
            era("middle", valid_from=D(2010, 1, 1)),
            era("unused", valid_from=D(2030, 1, 1)),
        ),
    )
    groups = [(e.id if e else None, _ids(rs)) for e, rs in timeline.eras_newest_first(data)]
    assert groups == [("new", ["b"]), ("middle", ["e"]), ("old", ["a"]), (None, ["c", "d"])]


# --- validity, against the calendar day by day ---------------------------------------

BASE = D(2020, 1, 1)
WINDOW = 40  # days: small, so that periods often touch, overlap and miss by one day
days = st.integers(0, WINDOW - 1).map(lambda n: BASE + dt.timedelta(days=n))


@st.composite
def periods(draw: st.DrawFn) -> tuple[dt.date | None, dt.date | None]:
    first, last = sorted((draw(days), draw(days)))
    return draw(st.none() | st.just(first)), draw(st.none() | st.just(last))


@st.composite
def histories(draw: st.DrawFn) -> tuple[DataSet, Round]:
    found = draw(st.lists(periods(), max_size=8))
    regions = [region(f"r{n}", valid_from=f, valid_to=t) for n, (f, t) in enumerate(found)]
    start, end = sorted((draw(days), draw(days)))
    round_ = round_of("kierros", start, end)
    return dataset(*regions, rounds=(round_,)), round_


def _alive(r: Region, day: dt.date) -> bool:
    return (r.valid_from is None or r.valid_from <= day) and (
        r.valid_to is None or day <= r.valid_to
    )


@settings(max_examples=300, deadline=None)
@given(histories())
def test_a_round_has_exactly_the_regions_that_share_a_day_with_it(
    history: tuple[DataSet, Round],
) -> None:
    data, round_ = history
    span = (round_.end - round_.start).days + 1
    round_days = [round_.start + dt.timedelta(days=n) for n in range(span)]
    expected = [r.id for r in data.regions.values() if any(_alive(r, d) for d in round_days)]
    assert _ids(timeline.regions_in(data, round_)) == expected
    for r in data.regions.values():
        assert [x.id for x in timeline.rounds_of(data, r)] == (
            [round_.id] if r.id in expected else []
        )


# --- `soteneg new` -------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    return root


def test_new_refuses_a_region_that_ended_before_the_round(project: Path) -> None:
    result = run_cli(
        "new",
        "negotiation",
        "--round",
        "2024-hva",
        "--region",
        "uusimaa",
        "--lang",
        "en",
        cwd=project,
    )
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())  # the console may wrap long lines
    assert "region 'uusimaa' is valid until 8 March 2019" in message
    assert "round '2024-hva' runs 1 October 2024 – 20 December 2024" in message
    assert (
        "use one of its successors valid then instead: "
        + ", ".join(f"'{c}'" for c in UUSIMAA_SUCCESSORS[:-1])
        + " or 'helsinki'"
        in message
    )
    assert not (project / "content/kierrokset/2024-hva/uusimaa.md").exists()
    # What it suggests is taken, and the new file passes check.
    folder = project / "content/kierrokset/2024-hva/arviot"
    free = [c for c in UUSIMAA_SUCCESSORS if not (folder / f"{c}.md").exists()]
    result = run_cli("new", "assessment", "--round", "2024-hva", "--region", free[0], cwd=project)
    assert result.returncode == 0, result.stderr
    assert (folder / f"{free[0]}.md").is_file()
    checked = run_cli("check", "--root", project)
    assert checked.returncode == 0, checked.stdout


def test_new_refuses_a_region_that_began_after_the_round(project: Path) -> None:
    result = run_cli(
        "new",
        "assessment",
        "--round",
        "2018-syksy",
        "--region",
        "pirkanmaa-hva",
        "--lang",
        "en",
        cwd=project,
    )
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())
    assert "region 'pirkanmaa-hva' is valid from 1 January 2023" in message
    assert "use its predecessor valid then instead: 'pirkanmaa'" in message
    assert not (project / "content/kierrokset/2018-syksy/arviot/pirkanmaa-hva.md").exists()


# --- long successions (issue 24) -----------------------------------------------------


class _Counted(dict[str, tuple[str, ...]]):
    """DataSet.taken_over that counts how often it is read."""

    reads = 0

    def get(self, key: str, default: Any = None) -> Any:
        _Counted.reads += 1
        return super().get(key, default)

    def __getitem__(self, key: str) -> tuple[str, ...]:
        _Counted.reads += 1
        return super().__getitem__(key)


def _chain(n: int, first: dt.date) -> DataSet:
    """n units, each for one day and then succeeded by the next."""
    units = [
        region(
            f"k{i}",
            valid_from=first + dt.timedelta(days=i),
            **(
                {"valid_to": first + dt.timedelta(days=i), "succeeded_by": [f"k{i + 1}"]}
                if i < n - 1
                else {}
            ),
        )
        for i in range(n)
    ]
    return dataset(*units, rounds=(round_of("r", D(2018, 10, 1), D(2018, 11, 30)),))


@pytest.mark.parametrize("first", [D(1900, 1, 1), D(2018, 10, 1)])
def test_the_ancestry_of_a_long_chain_is_read_once_not_once_per_unit(first: dt.date) -> None:
    """A chain of 1,000 units took 121 s to build: every unit's page walked its whole
    past again, reading every region at each step. Now the whole chain is read a few
    times over, whether its units lie outside the rounds or (from 2018-10-01) the
    first 61 in one round, and every unit's ancestors in rounds are listed."""
    n = 3000
    data = _chain(n, first)
    data.__dict__["taken_over"] = _Counted(data.taken_over)  # the cached index, counted
    _Counted.reads = 0
    ancestry = timeline.Ancestry(data, timeline.in_some_round(data))
    listed = {r: ancestry.of(r) for r in data.regions}
    assert _Counted.reads <= 3 * n, _Counted.reads
    in_round = [f"k{i}" for i in range(61)] if first.year == 2018 else []
    assert _ids(listed[f"k{n - 1}"]) == in_round
    assert _ids(listed["k30"]) == in_round[:30]
    assert listed["k0"] == ()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.integers(min_value=1, max_value=11), max_size=3), min_size=1, max_size=12),
    st.sets(st.integers(min_value=0, max_value=11)),
)
def test_ancestry_lists_what_ancestors_lists_among_the_kept(
    later: list[list[int]], kept: set[int]
) -> None:
    """Splits, merges and lines that meet, written in any order in regions.yaml: the
    same ancestors as `ancestors`, in the same order, each once. (Unit i is succeeded
    by units after it: `check` refuses cycles before any page is made.)"""
    n = len(later)
    order = list(reversed(range(n)))  # successors come first in the file
    data = dataset(
        *(
            region(f"u{i}", succeeded_by=sorted({f"u{i + d}" for d in later[i] if i + d < n}))
            for i in order
        )
    )
    ancestry = timeline.Ancestry(data, {f"u{i}" for i in kept})
    for unit in data.regions.values():
        expected = [a for a in _ids(timeline.ancestors(data, unit)) if int(a[1:]) in kept]
        assert _ids(ancestry.of(unit.id)) == expected


def test_ancestry_ends_on_a_cycle() -> None:
    data = dataset(
        region("a", succeeded_by=["b"]),
        region("b", succeeded_by=["c"]),
        region("c", succeeded_by=["a"]),
    )
    ancestry = timeline.Ancestry(data, {"a", "b", "c"})
    for unit in "abc":
        assert unit not in _ids(ancestry.of(unit))


def _chain_project(tmp_path: Path, units: int, long_round: bool) -> Path:
    """The minimal project with a chain of `units` one-day units from 1900-01-01; with
    `long_round` its round lasts the whole chain."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(REPO / "templates", root / "templates")
    lines = []
    for i in range(units):
        day = D(1900, 1, 1) + dt.timedelta(days=i)
        lines.append(f"- id: k{i}\n  name: {{fi: K{i}, sv: K{i}}}\n  valid_from: {day}\n")
        if i < units - 1:
            lines.append(f"  valid_to: {day}\n  succeeded_by: [k{i + 1}]\n")
    with (root / "content/regions.yaml").open("a", encoding="utf-8") as handle:
        handle.write("".join(lines))
    if long_round:
        rounds = root / "content/rounds.yaml"
        rounds.write_text(rounds.read_text().replace("start: 2018-10-01", "start: 1900-01-01"))
    return root


def test_a_chain_as_long_as_regions_yaml_can_hold_builds(tmp_path: Path) -> None:
    """1,200 units in one chain (regions.yaml holds at most 20,000 YAML values, about
    1,250 such units): on 1,000 the build took 121 s of CPU, cubic in the length. A
    generous guard, not a timing: here it takes a few seconds (bench/hostile.py)."""
    root = _chain_project(tmp_path, 1200, long_round=False)
    out = tmp_path / "out"
    result = run_cli("build", "--root", root, "--out", out, "--no-pdf", "--no-search", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "maakunnat/k1199/index.html").is_file()


def test_a_history_of_more_than_100_predecessors_is_refused(tmp_path: Path) -> None:
    """When every unit of a chain existed in one long round, each unit's page on a theme
    lists every predecessor's round: pages quadratic in the chain (1,000 units and one
    document: 435 MB in 133 s). More than 100 such predecessors is a located problem,
    at the first unit over (not at each one after it), found in linear time."""
    root = _chain_project(tmp_path, 1200, long_round=True)
    result = run_cli("check", "--root", root, "--no-pdf", timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    found = [line for line in result.stdout.splitlines() if "error[" in line]
    assert len(found) == 1, result.stdout
    assert (
        "error[history-too-long]: region 'k101' continues the history of more than 100"
        in (found[0])
    )
    assert found[0].startswith("content/regions.yaml:")
    at_the_limit = _chain_project(tmp_path / "limit", 101, long_round=True)
    result = run_cli("check", "--root", at_the_limit, "--no-pdf")
    assert result.returncode == 0, result.stdout  # k100 has 100 predecessors: allowed
