"""The comparison of two rounds as the theme page shows it (issue 27): a table stays a
table with its changed cells marked, a rewritten paragraph is shown whole beside its
replacement and not as word fragments, unchanged blocks fold away with their count,
texts of two units or texts that differ almost wholly are set side by side unmarked,
and the page links to each comparison on it. Built end to end through the command
line from a copy of the golden site. Any two rounds: tests/test_compare_pairs.py."""

from __future__ import annotations

import re
from pathlib import Path

from test_site import GOLDEN_SITE, build, project

_KEVAT = """
## Palvelujen saatavuus {theme=saatavuus}

Palvelut ovat saatavilla kaikkialla maakunnassa, ja jonot ovat keväällä lyhyitä kaikissa kunnissa.

Ensimmäinen pysyvä kappale kertoo palveluverkon rakenteesta.

Toinen pysyvä kappale kertoo henkilöstön saatavuudesta.

Kolmas pysyvä kappale kertoo seurannasta.

| Palvelu | Tila |
| --- | --- |
| Perusterveydenhuolto | Jonot ovat lyhyitä |
| Suun terveydenhuolto | Jonot ovat pitkiä |
"""

_SYKSY = """
## Palvelujen saatavuus {theme=saatavuus}

Syksyllä arvioidaan uudelleen, miten lähetteet käsitellään ja kuka niistä päättää.

Ensimmäinen pysyvä kappale kertoo palveluverkon rakenteesta.

Toinen pysyvä kappale kertoo henkilöstön saatavuudesta.

Kolmas pysyvä kappale kertoo seurannasta.

| Palvelu | Tila |
| --- | --- |
| Perusterveydenhuolto | Jonot ovat lyhyitä |
| Suun terveydenhuolto | Jonot ovat lyhentyneet |
| Kotihoito | Uusi palvelu |
"""


def _with_section(path: Path, section: str) -> None:
    """The document with its saatavuus section replaced by `section`."""
    text = path.read_text(encoding="utf-8")
    start = text.rindex("\n## ", 0, text.index("{theme=saatavuus}")) + 1
    end = text.find("\n## ", start + 1)
    rest = text[end:] if end != -1 else "\n"
    path.write_text(text[:start] + section.lstrip("\n") + rest, encoding="utf-8")


