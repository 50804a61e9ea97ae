"""A unit's recommended actions on a theme compared round by round (issue 27), at
/teemat/<theme>/<unit>/suositukset/: each recommendation a block whose text, addressee
and deadline are word-marked where it changed, a plain-words summary, and beside each
earlier one the later round's follow-up (or a plain word that it gave none). Built end
to end through the command line from a copy of the golden site, where Etelä-Savon
hyvinvointialue gets Swedish versions of its 2024 and 2025 documents and its 2025
document gives a saatavuus recommendation again, reworded (the golden site lives below
/neuvottelut/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, build, project

# Given again in 2025, reworded: "kuukausittain" -> "viikoittain", a new deadline.
_AGAIN_FI = """recommendations:
  - id: es-2025-2
    theme: saatavuus
    text: Hyvinvointialue julkaisee hoitoonpääsyn odotusajat viikoittain.
    deadline: 2026-03-31
  - id: es-2025-1"""

_SV_2024 = """---
title: Södra Savolax välfärdsområde, 2024
type: negotiation
date: 2024-05-15
lang: sv
region: etela-savo-hva
round: 2024-hva
translation_of: kierrokset/2024-hva/etela-savo-hva
example: true
recommendations:
  - id: es-2024-1
    theme: saatavuus
    text: Välfärdsområdet publicerar väntetiderna till vård månadsvis.
    deadline: 2025-03-31
  - id: es-2024-2
    theme: saatavuus
    text: Välfärdsområdet utreder behovet av mobila tjänster i glesbygden.
    addressee: områdesstyrelsen
  - id: es-2024-3
    theme: rahoitus
    text: Välfärdsområdet gör upp en plan för att täcka underskottet.
    deadline: 2025-06-30
---

## Tillgång till tjänster {theme=saatavuus}

Tillgången förbättras.
"""

_SV_2025 = """---
title: Södra Savolax välfärdsområde, 2025
type: negotiation
date: 2025-11-20
lang: sv
region: etela-savo-hva
round: 2025-hva
translation_of: kierrokset/2025-hva/etela-savo-hva
example: true
follow_up:
  - id: es-2024-1
    status: done
    note: Väntetiderna publiceras varje månad.
  - id: es-2024-3
    status: dropped
    note: Underskottet täcktes utan en särskild plan.
recommendations:
  - id: es-2025-2
    theme: saatavuus
    text: Välfärdsområdet publicerar väntetiderna till vård veckovis.
    deadline: 2026-03-31
  - id: es-2025-1
    theme: rahoitus
    text: Välfärdsområdet rapporterar halvårsvis om hur investeringarna genomförs.
---

## Tillgång till tjänster {theme=saatavuus}

Tillgången har förbättrats.
"""

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

# A third round: 2024 against 2026 gets a page of its own. It follows up 2025's
# recommendation and gives 2024's first one again, as it was.
_DOCUMENT_2026 = """---
title: Etelä-Savon hyvinvointialue, 2026
type: negotiation
date: 2026-11-20
region: etela-savo-hva
round: 2026-hva
themes: [saatavuus]
example: true
follow_up:
  - id: es-2025-2
    status: under_way
    note: Viikoittainen julkaisu alkaa keväällä.
  - id: es-2025-1
    status: done
recommendations:
  - id: es-2026-1
    theme: saatavuus
    text: Hyvinvointialue julkaisee hoitoonpääsyn odotusajat kuukausittain.
    deadline: 2025-03-31
---

## Palvelujen saatavuus {theme=saatavuus}

