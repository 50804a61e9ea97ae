"""Incremental builds are exact: after any edit, a build into the previous output gives the
same bytes as a clean build, writes every file whose bytes changed, and leaves every
other file alone (same bytes, same mtime). Timings belong to `make bench`, not here."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.build import cache as build_cache
from soteneg.build.output import cache_dir
from soteneg.content.unchanged import SETTLED_NS
from soteneg.pipeline import BuildResult, Memory
from soteneg.pipeline import build as build_in_process
from soteneg.site.index import BuildOptions

# After the news of 26.11.2018, before the embargoed news of 1.12.2018 09:00.
NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2018, 12, 2, tzinfo=dt.UTC)
SYKSY = "content/kierrokset/2018-syksy"


def _build(root: Path, out: Path, now: dt.datetime = NOW, **kwargs: object) -> BuildResult:
    result = build_in_process(
        root,
        out,
        BuildOptions(now=now),
        with_search=False,
        **kwargs,  # type: ignore[arg-type]
    )
    assert not result.failed, [p.message for p in result.problems]
    return result


def _files(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file()
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


NEWS = """---
title: Uusi tiedote
type: news
date: 2018-11-28
summary: Lisätty kesken kaiken.
---

Tiedotteen teksti.
"""

TRANSLATION = """---
title: Nyland, våren 2018
type: negotiation
date: 2018-02-14
region: uusimaa
round: 2018-kevat
themes: [saatavuus, integraatio]
lang: sv
translation_of: kierrokset/2018-kevat/uusimaa
---

Inledning.
"""

SAMI = """---
title: Uusimaa, čakča 2018
type: negotiation
date: 2018-10-20
region: uusimaa
round: 2018-syksy
lang: se
translation_of: kierrokset/2018-syksy/uusimaa
---

Teaksta.
"""
BY_THL = """---
title: Uusimaa, syksy 2018
type: assessment
issuer: thl
date: 2018-10-06
region: uusimaa
round: 2018-syksy
---

