"""Pages follow time (issue 17): rounds and theme matrices list only the regions that
existed in each round, regions link their predecessors and successors, a county's theme
history continues its predecessors', and the words for units come from eras.yaml.
Checked through the built HTML of the golden site and the bundled site, and as a
property over random periods."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from test_site import GOLDEN_SITE, build, project

from soteneg.build.bodies import Bodies
from soteneg.content import timeline
from soteneg.content.loader import Content, DataSet
from soteneg.content.models import Region
from soteneg.pipeline import check
from soteneg.site.index import BuildOptions, Site, build_site
from soteneg.site.pages.page import Chrome
from soteneg.site.pages.regions import round_page
from soteneg.site.pages.themes import theme_page

LANG_ROOTS = {"fi": "", "sv": "sv/"}
UUSIMAA_SUCCESSORS = {
    "ita-uusimaa-hva",
    "keski-uusimaa-hva",
    "lansi-uusimaa-hva",
    "vantaa-kerava-hva",
    "helsinki",
}


class Cells(HTMLParser):
    """The rows of a page's tables that name a region (`tr data-region`), each with the
    rounds it is offered a cell in (`td data-round`) and the cells that say the unit did
    not exist (`td.outside`); every other cell of such a row is counted as unmarked."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, list[str], int, int]] = []
        self._row: tuple[str, list[str], list[int]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and found.get("data-region"):
            self._row = (str(found["data-region"]), [], [0, 0])
        elif tag == "td" and self._row is not None:
            if found.get("data-round"):
                self._row[1].append(str(found["data-round"]))
            elif "outside" in (found.get("class") or "").split():
                self._row[2][0] += 1
            else:
                self._row[2][1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._row is not None:
            region, rounds, (outside, unmarked) = self._row
            self.rows.append((region, rounds, outside, unmarked))
            self._row = None


def _cells(page: Path) -> list[tuple[str, list[str], int, int]]:
    parser = Cells()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.rows


def _text(html: str) -> str:
    """The visible words of a fragment: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def _main(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("eras-golden")
    out = tmp / "out"
    result = build(project(tmp, GOLDEN_SITE), out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("eras-bundled") / "out"
    result = build(REPO, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_round_pages_list_exactly_the_regions_of_their_round(golden_site: Path) -> None:
    expected = {
        "2018-kevat": {"uusimaa", "etela-savo", "ahvenanmaa-testi"},
        "2018-syksy": {"uusimaa", "etela-savo", "ahvenanmaa-testi"},
        "2024-hva": {
            "ita-uusimaa-hva",
            "vantaa-kerava-hva",
            "helsinki",
            "etela-savo-hva",
            "ahvenanmaa-testi",  # no period: it exists in every round
            # Issue 25: HUS-yhtymä, Lapland and a collaboration area.
            "hus-yhtyma",
            "lappi-hva",
            "etela-suomi-yta",
        },
    }
    expected["2025-hva"] = expected["2024-hva"]
    for prefix in LANG_ROOTS.values():
        for round_id, regions in expected.items():
            rows = _cells(golden_site / f"{prefix}kierrokset/{round_id}/index.html")
            assert sorted(r for r, *_ in rows) == sorted(regions), (prefix, round_id)


def _negotiated(data: DataSet, region: Region) -> bool:
    """Whether the ministries negotiate with the unit (its kind says; issue 25): a unit
    they do not (the whole country) has no row in a theme's matrix, and a round's page
    lists it only with a document of the round."""
    kind = data.kinds.get(region.kind or "")
    return kind is None or kind.negotiated


def _documented(content: Content) -> set[tuple[str, str]]:
    """(round, unit) of every document of a unit in a round."""
    return {
        (getattr(d.meta, "round", ""), getattr(d.meta, "region", ""))
        for d in content.documents
        if d.meta is not None
    }


def _pages(site: Path) -> Iterator[tuple[str, Path]]:
    for lang, prefix in LANG_ROOTS.items():
        for page in sorted((site / prefix).glob("kierrokset/*/index.html")):
            yield lang, page
        for page in sorted((site / prefix).glob("teemat/*/index.html")):
            yield lang, page


@pytest.mark.parametrize("which", ["golden", "bundled"])
def test_every_region_offered_a_cell_existed_in_that_round(
    which: str, golden_site: Path, bundled_site: Path
) -> None:
    """Exhaustive over every round page and theme matrix, in Finnish and Swedish: each
    region listed (round pages) or offered a cell (matrices) existed during that round,
    and each that existed during a round of the theme is offered its cell there."""
    site, root = (golden_site, GOLDEN_SITE) if which == "golden" else (bundled_site, REPO)
    content = check(root).content
    data, documented = content.data, _documented(content)
    checked = 0
    for _lang, page in _pages(site):
        kind, name = page.parent.parent.name, page.parent.name
        rows = _cells(page)
        assert rows, page
        if kind == "kierrokset":
            rnd = data.rounds[name]
            assert sorted(r for r, *_ in rows) == sorted(
                r.id
                for r in timeline.regions_in(data, rnd)
                if _negotiated(data, r) or (rnd.id, r.id) in documented
            ), page
            checked += len(rows)
            continue
        rounds = [r for r in data.rounds.values() if name in r.themes]
        offered = set()
        for region_id, round_ids, _outside, unmarked in rows:
            assert unmarked == 0, f"{page}: {region_id} has a cell that is neither kind"
            region = data.regions[region_id]
            for round_id in round_ids:
                assert timeline.valid_in(region, data.rounds[round_id]), (page, region_id, round_id)
                offered.add((region_id, round_id))
        expected = {
            (r.id, rnd.id)
            for rnd in rounds
            for r in data.regions.values()
            if timeline.valid_in(r, rnd) and _negotiated(data, r)
        }
        assert offered == expected, page
        checked += len(offered)
    assert checked > 50


def test_region_pages_show_only_their_own_rounds(bundled_site: Path) -> None:
    content = check(REPO).content
    data, documented = content.data, _documented(content)
    for region in data.regions.values():
        for prefix in LANG_ROOTS.values():
            main = _main(bundled_site / f"{prefix}maakunnat/{region.id}/index.html")
            listed = re.findall(r'<h3><a href="/(?:sv/)?kierrokset/([^/]+)/">', main)
            expected = [r.id for r in reversed(timeline.rounds_of(data, region))]
            if not _negotiated(data, region):
                # Nobody negotiates with the whole country: only its rounds with a document.
                expected = [r for r in expected if (r, region.id) in documented]
                assert expected == ["2024-hva"]
            assert listed == expected, region.id


def test_uusimaa_links_to_its_five_successors(bundled_site: Path) -> None:
    for lang, prefix in LANG_ROOTS.items():
        main = _main(bundled_site / f"{prefix}maakunnat/uusimaa/index.html")
        section = main[main.index('id="successors-heading"') :]
        section = section[: section.index("</section>")]
        linked = set(re.findall(rf'href="/{prefix}maakunnat/([^/]+)/"', section))
        assert linked == UUSIMAA_SUCCESSORS, lang
        # Each with its period: the counties and Helsinki began on 1 January 2023.
        # A period with an open end says so in words (issue 30), never with a bare dash.
        start = "(1.1.2023 alkaen)" if lang == "fi" else "(fr.o.m. 1.1.2023)"
        assert _text(section).count(start) == 5
    fi = _text(_main(bundled_site / "maakunnat/uusimaa/index.html"))
    assert "Seuraajat" in fi and "Maakunta 8.3.2019 asti" in fi
    sv = _text(_main(bundled_site / "sv/maakunnat/uusimaa/index.html"))
    assert "Efterträdare" in sv and "Landskap t.o.m. 8.3.2019" in sv


def test_a_county_links_its_predecessor_with_its_period(bundled_site: Path) -> None:
    fi = _main(bundled_site / "maakunnat/pirkanmaa-hva/index.html")
    assert 'href="/maakunnat/pirkanmaa/">Pirkanmaa</a>' in fi
    text = _text(fi)
    # Kuhmoinen moved from Keski-Suomi to Pirkanmaa on 1 January 2021: a part, not a
    # predecessor whose history the county continues (issue 25).
    assert "Edeltäjät Pirkanmaa (8.3.2019 asti) Keski-Suomi (osa: Kuhmoinen 1.1.2021)" in text
    assert "Hyvinvointialue 1.1.2023 alkaen" in text
    # Helsinki is a city among the counties: its own word, from regions.yaml.
    helsinki = _text(_main(bundled_site / "maakunnat/helsinki/index.html"))
    assert "Kaupunki 1.1.2023 alkaen" in helsinki
    sv = _text(_main(bundled_site / "sv/maakunnat/pirkanmaa-hva/index.html"))
    assert (
        "Föregångare Birkaland (t.o.m. 8.3.2019) Mellersta Finland (en del: Kuhmois 1.1.2021)" in sv
    )
    assert "Välfärdsområde fr.o.m. 1.1.2023" in sv


def _history(page: Path) -> list[tuple[str, str]]:
    """(heading id, visible text) of each round on a theme-region page, top to bottom."""
    main = _main(page)
    parts = re.split(r'<section class="compare-round', main)[1:]
    return [(re.search(r'<h2 id="([^"]+)"', p).group(1), _text(p)) for p in parts]  # type: ignore[union-attr]


def test_a_countys_theme_page_continues_its_predecessors_history(bundled_site: Path) -> None:
    """Pirkanmaa's 2018 sections come before (in time) Pirkanmaan hyvinvointialue's own:
    newest first on the page, the county's round on top, Pirkanmaa's below it."""
    history = _history(bundled_site / "teemat/saatavuus/pirkanmaa-hva/index.html")
    assert [h for h, _ in history] == [
        "r-2025-hva",
        "r-2024-hva",
        "r-2018-syksy-pirkanmaa",
        "r-2018-kevat-pirkanmaa",
    ]
    later, own, autumn, spring = (text for _, text in history)
    assert "Ei asiakirjaa" in later  # the county has no document of 2025
    assert (
        "Muutokset edeltäjän viimeiseen kierrokseen (edeltäjä: Pirkanmaa; kierros: Syksy 2018)"
        in own
    )
    assert "Edeltäjä: Pirkanmaa (maakunta 8.3.2019 asti)" in autumn
    assert "Muutokset edelliseen kierrokseen (edellinen kierros: Kevät 2018)" in autumn
    assert "Teema on mukana ensimmäistä kertaa tällä kierroksella" in spring
    assert "ensimmäistä kertaa" not in own + autumn
    sv = _history(bundled_site / "sv/teemat/saatavuus/pirkanmaa-hva/index.html")
    assert "Föregångare: Birkaland (landskap t.o.m. 8.3.2019)" in sv[2][1]
    # A split: every county of Uusimaa that negotiates the theme has Uusimaa's past.
    for county in ("helsinki", "keski-uusimaa-hva", "ita-uusimaa-hva"):
        ids = [h for h, _ in _history(bundled_site / f"teemat/saatavuus/{county}/index.html")]
        assert ids[-2:] == ["r-2018-syksy-uusimaa", "r-2018-kevat-uusimaa"], county


def test_the_golden_split_and_the_one_to_one_successor(golden_site: Path) -> None:
    helsinki = _history(golden_site / "teemat/saatavuus/helsinki/index.html")
    assert [h for h, _ in helsinki] == [
        "r-2025-hva",  # issue 25: a round without Helsinki's document
        "r-2024-hva",
        "r-2018-syksy-uusimaa",
        "r-2018-kevat-uusimaa",
    ]
    assert (
        "Muutokset edeltäjän viimeiseen kierrokseen (edeltäjä: Uusimaa; kierros: Syksy 2018)"
        in helsinki[1][1]
    )
    county = _history(golden_site / "teemat/saatavuus/etela-savo-hva/index.html")
    assert (
        "Muutokset edeltäjän viimeiseen kierrokseen (edeltäjä: Etelä-Savo; kierros: Syksy 2018)"
    ) in county[1][1]
    # Its 2025 section is compared with its own 2024 one (issue 25's follow-up round).
    assert "(edellinen kierros: Neuvottelut 2024)" in county[0][1]
    # Its texts are only in Finnish: the Swedish page marks none of them (issue 27) and
    # leads to the Finnish page's comparisons.
    sv = _history(golden_site / "sv/teemat/saatavuus/etela-savo-hva/index.html")
    for entry in sv[:2]:
        assert "Inte jämförd: den här omgångens text finns inte på svenska." in entry[1]
        assert "Jämförelsen på finska" in entry[1]
    # Etelä-Savo's first section is the first of the theme in this history.
    assert "Teema on mukana ensimmäistä kertaa tällä kierroksella" in county[2][1]
    matrix = _main(golden_site / "teemat/saatavuus/index.html")
    assert 'href="/neuvottelut/teemat/saatavuus/vantaa-kerava-hva/"' in matrix


def test_round_and_documents_show_kind_and_parties(golden_site: Path) -> None:
    """The kind opens its line with a capital; the ministries are named as they write
    themselves in running text, with `name_in_text` (stm), or by `name` without one (vm);
    a round's page names the other side in the round's words (issue 30)."""
    fi = _text(_main(golden_site / "kierrokset/2024-hva/index.html"))
    assert "Lakisääteinen neuvottelu, 1.1.2024–31.12.2024" in fi
    assert (
        "Neuvotteluosapuolet: sosiaali- ja terveysministeriö, Valtiovarainministeriö ja "
        "sisäministeriö sekä kukin alue"
    ) in fi
    sv = _text(_main(golden_site / "sv/kierrokset/2024-hva/helsinki/index.html"))
    assert "Lagstadgad förhandling · Förhandlingsparter: social- och hälsovårdsministeriet, " in sv
    assert "Finansministeriet, inrikesministeriet och Helsingfors stad" in sv
    practice = _text(_main(golden_site / "kierrokset/2018-syksy/uusimaa/index.html"))
    assert (
        "Harjoitusneuvottelu · Neuvotteluosapuolet: sosiaali- ja terveysministeriö ja Uusimaa"
        in (practice)
    )
    # A round whose units are called differently (Åland-test has no era) says "område".
    autumn = _text(_main(golden_site / "sv/kierrokset/2018-syksy/index.html"))
    assert "Förhandlingsparter: social- och hälsovårdsministeriet samt varje område" in autumn


def test_indexes_group_regions_by_era_newest_first(golden_site: Path) -> None:
    fi = _main(golden_site / "maakunnat/index.html")
    assert "<h1>Alueet</h1>" in fi
    headings = re.findall(r"<h2>([^<]+)</h2>", fi)
    # Issue 25: the collaboration areas are an era of their own, from 1.3.2022.
    assert headings == [
        "Hyvinvointialueet 2023–",
        "Yhteistyöalueet 2022–",
        "Maakunnat 2018–2022",
        "Muut alueet",
    ]
    sv = _main(golden_site / "sv/maakunnat/index.html")
    assert "<h1>Områden</h1>" in sv
    assert re.findall(r"<h2>([^<]+)</h2>", sv)[:3] == [
        "Välfärdsområdena 2023–",
        "Samarbetsområdena 2022–",
        "Landskapen 2018–2022",
    ]
    theme = _main(golden_site / "teemat/saatavuus/index.html")
    assert re.findall(r"<h3>([^<]+)</h3>", theme) == [
        "Hyvinvointialueet 2023–",
        "Yhteistyöalueet 2022–",
        "Maakunnat 2018–2022",
        "Muut alueet",
    ]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_words_for_units_come_from_eras_yaml(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    eras = root / "content/eras.yaml"
    _edit(
        eras,
        "unit: {fi: hyvinvointialue, sv: välfärdsområde",
        "unit: {fi: sote-alue, sv: vårdområde",
    )
    _edit(
        eras,
        "{fi: Hyvinvointialueet 2023–, sv: Välfärdsområdena 2023–",
        "{fi: Sote-alueet, sv: Vårdområdena",
    )
    _edit(eras, "unit: {fi: maakunta, sv: landskap", "unit: {fi: seutu, sv: nejd")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    round_fi = _main(out / "kierrokset/2024-hva/index.html")
    # HUS-yhtymä's word is its kind's (kinds.yaml), not the era's.
    assert '<th scope="col">Sote-alue/<wbr>kaupunki/<wbr>yhtymä</th>' in round_fi
    assert "<h3>Sote-alueet</h3>" in round_fi
    round_sv = _main(out / "sv/kierrokset/2024-hva/index.html")
    assert (
        '<th scope="col">Vårdområde/<wbr>stad/<wbr>sammanslutning</th>' in round_sv
        and "<h3>Vårdområdena</h3>" in round_sv
    )
    assert '<th scope="col">Seutu</th>' in _main(out / "kierrokset/2018-syksy/index.html")
    assert '<th scope="col">Nejd</th>' in _main(out / "sv/kierrokset/2018-syksy/index.html")
    assert "<h2>Sote-alueet</h2>" in _main(out / "maakunnat/index.html")
    assert "Sote-alue 1.1.2023 alkaen" in _text(_main(out / "maakunnat/etela-savo-hva/index.html"))
    assert "Nejd t.o.m. 31.12.2022" in _text(_main(out / "sv/maakunnat/etela-savo/index.html"))
    helsinki = _text(_main(out / "teemat/saatavuus/helsinki/index.html"))
    assert "Edeltäjä: Uusimaa (seutu 31.12.2022 asti)" in helsinki
    # Without eras.yaml the pages fall back on the neutral words of the interface.
    eras.unlink()
    regions = root / "content/regions.yaml"
    text = regions.read_text(encoding="utf-8")
    regions.write_text(re.sub(r"\n  era: [a-z0-9-]+", "", text), encoding="utf-8")
    assert build(root, out).returncode == 0
    plain = _main(out / "kierrokset/2024-hva/index.html")
    assert '<th scope="col">Alue</th>' in plain and "<h2" in plain


def test_a_unit_outside_a_round_gets_no_cell(tmp_path: Path) -> None:
    """A unit of an era that ended before one of the era's rounds: the matrix shows that
    round as not applicable, not as a missing document; the round page leaves it out."""
    root = project(tmp_path, GOLDEN_SITE)
    _edit(
        root / "content/regions.yaml",
        "- id: ahvenanmaa-testi\n",
        "- id: ahvenanmaa-testi\n  era: maakunnat-2018\n  valid_to: 2018-06-30\n",
    )
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    rows = {
        r: (rounds, outside)
        for r, rounds, outside, _ in _cells(out / "teemat/saatavuus/index.html")
    }
    assert rows["ahvenanmaa-testi"] == (["2018-kevat"], 1)
    matrix = _main(out / "teemat/saatavuus/index.html")
    assert "ei ollut neuvotteluosapuoli tällä kierroksella" in matrix
    autumn = [r for r, *_ in _cells(out / "kierrokset/2018-syksy/index.html")]
    assert "ahvenanmaa-testi" not in autumn and "uusimaa" in autumn


# --- the same as a property of the page plan, over random periods -------------------

DAYS = [dt.date(2017, 6, 1), dt.date(2018, 3, 1), dt.date(2018, 6, 30), dt.date(2018, 10, 15)]
DAYS += [dt.date(2022, 12, 31), dt.date(2023, 1, 1), dt.date(2024, 6, 1), dt.date(2025, 1, 1)]


@cache
def golden_content() -> Content:
    """Read once: hypothesis runs the test below many times."""
    return check(GOLDEN_SITE).content


def _with_periods(data: DataSet, periods: list[tuple[dt.date | None, dt.date | None]]) -> DataSet:
    regions = {}
    for (region_id, region), (start, end) in zip(data.regions.items(), periods, strict=False):
        if start and end and end < start:
            start, end = end, start
        regions[region_id] = region.model_copy(update={"valid_from": start, "valid_to": end})
    return dataclasses.replace(data, regions=regions)


period = st.tuples(st.none() | st.sampled_from(DAYS), st.none() | st.sampled_from(DAYS))


@settings(max_examples=40, deadline=None)
@given(periods=st.lists(period, min_size=7, max_size=7))
def test_pages_offer_cells_only_in_a_units_period(
    periods: list[tuple[dt.date | None, dt.date | None]],
) -> None:
    original = golden_content()
    content = dataclasses.replace(original, data=_with_periods(original.data, periods))
    site: Site = build_site(content, BuildOptions())
    rendered = Bodies(site)
    for lang in ("fi", "sv"):
        chrome = Chrome(site, lang, lambda name: f"/static/{name}")
        for rnd in site.rounds:
            page = round_page(site, rnd, chrome)
            listed = [
                row["id"]
                for section in page.context["sections"]
                for table in section["tables"]
                for row in table["rows"]
            ]
            assert sorted(listed) == sorted(r.id for r in timeline.regions_in(site.data, rnd))
        for theme_id in site.data.themes:
            page = theme_page(site, theme_id, rendered, chrome)
            for table in page.context["tables"]:
                for row in table["rows"]:
                    region = site.data.regions[row["id"]]
                    for cell in row["cells"]:
                        if cell["round"] is not None:
                            assert timeline.valid_in(region, site.data.rounds[cell["round"]])
                        else:
                            assert cell["link"] is None
