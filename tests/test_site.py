"""The public site through `soteneg build`: golden output, every page type, languages,
drafts and embargo, reproducibility, and failures that leave the old site in place."""

from __future__ import annotations

import filecmp
import gzip
import json
import re
import shutil
from pathlib import Path

import cbor2
import pytest
from conftest import REPO, TESTS, UPDATE_GOLDEN, run_cli

GOLDEN_SITE = TESTS / "sites" / "golden"
GOLDEN_EXPECTED = TESTS / "golden" / "expected"
# After the news of 26.11., before the embargoed one of 1.12.
NOW = "2018-11-29T14:00+00:00"


def project(tmp_path: Path, source: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(source, root)
    if not (root / "templates").exists():
        shutil.copytree(REPO / "templates", root / "templates")
    return root


def build(root: Path, out: Path, *args: str, now: str = NOW, pdf: bool = False):
    """`soteneg build` at a fixed "now" (unless `args` name one); HTML only unless `pdf`
    (PDFs: test_pdf.py)."""
    extra = () if pdf else ("--no-pdf",)
    clock = () if "--now" in args else ("--now", now)
    return run_cli("build", "--root", root, "--out", out, *args, *extra, *clock)


def _tree(root: Path, search: bool = True) -> list[str]:
    """Every file under `root`; `search=False` leaves out Pagefind's bundle, whose bytes
    belong to the Pagefind version rather than to us."""
    found = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return found if search else [f for f in found if not f.startswith("pagefind/")]


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    return project(tmp_path, GOLDEN_SITE)


def test_golden_site_matches_expected_output(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(golden, out)
    assert result.returncode == 0, result.stdout + result.stderr
    if UPDATE_GOLDEN:
        shutil.rmtree(GOLDEN_EXPECTED, ignore_errors=True)
        shutil.copytree(out, GOLDEN_EXPECTED, ignore=shutil.ignore_patterns("pagefind"))
    assert _tree(out, search=False) == _tree(GOLDEN_EXPECTED)
    assert (out / "pagefind/pagefind-entry.json").is_file()
    for rel in _tree(out, search=False):
        assert filecmp.cmp(out / rel, GOLDEN_EXPECTED / rel, shallow=False), (
            f"{rel} differs from tests/golden/expected; run `make golden` and review the diff"
        )


def pagefind_filters(site: Path) -> dict[str, list]:
    """The search filters of a Pagefind bundle, decoded: what a reader can filter by."""
    found = {}
    for path in sorted((site / "pagefind/filter").iterdir()):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        name, values = cbor2.loads(raw[len(b"pagefind_dcd") :])
        found[f"{path.name[:2]}:{name}"] = sorted((value, pages) for value, pages in values)
    return found


def test_two_builds_are_byte_identical(golden: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert build(golden, first).returncode == 0
    assert build(golden, second).returncode == 0
    files = _tree(first)
    assert files == _tree(second)
    assert any(f.startswith("pagefind/filter/") for f in files)
    mismatch = filecmp.cmpfiles(first, second, files, shallow=False)[1:]
    assert mismatch == ([], [])  # the search index too, filters and all
    assert "fi:Kierros" in pagefind_filters(first)


def test_bundled_site_has_every_page_of_the_design(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", "--root", REPO, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "kierrokset/index.html",
        "kierrokset/2018-syksy/index.html",
        "kierrokset/2018-syksy/uusimaa/index.html",
        "kierrokset/2018-syksy/uusimaa/arvio/thl/index.html",  # THL's (issue 25)
        "kierrokset/2018-syksy/yhteenveto/index.html",
        "maakunnat/index.html",
        "maakunnat/lappi/index.html",
        "teemat/index.html",
        "teemat/saatavuus/index.html",
        "teemat/saatavuus/uusimaa/index.html",
        "tiedotteet/index.html",
        "tiedotteet/atom.xml",
        "tiedotteet/2018-11-26-syksyn-maakuntaneuvottelut-johtoryhmassa/index.html",
        "sivut/neuvottelut/index.html",
    ]
    for rel in expected:
        assert (out / rel).is_file(), rel
        if rel.endswith(".html") and rel != "404.html":
            assert (out / "sv" / rel).is_file(), f"sv/{rel}"
    assert not (out / "en").exists(), "no English content, so no English pages"
    for region in ("uusimaa", "pirkanmaa", "pohjois-savo", "lappi"):
        for round_id in ("2018-kevat", "2018-syksy"):
            page = (out / f"kierrokset/{round_id}/{region}/index.html").read_text()
            assert "esimerkkiaineisto" in page  # example: true shows its notice
    # The 18 regions of 2018; the 21 counties, Helsinki and HUS-yhtymä that followed them;
    # the five collaboration areas and the whole country (issue 25).
    assert len(list((out / "maakunnat").glob("*/index.html"))) == 18 + 23 + 5 + 1


def _page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_languages_translations_and_missing_ones(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    fi = _page(out, "kierrokset/2018-syksy/uusimaa/index.html")
    sv = _page(out, "sv/kierrokset/2018-syksy/uusimaa/index.html")
    assert '<html lang="fi">' in fi and '<html lang="sv">' in sv
    alternate = (
        '<link rel="alternate" hreflang="sv" '
        'href="https://golden.example.fi/neuvottelut/sv/kierrokset/2018-syksy/uusimaa/">'
    )
    assert alternate in fi and alternate in sv
    assert 'href="/neuvottelut/sv/kierrokset/2018-syksy/uusimaa/" hreflang="sv"' in fi
    # Etelä-Savo has no Swedish version: the Swedish page says so and links the original.
    missing = _page(out, "sv/kierrokset/2018-syksy/etela-savo/index.html")
    assert "Den här sidan finns inte på svenska. Originalet finns på finska:" in missing
    assert 'href="/neuvottelut/kierrokset/2018-syksy/etela-savo/" lang="fi"' in missing
    assert '<meta name="robots" content="noindex">' in missing
    assert "sv/kierrokset/2018-syksy/etela-savo/" not in _page(out, "sitemap.xml")
    # Swedish round page links the Finnish original, marked as Finnish.
    round_sv = _page(out, "sv/kierrokset/2018-syksy/index.html")
    assert "(på finska)" in round_sv


def test_links_between_documents_become_urls(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    page = _page(out, "kierrokset/2018-syksy/uusimaa/index.html")
    assert 'href="/neuvottelut/kierrokset/2018-kevat/uusimaa/#saatavuus"' in page
    assert 'id="saatavuus"' in _page(out, "kierrokset/2018-kevat/uusimaa/index.html")
    assert 'id="alaotsikko-aakkosin"' in page


def test_a_link_to_a_draft_says_draft_and_how_to_preview(golden: Path, tmp_path: Path) -> None:
    news = golden / "content/tiedotteet/2018-11-26-uutinen.md"
    news.write_text(news.read_text().replace("\ntype:", "\ndraft: true\ntype:", 1))
    result = build(golden, tmp_path / "out")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if "error[" in line]
    assert errors == [
        "content/sivut/tietoa.md:7:15: error[broken-output-link]: "
        "../tiedotteet/2018-11-26-uutinen.md on /sivut/tietoa/: it links to "
        "content/tiedotteet/2018-11-26-uutinen.md, which is a draft (`draft: true`) and so "
        "not published; publish it by removing `draft: true`, or remove the link. To see "
        "drafts with their links, preview with `soteneg serve` or build with "
        "`soteneg build --drafts`"
    ]
    assert build(golden, tmp_path / "drafts", "--drafts").returncode == 0


def test_markdown_features_and_escaping(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    spring = _page(out, "kierrokset/2018-kevat/uusimaa/index.html")
    assert "<table>" in spring and "<dl>" in spring
    assert "”lainausmerkein”" in spring and "viiva – näin" in spring
    autumn = _page(out, "kierrokset/2018-syksy/uusimaa/index.html")
    assert 'class="footnote-ref"' in autumn
    assert "<script>alert" not in autumn and "&lt;script&gt;alert(1)&lt;/script&gt;" in autumn
    assert "&lt;b&gt;lihavoitu&lt;/b&gt;" in _page(out, "tiedotteet/2018-11-26-uutinen/index.html")


def test_raw_html_only_when_site_yaml_allows(golden: Path, tmp_path: Path) -> None:
    config = golden / "site.yaml"
    config.write_text(config.read_text() + "allow_raw_html: true\n")
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    assert "<b>lihavoitu</b>" in _page(out, "tiedotteet/2018-11-26-uutinen/index.html")


def test_theme_index_and_comparison(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    matrix = _page(out, "teemat/saatavuus/index.html")
    assert 'href="/neuvottelut/kierrokset/2018-syksy/uusimaa/#saatavuus"' in matrix
    assert 'href="/neuvottelut/teemat/saatavuus/uusimaa/"' in matrix
    page = _page(out, "teemat/saatavuus/uusimaa/index.html")
    compare = page[page.index('<div class="compare">') :]  # after the links to comparisons
    assert compare.index("Syksy 2018") < compare.index("Kevät 2018"), "newest first"
    assert "<ins>" in compare and "lähes" in compare
    assert "Muutokset edelliseen kierrokseen (edellinen kierros: Kevät 2018)" in compare


def test_drafts_and_embargo(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    assert not (out / "kierrokset/2018-syksy/luonnos").exists()
    assert not (out / "tiedotteet/2018-12-01-embargo").exists()
    assert "Vielä salainen" not in _page(out, "tiedotteet/atom.xml")
    later = tmp_path / "later"
    assert build(golden, later, "--drafts", "--now", "2018-12-01T09:00").returncode == 0
    draft = _page(later, "kierrokset/2018-syksy/luonnos/index.html")
    assert "Luonnos – ei julkaistu" in draft
    assert (later / "tiedotteet/2018-12-01-embargo/index.html").is_file()


def test_the_embargo_clock_is_the_real_one_not_the_commit_s_date(
    golden: Path, tmp_path: Path
) -> None:
    """CI exported SOURCE_DATE_EPOCH from `git log -1`, and the build took it for "now":
    a commit dated 2200 published what is embargoed until 2100, and a build of a commit
    of 2018 kept an embargo of 2018-12-01 on for ever. Only --now or the clock count."""
    future = golden / "content/tiedotteet/2100-01-01-tuleva.md"
    future.write_text(
        "---\ntitle: Tuleva\ntype: news\ndate: 2018-11-20\npublish_at: 2100-01-01 09:00:00\n"
        "---\n\nJulkaistaan vuonna 2100.\n",
        encoding="utf-8",
    )
    commit_in_2200 = {"SOURCE_DATE_EPOCH": "7258118400"}
    out = tmp_path / "out"
    result = run_cli("build", "--root", golden, "--out", out, "--no-pdf", env=commit_in_2200)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (out / "tiedotteet/2100-01-01-tuleva").exists()
    assert "Tuleva" not in _page(out, "tiedotteet/atom.xml")
    # An old commit built today: the embargo of 2018-12-01 has ended.
    assert (out / "tiedotteet/2018-12-01-embargo/index.html").is_file()
    commit_of_2018 = {"SOURCE_DATE_EPOCH": "1543500000"}
    old = tmp_path / "old"
    result = run_cli("build", "--root", golden, "--out", old, "--no-pdf", env=commit_of_2018)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (old / "tiedotteet/2018-12-01-embargo/index.html").is_file()
    # --now is the one way to build as of another moment.
    assert build(golden, old, "--now", "2100-01-01T09:00").returncode == 0
    assert (old / "tiedotteet/2100-01-01-tuleva/index.html").is_file()


def test_an_earlier_now_hides_again_what_a_later_one_published(
    golden: Path, tmp_path: Path
) -> None:
    """A build as of an earlier moment into the same output is not "nothing changed":
    the same input and the same --now give the same site, whatever was built before."""
    out = tmp_path / "out"
    assert build(golden, out, now="2018-12-05T09:00").returncode == 0
    assert (out / "tiedotteet/2018-12-01-embargo/index.html").is_file()
    result = build(golden, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nothing changed" not in result.stdout
    assert not (out / "tiedotteet/2018-12-01-embargo").exists()
    fresh = tmp_path / "fresh"
    assert build(golden, fresh).returncode == 0
    assert _tree(out, search=False) == _tree(fresh, search=False)


def test_feed_and_sitemap(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    feed = _page(out, "tiedotteet/atom.xml")
    assert "<updated>2018-11-26T00:00:00Z</updated>" in feed
    assert "https://golden.example.fi/neuvottelut/tiedotteet/2018-11-26-uutinen/" in feed
    assert "Förhandlingarna avslutades" in _page(out, "sv/tiedotteet/atom.xml")
    sitemap = _page(out, "sitemap.xml")
    assert "<loc>https://golden.example.fi/neuvottelut/</loc>" in sitemap
    assert "Sitemap: https://golden.example.fi/neuvottelut/sitemap.xml" in _page(out, "robots.txt")


def test_a_feed_names_news_not_in_its_language_plainly(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    # 2018-12-05: the news of 1.12., written only in Finnish, is out.
    assert build(golden, out, now="2018-12-05T09:00").returncode == 0
    feed = _page(out, "sv/tiedotteet/atom.xml")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">' in feed
    assert "<updated>2018-12-01T00:00:00Z</updated>" in feed  # the newest news, not 1970
    finnish_only = feed.split("<entry", 2)[1]  # newest first
    assert finnish_only.startswith(' xml:lang="fi">') and "Vielä salainen" in finnish_only
    # The note is Swedish and says so; the entry and its own words are Finnish (issue 30).
    assert (
        '<p xml:lang="sv">Pressmeddelandet finns inte på svenska. Originalet är på finska.</p>'
    ) in finnish_only
    assert '<summary xml:lang="sv">' not in finnish_only
    assert "https://golden.example.fi/neuvottelut/tiedotteet/2018-12-01-embargo/" in finnish_only
    assert '<entry xml:lang="sv">' in feed and "Förhandlingarna avslutades" in feed


def test_without_news_there_is_no_feed_and_no_link_to_one(golden: Path, tmp_path: Path) -> None:
    shutil.rmtree(golden / "content/tiedotteet")
    for page in (golden / "content").rglob("*.md"):  # links to the news would break
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\]\([^)]*tiedotteet/[^)]*\)", "]()", text), encoding="utf-8")
    out = tmp_path / "out"
    result = build(golden, out)
    assert result.returncode == 0, result.stdout
    assert not list(out.rglob("atom.xml"))
    for page in ("index.html", "sv/index.html", "kierrokset/2018-syksy/index.html"):
        assert "atom" not in _page(out, page)


def test_metadata_json_ld(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    page = _page(out, "kierrokset/2018-syksy/uusimaa/index.html")
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Report" and data["datePublished"] == "2018-10-15"
    assert data["spatialCoverage"]["name"] == "Uusimaa"
    assert data["keywords"] == ["Palvelujen saatavuus", "Rahoitus"]
    assert '<meta name="dcterms.isPartOf" content="Syksy 2018">' in page


def _snapshot(root: Path) -> dict[str, bytes]:
    return {rel: (root / rel).read_bytes() for rel in _tree(root)}


def test_broken_template_names_file_and_line_and_keeps_old_site(
    golden: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    before = _snapshot(out)
    template = golden / "templates/round.html"
    lines = template.read_text().splitlines()
    lines[3] = "<p>{{ round.no_such_field }}</p>"
    template.write_text("\n".join(lines) + "\n")
    result = build(golden, out)
    assert result.returncode == 1
    assert "templates/round.html:4: error[template-error]" in result.stdout
    assert _snapshot(out) == before
    template.write_text("{% if %}\n")
    result = build(golden, out)
    assert result.returncode == 1
    assert "templates/round.html:1: error[template-error]" in result.stdout
    assert _snapshot(out) == before


def test_content_problem_keeps_old_site(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    before = _snapshot(out)
    doc = golden / "content/kierrokset/2018-syksy/etela-savo.md"
    doc.write_text(doc.read_text().replace("region: etela-savo", "region: etela-savoo"))
    result = build(golden, out)
    assert result.returncode == 1 and "unknown-region" in result.stdout
    assert _snapshot(out) == before
    leftovers = [
        p.name for p in out.parent.iterdir() if p.name.startswith((".out.new", ".out.old"))
    ]
    assert leftovers == []


def test_output_may_not_be_the_project(golden: Path) -> None:
    result = run_cli("build", "--root", golden, "--out", golden)
    assert result.returncode == 2 and "output-error" in result.stdout
    assert (golden / "content").is_dir()


def test_english_pages_exist_only_with_english_content(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with (golden / "site.yaml").open("a", encoding="utf-8") as handle:
        handle.write("languages: [fi, sv, en]\n")
    result = build(golden, out)
    assert result.returncode == 0
    assert not (out / "en").exists()
    # A listed language without content is said, at its place in site.yaml.
    line = len((golden / "site.yaml").read_text(encoding="utf-8").splitlines())
    assert (
        f"site.yaml:{line}:21: warning[language-without-content]: 'en' is listed in "
        "languages, but no document is written in it, so the site has no /en/ pages"
    ) in result.stdout
    (golden / "content/sivut/tietoa.en.md").write_text(
        "---\ntitle: About\ntype: page\ndate: 2018-11-01\nlang: en\n"
        "translation_of: sivut/tietoa\n---\n\nAbout the service.\n"
    )
    assert build(golden, out).returncode == 0
    page = _page(out, "en/sivut/tietoa/index.html")
    assert '<html lang="en">' in page and "About the service." in page
    missing = _page(out, "en/kierrokset/2018-syksy/uusimaa/index.html")
    assert "This page is not available in English. The original is in Finnish:" in missing
    assert "Skip to content" in _page(out, "en/index.html")
    assert "language-without-content" not in build(golden, out).stdout


def test_the_bundled_site_lists_only_languages_it_has_content_in(tmp_path: Path) -> None:
    result = run_cli("check", "--no-pdf", "--root", REPO)
    # The one warning is on purpose: a bilingual unit's document without its Swedish
    # version, the example of `translation-missing` (issue 25).
    warnings = [line for line in result.stdout.splitlines() if "warning[" in line]
    assert result.returncode == 0, result.stdout
    assert "language-without-content" not in result.stdout
    assert [w.split(": ")[0] for w in warnings] == [
        "content/kierrokset/2024-hva/ita-uusimaa-hva.md:6:9"
    ], result.stdout
    assert all("translation-missing" in w for w in warnings)


def test_accessibility_statement_comes_from_site_yaml(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    assert not (out / "saavutettavuusseloste").exists()
    config = golden / "site.yaml"
    config.write_text(
        config.read_text()
        + """
accessibility:
  status: partial
  prepared: 2026-11-01
  reviewed: 2026-11-20
  shortcomings:
    - {fi: Haku vaatii JavaScriptin., sv: Sökningen kräver JavaScript.}
  feedback:
    name: {fi: Kirjaamo, sv: Registratorskontoret}
    email: kirjaamo@example.fi
  supervisor:
    name: {fi: Valvoja, sv: Tillsyn}
    url: https://www.saavutettavuusvaatimukset.fi/
    phone: 0295 016 000
"""
    )
    assert build(golden, out).returncode == 0
    fi = _page(out, "saavutettavuusseloste/index.html")
    assert "<h1>Saavutettavuusseloste</h1>" in fi
    assert "osittain" in fi and "Haku vaatii JavaScriptin." in fi
    assert 'href="mailto:kirjaamo@example.fi"' in fi and "0295 016 000" in fi
    assert "Seloste on laadittu 1.11.2026." in fi and "päivitetty 20.11.2026" in fi
    sv = _page(out, "sv/saavutettavuusseloste/index.html")
    assert "<h1>Tillgänglighetsutlåtande</h1>" in sv and "Sökningen kräver JavaScript." in sv
    assert 'href="/neuvottelut/saavutettavuusseloste/">Saavutettavuusseloste</a>' in (
        _page(out, "index.html")
    )


def test_attachments_are_listed_hashed_and_only_when_used(golden: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    published = sorted(p.name for p in (out / "liitteet").iterdir())
    assert [n.split(".")[0] for n in published] == ["kaavio", "luvut", "uusimaa-raportti"]
    assert not any("ylimaarainen" in n for n in published)  # nobody refers to it
    page = _page(out, "kierrokset/2018-syksy/uusimaa/index.html")
    assert '>Uudenmaan oma raportti</a> <span class="file-info">(PDF, 6 kt)</span>' in page
    assert "(CSV, 18 t)" in page
    assert 'width="320" height="160"' in page
    assert "<figcaption>Kuvio 1: Esimerkkikaavio</figcaption></figure>" in page
    pdf = next(n for n in published if n.startswith("uusimaa-raportti"))
    source = golden / "content/kierrokset/2018-syksy/liitteet/uusimaa-raportti.pdf"
    assert (out / "liitteet" / pdf).read_bytes() == source.read_bytes()
    # A changed file gets a new name, so caches never serve the old one.
    source.write_bytes(source.read_bytes() + b"\n%")
    assert build(golden, out).returncode == 0
    assert pdf not in [p.name for p in (out / "liitteet").iterdir()]


def test_a_symlinked_attachment_leading_outside_is_refused(golden: Path, tmp_path: Path) -> None:
    secret = tmp_path / "salainen.pdf"
    secret.write_bytes(b"%PDF-1.4 salainen")
    folder = golden / "content/kierrokset/2018-syksy/liitteet"
    (folder / "uusimaa-raportti.pdf").unlink()
    (folder / "uusimaa-raportti.pdf").symlink_to(secret)
    result = build(golden, tmp_path / "out")
    assert result.returncode == 1
    assert "error[file-outside-project]: 'liitteet/uusimaa-raportti.pdf' is a link to a place" in (
        result.stdout
    )


def test_output_never_lands_in_sources_hidden_folders_or_foreign_folders(
    golden: Path, tmp_path: Path
) -> None:
    for target in (golden / "templates/print", golden / "content/sivut", golden / ".git"):
        result = build(golden, target)
        assert result.returncode == 2, target
        assert "error[output-error]" in result.stdout
    assert (golden / "templates/print/packet.html").is_file()
    foreign = tmp_path / "kotisivu"
    foreign.mkdir()
    (foreign / "tärkeä.txt").write_text("älä poista")
    result = build(golden, foreign)
    assert result.returncode == 2 and "was not built by soteneg" in result.stdout
    assert (foreign / "tärkeä.txt").read_text() == "älä poista"
    config = golden / "site.yaml"
    config.write_text(config.read_text() + "output: .git\n")
    assert run_cli("check", "--root", golden).returncode == 2


def test_odd_images_publish_without_sizes_instead_of_crashing(golden: Path, tmp_path: Path) -> None:
    folder = golden / "content/kierrokset/2018-syksy/liitteet"
    (folder / "outo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1.2.3 4" width="9'
        + "9" * 400
        + '" height="10"><rect width="1" height="1"/></svg>'
    )
    png = bytearray((folder / "kaavio.png").read_bytes())
    png[16:24] = (60000).to_bytes(4, "big") * 2  # the header claims 60000 x 60000 pixels
    (folder / "pommi.png").write_bytes(bytes(png))
    doc = golden / "content/kierrokset/2018-syksy/uusimaa.md"
    doc.write_text(doc.read_text() + "\n![Outo](liitteet/outo.svg) ![Pommi](liitteet/pommi.png)\n")
    out = tmp_path / "out"
    result = build(golden, out)
    assert result.returncode == 0, result.stdout
    page = _page(out, "kierrokset/2018-syksy/uusimaa/index.html")
    assert re.search(r'<img src="[^"]*outo\.[0-9a-f]+\.svg" alt="Outo" />', page)


def test_a_theme_section_with_its_own_id_keeps_the_theme_anchor(
    golden: Path, tmp_path: Path
) -> None:
    doc = golden / "content/kierrokset/2018-syksy/etela-savo.md"
    doc.write_text(doc.read_text().replace("{theme=saatavuus}", "{#oma theme=saatavuus}"))
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    assert 'id="saatavuus"' in _page(out, "kierrokset/2018-syksy/etela-savo/index.html")