Arvio.
"""


EDITS: dict[str, Callable[[Path], None]] = {
    "body of a theme section": lambda r: _edit(
        r / SYKSY / "uusimaa.md", "Jonot ovat lyhyitä.", "Jonot ovat pidentyneet."
    ),
    "body outside any section": lambda r: _append(
        r / "content/kierrokset/2018-kevat/uusimaa.md", "\nUusi kappale.\n"
    ),
    "title": lambda r: _edit(r / SYKSY / "uusimaa.md", "Uusimaa, syksy 2018", "Uusimaa, syksy"),
    "summary": lambda r: _edit(r / SYKSY / "uusimaa.md", "Syksyn neuvottelu.", "Tiivistelmä."),
    "news added": lambda r: (r / "content/tiedotteet/2018-11-28-uusi.md").write_text(
        NEWS, encoding="utf-8"
    ),
    "document deleted": lambda r: (r / SYKSY / "etela-savo.md").unlink(),
    "translation added": lambda r: (r / "content/kierrokset/2018-kevat/uusimaa.sv.md").write_text(
        TRANSLATION, encoding="utf-8"
    ),
    "document moved to another round": lambda r: _edit(
        r / SYKSY / "etela-savo.md", "round: 2018-syksy", "round: 2018-kevat"
    ),
    "draft published": lambda r: _edit(r / SYKSY / "luonnos.md", "draft: true", "draft: false"),
    # Found by test_incremental_property: the Swedish placeholder of a Finnish-only
    # document carries its themes as search filters.
    "themes of a document not in Swedish": lambda r: _edit(
        r / "content/kierrokset/2018-kevat/uusimaa.md",
        "themes: [saatavuus, integraatio]",
        "themes: [saatavuus]",
    ),
    "region renamed in a data file": lambda r: _edit(
        r / "content/regions.yaml", "sv: Nyland}", "sv: Nyland län}"
    ),
    "one template": lambda r: _edit(
        r / "templates/theme_region.html", "{% block main %}", "{% block main %}<!-- v2 -->"
    ),
    "a template every page extends": lambda r: _edit(
        r / "templates/base.html", "</main>", "</main><!-- v2 -->"
    ),
    "stylesheet": lambda r: _append(r / "templates/static/style.css", "\n/* v2 */\n"),
    "site.yaml": lambda r: _edit(r / "site.yaml", "sv: Gyllene testwebbplats", "sv: Ny titel"),
    "attachment replaced": lambda r: _append(r / SYKSY / "liitteet/luvut.csv", "\n9;9\n"),
    # Issue 17: pages that show eras' words, parties and predecessors' documents.
    "era words in eras.yaml": lambda r: _edit(
        r / "content/eras.yaml", "unit: {fi: maakunta,", "unit: {fi: seutu,"
    ),
    "party renamed in parties.yaml": lambda r: _edit(
        r / "content/parties.yaml", "fi: Valtiovarainministeriö", "fi: Valtiovarainministeriö (VM)"
    ),
    "a predecessor's theme section": lambda r: _edit(
        r / SYKSY / "etela-savo.md", "Saatavuus.", "Saatavuus on hyvä."
    ),
    # Issue 25: a recommendation shows on its document, on the next round's document
    # that follows it up, and on the unit's and the round's pages of recommendations.
    "a recommendation's text": lambda r: _edit(
        r / "content/kierrokset/2024-hva/etela-savo-hva.md",
        "odotusajat kuukausittain.",
        "odotusajat viikoittain.",
    ),
    "a follow-up's status": lambda r: _edit(
        r / "content/kierrokset/2025-hva/etela-savo-hva.md",
        "status: dropped",
        "status: not_started",
    ),
    "a translation's recommendation": lambda r: _edit(
        r / "content/kierrokset/2024-hva/helsinki.sv.md", "i sin budget.", "i budgeten."
    ),
    # Issue 27: the 2025 document no longer gives or follows up any recommendation on
    # rahoitus: the unit's comparison of them goes, and so do the links to it.
    "a theme's recommendations no longer compared": lambda r: _edit(
        r / "content/kierrokset/2025-hva/etela-savo-hva.md",
        "  - id: es-2024-3\n    status: dropped\n"
        "    note: Alijäämä katettiin ilman erillistä suunnitelmaa.\n"
        "recommendations:\n  - id: es-2025-1\n    theme: rahoitus\n"
        "    text: Hyvinvointialue raportoi investointiensa toteutumisesta puolivuosittain.\n",
        "",
    ),
    "a meeting's attendee": lambda r: _edit(
        r / "content/kierrokset/2024-hva/etela-savo-hva.md",
        'present_to: "10:30"',
        'present_to: "11:00"',
    ),
    # Issue 25: a version with a page of its own listed on others, another issuer.
    "a version in North Sámi added": lambda r: (r / SYKSY / "uusimaa.se.md").write_text(
        SAMI, encoding="utf-8"
    ),
    # Issue 27: a correction shows on the page, the feed and the sitemap; a withdrawal
    # on the page, its placeholders, its round's page, the lists and the documents that
    # link to it; a replacement's title on the banner of the document it replaces.
    "a correction added": lambda r: _edit(
        r / SYKSY / "uusimaa.md",
        "    note: Rahoitusosion sanamuotoa tarkennettu.\n",
        "    note: Rahoitusosion sanamuotoa tarkennettu.\n"
        "  - date: 2018-11-02\n    note: Lisäys.\n",
    ),
    "a document withdrawn": lambda r: _edit(
        r / SYKSY / "etela-savo.md", "\n---\n", "\nstatus: withdrawn\nreason: Virhe.\n---\n"
    ),
    "the replacing document's title": lambda r: _edit(
        r / "content/sivut/taulukko.md", "title: Pitkä taulukko", "title: Pitkä taulukko 2"
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_rewrites_exactly_the_files_it_changes(tmp_path: Path, edit: str) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    before = _files(out)
    EDITS[edit](root)
    result = _build(root, out)
    after = _files(out)

    clean = tmp_path / "clean"
    _build(root, clean)
    expected = {rel: data for rel, (data, _) in _files(clean).items()}
    assert {rel: data for rel, (data, _) in after.items()} == expected

    changed = {rel for rel in after if rel not in before or before[rel][0] != after[rel][0]}
    assert changed, "the edit should change some page"
    assert set(result.written) == changed
    assert set(result.removed) == set(before) - set(after)
    kept = {rel for rel in after if rel not in changed}
    assert all(after[rel][1] == before[rel][1] for rel in kept), "unchanged files were rewritten"


def test_one_document_edit_changes_its_pages_and_no_others(tmp_path: Path) -> None:
    """The pages that show a document's title: its own, its round's, its region's, the
    theme pages that list it, the sitemap; not the other documents' pages."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    EDITS["title"](root)
    written = set(_build(root, out).written)
    assert {
        "kierrokset/2018-syksy/uusimaa/index.html",
        "kierrokset/2018-syksy/index.html",
        "maakunnat/uusimaa/index.html",
        "teemat/saatavuus/index.html",
    } <= written
    assert not any(w.startswith("kierrokset/2018-kevat/") for w in written)
    assert "kierrokset/2018-syksy/etela-savo/index.html" not in written


