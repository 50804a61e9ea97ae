"""Pages of the statutory negotiations' units (issue 25): a round's page by kind of unit,
assessments named by their issuer, rounds' chair, expert bodies and legal basis, units'
pages with areas, members and parts that moved, titles as they were on a document's
date, and documents in the Sámi languages. Built through the command line from the
bundled site and from small trees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO, bundled_copy, run_cli
from test_site import build, project

from soteneg import pipeline
from soteneg.packets.plan import packet_page, plan_packets
from soteneg.site import eras
from soteneg.site.index import BuildOptions, build_site

SAMI_PAGE = "kierrokset/2024-hva/lappi-hva/arvio/thl/se/index.html"


def _main(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main") : html.index("</main>")]


def _text(html: str) -> str:
    """The visible words of a fragment: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def _section(main: str, marker: str) -> str:
    """The <section> of a page that holds `marker`."""
    start = main.rindex("<section", 0, main.index(marker))
    return main[start : main.index("</section>", start)]


def _built(root: Path, out: Path) -> Path:
    result = run_cli("build", "--root", root, "--out", out, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built(REPO, tmp_path_factory.mktemp("units") / "out")


# --- a round's page by kind ------------------------------------------------------------


def _sections(page: Path) -> list[tuple[str, str, list[str]]]:
    """(section id, heading, unit ids of its rows) for each section of a round's page."""
    main = _main(page)
    found = []
    for part in main.split('<section class="round-section round-section-')[1:]:
        section_id = part[: part.index('"')]
        heading = _text(re.search(r"<h2[^>]*>(.*?)</h2>", part).group(1))  # type: ignore[union-attr]
        found.append((section_id, heading, re.findall(r'<tr data-region="([^"]+)">', part)))
    return found


def test_the_round_page_lists_units_areas_and_the_country_in_sections(bundled: Path) -> None:
    sections = _sections(bundled / "kierrokset/2024-hva/index.html")
    assert [(s, h) for s, h, _ in sections] == [
        ("units", "Hyvinvointialueet, kaupunki ja yhtymä (23)"),
        ("areas", "Yhteistyöalueet (5)"),
        ("country", "Koko maa"),
    ]
    units, areas, country = (rows for *_, rows in sections)
    assert len(units) == 23 and "hus-yhtyma" in units and "helsinki" in units
    assert sorted(areas) == [
        "etela-suomi-yta",
        "ita-suomi-yta",
        "lansi-suomi-yta",
        "pohjois-suomi-yta",
        "sisa-suomi-yta",
    ]
    assert country == ["koko-maa"]
    sv = _sections(bundled / "sv/kierrokset/2024-hva/index.html")
    assert [h for _, h, _ in sv] == [
        "Välfärdsområden, stad och sammanslutning (23)",
        "Samarbetsområden (5)",
        "Hela landet",
    ]
    main = _main(bundled / "kierrokset/2024-hva/index.html")
    # A unit without a document is shown as such, in every column.
    hus = main[main.index('<tr data-region="hus-yhtyma">') :]
    hus = hus[: hus.index("</tr>")]
    assert _text(hus) == "HUS-yhtymä ei asiakirjaa ei asiakirjaa ei asiakirjaa"
    # Nobody negotiates with the whole country: no negotiation column in its section.
    country_part = _section(main, 'id="section-country"')
    assert "Neuvotteluasiakirja" not in country_part and "THL:n arvio" in country_part
    # The whole country has no document in 2025 (nor in 2018): no section for it there.
    assert [s for s, *_ in _sections(bundled / "kierrokset/2025-hva/index.html")] == [
        "units",
        "areas",
    ]
    assert [s for s, *_ in _sections(bundled / "kierrokset/2018-syksy/index.html")] == ["units"]


def test_sections_and_their_words_come_from_kinds_yaml(tmp_path: Path) -> None:
    """No kind is named in code: kinds.yaml's words head the sections, and its `section`
    puts a unit where it says."""
    root = bundled_copy(tmp_path)
    kinds = root / "content/kinds.yaml"
    text = kinds.read_text(encoding="utf-8")
    text = text.replace(
        "many: {fi: yhteistyöalueet, sv: samarbetsområden",
        "many: {fi: yhteistoiminta-alueet, sv: samverkansområden",
    )
    # HUS-yhtymä's kind listed with the areas.
    text = text.replace(
        "  many: {fi: yhtymät, sv: sammanslutningar, en: joint authorities}\n",
        "  many: {fi: yhtymät, sv: sammanslutningar, en: joint authorities}\n  section: areas\n",
    )
    kinds.write_text(text, encoding="utf-8")
    out = _built(root, tmp_path / "out")
    sections = _sections(out / "kierrokset/2024-hva/index.html")
    assert [(s, h) for s, h, _ in sections[:2]] == [
        ("units", "Hyvinvointialueet ja kaupunki (22)"),
        ("areas", "Yhteistoiminta-alueet ja yhtymä (6)"),
    ]
    assert "hus-yhtyma" in sections[1][2]


# --- assessments by issuer -------------------------------------------------------------


def test_assessments_are_labelled_with_their_issuer(bundled: Path) -> None:
    main = _main(bundled / "kierrokset/2024-hva/index.html")
    units = _section(main, 'id="section-units"')
    # The unit label may break after its slashes and between word parts (issue 27).
    units = units.replace("<wbr>", "").replace("&shy;", "")
    assert re.findall(r'<th scope="col">([^<]+)</th>', units) == [
        "Hyvinvointialue/kaupunki/yhtymä",
        "Neuvotteluasiakirja",
        "THL:n arvio",
        "AVI:n arvio",
    ]
    sv = _section(_main(bundled / "sv/kierrokset/2024-hva/index.html"), 'id="section-units"')
    assert '<th scope="col">THL:s bedömning</th>' in sv
    assert '<th scope="col">RFV:s bedömning</th>' in sv
    avi = (bundled / "kierrokset/2024-hva/paijat-hame-hva/arvio/avi/index.html").read_text()
    assert '<p class="document-kind">AVI:n arvio · ' in avi
    assert '<meta name="dcterms.type" content="AVI:n arvio">' in avi
    assert '<span data-pagefind-filter="Asiakirjatyyppi">AVI:n arvio</span>' in avi
    placeholder = bundled / "sv/kierrokset/2024-hva/paijat-hame-hva/arvio/avi/index.html"
    assert '<span data-pagefind-filter="Dokumenttyp">RFV:s bedömning</span>' in (
        placeholder.read_text()
    )
    # "THL:n arvio: THL:n arvio: …" says it twice: the label goes where the title has it.
    lappi = _text(_main(bundled / "maakunnat/lappi-hva/index.html"))
    assert "THL:n arvio: Lapin hyvinvointialue 2024" in lappi
    assert "THL:n arvio: THL:n arvio" not in lappi
    ph = _text(_main(bundled / "maakunnat/paijat-hame-hva/index.html"))
    assert "AVI:n arvio: Aluehallintoviraston arvio pelastustoimesta: Päijät-Häme 2024" in ph
    # No issuer, no issuer's name: the generic word (and only where nothing is there).
    assert "Arvio: ei asiakirjaa" in ph
    assert "THL" not in _text(_main(bundled / "maakunnat/kymenlaakso/index.html"))


THL_ON_PH = """---
title: "Päijät-Hämeen hyvinvointialue 2024: sosiaali- ja terveydenhuolto"
type: assessment
issuer: thl
date: 2024-10-28
region: paijat-hame-hva
round: 2024-hva
example: true
---

Esimerkki.
"""


def test_a_unit_with_two_assessments_lists_both(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    (root / "content/kierrokset/2024-hva/arviot/paijat-hame-hva-thl.md").write_text(
        THL_ON_PH, encoding="utf-8"
    )
    parties = root / "content/parties.yaml"
    parties.write_text(
        parties.read_text(encoding="utf-8").replace("fi: AVI\n", "fi: LVV\n"), encoding="utf-8"
    )
    out = _built(root, tmp_path / "out")
    unit = _text(_main(out / "maakunnat/paijat-hame-hva/index.html"))
    # Both, in the round's order of experts (THL, AVI); the short name from parties.yaml.
    # Each says it is an example (issue 27).
    both = (
        "THL:n arvio: Päijät-Hämeen hyvinvointialue 2024: sosiaali- ja terveydenhuolto "
        "(esimerkki) LVV:n arvio: Aluehallintoviraston arvio pelastustoimesta: "
        "Päijät-Häme 2024 (esimerkki)"
    )
    assert both in unit
    main = _main(out / "kierrokset/2024-hva/index.html")
    row = main[main.index('<tr data-region="paijat-hame-hva">') :]
    row = row[: row.index("</tr>")]
    assert "/arvio/thl/" in row and "/arvio/avi/" in row
    assert '<th scope="col">LVV:n arvio</th>' in main
    # The packet prints both, each chapter named by its issuer.
    site = build_site(pipeline.check(root, pdf=False).content, BuildOptions())
    packet = next(p for p in plan_packets(site) if p.url == "/pdf/2024-hva/paijat-hame-hva.pdf")
    context = packet_page(site, packet, "file:///x/").context
    assert [c["kind"] for c in context["chapters"]] == [
        "Neuvotteluasiakirja",
        "THL:n arvio",
        "LVV:n arvio",
    ]


# --- rounds ------------------------------------------------------------------------------


def test_rounds_show_chair_experts_and_legal_basis(bundled: Path) -> None:
    fi = _text(_main(bundled / "kierrokset/2024-hva/index.html"))
    assert (
        "Neuvotteluosapuolet: sosiaali- ja terveysministeriö, valtiovarainministeriö ja "
        "sisäministeriö sekä kukin alue Puheenjohtaja: Valtiovarainministeriö "
        "Asiantuntijat: Terveyden ja hyvinvoinnin laitos (THL) ja Aluehallintovirasto (AVI)"
    ) in fi
    assert (
        "Säädösperusta: Laki sosiaali- ja terveydenhuollon järjestämisestä (612/2021) 24 § "
        "Laki pelastustoimen järjestämisestä (613/2021) 10 §"
    ) in fi
    sv = _text(_main(bundled / "sv/kierrokset/2024-hva/index.html"))
    assert "Ordförande: Finansministeriet" in sv
    assert (
        "Sakkunniga: Institutet för hälsa och välfärd (THL) och Regionförvaltningsverket (RFV)"
    ) in sv
    assert "Lagen om ordnande av social- och hälsovård (612/2021) 24 §" in sv
    # The home page's current round (2025: no provision named, so none shown).
    home = _text(_main(bundled / "index.html"))
    assert "Puheenjohtaja: Valtiovarainministeriö" in home
    assert "Asiantuntijat: Terveyden ja hyvinvoinnin laitos (THL) ja Aluehallintovirasto (AVI)" in (
        home
    )
    assert "Säädösperusta" not in home
    # A practice round says it was held under a bill; a statutory one does not.
    practice = _text(_main(bundled / "kierrokset/2018-syksy/index.html"))
    assert "Harjoitusneuvottelut perustuivat lakiesitykseen, eivät voimassa olevaan lakiin." in (
        practice
    )
    assert "Säädösperusta" not in practice and "lakiesitykseen" not in fi
    assert "Övningsförhandlingarna byggde på ett lagförslag, inte på gällande lag." in _text(
        _main(bundled / "sv/kierrokset/2018-kevat/index.html")
    )


# --- units' pages ----------------------------------------------------------------------


def test_a_part_that_moved_shows_on_both_units_pages(bundled: Path) -> None:
    ph = _main(bundled / "maakunnat/paijat-hame-hva/index.html")
    before = _text(_section(ph, 'id="predecessors-heading"'))
    assert before.startswith(
        "Edeltäjät Päijät-Häme (8.3.2019 asti) Kymenlaakso (osa: Iitti 1.1.2021)"
    )
    # Why the county begins years after its predecessor ended.
    assert "Uudistus raukesi 8.3.2019." in before
    kymi = _main(bundled / "maakunnat/kymenlaakso/index.html")
    after = _text(_section(kymi, 'id="successors-heading"'))
    assert after.startswith(
        "Seuraajat Kymenlaakson hyvinvointialue (1.1.2023 alkaen) "
        "Päijät-Hämeen hyvinvointialue (osa: Iitti 1.1.2021)"
    )
    assert "Hyvinvointialueet aloittivat palvelujen järjestäjinä 1.1.2023." in after
    sv = _text(_section(_main(bundled / "sv/maakunnat/kymenlaakso/index.html"), "successors-h"))
    assert "Päijänne-Tavastlands välfärdsområde (en del: Itis 1.1.2021)" in sv
    sv = _text(_section(_main(bundled / "sv/maakunnat/paijat-hame-hva/index.html"), "predece"))
    assert "Kymmenedalen (en del: Itis 1.1.2021)" in sv
    assert "Reformen förföll 8.3.2019." in sv
    # The part is history, not a past the county continues: Kymenlaakso's rounds are not
    # in Päijät-Häme's theme history.
    site = build_site(pipeline.check(REPO, pdf=False).content, BuildOptions())
    steps = eras.theme_history(site, "saatavuus", "paijat-hame-hva")
    assert {step.region for step in steps} == {"paijat-hame", "paijat-hame-hva"}


def test_units_pages_show_kind_period_legal_person_and_areas(bundled: Path) -> None:
    ph = _text(_main(bundled / "maakunnat/paijat-hame-hva/index.html"))
    assert "Hyvinvointialue 1.1.2023 alkaen Oikeushenkilö 1.7.2021 alkaen" in ph
    assert "Yhteistyöalue: Etelä-Suomen yhteistyöalue" in ph
    assert 'href="/maakunnat/etela-suomi-yta/">Etelä-Suomen yhteistyöalue</a>' in _main(
        bundled / "maakunnat/paijat-hame-hva/index.html"
    )
    sv = _text(_main(bundled / "sv/maakunnat/paijat-hame-hva/index.html"))
    assert "Välfärdsområde fr.o.m. 1.1.2023 Juridisk person fr.o.m. 1.7.2021" in sv
    assert "Samarbetsområde: Södra Finlands samarbetsområde" in sv
    # HUS-yhtymä is no legal person of 2021: nothing said.
    assert "Oikeushenkilö" not in _text(_main(bundled / "maakunnat/hus-yhtyma/index.html"))
    region = _text(_main(bundled / "maakunnat/paijat-hame/index.html"))
    assert "Erityisvastuualue: Helsingin yliopistollisen sairaalan erityisvastuualue" in region
    assert "Specialupptagningsområde: Specialupptagningsområdet för Helsingfors " in _text(
        _main(bundled / "sv/maakunnat/paijat-hame/index.html")
    )


def test_an_area_lists_its_members_and_documents(bundled: Path) -> None:
    main = _main(bundled / "maakunnat/etela-suomi-yta/index.html")
    members = _section(main, 'id="members-heading"')
    linked = re.findall(r'href="/maakunnat/([^/]+)/"', members)
    assert linked == [
        "etela-karjala-hva",
        "helsinki",
        "hus-yhtyma",
        "ita-uusimaa-hva",
        "keski-uusimaa-hva",
        "kymenlaakso-hva",
        "lansi-uusimaa-hva",
        "paijat-hame-hva",
        "vantaa-kerava-hva",
    ]
    text = _text(main)
    assert "Yhteistyöalue 1.3.2022 alkaen" in text
    assert "THL:n arvio: Etelä-Suomen yhteistyöalue 2024" in text
    assert 'href="/kierrokset/2024-hva/etela-suomi-yta/arvio/thl/"' in main
    # The country's page: only the round it has a document in, and no negotiation.
    country = _text(_main(bundled / "maakunnat/koko-maa/index.html"))
    assert "Hyvinvointialueneuvottelut 2024" in country and "2025" not in country
    assert "Neuvotteluasiakirja" not in country


def test_the_index_groups_areas_and_the_country_too(bundled: Path) -> None:
    fi = _main(bundled / "maakunnat/index.html")
    assert re.findall(r"<h2>([^<]+)</h2>", fi) == [
        "Hyvinvointialueet, Helsingin kaupunki ja HUS-yhtymä vuodesta 2023",
        "Yhteistyöalueet vuodesta 2022",
        "Vuoden 2018 harjoitusneuvottelujen maakunnat",
        "Koko maa",
    ]
    sv = _main(bundled / "sv/maakunnat/index.html")
    assert re.findall(r"<h2>([^<]+)</h2>", sv)[-1] == "Hela landet"


MEMBERS = """
- id: alue
  kind: yhteistyoalue
  name: {fi: Testialue, sv: Testområde}
  valid_from: 2018-01-01
  members:
    - uusimaa
    - unit: lappi
      valid_from: 2018-10-15
"""
KINDS = """
- id: yhteistyoalue
  one: {fi: yhteistyöalue, sv: samarbetsområde}
  many: {fi: yhteistyöalueet, sv: samarbetsområden}
  section: areas
  has_members: true
"""


def test_membership_periods_show_both_ways(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    regions = root / "content/regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8") + MEMBERS, encoding="utf-8")
    (root / "content/kinds.yaml").write_text(KINDS, encoding="utf-8")
    out = _built(root, tmp_path / "out")
    area = _text(_section(_main(out / "maakunnat/alue/index.html"), 'id="members-heading"'))
    assert area == "Jäsenet Lappi (15.10.2018 alkaen) Uusimaa"
    lappi = _text(_main(out / "maakunnat/lappi/index.html"))
    assert "Yhteistyöalue: Testialue (15.10.2018 alkaen)" in lappi
    assert "Yhteistyöalue: Testialue" in _text(_main(out / "maakunnat/uusimaa/index.html"))


# --- titles on a document's date -------------------------------------------------------

TITLES = """  titles:
    - title: {fi: ylitarkastaja, sv: överinspektör}
      organisation: {fi: Sosiaali- ja terveysministeriö, sv: Social- och hälsovårdsministeriet}
      valid_to: 2019-12-31
"""
NEWS = """---
title: Uusi tiedote
type: news
date: 2025-01-10
contacts: [antti-kuopila]
---

Teksti.
"""


def test_a_document_shows_the_title_held_on_its_date(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    people = root / "content/people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + TITLES, encoding="utf-8")
    (root / "content/tiedotteet/uusi.md").write_text(NEWS, encoding="utf-8")
    out = _built(root, tmp_path / "out")
    old = _text(_section(_main(out / "kierrokset/2018-syksy/uusimaa/index.html"), "contacts-h"))
    assert "Antti Kuopila, ylitarkastaja, Sosiaali- ja terveysministeriö" in old
    assert "erityisasiantuntija" not in old
    new = _text(_section(_main(out / "tiedotteet/uusi/index.html"), "contacts-h"))
    assert "Antti Kuopila, erityisasiantuntija, STM" in new
    # In the packet, as on the page.
    site = build_site(pipeline.check(root, pdf=False).content, BuildOptions())
    packet = next(p for p in plan_packets(site) if p.url == "/pdf/2018-syksy/uusimaa.pdf")
    contacts = packet_page(site, packet, "file:///x/").context["contacts"]
    assert [(c["title"], c["organisation"]) for c in contacts] == [
        ("ylitarkastaja", "Sosiaali- ja terveysministeriö")
    ]


# --- documents in Sámi -----------------------------------------------------------------


def test_a_sami_document_has_its_page_listed_on_the_fi_and_sv_pages(bundled: Path) -> None:
    page = (bundled / SAMI_PAGE).read_text(encoding="utf-8")
    assert '<html lang="se">' in page
    # The interface stays Finnish, and says so; the document's own words are North Sámi.
    assert '<header class="site-header" lang="fi"' in page
    assert '<footer class="site-footer" lang="fi"' in page
    assert '<p class="document-kind" lang="fi" data-pagefind-ignore>THL:n arvio · ' in page
    # The h1 carries the search title as written (data-title, issue 27).
    assert ">THL árvvoštallan: Lappi buresbirgejumiguovlu 2024 (ovdamearka)</h1>" in page
    assert '<span aria-current="true" lang="se">Davvisámegiella</span>' in page
    assert (
        '<link rel="canonical" href="https://soteneg.example.fi/'
        'kierrokset/2024-hva/lappi-hva/arvio/thl/se/">'
    ) in page
    sami_link = 'href="/kierrokset/2024-hva/lappi-hva/arvio/thl/se/" hreflang="se"'
    for rel, name in (
        ("kierrokset/2024-hva/lappi-hva/arvio/thl/index.html", "pohjoissaameksi"),
        ("sv/kierrokset/2024-hva/lappi-hva/arvio/thl/index.html", "på nordsamiska"),
        ("maakunnat/lappi-hva/index.html", "pohjoissaameksi"),
        ("sv/maakunnat/lappi-hva/index.html", "på nordsamiska"),
        ("kierrokset/2024-hva/index.html", "pohjoissaameksi"),
        ("sv/kierrokset/2024-hva/index.html", "på nordsamiska"),
    ):
        main = _main(bundled / rel)
        assert sami_link in main, rel
        assert name in main, rel
    alternate = (
        '<link rel="alternate" hreflang="se" '
        'href="https://soteneg.example.fi/kierrokset/2024-hva/lappi-hva/arvio/thl/se/">'
    )
    assert alternate in (bundled / "kierrokset/2024-hva/lappi-hva/arvio/thl/index.html").read_text()
    sitemap = (bundled / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://soteneg.example.fi/kierrokset/2024-hva/lappi-hva/arvio/thl/se/</loc>" in (
        sitemap
    )


SAMI_ORIGINAL = """---
title: Sámegiel šiehtadallan
type: negotiation
date: 2018-11-20
lang: se
region: lappi
round: 2018-syksy
---

## Bálvalusaid olámuttos {theme=saatavuus}

Bálvalusat leat olámuttos.

## Bálvalusaid oktiiordnen {theme=integraatio}

Oktiiordnen.
"""
SPRING = """---
title: Lappi, kevät 2018
type: negotiation
date: 2018-03-20
region: lappi
round: 2018-kevat
---

## Palvelujen saatavuus {theme=saatavuus}

Saatavuudesta keväällä.
"""
SPRING_ROUND = """- id: 2018-kevat
  name: {fi: Kevät 2018, sv: Våren 2018}
  kind: practice
  start: 2018-02-01
  end: 2018-03-31
  themes: [saatavuus]
"""


def test_a_sami_section_is_never_compared_with_another_language(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    rounds = root / "content/rounds.yaml"
    rounds.write_text(SPRING_ROUND + rounds.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "content/kierrokset/2018-kevat").mkdir()
    (root / "content/kierrokset/2018-kevat/lappi.md").write_text(SPRING, encoding="utf-8")
    (root / "content/kierrokset/2018-syksy/lappi.md").write_text(SAMI_ORIGINAL, encoding="utf-8")
    out = _built(root, tmp_path / "out")
    history = _text(_main(out / "teemat/saatavuus/lappi/index.html"))
    assert "Bálvalusat leat olámuttos." in history
    assert (
        "Ei verrattu edelliseen kierrokseen (edellinen kierros: Kevät 2018), koska siitä ei ole "
        "tekstiä pohjoissaameksi."
    ) in history
    assert "lisätty" not in history and "poistettu" not in history
    assert (out / "kierrokset/2018-syksy/lappi/se/index.html").is_file()
    # Its Finnish page says it is not in Finnish, and where it is.
    placeholder = _text(_main(out / "kierrokset/2018-syksy/lappi/index.html"))
    assert "Tätä sivua ei ole suomeksi. Alkuperäinen on pohjoissaameksi:" in placeholder


# --- addresses -------------------------------------------------------------------------

SAMI_VERSION = """---
title: Ovdamearka
type: negotiation
date: 2018-10-25
lang: se
translation_of: kierrokset/2018-syksy/lappi
region: lappi
round: 2018-syksy
---

Teaksta.
"""
PAGE = "---\ntitle: Sivu\ntype: page\ndate: 2018-11-01\n---\n\nTeksti.\n"


@pytest.mark.parametrize(
    ("name", "code", "expected"),
    [
        (
            "kierrokset/2018-syksy/lappi/se.md",
            "url-collision.documents",
            "this document and content/kierrokset/2018-syksy/lappi.se.md would both be "
            "published at /kierrokset/2018-syksy/lappi/se/",
        ),
        (
            "kierrokset/2018-syksy/lappi/se.pdf.md",
            "reserved-address",
            "this document would be published at /kierrokset/2018-syksy/lappi/se.pdf/, "
            "which needs a folder /kierrokset/2018-syksy/lappi/se.pdf, where the build "
            "writes the PDF of content/kierrokset/2018-syksy/lappi.se.md",
        ),
        (
            "kierrokset/2018-syksy/lappi/se/index.html.md",
            "url-collision.reserved",
            "which needs a folder /kierrokset/2018-syksy/lappi/se/index.html, where the "
            "build writes the page of content/kierrokset/2018-syksy/lappi.se.md",
        ),
    ],
)
def test_a_sami_versions_address_is_its_own(
    tmp_path: Path, name: str, code: str, expected: str
) -> None:
    root = project(tmp_path, MINIMAL)
    (root / "content/kierrokset/2018-syksy/lappi.se.md").write_text(SAMI_VERSION, "utf-8")
    clash = root / "content" / name
    clash.parent.mkdir(parents=True, exist_ok=True)
    clash.write_text(PAGE, encoding="utf-8")
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 1, result.stdout
    shown = code.split(".")[0]  # the variant is not part of the line
    lines = [line for line in result.stdout.splitlines() if f"error[{shown}]" in line]
    assert len(lines) == 1 and expected in lines[0], result.stdout
    assert build(root, tmp_path / "out").returncode == 1
    clash.unlink()
    assert run_cli("check", "--no-pdf", "--root", root).returncode == 0
