"""The negotiation document as it is kept (issue 25), as readers see it: the record's
facts, the meeting and its attendees by side, the numbered recommended actions and the
follow-up of earlier ones on the document's page; a unit's recommendations across rounds
and a round's by theme on pages of their own, in Finnish and Swedish; the links to them.
Built from the golden site, whose 2024 and 2025 rounds hold these documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.content.front_matter import Meeting
from soteneg.site import negotiation


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("negotiation")
    out = tmp / "out"
    result = build(project(tmp, GOLDEN_SITE), out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def page(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    """The words of a piece of HTML, tags dropped and spaces folded, as one reads them."""
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    return re.sub(r" ([:,.)])", r"\1", words)


def between(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_the_record_and_the_meeting_are_on_the_document_s_page(site: Path) -> None:
    html = page(site, "kierrokset/2024-hva/etela-savo-hva")
    facts = text(between(html, '<dl class="record-facts">', "</dl>"))
    assert facts == (
        "Asiakirjatyyppi Pöytäkirja Diaarinumero VN/10001/2024 Asiakirjan päiväys 15.5.2024 "
        "Osapuolet hyväksyivät tekstin 13.5.2024"
    )
    meeting = between(html, '<section class="meeting"', "</section>")
    assert '<h2 id="asiakirja_kokous">Neuvottelukokous</h2>' in meeting
    said = text(meeting)
    assert "Aika 23.4.2024 klo 9.00–12.30" in said
    assert "Paikka Mikkeli" in said
    # A person of people.yaml has the title held on the day of the meeting (until 2024).
    assert "Puheenjohtaja Maija Malli, neuvotteleva virkamies, Valtiovarainministeriö" in said
    assert "Sihteeri Sanna Sihteeri, erityisasiantuntija, Sosiaali- ja terveysministeriö" in said
    # Attendees by side, each side by name (a party's or the unit's), in the order written;
    # the organisation is said only where it is not the side's own.
    attendees = between(meeting, '<dl class="attendees">', "</dl>")
    sides = re.findall(r"<dt>([^<]+)</dt>", attendees)
    assert sides == [
        "Valtiovarainministeriö",
        "Sosiaali- ja terveysministeriö",
        "Sisäministeriö",
        "Aluehallintovirasto",
        "Etelä-Savon hyvinvointialue",
    ]
    said = text(attendees)
    assert "Valtiovarainministeriö Maija Malli, neuvotteleva virkamies Sosiaali-" in said
    assert "Olli Osa, johtaja (läsnä klo 10.30 asti)" in said
    assert "Pia Pelastus, pelastusylitarkastaja (läsnä klo 10.30 alkaen)" in said
    assert "Aino Arvio, ylitarkastaja, Itä-Suomen aluehallintovirasto (läsnä klo 10.30–11.45)" in (
        said
    )
    # The record comes before the text, the recommended actions after it.
    assert html.index("record-facts") < html.index('class="document-body"')
    assert html.index('class="document-body"') < html.index('class="recommendations"')


def test_an_assessment_shows_its_diary_number_and_date(site: Path) -> None:
    html = page(site, "kierrokset/2024-hva/etela-savo-hva/arvio/avi")
    facts = text(between(html, '<dl class="record-facts">', "</dl>"))
    assert facts == "Diaarinumero ISAVI/123/2024 Asiakirjan päiväys 10.4.2024"
    sv = page(site, "sv/kierrokset/2024-hva/etela-savo-hva/arvio/avi")
    assert "record-facts" not in sv  # a placeholder: the assessment is only in Finnish


def test_recommended_actions_are_numbered_with_theme_addressee_and_deadline(site: Path) -> None:
    html = page(site, "kierrokset/2024-hva/etela-savo-hva")
    section = between(html, '<section class="recommendations"', "</section>")
    assert '<h2 id="asiakirja_suositukset">Toimenpidesuositukset</h2>' in section
    items = re.findall(r'<li id="([^"]+)" value="(\d)">(.*?)</li>\n', section, re.S)
    assert [(anchor, n) for anchor, n, _ in items] == [
        ("suositus_es-2024-1", "1"),
        ("suositus_es-2024-2", "2"),
        ("suositus_es-2024-3", "3"),
    ]
    first, second, third = (text(body) for _, _, body in items)
    assert first == (
        "Hyvinvointialue julkaisee hoitoonpääsyn odotusajat kuukausittain. "
        "Teema Palvelujen saatavuus Määräaika 31.3.2025"
    )
    assert "Vastaanottaja aluehallitus" in second and "Määräaika" not in second
    assert "Teema Rahoitus" in third
    assert '<a href="/neuvottelut/teemat/saatavuus/">Palvelujen saatavuus</a>' in section
    assert '<time datetime="2025-06-30">30.6.2025</time>' in section
    link = '<a href="/neuvottelut/maakunnat/etela-savo-hva/suositukset/">'
    assert link + "Toimenpidesuositukset ja niiden seuranta</a>" in html


def test_the_next_round_follows_them_up_with_a_link_to_where_each_was_given(
    site: Path,
) -> None:
    html = page(site, "kierrokset/2025-hva/etela-savo-hva")
    facts = text(between(html, '<dl class="record-facts">', "</dl>"))
    assert facts.startswith("Asiakirjatyyppi Muistio Diaarinumero VN/10002/2025")
    meeting = text(between(html, '<section class="meeting"', "</section>"))
    assert "Paikka etäkokous" in meeting
    # The title held in 2025 is today's.
    assert "Puheenjohtaja Maija Malli, osastopäällikkö, Valtiovarainministeriö" in meeting
    follow = between(html, '<section class="follow-up"', "</section>")
    assert '<h2 id="asiakirja_seuranta">Aiempien toimenpidesuositusten seuranta</h2>' in follow
    assert (
        '<li id="seuranta_es-2024-1">\n      <h3><a href="/neuvottelut/kierrokset/2024-hva/'
        'etela-savo-hva/#suositus_es-2024-1">Suositus 1, Neuvottelut 2024</a></h3>'
    ) in follow
    said = text(follow)
    assert (
        "Suositus 2, Neuvottelut 2024 Hyvinvointialue selvittää liikkuvien palvelujen tarpeen "
        "harvaan asutuilla alueilla. Tila käynnissä Selitys Selvitys valmistuu keväällä."
    ) in said
    assert "Tila toteutettu" in said and "Tila luovuttu" in said
    # And its own recommendation after the follow-up.
    assert html.index('class="follow-up"') < html.index('class="recommendations"')


def test_a_translation_shows_its_own_words_and_its_original_s_meeting(site: Path) -> None:
    """Helsinki's Swedish version gives its recommendation in Swedish and leaves the
    meeting out: the page shows the original's, in Swedish words where they are the
    site's, and the Finnish free text marked as Finnish, after a plain notice."""
    html = page(site, "sv/kierrokset/2024-hva/helsinki")
    meeting = between(html, '<section class="meeting"', "</section>")
    assert (
        "Uppgifterna om mötet är hämtade från originaldokumentet; texterna där är på finska."
    ) in meeting
    assert "<dt>Tid</dt><dd><span>25.4.2024 kl. 13.00–14.30</span>" in meeting
    assert (
        '<dt>Plats</dt><dd><span lang="fi">Helsingin kaupungintalo</span> '
        '<span class="presence">(även på distans)</span>'
    ) in meeting
    assert "Maija Malli, konsultativ tjänsteman, Finansministeriet" in meeting
    assert (
        '<dd><span lang="fi">Heikki Helsinki, kansliapäällikkö</span> '
        '<span class="presence">(närvarande från kl. 13.30)</span></dd>'
    ) in meeting
    assert "<dt>Diarienummer</dt><dd>VN/10003/2024</dd>" in html
    section = between(html, '<section class="recommendations"', "</section>")
    assert '<h2 id="asiakirja_suositukset">Åtgärdsrekommendationer</h2>' in section
    assert (
        '<p class="recommendation-text">Staden särredovisar finansieringen av social- och '
        "hälsovården i sin budget.</p>"
    ) in section


