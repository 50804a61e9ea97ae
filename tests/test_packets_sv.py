"""Packets in every language that has content (issue 18): a Swedish packet exists for a
region and round when at least one of its documents is in Swedish; it speaks Swedish on
its cover, contents, running headers, page numbers and contacts; a document without a
Swedish version is printed in its Finnish original after a Swedish note, tagged /Lang fi
in the PDF's structure tree. Without Swedish content, Swedish pages link to the Finnish
packet and say it is in Finnish."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from test_site import GOLDEN_SITE, build, project

if not shutil.which("pdftotext"):
    pytest.skip("poppler-utils is not installed", allow_module_level=True)

SV_PACKET = "sv/pdf/2018-syksy/uusimaa.pdf"
SV_DOC = "content/kierrokset/2018-syksy/uusimaa.sv.md"
NOTE = "Dokumentet finns inte på svenska. Nedan följer originalet på finska."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The golden site printed, its Swedish negotiation document naming a contact."""
    tmp = tmp_path_factory.mktemp("sv")
    root = project(tmp, GOLDEN_SITE)
    doc = root / SV_DOC
    doc.write_text(
        doc.read_text(encoding="utf-8").replace(
            "example: true\n", "example: true\ncontacts: [testi-henkilo]\n"
        ),
        encoding="utf-8",
    )
    out = tmp / "out"
    result = build(root, out, "--jobs", "2", pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, out


def text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def languages(pdf: Path) -> list[tuple[str, str]]:
    """(structure type, /Lang) of every structure element that names a language."""
    found: list[tuple[str, str]] = []
    stack: list[Any] = [PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if not hasattr(node, "get"):
            continue
        if "/Lang" in node:
            found.append((str(node.get("/S")), str(node["/Lang"])))
        kids = node.get("/K")
        kids = kids.get_object() if kids is not None else None
        stack += list(kids) if isinstance(kids, list) else [kids] if kids is not None else []
    return found


def test_swedish_packets_exist_where_there_is_swedish_content(site: tuple[Path, Path]) -> None:
    _, out = site
    for path in (SV_PACKET, "sv/pdf/2018-syksy.pdf", "sv/pdf/2024-hva/helsinki.pdf"):
        assert (out / path).is_file(), path
    assert (out / "sv/pdf/2024-hva.pdf").is_file()
    # No Swedish document: no Swedish packet, of the region or of the round.
    for path in ("sv/pdf/2018-syksy/etela-savo.pdf", "sv/pdf/2018-kevat/uusimaa.pdf"):
        assert not (out / path).exists(), path
    assert not (out / "sv/pdf/2018-kevat.pdf").exists()
    assert not (out / "en/pdf").exists()  # the golden site has no English
    # The Finnish packets are where they were.
    assert (out / "pdf/2018-syksy/uusimaa.pdf").is_file() and (out / "pdf/2018-kevat.pdf").is_file()


def test_swedish_packet_speaks_swedish(site: tuple[Path, Path]) -> None:
    _, out = site
    pdf = out / SV_PACKET
    cover = text(pdf, 1)
    for words in ("Social- och hälsovårdsministeriet", "Förhandlingsmaterial", "Nyland"):
        assert words in cover
    assert "Hösten 2018 · övningsförhandling" in cover and "Förhandlingsparter" in cover
    assert cover.index("Nyland") < cover.index("Uusimaa")  # Swedish name first
    contents = text(pdf, 1)  # beside the cover (issue 28)
    assert "Innehåll" in contents
    for title in (
        "Nyland, hösten 2018",
        "THL:n arvio: Uusimaa, syksy 2018",
        "Ytterligare information",
    ):
        assert title in contents
    pages = len(PdfReader(pdf).pages)
    for number in range(2, pages + 1):
        assert f"{number} ({pages})" in text(pdf, number)
    assert "Nyland · Hösten 2018" in text(pdf, 3)  # the running header
    contacts = text(pdf, pages)
    assert "Ytterligare information" in contacts and "Testi Henkilö" in contacts
    assert "specialsakkunnig" in contacts and "Medlem i testgruppen" in contacts
    assert "tfn 0295 163 000" in contacts


def test_a_document_without_swedish_is_printed_in_finnish_and_tagged_so(
    site: tuple[Path, Path],
) -> None:
    _, out = site
    pdf = out / SV_PACKET
    whole = text(pdf)
    assessment = whole.index("THL:n arvio: Uusimaa, syksy 2018", whole.index("Innehåll") + 200)
    # The kind, in Swedish: the golden site's assessment names no issuer (issue 25), so
    # the generic word, not "THL:s bedömning".
    assert "Bedömning" in whole[:assessment]
    after = whole[assessment:]
    assert after.index(NOTE) < after.index("Palvelujen saatavuus")
    assert whole.count(NOTE) == 2  # the assessment and the round's summary
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "sv"
    tagged = languages(pdf)
    assert ("/H1", "fi") in tagged and ("/Div", "fi") in tagged
    assert {lang for _, lang in tagged} == {"fi"}
    # A Finnish packet names another language only for the region's Swedish name.
    assert languages(out / "pdf/2018-syksy/etela-savo.pdf") == [("/Span", "sv")]


def test_swedish_pages_link_to_the_swedish_packet_or_say_it_is_finnish(
    site: tuple[Path, Path],
) -> None:
    _, out = site
    page = (out / "sv/kierrokset/2018-syksy/uusimaa/index.html").read_text(encoding="utf-8")
    assert 'href="/neuvottelut/sv/pdf/2018-syksy/uusimaa.pdf"' in page
    round_page = (out / "sv/kierrokset/2018-syksy/index.html").read_text(encoding="utf-8")
    assert 'href="/neuvottelut/sv/pdf/2018-syksy.pdf"' in round_page
    row = re.search(r'<tr data-region="etela-savo">.*?</tr>', round_page, re.S)
    assert row is not None
    assert (
        'href="/neuvottelut/pdf/2018-syksy/etela-savo.pdf" type="application/pdf" hreflang="fi"'
        in row[0]
    )
    assert "(på finska)" in row[0]
    spring = (out / "sv/kierrokset/2018-kevat/index.html").read_text(encoding="utf-8")
    assert re.search(
        r'href="/neuvottelut/pdf/2018-kevat.pdf" type="application/pdf" hreflang="fi">'
        r"Omgångens hela förhandlingsmaterial \(PDF\)</a> "
        r'<span class="lang-note">\(på finska\)</span>',
        spring,
    )
    region = (out / "sv/maakunnat/etela-savo/index.html").read_text(encoding="utf-8")
    assert 'href="/neuvottelut/pdf/2018-syksy/etela-savo.pdf"' in region and "(på finska)" in region
    # Finnish pages keep their links.
    finnish = (out / "kierrokset/2018-syksy/uusimaa/index.html").read_text(encoding="utf-8")
    assert 'href="/neuvottelut/pdf/2018-syksy/uusimaa.pdf"' in finnish
    assert "på finska" not in finnish and 'hreflang="fi" type' not in finnish


def test_an_edited_swedish_document_reprints_only_the_packets_that_hold_it(
    site: tuple[Path, Path],
) -> None:
    root, out = site
    before = {p: (out / p).read_bytes() for p in ("pdf/2018-syksy/uusimaa.pdf", SV_PACKET)}
    again = build(root, out, pdf=True)
    assert "nothing changed" in again.stdout, again.stdout
    doc = root / SV_DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\nMer pengar.\n", encoding="utf-8")
    edited = build(root, out, pdf=True)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    # The region's Swedish packet, the round's and the document's own PDF.
    assert "PDFs: 3 printed" in edited.stdout, edited.stdout
    assert (out / "pdf/2018-syksy/uusimaa.pdf").read_bytes() == before["pdf/2018-syksy/uusimaa.pdf"]
    assert (out / SV_PACKET).read_bytes() != before[SV_PACKET]
    assert "Mer pengar." in text(out / SV_PACKET)