@pytest.mark.parametrize("edit", ["era words in eras.yaml", "a predecessor's theme section"])
def test_a_countys_theme_page_follows_its_predecessor(tmp_path: Path, edit: str) -> None:
    """Etelä-Savon hyvinvointialue's page on a theme shows Etelä-Savo's sections, labelled
    with what Etelä-Savo was (eras.yaml): an edit to either makes it again."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    EDITS[edit](root)
    written = set(_build(root, out).written)
    assert "teemat/saatavuus/etela-savo-hva/index.html" in written
    if edit == "a predecessor's theme section":
        # Written only in Finnish, so the Swedish page shows it too; Helsinki's history
        # (Uusimaa's) does not include it.
        assert "sv/teemat/saatavuus/etela-savo-hva/index.html" in written
        assert "teemat/saatavuus/helsinki/index.html" not in written


def test_an_embargo_that_ends_is_a_change_without_an_edit(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    assert _build(root, out).unchanged
    later = _build(root, out, now=LATER)
    assert not later.unchanged
    assert "tiedotteet/2018-12-01-embargo/index.html" in later.written
    clean = tmp_path / "clean"
    _build(root, clean, now=LATER)
    assert {r: d for r, (d, _) in _files(out).items()} == {
        r: d for r, (d, _) in _files(clean).items()
    }


@pytest.mark.parametrize("settled", [False, True])
def test_nothing_changed_writes_nothing(tmp_path: Path, settled: bool) -> None:
    """Both ways the first build may find the documents: changed within SETTLED_NS, so
    that the next build reads them all, or settled, so that it knows them by their
    stamps. Which one the copy just made gave depended on the machine's load (the copy
    and the start of a build taking more or less than 3 s); now each is made so."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    docs = sorted((root / "content").rglob("*.md"))
    if settled:
        time.sleep(SETTLED_NS / 1e9 + 0.2)
    else:
        for doc in docs:  # changed "later" than any build can read them
            os.utime(doc, ns=(doc.stat().st_atime_ns, time.time_ns() + 3600 * 10**9))
    first = build(root, out)
    assert first.returncode == 0, first.stdout + first.stderr
    known = msgspec.msgpack.decode((cache_dir(out) / "known.msgpack").read_bytes())
    assert len(known["files"]) == (len(docs) if settled else 0)
    before = _files(out)
    again = build(root, out)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "nothing changed" in again.stdout, again.stdout + again.stderr
    assert _changed(before, _files(out)) == []
    # Touching a file without changing it is not a no-op, but writes nothing.
    page = root / SYKSY / "uusimaa.md"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    touched = build(root, out)
    assert "(0 written, 0 removed)" in touched.stdout, touched.stdout + touched.stderr
    assert _changed(before, _files(out)) == []


