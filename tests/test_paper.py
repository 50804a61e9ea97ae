"""The bundled packets as officials print them (issue 28): no paper wasted on a page that
holds a line or two, a short contents on the cover's page, contacts after the last
document, the meeting's facts on the cover. Read with poppler's pdftotext, as on paper."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, bundled_copy
from pypdf import PdfReader
from test_site import build

if not shutil.which("pdftotext"):
    if os.environ.get("CI"):
        raise RuntimeError("poppler-utils (pdftotext) is required in CI")
    pytest.skip("poppler-utils is not installed", allow_module_level=True)

# The fewest lines of text a page may hold, running header and page number included,
# unless it is its PDF's last page.
FEWEST_LINES = 5


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled project built once with its PDFs."""
    tmp = tmp_path_factory.mktemp("paper")
    out = tmp / "out"
    result = build(bundled_copy(tmp), out, "--jobs", "2", pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def page_text(pdf: Path, page: int | None = None, layout: bool = True) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), *pages]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def lines(pdf: Path, page: int) -> list[str]:
    return [row.strip() for row in page_text(pdf, page).splitlines() if row.strip()]


def every_page(pdf: Path) -> list[list[str]]:
    """The lines of text of each page, from one run of pdftotext (pages end in a form feed)."""
    pages = page_text(pdf).split("\f")[:-1]
    return [[row.strip() for row in page.splitlines() if row.strip()] for page in pages]


def packets(out: Path) -> list[Path]:
    return sorted([*out.glob("pdf/**/*.pdf"), *out.glob("sv/pdf/**/*.pdf")])


def test_no_page_but_the_last_holds_four_lines_or_fewer(bundled: Path) -> None:
    """Every bundled PDF, packets and documents alike: a page with a lone heading, a
    document's last line or a one-line contents is paper wasted."""
    pdfs = sorted(bundled.rglob("*.pdf"))
    assert len(packets(bundled)) >= 20
    short = []
    for pdf in pdfs:
        pages = every_page(pdf)
        total = len(pages)
        assert total == len(PdfReader(pdf).pages)
        for number, found in enumerate(pages[:-1], start=1):
            if len(found) < FEWEST_LINES:
                short.append(f"{pdf.relative_to(bundled)} page {number}/{total}: {found}")
    assert not short, "\n".join(short)


def test_a_short_contents_shares_the_cover_page(bundled: Path) -> None:
    for pdf in packets(bundled):
        first = every_page(pdf)[0]
        assert first[0] in ("Sosiaali- ja terveysministeriö", "Social- och hälsovårdsministeriet")
        assert "Sisällys" in first or "Innehåll" in first, pdf


def test_contacts_follow_the_last_document_on_its_page(bundled: Path) -> None:
    pdf = bundled / "pdf/2018-syksy/uusimaa.pdf"
    total = len(PdfReader(pdf).pages)
    last = page_text(pdf, total, layout=False)
    assert "Lisätietoja" in last and "Aineiston jatkokäyttö" in last


def test_the_2024_packets_show_the_meeting_on_the_cover(bundled: Path) -> None:
    """The unit, the round, when and where, the chair, who attended by side, the record's
    diary number and date, the packet's version and date: on page 1, before the contents."""
    cover = " ".join(every_page(bundled / "pdf/2024-hva/paijat-hame-hva.pdf")[0])
    cover = " ".join(cover.split()).split("Sisällys")[0]
    for words in (
        "Päijät-Hämeen hyvinvointialue Päijänne-Tavastlands välfärdsområde",
        "Hyvinvointialueneuvottelut 2024 · lakisääteinen neuvottelu",
        "Neuvottelu 12.11.2024 klo 9.00–12.00, Valtioneuvoston neuvottelutila, Helsinki",
        "Puheenjohtaja Maija Esimerkki, neuvotteleva virkamies, valtiovarainministeriö",
        "Diaarinumero VN/99999/2024, 5.12.2024",
        "Läsnä Valtiovarainministeriö Maija Esimerkki, neuvotteleva virkamies",
        "Sisäministeriö Ville Kuvitteellinen, pelastusylitarkastaja (läsnä klo 10.30 alkaen)",
        "Päivätty 5.12.2024",
    ):
        assert words in cover, words
    assert re.search(r"Aineiston versio [0-9a-f]{8} ", cover)
    # Every 2024 packet: its unit, round and version; the meeting where its record has one
    # (of the bundled 2024 documents, only Päijät-Häme's records its meeting).
    for pdf in sorted(bundled.glob("pdf/2024-hva/*.pdf")):
        first = " ".join(" ".join(every_page(pdf)[0]).split()).split("Sisällys")[0]
        assert "Hyvinvointialueneuvottelut 2024" in first and "Aineiston versio" in first, pdf
        source = REPO / "content/kierrokset/2024-hva" / f"{pdf.stem}.md"
        if "\nmeeting:" in source.read_text(encoding="utf-8"):
            assert "Neuvottelu " in first and "Läsnä" in first, pdf


