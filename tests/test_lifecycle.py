"""A document's life after publication (issue 27): the pages it links to, corrections
(`changes:`), the day git last saw it change, withdrawal and replacement, public
versions of confidential documents, and headings that break between word parts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO, run_cli
from test_site import GOLDEN_SITE, build, project

from soteneg.content.history import NO_HISTORY, read_history
from soteneg.site.wordparts import break_points, word_parts

# --- headings on small screens -----------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lang", "parts"),
    [
        ("Hyvinvointialueneuvottelut", "fi", ["Hyvinvointi", "alue", "neuvottelut"]),
        ("Harjoitusneuvottelut", "fi", ["Harjoitus", "neuvottelut"]),
        ("Välfärdsområdesförhandlingarna", "sv", ["Välfärds", "områdes", "förhandlingarna"]),
        ("Sosiaali", "fi", ["Sosiaali"]),  # short: fits a line
        ("Hyvinvointialue", "fi", ["Hyvinvointi", "alue"]),
        ("Hyvinvointialue", "en", ["Hyvinvointialue"]),  # no parts for the language
        ("Alueneuvottelut", "fi", ["Alue", "neuvottelut"]),
        ("Yhteistyöalueet", "fi", ["Yhteistyö", "alueet"]),
    ],
)
def test_long_compounds_break_between_their_parts_only(
    word: str, lang: str, parts: list[str]
) -> None:
    points = break_points(word, lang)
    assert [word[a:b] for a, b in zip([0, *points], [*points, len(word)], strict=True)] == parts


def test_word_parts_marks_soft_hyphens_and_escapes() -> None:
    assert str(word_parts("Hyvinvointialueneuvottelut 2024", "fi")) == (
        "Hyvinvointi&shy;alue&shy;neuvottelut 2024"
    )
    assert str(word_parts("<b>Alue & alue</b>", "fi")) == "&lt;b&gt;Alue &amp; alue&lt;/<wbr>b&gt;"
    assert str(word_parts("Hyvinvointialue/kaupunki", "fi")) == (
        "Hyvinvointi&shy;alue/<wbr>kaupunki"
    )


def test_the_round_heading_breaks_only_at_word_parts(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    rounds = root / "content" / "rounds.yaml"
    text = rounds.read_text(encoding="utf-8")
    rounds.write_text(text.replace("Neuvottelut 2024", "Hyvinvointialueneuvottelut 2024"))
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    page = (out / "kierrokset/2024-hva/index.html").read_text(encoding="utf-8")
    assert ">Hyvinvointi&shy;alue&shy;neuvottelut 2024</h1>" in page


# --- the golden site: links, corrections, withdrawal --------------------------------


@pytest.fixture(scope="module")
def golden_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("lifecycle")
    root = project(tmp, GOLDEN_SITE)
    out = tmp / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _page(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text(encoding="utf-8")


def _related(html: str) -> str:
    found = re.search(r'<nav class="document-related".*?</nav>', html, re.S)
    assert found, "no links to the negotiation's other documents"
    return found.group(0)


def test_a_negotiation_links_to_its_assessment_summary_and_comparisons(golden_out: Path) -> None:
    nav = _related(_page(golden_out, "kierrokset/2018-syksy/uusimaa"))
    assert 'href="/neuvottelut/kierrokset/2018-syksy/uusimaa/arvio/' in nav
    assert 'href="/neuvottelut/kierrokset/2018-syksy/yhteenveto/"' in nav
    assert 'href="/neuvottelut/teemat/saatavuus/uusimaa/"' in nav
    assert 'href="/neuvottelut/sv/kierrokset/2018-syksy/uusimaa/"' in nav
    # In Swedish too, with Swedish words.
    nav = _related(_page(golden_out, "sv/kierrokset/2018-syksy/uusimaa"))
    assert "Temana jämförda mellan omgångarna" in nav
    assert 'href="/neuvottelut/sv/teemat/saatavuus/uusimaa/"' in nav


def test_an_assessment_links_back_to_its_negotiation(golden_out: Path) -> None:
    nav = _related(_page(golden_out, "kierrokset/2018-syksy/uusimaa/arvio"))
    assert 'href="/neuvottelut/kierrokset/2018-syksy/uusimaa/"' in nav
    assert 'href="/neuvottelut/teemat/saatavuus/uusimaa/"' in nav


def test_example_documents_say_so_in_lists(golden_out: Path) -> None:
    page = _page(golden_out, "kierrokset/2018-syksy")
    row = re.search(r'<tr data-region="uusimaa">.*?</tr>', page, re.S)
    assert row and '<span class="example-mark">(esimerkki)</span>' in row.group(0)
    assert '<span class="example-mark">(exempel)</span>' in _page(
        golden_out, "sv/kierrokset/2018-syksy"
    )


def test_example_documents_are_labelled_for_the_search(golden_out: Path) -> None:
    page = _page(golden_out, "kierrokset/2018-syksy/uusimaa")
    assert '<span data-pagefind-meta="Esimerkki">ei todellisen neuvottelun sisältöä</span>' in page
    # A Finnish-only example document, indexed in the Swedish search in its place.
    sv = _page(golden_out, "sv/kierrokset/2018-syksy/etela-savo")
    assert (
        '<span data-pagefind-meta="Exempel">inte innehållet i en verklig förhandling</span>' in sv
    )
    # The search's title is the title as written, without soft hyphens.
    assert 'data-title="Uusimaa, syksy 2018"' in page


def test_changes_show_on_the_page_and_in_the_feed(golden_out: Path) -> None:
    page = _page(golden_out, "kierrokset/2018-syksy/uusimaa")
    assert '<h2 id="changes-heading">Muutokset</h2>' in page
    assert "22.10.2018</time>: Rahoitusosion sanamuotoa tarkennettu." in page
    assert 'Päivitetty <time datetime="2018-10-22">22.10.2018</time>' in page
    sv = _page(golden_out, "sv/kierrokset/2018-syksy/uusimaa")
    assert '<h2 id="changes-heading">Ändringar</h2>' in sv
    feed = (golden_out / "sv/tiedotteet/atom.xml").read_text(encoding="utf-8")
    entry = feed[feed.index("<title>Nyland, hösten 2018</title>") :]
    assert "<updated>2018-10-22T00:00:00Z</updated>" in entry.split("</entry>")[0]
    assert "Korrigerat 22.10.2018: Formuleringen i avsnittet om finansiering" in entry
    sitemap = (golden_out / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"2018-syksy/uusimaa/</loc>\s*<lastmod>2018-10-22</lastmod>", sitemap)


def test_a_withdrawn_document_keeps_its_address_with_a_banner(golden_out: Path) -> None:
    rel = "kierrokset/2024-hva/helsinki/arvio/thl"
    page = _page(golden_out, rel)
    assert '<div class="notice notice-withdrawn" role="note">' in page
    assert "Tämä asiakirja on vedetty pois." in page
    assert "Syy: <span>Arvio julkaistiin vahingossa väärän alueen tiedoilla.</span>" in page
    # Out of the search (no body, no filters) and the sitemap.
    assert "data-pagefind-body" not in page
    assert "data-soteneg-search" not in page
    assert "data-soteneg-search" not in _page(golden_out, f"sv/{rel}")
    assert rel not in (golden_out / "sitemap.xml").read_text(encoding="utf-8")
    # Not in the round's table, but listed below it as withdrawn.
    round_page = _page(golden_out, "kierrokset/2024-hva")
    table, withdrawn = round_page.split('<section class="round-withdrawn"')
    assert rel not in table
    assert f'href="/neuvottelut/{rel}/"' in withdrawn
    assert '<span class="withdrawn-mark">(vedetty)</span>' in withdrawn
    assert "Återkallade och ersatta dokument" in _page(golden_out, "sv/kierrokset/2024-hva")


def test_a_withdrawn_news_item_leaves_the_lists_and_the_feed(golden_out: Path) -> None:
    sv = _page(golden_out, "sv/tiedotteet/2018-11-20-ennakko")
    # The Swedish placeholder says so too, the reason marked as Finnish.
    assert "Detta dokument har återkallats." in sv
    assert 'Skäl: <span lang="fi">Tiedotteen päivämäärät olivat virheelliset.</span>' in sv
    for listing in ("tiedotteet", "", "sv/tiedotteet"):
        assert "2018-11-20-ennakko" not in _page(golden_out, listing)
    feed = (golden_out / "tiedotteet/atom.xml").read_text(encoding="utf-8")
    assert "2018-11-20-ennakko" not in feed


def test_a_superseded_document_links_to_the_one_in_force(golden_out: Path) -> None:
    page = _page(golden_out, "sivut/taulukko-2018-10")
    assert "Tämä asiakirja on korvattu. Voimassa oleva asiakirja:" in page
    assert '<a href="/neuvottelut/sivut/taulukko/">Pitkä taulukko</a>' in page
    assert "Syy: <span>Taulukko päivitettiin marraskuussa.</span>" in page
    assert "sivut/taulukko-2018-10" not in _page(golden_out, "")


def test_a_public_version_names_its_confidential_original_and_ground(golden_out: Path) -> None:
    page = _page(golden_out, "kierrokset/2024-hva/helsinki")
    assert "julkinen versio salassa pidettävästä asiakirjasta neuvottelumuistion" in page
    assert 'Peruste: <span lang="fi">Julkisuuslaki (621/1999) 24 § 1 mom. 8 kohta</span>' in page


# --- git: the day a document last changed, and corrections owed ---------------------


def _git(root: Path, *args: str, day: str = "2025-01-15") -> None:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(root),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Testi",
        "GIT_AUTHOR_EMAIL": "testi@example.fi",
        "GIT_COMMITTER_NAME": "Testi",
        "GIT_COMMITTER_EMAIL": "testi@example.fi",
        "GIT_AUTHOR_DATE": f"{day}T12:00:00+02:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00+02:00",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The minimal site as a git checkout of its own, first committed on 15.1.2025."""
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(REPO / "templates", root / "templates")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    return root