def test_a_unit_s_recommendations_page_shows_the_chain_and_the_status(site: Path) -> None:
    html = page(site, "maakunnat/etela-savo-hva/suositukset")
    main = between(html, "<main", "</main>")
    headings = re.findall(r"<h2 [^>]*>([^<]+)</h2>", main)
    assert headings == ["Neuvottelut 2025", "Neuvottelut 2024"]  # newest first
    newest, older = main.split("Neuvottelut 2024</h2>")
    assert "Nykytila ei vielä seurattu" in text(newest)
    said = text(older)
    assert (
        "Hyvinvointialue julkaisee hoitoonpääsyn odotusajat kuukausittain. Teema Palvelujen "
        "saatavuus Määräaika 31.3.2025 Nykytila toteutettu Seuranta Neuvottelut 2025: "
        "toteutettu – Odotusajat julkaistaan kuukausittain."
    ) in said
    assert "Nykytila luovuttu" in said
    assert ('href="/neuvottelut/kierrokset/2025-hva/etela-savo-hva/#seuranta_es-2024-3"') in older
    assert (
        '<ol class="recommendation-list">' in main
        and '<li id="suositus_es-2024-3" value="3">' in main
    )
    crumbs = text(between(html, "<ol>", "</ol>"))
    assert crumbs == "Etusivu Alueet Etelä-Savon hyvinvointialue Toimenpidesuositukset"
    assert "<title>Toimenpidesuositukset: Etelä-Savon hyvinvointialue – " in html