def test_the_cover_says_what_the_packet_lacks_in_its_language(bundled: Path) -> None:
    finnish = " ".join(every_page(bundled / "pdf/2024-hva/ita-uusimaa-hva.pdf")[0])
    assert "Aineistosta puuttuu" in finnish
    assert "Itä-Uudenmaan hyvinvointialue – neuvottelu 2024: versio ruotsiksi" in finnish
    assert "Itä-Uudenmaan hyvinvointialue: asiantuntija-arvio" in finnish
    swedish = " ".join(every_page(bundled / "sv/pdf/2024-hva.pdf")[0])
    assert "I materialet saknas" in swedish
    assert "Östra Nylands välfärdsområde: sakkunnigbedömning" in swedish
    whole = " ".join(every_page(bundled / "pdf/2024-hva/paijat-hame-hva.pdf")[0])
    assert "puuttuu" not in whole  # in Finnish, with an assessment: nothing lacking


def test_the_version_changes_with_a_document_and_only_then(tmp_path: Path) -> None:
    """Pure: the version is a hash of the packet's documents, not of the clock."""
    from soteneg.packets import cover
    from soteneg.packets.plan import plan_packets
    from soteneg.pipeline import check
    from soteneg.site.index import BuildOptions, build_site

    root = bundled_copy(tmp_path)
    site = build_site(check(root).content, BuildOptions())
    packet = next(p for p in plan_packets(site) if p.url == "/pdf/2024-hva/paijat-hame-hva.pdf")
    first = cover.version(site, packet.documents)
    assert first == cover.version(build_site(check(root).content, BuildOptions()), packet.documents)
    doc = root / "content/kierrokset/2024-hva/paijat-hame-hva.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nYksi lause lisää.\n", encoding="utf-8")
    again = build_site(check(root).content, BuildOptions())
    changed = next(p for p in plan_packets(again) if p.url == packet.url)
    assert cover.version(again, changed.documents) != first


def _contents(pdf: Path) -> list[str]:
    """The titles of a packet's contents, from the cover's page."""
    text = page_text(pdf, 1).split("Sisällys")[-1].split("Innehåll")[-1]
    return [t.strip() for t in re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*\d+\s*$", text, flags=re.M)]


def test_a_round_packet_is_in_packet_order_sorted_by_the_titles_it_shows(bundled: Path) -> None:
    """Kind by kind (negotiation documents, assessments, the summary), and within a kind by
    the titles printed, in the packet's language: the Swedish packet shows the Finnish
    originals' titles where there is no Swedish version, and sorts by them."""
    from soteneg.site.index import collate

    swedish = _contents(bundled / "sv/pdf/2018-syksy.pdf")
    assert swedish == [
        "Lappi – harjoitusneuvottelu, syksy 2018",
        "Norra Savolax – övningsförhandling, hösten 2018",
        "Nyland – övningsförhandling, hösten 2018",
        "Pirkanmaa – harjoitusneuvottelu, syksy 2018",
        "THL:n arvio: Uusimaa, syksy 2018",
        "Syksyn 2018 harjoitusneuvottelujen yhteenveto",
        "Ytterligare information",
    ]
    finnish = _contents(bundled / "pdf/2024-hva.pdf")
    negotiations = [t for t in finnish if "neuvottelu 2024" in t or ", 2024" in t]
    assert negotiations == sorted(negotiations, key=collate)
    assert finnish.index(negotiations[-1]) < finnish.index(
        "Aluehallintoviraston arvio pelastustoimesta: Päijät-Häme 2024"
    )