NEWS = "content/tiedotteet/uutinen.md"


def _edit(root: Path, old: str, new: str) -> None:
    path = root / NEWS
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_no_history_outside_a_checkout_or_below_its_top(checkout: Path, tmp_path: Path) -> None:
    assert read_history(tmp_path / "nowhere") == NO_HISTORY
    below = checkout / "content"
    assert read_history(below) == NO_HISTORY
    assert read_history(checkout).committed[NEWS].isoformat() == "2025-01-15"


def test_an_edit_without_a_change_note_is_warned_about(checkout: Path) -> None:
    _edit(checkout, "Teksti.", "Korjattu teksti.")
    _git(checkout, "commit", "-q", "-am", "edit", day="2025-02-01")
    result = run_cli("check", "--root", checkout)
    assert result.returncode == 0, result.stdout
    line = next(x for x in result.stdout.splitlines() if "changed-without-note" in x)
    assert line.startswith(f"{NEWS}:")
    assert "changed in commit" in line and "(2025-02-01)" in line
    # A note in the same kind of commit answers it.
    _edit(checkout, "summary:", "changes:\n  - date: 2025-02-02\n    note: Korjattu.\nsummary:")
    _edit(checkout, "Korjattu teksti.", "Korjattu teksti taas.")
    _git(checkout, "commit", "-q", "-am", "noted", day="2025-02-02")
    assert "changed-without-note" not in run_cli("check", "--root", checkout).stdout


