"""Negotiation packets and document PDFs, checked as officials and their readers see them:
pypdf for structure and metadata, poppler's pdftotext and pdffonts for text and fonts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import MINIMAL, TESTS, UPDATE_GOLDEN
from pypdf import PdfReader
from test_pdf_tags import _elements, _marked, _parent_tree
from test_site import GOLDEN_SITE, build, project

from soteneg.build.output import cache_dir
from soteneg.packets.pdf import PROJECT_URI, ProjectFetcher, RefusedFetch

POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
if not POPPLER:
    if os.environ.get("CI"):
        raise RuntimeError("poppler-utils (pdftotext, pdffonts) is required in CI")
    pytest.skip("poppler-utils is not installed", allow_module_level=True)

PACKET = "pdf/2018-syksy/uusimaa.pdf"
EXPECTED_TEXT = TESTS / "golden" / "packet-2018-syksy-uusimaa.txt"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden site built once with its PDFs (printing is the slow part)."""
    tmp = tmp_path_factory.mktemp("pdf")
    root = project(tmp, GOLDEN_SITE)
    out = tmp / "out"
    result = build(root, out, "--jobs", "2", pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pdftotext(path: Path, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_every_packet_and_document_pdf_exists(printed: Path) -> None:
    assert (printed / PACKET).is_file()
    assert (printed / "pdf/2018-kevat/uusimaa.pdf").is_file()
    assert (printed / "pdf/2018-syksy/etela-savo.pdf").is_file()
    assert (printed / "pdf/2018-syksy.pdf").is_file() and (printed / "pdf/2018-kevat.pdf").is_file()
    assert (printed / "kierrokset/2018-syksy/uusimaa.pdf").is_file()
    assert (printed / "sv/kierrokset/2018-syksy/uusimaa.pdf").is_file()
    assert (printed / "sivut/taulukko.pdf").is_file()
    assert not (printed / "pdf/2018-kevat/etela-savo.pdf").exists()  # no document there
    page = (printed / "kierrokset/2018-syksy/uusimaa/index.html").read_text()
    assert 'href="/neuvottelut/kierrokset/2018-syksy/uusimaa.pdf"' in page
    assert 'href="/neuvottelut/pdf/2018-syksy/uusimaa.pdf"' in page
    round_page = (printed / "kierrokset/2018-syksy/index.html").read_text()
    assert 'href="/neuvottelut/pdf/2018-syksy.pdf"' in round_page


def test_packet_text_matches_expected(printed: Path) -> None:
    text = pdftotext(printed / PACKET)
    if UPDATE_GOLDEN:
        EXPECTED_TEXT.write_text(text, encoding="utf-8")
    assert text == EXPECTED_TEXT.read_text(encoding="utf-8")


def test_cover_and_order_follow_site_yaml(printed: Path) -> None:
    cover = pdftotext(printed / PACKET, page=1)
    for line in (
        "Sosiaali- ja terveysministeriö",
        "Neuvotteluaineisto",
        "Uusimaa",
        "Nyland",
        "Syksy 2018",
        "1.10.2018–30.11.2018",
    ):
        assert line in cover
    text = pdftotext(printed / PACKET)
    order = [
        text.index(t)
        for t in (
            "Uusimaa, syksy 2018\n15.10.2018",
            "THL:n arvio: Uusimaa, syksy 2018\n5.10.2018",
            "Syksyn 2018 yhteenveto\n14.12.2018",
            "Testi Henkilö",
        )
    ]
    assert order == sorted(order)


def test_cover_names_the_kind_of_round_and_its_parties(printed: Path) -> None:
    """Issue 17: a statutory round's packet says so, and who negotiated: the ministries
    of the round, then the county (Helsinki, one of the units Uusimaa was split into)."""
    cover = pdftotext(printed / "pdf/2024-hva/helsinki.pdf", page=1)
    lines = [line.strip() for line in cover.splitlines() if line.strip()]
    assert "Neuvottelut 2024 · lakisääteinen neuvottelu" in lines
    # On one line, beside its label, so that the contents fit on the cover (issue 28).
    assert (
        "Neuvotteluosapuolet Sosiaali- ja terveysministeriö · Valtiovarainministeriö · "
        "Sisäministeriö · Helsingin kaupunki"
    ) in " ".join(lines)
    whole_round = " ".join(pdftotext(printed / "pdf/2024-hva.pdf", page=1).split())
    assert (
        "Sosiaali- ja terveysministeriö · Valtiovarainministeriö · Sisäministeriö " in whole_round
    )
    assert "Helsingin kaupunki" not in whole_round.split("Aineiston versio")[0]
    # Uusimaa ended before the round: it has no packet in it.
    assert not (printed / "pdf/2024-hva/uusimaa.pdf").exists()


def test_a_unit_s_packet_names_its_meeting_and_prints_its_record(printed: Path) -> None:
    """Issue 25: the cover says when and where the negotiation met, who chaired (with the
    title of that day), and the record's diary number and date; the chapter prints the
    record, the meeting with its attendees and the numbered recommended actions."""
    packet = printed / "pdf/2024-hva/etela-savo-hva.pdf"
    cover = pdftotext(packet, page=1, layout=True)
    lines = [re.sub(r"\s{2,}", " ", line.strip()) for line in cover.splitlines() if line.strip()]
    assert "Neuvottelu 23.4.2024 klo 9.00–12.30, Mikkeli" in lines
    assert "Puheenjohtaja Maija Malli, neuvotteleva virkamies, Valtiovarainministeriö" in lines
    assert "Diaarinumero VN/10001/2024, 15.5.2024" in lines
    text = re.sub(r"[ \t]+", " ", pdftotext(packet, layout=True))
    for said in (
        "Asiakirjatyyppi Pöytäkirja",
        "Osapuolet",
        "Neuvottelukokous",
        "Aluehallintovirasto",
        "Olli Osa, johtaja (läsnä klo 10.30 asti)",
        "Toimenpidesuositukset",
        "1. Hyvinvointialue julkaisee hoitoonpääsyn odotusajat kuukausittain.",
        "Vastaanottaja aluehallitus",
    ):
        assert said in text, said
    # The next round's document prints the follow-up, status in words.
    follow = re.sub(
        r"[ \t]+", " ", pdftotext(printed / "pdf/2025-hva/etela-savo-hva.pdf", layout=True)
    )
    assert "Aiempien toimenpidesuositusten seuranta" in follow
    assert "Suositus 3, Neuvottelut 2024" in follow and "Tila luovuttu" in follow
    # In Swedish, with the Finnish original's place as it was written.
    sv = pdftotext(printed / "sv/pdf/2024-hva/helsinki.pdf", page=1, layout=True)
    sv_lines = [re.sub(r"\s{2,}", " ", line.strip()) for line in sv.splitlines() if line.strip()]
    assert (
        "Förhandling 25.4.2024 kl. 13.00–14.30, Helsingin kaupungintalo (även på distans)"
    ) in sv_lines
    assert "Diarienummer VN/10003/2024, 20.5.2024" in sv_lines


def test_table_of_contents_page_numbers_are_where_the_chapters_are(printed: Path) -> None:
    toc = pdftotext(printed / PACKET, page=1, layout=True)  # beside the cover (issue 28)
    entries = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", toc, flags=re.M)
    assert [title for title, _ in entries] == [
        "Uusimaa, syksy 2018",
        "Uudenmaan oma raportti",
        "THL:n arvio: Uusimaa, syksy 2018",
        "Syksyn 2018 yhteenveto",
        "Lisätietoja",
    ]
    for title, number in entries:
        page = pdftotext(printed / PACKET, page=int(number))
        # Documents begin a page; contacts follow the last one on its page.
        top = page.splitlines()[:8] if title != "Lisätietoja" else page.splitlines()
        assert any(title in line for line in top), f"{title} is not at the top of page {number}"


def test_running_header_and_page_x_of_y(printed: Path) -> None:
    """Page numbers as official documents write them (issue 30): "3 (12)", top right."""
    reader = PdfReader(printed / PACKET)
    total = len(reader.pages)
    third = pdftotext(printed / PACKET, page=3)
    assert third.startswith("Uusimaa · Syksy 2018")
    assert f"3 ({total})" in third
    assert f"/ {total}" not in third
    assert f"1 ({total})" not in pdftotext(printed / PACKET, page=1)  # none on the cover
    swedish = pdftotext(printed / "sv/kierrokset/2018-syksy/uusimaa.pdf", page=1)
    assert "1 (1)" in swedish


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def test_bookmarks_follow_headings(printed: Path) -> None:
    outline = _outline(PdfReader(printed / PACKET))
    titles = [(depth, title) for depth, title, _ in outline]
    assert (0, "Uusimaa, syksy 2018") in titles
    assert (1, "Palvelujen saatavuus") in titles
    assert (2, "Alaotsikko ääkkösin") in titles
    assert (0, "Lisätietoja") in titles
    for _, title, page in outline:
        assert title in pdftotext(printed / PACKET, page=page), (title, page)


def test_metadata_language_and_tags(printed: Path) -> None:
    reader = PdfReader(printed / PACKET)
    info = reader.metadata
    assert info.title == "Neuvotteluaineisto: Uusimaa – Syksy 2018"
    assert info.author == "Sosiaali- ja terveysministeriö"
    # Semicolons: a theme's name may hold a comma (issue 30).
    assert info["/Keywords"] == "Palvelujen saatavuus; Rahoitus"
    assert info["/CreationDate"].startswith("D:20181005")  # the oldest document's date
    assert info["/ModDate"].startswith("D:20181214")  # the newest one's
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fi"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp
    # PDF/UA-1 needs no /ID, and making one serializes every object twice (bench/RESULTS.md).
    assert "/ID" not in reader.trailer
    single = PdfReader(printed / "kierrokset/2018-syksy/uusimaa.pdf")
    assert single.metadata["/Subject"] == "Syksyn neuvottelu."


def test_fonts_are_embedded_noto(printed: Path) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(printed / PACKET)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts
    for row in fonts:
        assert "Noto" in row, row
        assert " yes " in row  # embedded (emb column)


def test_footnotes_sit_on_their_page(printed: Path) -> None:
    page = pdftotext(printed / "kierrokset/2018-syksy/uusimaa.pdf", page=1)
    assert "Alaviite kevään asiakirjaan." in page


def test_long_table_repeats_its_header_row(printed: Path) -> None:
    path = printed / "sivut/taulukko.pdf"
    pages = len(PdfReader(path).pages)
    assert pages >= 2
    for n in range(1, pages + 1):
        text = pdftotext(path, page=n)
        assert "Otsake A" in text and "Otsake B" in text, f"page {n}"
    assert "Rivi 90" in pdftotext(path, page=pages)


def test_pdfs_are_byte_identical_across_processes(printed: Path, tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    again = tmp_path / "again"
    assert build(root, again, "--jobs", "1", pdf=True).returncode == 0
    pdfs = sorted(p.relative_to(printed) for p in printed.rglob("*.pdf"))
    assert pdfs == sorted(p.relative_to(again) for p in again.rglob("*.pdf"))
    for rel in pdfs:
        assert (printed / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_unchanged_packets_are_not_printed_again(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    first = build(root, out, pdf=True)
    assert first.returncode == 0
    total = int(re.search(r"PDFs: (\d+) printed", first.stdout).group(1))
    assert "nothing changed" in build(root, out, pdf=True).stdout
    # A saved but unchanged file is looked at again; its PDFs are not printed again.
    doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
    os.utime(doc, ns=(doc.stat().st_atime_ns, doc.stat().st_mtime_ns + 10**9))
    (cache_dir(out) / "pdf.json").write_text("{}")  # an earlier version's manifest
    second = build(root, out, pdf=True)
    assert f"PDFs: 0 printed (0 pages), {total} unchanged" in second.stdout
    assert not (cache_dir(out) / "pdf.json").exists()
    # Options that do not change what a PDF prints keep it: the pages are made again
    # for --no-search (another cache key), the PDFs are not printed again.
    for flags in (("--no-search",), ()):
        toggled = build(root, out, *flags, pdf=True)
        assert f"PDFs: 0 printed (0 pages), {total} unchanged" in toggled.stdout, flags
    doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
    doc.write_text(doc.read_text().replace("lähes kaikkialla", "melkein kaikkialla"))
    third = build(root, out, pdf=True)
    # its own PDF, its region's packet and the round's packet; nothing else
    assert re.search(rf"PDFs: 3 printed \(\d+ pages\), {total - 3} unchanged", third.stdout)
    assert "melkein" in pdftotext(out / PACKET)
    # A changed image is a changed input: the PDFs that show it are printed again.
    image = root / "content/kierrokset/2018-syksy/liitteet/kaavio.png"
    image.write_bytes(image.read_bytes() + b"\0")
    fifth = build(root, out, pdf=True)
    assert re.search(r"PDFs: 3 printed \(\d+ pages\)", fifth.stdout), fifth.stdout
    shutil.rmtree(cache_dir(out))  # the cache is safe to delete
    fourth = build(root, out, pdf=True)
    assert f"PDFs: {total} printed" in fourth.stdout


def test_pdf_a_variant_and_duplex(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    config = root / "site.yaml"
    config.write_text(config.read_text() + "pdf_variant: pdf/a-3a\npacket_duplex: true\n")
    out = tmp_path / "out"
    assert build(root, out, pdf=True).returncode == 0
    reader = PdfReader(out / PACKET)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp
    # PDF/A requires the trailer's /ID (ISO 19005, 6.1.3); the variant asks for it.
    assert len(reader.trailer["/ID"]) == 2
    for _, title, page in _outline(reader):
        if title in ("Uusimaa, syksy 2018", "THL:n arvio: Uusimaa, syksy 2018"):
            assert page % 2 == 1, f"{title} starts on a left-hand page {page}"


def test_fetcher_serves_only_the_project(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    inside = root / "content" / "kuva.png"
    inside.write_bytes(b"\x89PNG")
    outside = tmp_path / "secret.txt"
    outside.write_text("salaisuus")
    (root / "content" / "linkki.png").symlink_to(outside)
    fetcher = ProjectFetcher(root)
    assert fetcher.fetch(PROJECT_URI + "content/kuva.png").read() == b"\x89PNG"
    for url in (
        outside.as_uri(),
        inside.as_uri(),  # the real path is not how print HTML names project files
        PROJECT_URI + "content/linkki.png",
        PROJECT_URI + "content/../../secret.txt",
        PROJECT_URI + "../secret.txt",
        "https://example.org/x.png",
        "http://127.0.0.1/",
        "data:text/plain,x",
        "file://otherhost/etc/hostname",
    ):
        with pytest.raises(RefusedFetch):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 9


def test_a_template_that_reaches_outside_is_refused_and_reported(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    template = root / "templates/print/packet.html"
    text = template.read_text().replace(
        "<body>",
        '<body>\n<img src="file:///etc/hostname" alt="x">'
        '<img src="https://example.org/logo.png" alt="y">',
        1,
    )
    template.write_text(text)
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert result.returncode == 1
    assert "error[refused-fetch]" in result.stdout
    assert "refused to read file:///etc/hostname" in result.stdout
    assert "refused to read https://example.org/logo.png" in result.stdout
    assert not out.exists()


def test_attached_pdf_pages_follow_their_document(printed: Path) -> None:
    path = printed / PACKET
    toc = pdftotext(path, page=1, layout=True)
    number = int(re.search(r"Uudenmaan oma raportti\s*\.{3,}\s*(\d+)", toc).group(1))
    first = pdftotext(path, page=number)
    assert "Liite: Uudenmaan oma raportti" in first and "Uudenmaan raportti" in first
    total = len(PdfReader(path).pages)
    assert f"{number} ({total})" in first and first.startswith("Uusimaa · Syksy 2018")
    second = pdftotext(path, page=number + 1)
    assert "Toinen sivu" in second and f"{number + 1} ({total})" in second
    outline = _outline(PdfReader(path))
    assert (1, "Liite: Uudenmaan oma raportti", number) in outline
    # Other attachments are listed with their address.
    chapter = "".join(pdftotext(path, page=n) for n in range(2, number))
    assert (
        "Luvut taulukkona (CSV, 18 t): https://golden.example.fi/neuvottelut/liitteet/luvut."
        in chapter.replace("/\n", "/").replace("\n", " ")
    )
    assert "Kuvio 1: Esimerkkikaavio" in chapter  # images print with their captions


def test_attached_pdf_pages_are_figures_of_the_structure_tree(printed: Path) -> None:
    """An attachment's pages, drawn after WeasyPrint wrote the packet, are tagged too:
    each a Figure in the attachment's section, named by its label and page."""
    with pikepdf.open(printed / PACKET) as pdf:
        figures = [
            (str(e.Alt), [str(a.S) for a in ancestors])
            for e, ancestors in _elements(pdf)
            if e.S == "/Figure" and "/Alt" in e and str(e.Alt).startswith("Liite:")
        ]
        assert figures == [
            ("Liite: Uudenmaan oma raportti (1/2)", ["/Document", "/Sect"]),
            ("Liite: Uudenmaan oma raportti (2/2)", ["/Document", "/Sect"]),
        ]
        reachable = {e.objgen for e, _ in _elements(pdf)}
        parents = _parent_tree(pdf)
        for number, page in enumerate(pdf.pages, start=1):
            mapping = parents[int(page.obj.StructParents)]
            for op, _, mcid, inside in _marked(page):
                assert op.startswith("B") or inside, f"page {number}: {op} not marked"
                if mcid is not None:
                    assert mapping[mcid].objgen in reachable, f"page {number}: MCID {mcid}"


def test_shards_share_the_pdfs_and_build_the_same_html(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    whole = tmp_path / "whole"
    assert build(root, whole, pdf=True).returncode == 0
    every = {p.relative_to(whole).as_posix() for p in whole.rglob("*.pdf")}
    parts: list[set[str]] = []
    for k in (1, 2, 3):
        out = tmp_path / f"shard-{k}"
        result = build(root, out, "--shard", f"{k}/3", pdf=True)
        assert result.returncode == 0, result.stdout
        assert "left to other shards" in result.stdout
        parts.append({p.relative_to(out).as_posix() for p in out.rglob("*.pdf")})
        pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
        assert pages == {p.relative_to(whole).as_posix() for p in whole.rglob("*.html")}
        for page in ("index.html", "kierrokset/2018-syksy/index.html"):
            assert (out / page).read_bytes() == (whole / page).read_bytes()
    assert set.union(*parts) == every
    # Attachments are copied into every shard; each printed PDF comes from one only.
    copied = set.intersection(*parts)
    assert copied and all(name.startswith("liitteet/") for name in copied)
    printed = [part - copied for part in parts]
    assert all(printed)
    assert sum(len(p) for p in printed) == len(every - copied)


@pytest.mark.parametrize("shard", ["0/2", "3/2", "x", "1/2 --no-pdf"])
def test_a_bad_shard_is_a_usage_error(tmp_path: Path, shard: str) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    value, *rest = shard.split()
    result = build(root, tmp_path / "out", "--shard", value, *rest, pdf=not rest)
    assert result.returncode == 2
    assert "--shard" in result.stdout + result.stderr


@pytest.mark.parametrize("drafts", [False, True])
def test_packet_urls_are_those_of_the_planned_packets(drafts: bool) -> None:
    """Pages link to PDFs by packet_urls, which does not plan the packets; both must
    agree, or a page would link to a PDF that is never printed."""
    from soteneg.packets.plan import packet_urls, plan_packets
    from soteneg.pipeline import check
    from soteneg.site.index import BuildOptions, build_site

    site = build_site(check(GOLDEN_SITE).content, BuildOptions(drafts=drafts))
    assert packet_urls(site) == [p.url for p in plan_packets(site)]
    assert len(packet_urls(site)) > 5


# --- the Sámi letters (issue 25) -------------------------------------------------------

# Every letter of North, Inari and Skolt Sámi beyond a–z, and their capitals (the Skolt
# softening mark ʹ has none).
SAMI_LETTERS = "áčđŋšŧžâäǥǧǩǯʒõåʹ"
SAMI_ALL = SAMI_LETTERS + SAMI_LETTERS.upper()
SAMI_DOCUMENT = f"""---
title: "Bokstávat {SAMI_ALL}"
type: negotiation
date: 2018-10-25
lang: se
translation_of: kierrokset/2018-syksy/lappi
region: lappi
round: 2018-syksy
---

## Čállin {SAMI_ALL}

Teaksta: {SAMI_ALL}. Sámegiella, anarâškielâ, sääʹmǩiõll.
"""


def _sami_pdf(tmp_path: Path, text_font: str | None = None) -> Path:
    """The PDF of a North Sámi document with every Sámi letter in its title (printed in
    the headings' font) and its text (the text font), through the print stylesheet."""

    root = project(tmp_path, MINIMAL)
    (root / "content/kierrokset/2018-syksy/lappi.se.md").write_text(SAMI_DOCUMENT, "utf-8")
    if text_font is not None:
        config = root / "site.yaml"
        config.write_text(
            config.read_text(encoding="utf-8") + f'print_fonts:\n  text: "{text_font}"\n',
            encoding="utf-8",
        )
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "kierrokset/2018-syksy/lappi/se.pdf"


def _fonts_outside(pdf: Path, families: list[str]) -> list[str]:
    """The fonts of `pdf` that are none of `families` (a glyph one of them lacked, taken
    from another font) or are not embedded."""

    def plain(name: str) -> str:  # "Noto-Serif-Bold", "NotoSerif" -> "notoserifbold"
        return re.sub(r"[\s-]", "", name).lower()

    allowed = tuple(plain(f) for f in families)
    rows = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    return [
        row
        for row in rows
        if not plain(row.split()[0].split("+")[-1]).startswith(allowed) or " yes " not in row
    ]


def _unmapped_glyph_zero(pdf: Path) -> set[str]:
    """The characters the PDF's text maps from glyph 0 (.notdef, the empty box drawn for
    a letter no font has; WeasyPrint maps it to U+FFFF otherwise)."""
    found: set[str] = set()
    for page in PdfReader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            cmap = font.get("/ToUnicode")
            if cmap is None:
                continue
            data = cmap.get_object().get_data().decode("latin-1")
            for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", data):
                if int(code, 16) == 0 and len(text) % 4 == 0:
                    found.add(bytes.fromhex(text).decode("utf-16-be", errors="replace"))
    return found


def test_every_sami_letter_prints_in_the_print_fonts(tmp_path: Path) -> None:
    pdf = _sami_pdf(tmp_path)
    assert _fonts_outside(pdf, ["Noto Serif", "Noto Sans"]) == []
    text = pdftotext(pdf)
    assert [c for c in SAMI_ALL if c not in text] == []
    assert _unmapped_glyph_zero(pdf) & set(SAMI_ALL) == set()
    assert PdfReader(pdf).pages[0].extract_text()  # printed, not an empty page


def test_a_font_without_the_sami_letters_is_caught(tmp_path: Path) -> None:
    """The check above sees a letter the print font lacks: DejaVu Math TeX Gyre has no
    ŧ, ǥ, ǧ, ǩ, ǯ or ʒ, and the printing takes them from another font."""
    from soteneg.packets.fonts import font_files

    if not font_files("DejaVu Math TeX Gyre"):
        pytest.skip("DejaVu Math TeX Gyre is not installed")
    pdf = _sami_pdf(tmp_path, text_font="DejaVu Math TeX Gyre")
    assert _fonts_outside(pdf, ["DejaVu Math TeX Gyre", "Noto Sans"]) != []
