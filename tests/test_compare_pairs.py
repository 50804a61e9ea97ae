"""Any two rounds of a unit's line on a theme compared (issue 27), chosen with plain
links: a table of the earlier round by the later on the theme's page of the unit and on
each pair's own page, where the pair shown is aria-current. The pairs next to each other
are on the theme's page (their addresses unchanged); every round against the latest has
a page of its own, /teemat/<theme>/<unit>/<earlier>/<later>/ (site.lineage: a bounded
number of pages). Built end to end through the command line from a copy of the golden
site with a third round of Etelä-Savon hyvinvointialue (the golden site lives below
/neuvottelut/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.site import lineage

_ROUND_2026 = """
- id: 2026-hva
  name: {fi: Neuvottelut 2026, sv: Förhandlingarna 2026, en: Negotiations 2026}
  kind: statutory
  parties: [stm, vm, sm]
  chair: vm
  experts: [thl, avi]
  start: 2026-10-01
  end: 2026-12-18
  themes: [saatavuus, rahoitus]
  example: true
"""

_DOCUMENT_2026 = """---
title: Etelä-Savon hyvinvointialue, 2026
type: negotiation
date: 2026-11-20
region: etela-savo-hva
round: 2026-hva
themes: [saatavuus]
example: true
---

## Palvelujen saatavuus {theme=saatavuus}

Jonot ovat lyhentyneet kaikissa kunnissa, ja palveluverkko on ennallaan.

Henkilöstöä on palkattu lisää suun terveydenhuoltoon.
"""

# The 2024 text, longer than the golden site's, so that the two are alike enough to mark.
_SECTION_2024 = """Jonot ovat pitkiä kaikissa kunnissa, ja palveluverkko on ennallaan.

Henkilöstöä on palkattu lisää suun terveydenhuoltoon.
"""

# THL's assessments of the unit in two rounds: compared as its negotiation documents are.
_ASSESSMENT = """---
title: "THL:n arvio: Etelä-Savo {year}"
type: assessment
issuer: thl
date: {year}-10-20
region: etela-savo-hva
round: {year}-hva
example: true
---

## Palvelujen saatavuus {{theme=saatavuus}}