def test_an_uncommitted_edit_is_not_judged_and_has_no_commit_day(checkout: Path) -> None:
    _edit(checkout, "Teksti.", "Korjattu teksti.")
    history = read_history(checkout)
    assert NEWS not in history.committed and NEWS not in history.edits


def test_the_last_commit_day_is_shown_and_a_commit_rebuilds(checkout: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("build", "--root", checkout, "--out", out, "--no-pdf", "--now", "2025-06-01T12:00")
    page = out / "tiedotteet/uutinen/index.html"
    assert run_cli(*args).returncode == 0
    assert 'Päivitetty <time datetime="2025-01-15">15.1.2025</time>' in page.read_text()
    # Edited and not committed: no commit day to show, only the document's own date.
    _edit(checkout, "Teksti.", "Korjattu teksti.")
    assert run_cli(*args).returncode == 0
    assert "Päivitetty" not in page.read_text()
    # Committed: no file changed, yet the page now shows the commit's day.
    _git(checkout, "commit", "-q", "-am", "edit", day="2025-03-01")
    assert run_cli(*args).returncode == 0
    assert 'Päivitetty <time datetime="2025-03-01">1.3.2025</time>' in page.read_text()
    first = page.read_bytes()
    assert run_cli(*args).returncode == 0
    assert page.read_bytes() == first


def test_a_file_name_with_a_line_break_does_not_confuse_the_history(checkout: Path) -> None:
    odd = checkout / "content/sivut/a\nb.md"
    odd.parent.mkdir(parents=True, exist_ok=True)
    odd.write_text("---\ntitle: A\ntype: page\ndate: 2018-10-15\n---\n\nYksi.\n")
    _git(checkout, "add", "-A")
    _git(checkout, "commit", "-q", "-m", "odd")
    odd.write_text(odd.read_text().replace("Yksi.", "Kaksi."))
    _edit(checkout, "Teksti.", "Korjattu teksti.")
    _git(checkout, "commit", "-q", "-am", "both", day="2025-02-01")
    history = read_history(checkout)
    assert history.edits[NEWS].text_changed
    assert not any("\n" in name for name in history.committed)