def test_swedish_pages_show_swedish_where_it_exists_else_finnish_said_plainly(
    site: Path,
) -> None:
    helsinki = between(page(site, "sv/maakunnat/helsinki/suositukset"), "<main", "</main>")
    assert "Staden särredovisar finansieringen" in helsinki and "notice" not in helsinki
    assert "Nuläge inte uppföljd ännu" in text(helsinki)
    savo = between(page(site, "sv/maakunnat/etela-savo-hva/suositukset"), "<main", "</main>")
    assert (
        '<p class="notice notice-translation">Dokumentet finns inte på svenska; '
        "rekommendationerna visas på finska.</p>"
    ) in savo
    assert (
        '<p class="recommendation-text" lang="fi">Hyvinvointialue julkaisee hoitoonpääsyn '
        "odotusajat kuukausittain.</p>"
    ) in savo
    assert "Nuläge genomförd" in text(savo) and "Tidsfrist 31.3.2025" in text(savo)
    assert '<span lang="fi">Odotusajat julkaistaan kuukausittain.</span>' in savo
    assert '<h2 id="2024-hva-etela-savo-hva">Förhandlingarna 2024</h2>' in savo


def test_a_round_s_recommendations_are_grouped_by_theme_then_unit(site: Path) -> None:
    html = page(site, "kierrokset/2024-hva/suositukset")
    main = between(html, "<main", "</main>")
    sections = re.findall(r'<h2 id="theme-[^"]+">([^<]+)</h2>|<h3>([^<]+)</h3>', main)
    assert sections == [
        ("Palvelujen saatavuus", ""),
        ("", "Etelä-Savon hyvinvointialue"),
        ("Rahoitus", ""),
        ("", "Etelä-Savon hyvinvointialue"),
        ("", "Helsingin kaupunki"),
    ]
    # Each keeps its number in its own document; ids stay unique across units.
    assert '<li id="etela-savo-hva_suositus_es-2024-3" value="3">' in main
    assert '<li id="helsinki_suositus_hki-2024-1" value="1">' in main
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "Teema" not in text(main)  # the section says it
    assert "Nykytila luovuttu" in text(main)
    sv = between(page(site, "sv/kierrokset/2024-hva/suositukset"), "<main", "</main>")
    assert "Tillgång till tjänster</h2>" in sv and "Södra Savolax välfärdsområde</h3>" in sv


def test_units_and_rounds_link_their_recommendations_and_only_when_they_have_some(
    site: Path,
) -> None:
    unit = '<a href="/neuvottelut/maakunnat/etela-savo-hva/suositukset/">'
    assert unit in page(site, "maakunnat/etela-savo-hva")
    assert '<a href="/neuvottelut/sv/maakunnat/etela-savo-hva/suositukset/">' in page(
        site, "sv/maakunnat/etela-savo-hva"
    )
    assert '<a href="/neuvottelut/kierrokset/2024-hva/suositukset/">' in page(
        site, "kierrokset/2024-hva"
    )
    assert "suositukset" not in page(site, "maakunnat/uusimaa")
    assert "suositukset" not in page(site, "kierrokset/2018-syksy")
    assert not (site / "maakunnat/uusimaa/suositukset").exists()
    assert not (site / "kierrokset/2018-syksy/suositukset").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("maakunnat/etela-savo-hva/suositukset/", "sv/kierrokset/2025-hva/suositukset/"):
        assert f"<loc>https://golden.example.fi/neuvottelut/{path}</loc>" in sitemap


PREDECESSOR_RECOMMENDATION = """diary_number: VN/10000/2018
recommendations:
  - id: es-2018-1
    theme: saatavuus
    text: Maakunta kartoittaa palveluverkkonsa.
"""