Saatavuus on ennallaan.
"""

PAGE = "teemat/saatavuus/etela-savo-hva/suositukset/index.html"
PAIR = "teemat/saatavuus/etela-savo-hva/suositukset/2024-hva/2026-hva/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("recs")
    root = project(tmp_path, GOLDEN_SITE)
    folder = root / "content/kierrokset"
    later = folder / "2025-hva/etela-savo-hva.md"
    text = later.read_text(encoding="utf-8")
    text = text.replace("recommendations:\n  - id: es-2025-1", _AGAIN_FI)
    # The 2025 document says nothing of es-2024-2's follow-up (check warns).
    text = re.sub(r"  - id: es-2024-2\n    status: under_way\n    note: [^\n]*\n", "", text)
    later.write_text(text, encoding="utf-8")
    (folder / "2024-hva/etela-savo-hva.sv.md").write_text(_SV_2024, encoding="utf-8")
    (folder / "2025-hva/etela-savo-hva.sv.md").write_text(_SV_2025, encoding="utf-8")
    rounds = root / "content/rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + _ROUND_2026, encoding="utf-8")
    (folder / "2026-hva").mkdir()
    (folder / "2026-hva/etela-savo-hva.md").write_text(_DOCUMENT_2026, encoding="utf-8")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _main(site: Path, path: str) -> str:
    html = (site / path).read_text(encoding="utf-8")
    return html[html.index("<main") : html.index("</main>")]


def _comparison(html: str, round_id: str) -> str:
    start = html.index(f'<section class="cmp" id="cmp-{round_id}"')
    return html[start : html.index("</section>", start)]


def test_a_reworded_recommendation_is_marked_inside_with_the_follow_up_beside(
    site: Path,
) -> None:
    found = _comparison(_main(site, PAGE), "2025-hva")
    assert '<p class="cmp-summary">1 suositus muuttui, 1 suositus jäi pois.</p>' in found
    assert re.search(r"odotusajat <del>.*?kuukausittain.*?</del>", found)
    assert re.search(r"<ins>.*?viikoittain.*?</ins>", found)
    # The deadline is a cell of its own, marked as one.
    assert re.search(r"Määräaika: <del>(<[^>]*>|[^<])*31\.3\.2025", found)
    assert re.search(r"Määräaika: <ins>(<[^>]*>|[^<])*31\.3\.2026", found)
    # Beside the earlier recommendation: what 2025 said of it, linked to the follow-up.
    assert (
        '<a href="/neuvottelut/kierrokset/2025-hva/etela-savo-hva/#seuranta_es-2024-1">'
        'Seuranta (Neuvottelut 2025)</a>: <span class="status status-done">toteutettu</span>'
        " – Odotusajat julkaistaan kuukausittain."
    ) in found
    # A recommendation the later round does not follow up is said so plainly.
    assert "Kierroksen Neuvottelut 2025 asiakirja ei kerro tämän suosituksen seurannasta." in (
        found
    )
    assert '<del><span class="visually-hidden">[poistettu: </span>' in found


def test_a_swedish_page_compares_the_swedish_recommendations(site: Path) -> None:
    found = _comparison(_main(site, "sv/" + PAGE), "2025-hva")
    assert "1 rekommendation ändrades, 1 rekommendation föll bort." in found
    assert re.search(r"<del>.*?månadsvis.*?</del>", found)
    assert re.search(r"<ins>.*?veckovis.*?</ins>", found)
    assert "genomförd</span> – Väntetiderna publiceras varje månad." in found
    assert "Dokumentet från Förhandlingarna 2025 säger inget om uppföljningen" in found
    marked = " ".join(re.findall(r"<(?:del|ins)>(.*?)</(?:del|ins)>", found, re.S))
    assert "Hyvinvointialue" not in marked and "kuukausittain" not in marked
    assert 'lang="fi"' not in found


def test_the_comparison_is_reached_both_ways(site: Path) -> None:
    href = "/neuvottelut/teemat/saatavuus/etela-savo-hva/suositukset/"
    for path in (
        "kierrokset/2024-hva/etela-savo-hva/index.html",
        "kierrokset/2025-hva/etela-savo-hva/index.html",
        "kierrokset/2024-hva/suositukset/index.html",
        "maakunnat/etela-savo-hva/suositukset/index.html",
        "teemat/saatavuus/etela-savo-hva/index.html",
    ):
        assert f'href="{href}"' in _main(site, path), path
    sv_href = href.replace("/neuvottelut/", "/neuvottelut/sv/")
    assert f'href="{sv_href}"' in _main(site, "sv/kierrokset/2024-hva/etela-savo-hva/index.html")
    page = _main(site, PAGE)
    for linked in (
        "/neuvottelut/kierrokset/2024-hva/etela-savo-hva/",
        "/neuvottelut/kierrokset/2025-hva/etela-savo-hva/",
        "/neuvottelut/maakunnat/etela-savo-hva/suositukset/",
        "/neuvottelut/teemat/saatavuus/etela-savo-hva/",
    ):
        assert f'href="{linked}"' in page, linked


def test_one_round_of_recommendations_has_no_comparison(site: Path) -> None:
    """Helsinki gives recommendations in 2024 only: nothing to compare, no page, and no
    page links to one."""
    assert not (site / "teemat/rahoitus/helsinki/suositukset").exists()
    assert "suositukset/" not in _main(site, "teemat/rahoitus/helsinki/index.html").replace(
        "maakunnat/helsinki/suositukset/", ""
    )


def test_two_rounds_apart_are_compared_on_a_page_chosen_with_links(site: Path) -> None:
    """2024 against 2026: the same recommendation given again unchanged, the other left
    out with what the latest round between said of it (2025: nothing); the unit's page
    of recommendations chooses it in its table of pairs, where the pair's page shows it
    current."""
    page = _main(site, PAGE)
    chooser = page[page.index('<nav class="cmp-choose"') :]
    href = "/neuvottelut/teemat/saatavuus/etela-savo-hva/suositukset/2024-hva/2026-hva/"
    assert f'href="{href}"' in chooser
    pair = _main(site, PAIR)
    assert 'aria-current="page"' in pair
    found = pair[pair.index('<section class="cmp" id="cmp"') :]
    assert "1 suositus jäi pois." in found
    assert "Kierroksen Neuvottelut 2026 asiakirja ei kerro tämän suosituksen seurannasta." in (
        found
    )
    # Given again as it was: kept, nothing marked in it.
    assert '<div class="cmp-row cmp-same">' in found
    assert "<p>Hyvinvointialue julkaisee hoitoonpääsyn odotusajat kuukausittain.</p>" in found
    assert (site / "sv" / PAIR).exists()


# The same words given twice in 2024 under two ids, each followed up differently in 2025.
_TWICE_2024 = """  - id: es-2024-4
    theme: saatavuus
    text: Hyvinvointialue julkaisee hoitoonpääsyn odotusajat kuukausittain.
    deadline: 2025-03-31
  - id: es-2024-3"""

_TWICE_2025 = """  - id: es-2024-4
    status: under_way
    note: Toinen julkaisu on vasta suunnitteilla.
recommendations:"""


def test_two_recommendations_of_the_same_words_keep_their_own_follow_ups(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    folder = root / "content/kierrokset"
    earlier = folder / "2024-hva/etela-savo-hva.md"
    text = earlier.read_text(encoding="utf-8")
    earlier.write_text(text.replace("  - id: es-2024-3", _TWICE_2024, 1), encoding="utf-8")
    later = folder / "2025-hva/etela-savo-hva.md"
    text = later.read_text(encoding="utf-8")
    later.write_text(text.replace("recommendations:", _TWICE_2025, 1), encoding="utf-8")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    found = _comparison(_main(out, PAGE), "2025-hva")
    done = "#seuranta_es-2024-1"
    under_way = "#seuranta_es-2024-4"
    # Each earlier recommendation has its own follow-up beside it, in the earlier order.
    assert found.count(done) == 1 and found.count(under_way) == 1, found
    assert found.index(done) < found.index(under_way)
    assert "– Odotusajat julkaistaan kuukausittain." in found
    assert "– Toinen julkaisu on vasta suunnitteilla." in found