def _changed(
    before: dict[str, tuple[bytes, int]], after: dict[str, tuple[bytes, int]]
) -> list[str]:
    """The output files added, removed or written again: a short message when they are."""
    return sorted(rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel))


def test_damaged_output_is_repaired(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    reference = {r: d for r, (d, _) in _files(out).items()}
    (out / "kierrokset/2018-syksy/index.html").write_text("vandalised")
    (out / "sitemap.xml").unlink()
    result = _build(root, out)
    assert set(result.written) == {"kierrokset/2018-syksy/index.html", "sitemap.xml"}
    assert {r: d for r, (d, _) in _files(out).items()} == reference


def test_a_half_finished_update_makes_the_next_build_start_clean(tmp_path: Path) -> None:
    """A build killed while moving files into place leaves its journal: the next build
    cannot trust the output and replaces it whole."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    reference = {r: d for r, (d, _) in _files(out).items()}
    (out / "index.html").write_text("half-written")
    build_cache.journal(out).touch()
    stamp = (out / "index.html").stat()
    os.utime(out / "index.html", ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    result = _build(root, out)
    assert set(result.written) == set(reference)
    assert {r: d for r, (d, _) in _files(out).items()} == reference
    assert not build_cache.journal(out).exists()


@pytest.mark.parametrize("damage", ["deleted", "garbage", "other options"])
def test_the_cache_is_safe_to_delete_or_damage(tmp_path: Path, damage: str) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    reference = {r: d for r, (d, _) in _files(out).items()}
    folder = cache_dir(out)
    if damage == "deleted":
        shutil.rmtree(folder)
    elif damage == "garbage":
        for name in (build_cache.BUILD_FILE, build_cache.INPUTS_FILE):
            (folder / name).write_bytes(b"\x80\x04not a pickle")
    EDITS["title"](root)
    result = build_in_process(
        root,
        out,
        BuildOptions(now=NOW, drafts=damage == "other options"),
        with_search=False,
    )
    assert not result.failed
    # Without a usable cache the whole site is written afresh.
    assert set(result.written) == set(_files(out))
    assert reference.keys() - _files(out).keys() <= {"kierrokset/2018-syksy/luonnos/index.html"}


def test_a_failed_build_after_an_edit_leaves_the_site_and_the_cache(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    before = _files(out)
    _edit(root / "templates/theme_region.html", "{% block main %}", "{% block main %}{{ nope }}")
    failed = build_in_process(root, out, BuildOptions(now=NOW), with_search=False)
    assert failed.failed
    assert _files(out) == before
    _edit(root / "templates/theme_region.html", "{{ nope }}", "")
    assert _build(root, out).written == []


def test_the_preview_memory_gives_the_same_site_as_the_disk_cache(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    memory = Memory()
    out = tmp_path / "out"
    _build(root, out, memory=memory)
    for name in ("title", "news added", "one template"):
        EDITS[name](root)
        _build(root, out, memory=memory)
    assert not (cache_dir(out) / build_cache.BUILD_FILE).exists()
    clean = tmp_path / "clean"
    _build(root, clean)
    assert {r: d for r, (d, _) in _files(out).items()} == {
        r: d for r, (d, _) in _files(clean).items()
    }


def test_the_preview_fixes_a_broken_template_without_starting_over(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    memory = Memory()
    out = tmp_path / "out"
    _build(root, out, memory=memory)
    before = _files(out)
    template = root / "templates/theme_region.html"
    _edit(template, "{% block main %}", "{% block main %}{{ nope }}")
    broken = build_in_process(root, out, BuildOptions(now=NOW), with_search=False, memory=memory)
    assert broken.failed and _files(out) == before
    _edit(template, "{{ nope }}", "<!-- fixed -->")
    fixed = _build(root, out, memory=memory)
    assert fixed.written and all("teemat/" in w for w in fixed.written)
    kept = set(before) - set(fixed.written)
    assert all(_files(out)[rel][1] == before[rel][1] for rel in kept)


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path: Path) -> None:
    """A tool that restores the modification time after changing a file (or a clock too
    coarse to tell two saves apart) must not leave the old text on the site: ctime and
    the inode move on edits whatever the mtime says. Through the command line, whose
    "nothing changed" answer is the one that would miss it."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    doc = root / "content/kierrokset/2018-kevat/uusimaa.md"
    before = doc.stat()
    text = doc.read_text(encoding="utf-8")
    assert "Jonot ovat lyhyitä" in text
    doc.write_text(text.replace("Jonot ovat", "Jonot OVAT", 1), encoding="utf-8")
    os.utime(doc, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert doc.stat().st_size == before.st_size
    assert doc.stat().st_mtime_ns == before.st_mtime_ns
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    assert "nothing changed" not in result.stdout + result.stderr
    page = (out / "kierrokset/2018-kevat/uusimaa/index.html").read_text(encoding="utf-8")
    assert "Jonot OVAT lyhyitä" in page


ITA_UUSIMAA_2024 = """---
title: Itä-Uusimaa 2024
type: negotiation
date: 2024-05-20
region: ita-uusimaa-hva
round: 2024-hva
themes: [saatavuus]
example: true
---

## Palvelujen saatavuus {theme=saatavuus}

Palvelut ovat saatavilla lähes kaikkialla alueella. Jonot ovat kohtuullisia.
"""


def test_a_comparison_follows_the_language_of_the_section_it_shows(tmp_path: Path) -> None:
    """The Swedish page of a county whose 2024 section exists only in Finnish does not
    mark that Finnish text against anything (issue 27: a Swedish page never strikes
    through Finnish words); it says so and links to the comparison on the Finnish page.
    Editing the predecessor's Finnish text must still rebuild the Swedish page as a
    clean build would make it (its fingerprint holds every language's section, not only
    the page's own)."""
    root = project(tmp_path, GOLDEN_SITE)
    (root / "content/kierrokset/2024-hva/ita-uusimaa-hva.md").write_text(
        ITA_UUSIMAA_2024, encoding="utf-8"
    )
    out = tmp_path / "out"
    _build(root, out)
    page = out / "sv/teemat/saatavuus/ita-uusimaa-hva/index.html"
    html = page.read_text(encoding="utf-8")
    assert "<del>" not in html and "<ins>" not in html
    assert "Inte jämförd: den här omgångens text finns inte på svenska." in html
    assert 'href="/neuvottelut/teemat/saatavuus/ita-uusimaa-hva/#cmp-2024-hva"' in html
    assert 'id="cmp-2024-hva"' in (out / "teemat/saatavuus/ita-uusimaa-hva/index.html").read_text(
        encoding="utf-8"
    )
    _edit(root / SYKSY / "uusimaa.md", "Jonot ovat lyhyitä.", "Jonot ovat pidentyneet.")
    result = _build(root, out)
    assert "teemat/saatavuus/ita-uusimaa-hva/index.html" in result.written
    clean = tmp_path / "clean"
    _build(root, clean)
    assert (
        page.read_bytes() == (clean / "sv/teemat/saatavuus/ita-uusimaa-hva/index.html").read_bytes()
    )


def test_a_second_assessment_rewrites_the_pages_that_list_it(tmp_path: Path) -> None:
    """Issue 25: an expert body's assessment beside one that names none. The round's and
    the unit's pages list every assessment, not the first: their keys must hold all.
    (The expert body is in the golden site's parties.yaml from the start: a data file's
    change would rewrite every page anyway.)"""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out)
    before = _files(out)
    (root / SYKSY / "arviot/uusimaa-thl.md").write_text(BY_THL, encoding="utf-8")
    _build(root, out)
    after = _files(out)
    clean = tmp_path / "clean"
    _build(root, clean)
    assert {rel: data for rel, (data, _) in after.items()} == {
        rel: data for rel, (data, _) in _files(clean).items()
    }
    changed = {rel for rel in after if rel not in before or after[rel][0] != before[rel][0]}
    assert "kierrokset/2018-syksy/index.html" in changed
    assert "maakunnat/uusimaa/index.html" in changed