def _comparison(html: str, anchor: str) -> str:
    start = html.index(f'<section class="cmp" id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_a_table_stays_a_table_and_a_rewrite_is_not_fragments(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    rounds = root / "content/kierrokset"
    _with_section(rounds / "2018-kevat/uusimaa.md", _KEVAT)
    _with_section(rounds / "2018-syksy/uusimaa.md", _SYKSY)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    page = (out / "teemat/saatavuus/uusimaa/index.html").read_text(encoding="utf-8")
    found = _comparison(page, "cmp-2018-syksy")
    # The page's chooser links to the later round's entry, which holds the comparison,
    # without JavaScript (tests/test_compare_pairs.py: the chooser).
    assert (
        '<a href="/neuvottelut/teemat/saatavuus/uusimaa/#r-2018-syksy">Syksy 2018'
        '<span class="visually-hidden"> Kevät 2018 ja Syksy 2018</span></a>'
    ) in page
    assert "1 kappale lisättiin, 1 kappale poistettiin, 1 taulukon rivi muuttui, " in found
    assert "1 taulukon rivi lisättiin." in found
    # The table twice: for wide screens the two rounds' cells side by side in one row,
    # the changed cell marked; for phones in one, both marks in the cell.
    assert found.count("<table>") == 2
    wide = re.search(
        r'<tr class="cmp-changed"><td>Suun terveydenhuolto</td><td>(.*?)</td>'
        r'<td class="cmp-split">Suun terveydenhuolto</td><td>(.*?)</td></tr>',
        found,
    )
    assert wide is not None
    assert re.fullmatch(r"Jonot ovat <del>.*pitkiä.*</del>", wide.group(1))
    assert re.fullmatch(r"Jonot ovat <ins>.*lyhentyneet.*</ins>", wide.group(2))
    assert '<td colspan="2" class="cmp-gap"></td><td class="cmp-split"><ins>' in found
    assert re.search(
        r"<td>Jonot ovat <del>.*?pitkiä.*?</del> <ins>.*?lyhentyneet.*?</ins></td>", found
    )
    # The rewritten paragraph: removed whole beside the one that replaced it, no word of
    # it kept ("ja", "kuka") as a chance match.
    replaced = re.search(r'<div class="cmp-row cmp-replaced">(.*?)</div></div>', found, re.S)
    assert replaced is not None
    before, after = replaced.group(1).split('<div class="cmp-after">')
    assert before.count("<del>") == 1 and "<ins>" not in before
    assert after.count("<ins>") == 1 and "<del>" not in after
    # The three unchanged paragraphs fold away behind their count.
    assert '<details class="cmp-fold"><summary>3 muuttumatonta kohtaa</summary>' in found
    assert "<ins>" not in found.split("<details")[1].split("</details>")[0]
    # The legend names the marks this comparison has: folds, no moves.
    assert "muuttumattomat kohdat on koottu avattaviksi" in found
    assert "siirretty kohta" not in found
    # Marks carry words for screen readers, not only colour.
    assert '<del><span class="visually-hidden">[poistettu: </span>' in found
    sv = (out / "sv/teemat/saatavuus/uusimaa/index.html").read_text(encoding="utf-8")
    # Swedish: the autumn text is Swedish, spring's only Finnish: not compared, said so.
    assert 'class="cmp" id="cmp-2018-syksy"' not in sv


def test_two_units_texts_are_set_side_by_side_unmarked(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    page = (out / "teemat/saatavuus/helsinki/index.html").read_text(encoding="utf-8")
    found = _comparison(page, "cmp-2024-hva")
    assert "Edeltäjän teksti on toisen toimijan kirjoittama, joten muutoksia ei merkitä." in found
    assert '<a href="#r-2018-syksy-uusimaa">Aiempi teksti: Syksy 2018</a>' in found
    assert "<del>" not in found and "<ins>" not in found
    assert '<div class="cmp-row cmp-whole">' in found and '<div lang="fi"><p>' in found
    # The oldest round says plainly why nothing is compared, in a sentence.
    assert (
        '<p class="cmp-note">Teema on mukana ensimmäistä kertaa tällä kierroksella, joten '
        "aiempaa tekstiä ei ole verrattavaksi.</p>"
    ) in page
    sv = (out / "sv/teemat/saatavuus/helsinki/index.html").read_text(encoding="utf-8")
    assert "Temat är med för första gången i den här omgången" in sv


_KEVAT_SV = """---
title: Nyland, våren 2018
type: negotiation
date: 2018-02-14
lang: sv
region: uusimaa
round: 2018-kevat
translation_of: kierrokset/2018-kevat/uusimaa
example: true
---

## Tillgång till tjänster {theme=saatavuus}

Tjänsterna finns överallt.

| Tjänst | Läge |
| --- | --- |
| Mun- och tandvård | Köerna är långa |
"""

_SYKSY_SV_SECTION = """## Tillgång till tjänster {theme=saatavuus}

Tjänsterna finns nästan överallt.

| Tjänst | Läge |
| --- | --- |
| Mun- och tandvård | Köerna är kortare |
"""


def test_a_swedish_page_marks_swedish_text(tmp_path: Path) -> None:
    """Both rounds in Swedish: the Swedish page compares the Swedish texts, in Swedish
    words for the summary, the marks and the side names."""
    root = project(tmp_path, GOLDEN_SITE)
    rounds = root / "content/kierrokset"
    (rounds / "2018-kevat/uusimaa.sv.md").write_text(_KEVAT_SV, encoding="utf-8")
    _with_section(rounds / "2018-syksy/uusimaa.sv.md", _SYKSY_SV_SECTION)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    page = (out / "sv/teemat/saatavuus/uusimaa/index.html").read_text(encoding="utf-8")
    found = _comparison(page, "cmp-2018-syksy")
    assert "1 stycke ändrades, 1 tabellrad ändrades." in found
    assert '<span class="visually-hidden">[tillagt: </span>nästan' in found
    assert 'Köerna är <del><span class="visually-hidden">[borttaget: </span>långa' in found
    assert '<span class="cmp-side visually-hidden">Våren 2018</span>' in found
    assert "Markeringar: <del>borttagen text</del>, <ins>tillagd text</ins>.</p>" in found
    assert 'lang="fi"' not in found