Arviossa todetaan, että jonot ovat {state} ja palveluverkko on ennallaan.
"""

PAIR = "teemat/saatavuus/etela-savo-hva/2024-hva/2026-hva/index.html"
ACROSS = "teemat/saatavuus/etela-savo-hva/2018-syksy/2026-hva/index.html"
THEME_PAGE = "teemat/saatavuus/etela-savo-hva/index.html"


def pairs_project(tmp_path: Path) -> Path:
    """The golden site with a third round of Etelä-Savon hyvinvointialue, and THL's
    assessments of two of its rounds (test_units_made.py edits it too)."""
    root = project(tmp_path, GOLDEN_SITE)
    rounds = root / "content/rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + _ROUND_2026, encoding="utf-8")
    earlier = root / "content/kierrokset/2024-hva/etela-savo-hva.md"
    text = earlier.read_text(encoding="utf-8")
    earlier.write_text(text.replace("Saatavuus paranee.\n", _SECTION_2024), encoding="utf-8")
    folder = root / "content/kierrokset/2026-hva"
    folder.mkdir()
    (folder / "etela-savo-hva.md").write_text(_DOCUMENT_2026, encoding="utf-8")
    for year, state in (("2025", "pitkiä"), ("2026", "lyhentyneet")):
        assessments = root / f"content/kierrokset/{year}-hva/arviot"
        assessments.mkdir(exist_ok=True)
        text = _ASSESSMENT.format(year=year, state=state)
        (assessments / "etela-savo-hva.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("pairs")
    root = pairs_project(tmp_path)
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _chooser(html: str) -> str:
    start = html.index('<nav class="cmp-choose"')
    return html[start : html.index("</nav>", start)]


def test_a_round_against_the_latest_has_a_page_with_the_pair_current(site: Path) -> None:
    out = site
    page = (out / PAIR).read_text(encoding="utf-8")
    # Marked word by word, as the theme's page marks two rounds next to each other.
    found = page[page.index('<section class="cmp" id="cmp"') :]
    assert "Muutokset (aiempi kierros: Neuvottelut 2024; myöhempi kierros: Neuvottelut 2026)" in (
        found
    )
    assert re.search(r"<p>Jonot ovat <del>.*?pitkiä.*?</del> kaikissa", found)
    assert re.search(r"<p>Jonot ovat <ins>.*?lyhentyneet.*?</ins> kaikissa", found)
    assert "1 kappale muuttui." in found
    assert "Merkinnät: <del>poistettu teksti</del>, <ins>lisätty teksti</ins>" in found
    chooser = _chooser(page)
    # The line: the predecessor's 2018 round, then the unit's own three.
    assert re.findall(r'<th scope="col">(.*?)</th>', chooser) == [
        "Aiempi kierros",
        "Seuraava kierros",
        "Viimeisin: Neuvottelut 2026",
    ]
    assert re.findall(r'<th scope="row">(.*?)</th>', chooser) == [
        "Syksy 2018 (Etelä-Savo)",
        "Neuvottelut 2024",
        "Neuvottelut 2025",
    ]
    current = re.findall(r'<a href="([^"]*)" aria-current="page">näytetään', chooser)
    assert current == ["/neuvottelut/teemat/saatavuus/etela-savo-hva/2024-hva/2026-hva/"]
    # Pairs next to each other lead to the theme's page, where they are compared.
    hrefs = re.findall(r'<a href="([^"]*)"', chooser)
    assert hrefs == [
        "/neuvottelut/teemat/saatavuus/etela-savo-hva/#r-2024-hva",
        "/neuvottelut/teemat/saatavuus/etela-savo-hva/2018-syksy/2026-hva/",
        "/neuvottelut/teemat/saatavuus/etela-savo-hva/#r-2025-hva",
        "/neuvottelut/teemat/saatavuus/etela-savo-hva/2024-hva/2026-hva/",
        "/neuvottelut/teemat/saatavuus/etela-savo-hva/#r-2026-hva",
    ]
    # Every link of the chooser says both rounds to a screen reader.
    assert " Neuvottelut 2024 ja Neuvottelut 2026</span></a>" in chooser
    # Back to every round, and the two documents.
    assert (
        '<a href="/neuvottelut/teemat/saatavuus/etela-savo-hva/">Kaikki kierrokset rinnakkain</a>'
        in page
    )
    assert '<a href="/neuvottelut/kierrokset/2024-hva/etela-savo-hva/">' in page
    assert '<a href="/neuvottelut/kierrokset/2026-hva/etela-savo-hva/">' in page
    # Pairs next to each other have no page of their own: the theme's page has them.
    assert not (out / "teemat/saatavuus/etela-savo-hva/2025-hva/2026-hva").exists()
    # The theme's page keeps its address and its comparisons, and links to the pairs.
    theme = (out / THEME_PAGE).read_text(encoding="utf-8")
    assert '<section class="cmp" id="cmp-2026-hva"' in theme
    assert "aria-current" not in _chooser(theme)
    assert 'href="/neuvottelut/teemat/saatavuus/etela-savo-hva/2024-hva/2026-hva/"' in _chooser(
        theme
    )


def test_a_pair_across_a_change_of_unit_is_side_by_side_unmarked(site: Path) -> None:
    out = site
    page = (out / ACROSS).read_text(encoding="utf-8")
    found = page[page.index('<section class="cmp" id="cmp"') :]
    assert "Edeltäjän teksti on toisen toimijan kirjoittama, joten muutoksia ei merkitä." in found
    assert "<del>" not in found and "<ins>" not in found
    assert '<div class="cmp-row cmp-whole">' in found and '<div lang="fi"><p>' in found
    assert (
        '<a href="/neuvottelut/teemat/saatavuus/etela-savo-hva/#r-2018-syksy-etela-savo">' in found
    )


def test_a_swedish_pair_page_never_marks_finnish_text(site: Path) -> None:
    """The texts are Finnish only: the Swedish page sets them side by side, says why,
    and links to the Finnish page that marks them."""
    out = site
    page = (out / "sv" / PAIR).read_text(encoding="utf-8")
    found = page[page.index('<section class="cmp" id="cmp"') :]
    assert "Inte jämförd: den här omgångens text finns inte på svenska." in found
    assert "<del>" not in found and "<ins>" not in found
    assert '<div class="cmp-row cmp-whole">' in found and '<div lang="fi"><p>' in found
    assert (
        '<a href="/neuvottelut/teemat/saatavuus/etela-savo-hva/2024-hva/2026-hva/" hreflang="fi">'
        "Jämförelsen på finska</a>"
    ) in page
    assert 'aria-current="page">visas' in _chooser(page)


def test_the_pairs_are_bounded_each_with_the_next_and_with_the_latest() -> None:
    """A line of n texts offers its n-1 neighbours and at most lineage.RECENT + 1 pages
    against the latest (the first and the rounds just before the previous), not every
    one of n(n-1)/2 pairs."""
    from types import SimpleNamespace

    steps = tuple(SimpleNamespace(round=SimpleNamespace(id=f"r{n}")) for n in range(5))
    found = [(p.before, p.after, p.adjacent) for p in lineage.pairs(steps)]  # type: ignore[arg-type]
    assert found == [
        (0, 1, True),
        (0, 4, False),
        (1, 2, True),
        (1, 4, False),
        (2, 3, True),
        (2, 4, False),
        (3, 4, True),
    ]
    # A long line: the latest against the first and the four before the previous one.
    long = tuple(SimpleNamespace(round=SimpleNamespace(id=f"r{n}")) for n in range(40))
    far = [(p.before, p.after) for p in lineage.pairs(long) if not p.adjacent]  # type: ignore[arg-type]
    assert far == [(0, 39), (34, 39), (35, 39), (36, 39), (37, 39)]
    assert len(lineage.pairs(long)) == 39 + 5  # type: ignore[arg-type]
    assert lineage.pairs(steps[:2]) == (lineage.Pair(0, 1),)  # type: ignore[arg-type]
    assert lineage.pairs(steps[:1]) == ()  # type: ignore[arg-type]
    # A round that comes twice in a line (a predecessor's and the unit's own) names no
    # page of its own.
    twice = (steps[0], steps[1], steps[1], steps[2])
    assert [(p.before, p.after) for p in lineage.pairs(twice) if not p.adjacent] == [(0, 3)]  # type: ignore[arg-type]


def test_assessments_of_a_unit_are_compared_and_linked_both_ways(site: Path) -> None:
    """One body's assessments of a unit on a theme get the unit's comparison page of the
    theme for them (/teemat/<theme>/<unit>/arvio/<body>/); an assessment links to it, and
    it to each assessment. A body with one assessment has no page: nothing to compare."""
    page = (site / "teemat/saatavuus/etela-savo-hva/arvio/thl/index.html").read_text(
        encoding="utf-8"
    )
    assert "<title>Palvelujen saatavuus: Etelä-Savon hyvinvointialue – THL:n arvio" in page
    found = page[page.index('<section class="cmp" id="cmp-2026-hva"') :]
    assert re.search(r"jonot ovat <del>.*?pitkiä.*?</del> ja", found)
    assert re.search(r"jonot ovat <ins>.*?lyhentyneet.*?</ins> ja", found)
    assert "1 kappale muuttui." in found
    assert '<a href="/neuvottelut/kierrokset/2025-hva/etela-savo-hva/arvio/thl/">' in page
    assert 'href="/neuvottelut/teemat/saatavuus/etela-savo-hva/arvio/thl/#r-2026-hva">' in (
        _chooser(page)
    )
    sv = (site / "sv/teemat/saatavuus/etela-savo-hva/arvio/thl/index.html").read_text(
        encoding="utf-8"
    )
    assert "<del>" not in sv and "Inte jämförd: den här omgångens text finns inte på svenska." in sv
    document = (site / "kierrokset/2026-hva/etela-savo-hva/arvio/thl/index.html").read_text(
        encoding="utf-8"
    )
    assert (
        '<a href="/neuvottelut/teemat/saatavuus/etela-savo-hva/arvio/thl/">'
        "Palvelujen saatavuus (THL:n arvio)</a>"
    ) in document
    assert not (site / "teemat/saatavuus/etela-savo-hva/arvio/avi").exists()