def test_a_unit_s_page_carries_its_predecessor_s_recommendations(tmp_path: Path) -> None:
    """Etelä-Savo (2018) gave a recommendation that its county follows up in 2024: the
    county's page lists it under the predecessor's round, named, and the 2024 document
    links back to where it was given."""
    root = project(tmp_path, GOLDEN_SITE)
    old = root / "content/kierrokset/2018-syksy/etela-savo.md"
    front = old.read_text(encoding="utf-8").replace(
        "---\n", "---\n" + PREDECESSOR_RECOMMENDATION, 1
    )
    old.write_text(front, encoding="utf-8")
    new = root / "content/kierrokset/2024-hva/etela-savo-hva.md"
    new.write_text(
        new.read_text(encoding="utf-8").replace(
            "recommendations:",
            "follow_up:\n  - {id: es-2018-1, status: done}\nrecommendations:",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    main = between(page(out, "maakunnat/etela-savo-hva/suositukset"), "<main", "</main>")
    headings = re.findall(r"<h2 [^>]*>([^<]+)</h2>", main)
    assert headings == ["Neuvottelut 2025", "Neuvottelut 2024", "Syksy 2018: Etelä-Savo"]
    assert (
        "Maakunta kartoittaa palveluverkkonsa. Teema Palvelujen saatavuus Nykytila toteutettu"
        in (text(main))
    )
    follow = between(
        page(out, "kierrokset/2024-hva/etela-savo-hva"), 'class="follow-up"', "</section>"
    )
    assert (
        '<a href="/neuvottelut/kierrokset/2018-syksy/etela-savo/#suositus_es-2018-1">'
        "Suositus 1, Syksy 2018 (Etelä-Savo)</a>"
    ) in follow
    # The predecessor's own page has it too, followed up by its successor.
    assert "Nykytila toteutettu" in text(page(out, "maakunnat/etela-savo/suositukset"))


# --- pure parts ----------------------------------------------------------------------


def _meeting(start: str, end: str | None = None, **more: object) -> Meeting:
    return Meeting.model_validate({"start": start, "end": end, "place": "Mikkeli", **more})


@pytest.mark.parametrize(
    ("start", "end", "lang", "said"),
    [
        ("2024-11-12 09:00", "2024-11-12 12:00", "fi", "12.11.2024 klo 9.00–12.00"),
        ("2024-11-12 09:00", "2024-11-12 12:00", "sv", "12.11.2024 kl. 9.00–12.00"),
        (
            "2024-11-12 09:00",
            "2024-11-12 12:00",
            "en",
            "12 November 2024, 9.00–12.00 (Finnish time)",
        ),
        ("2024-11-12 09:00", None, "fi", "12.11.2024 klo 9.00"),
        (
            "2024-11-12 09:00",
            "2024-11-13 12:00",
            "fi",
            "12.11.2024 klo 9.00 – 13.11.2024 klo 12.00",
        ),
        # Written in UTC: said in Finnish time (winter +2, summer +3).
        ("2024-11-12 07:00+00:00", "2024-11-12 10:15+00:00", "fi", "12.11.2024 klo 9.00–12.15"),
        ("2024-06-12 22:30+00:00", None, "sv", "13.6.2024 kl. 1.30"),
    ],
)
def test_a_meeting_s_time_is_said_in_finnish_time(
    start: str, end: str | None, lang: str, said: str
) -> None:
    assert negotiation.meeting_time(_meeting(start, end), lang) == said


def test_a_site_gathers_its_rounds_recommendations_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page's plan asks whether its round has a page of recommendations: asked
    again, the answer comes from what the site gathered, not from going over every
    unit's documents once more (that made planning quadratic in the documents)."""
    from soteneg import pipeline
    from soteneg.site import recommendations as recs
    from soteneg.site.index import BuildOptions, build_site

    checked = pipeline.check(GOLDEN_SITE, pdf=False)
    site = build_site(checked.content, BuildOptions())
    read: list[str] = []
    negotiation_of = recs._negotiation

    def counted(doc):  # type: ignore[no-untyped-def]
        read.append(doc.id)
        return negotiation_of(doc)

    monkeypatch.setattr(recs, "_negotiation", counted)
    first = {r: recs.has_round_page(site, r) for r in site.data.rounds}
    assert any(first.values()) and read
    read.clear()
    again = {r: recs.has_round_page(site, r) for r in site.data.rounds}
    assert again == first
    assert read == []
