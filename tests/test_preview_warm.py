"""What the preview keeps between saves of its site-wide passes (content.warm): the data
files as parsed and each document's file references. Every save's output is a clean
build's, byte for byte, when a save changes what was kept: each test fails when a part
of the key it was kept under is left out."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from conftest import MINIMAL
from test_incremental_budgets import BUDGETS
from test_site import GOLDEN_SITE, project

from soteneg.build.cache import Cache
from soteneg.build.content_links import links_key, outline_part
from soteneg.content.loader import Document
from soteneg.content.models import Region, Theme
from soteneg.content.warm import Warm
from soteneg.core.options import BuildOptions
from soteneg.editors import serve
from soteneg.pipeline import build, check

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
DOC = "content/kierrokset/2018-syksy/uusimaa.md"
NEWS = "content/tiedotteet/uutinen.md"
THEMES = "content/themes.yaml"


def tree_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def clean_build(preview: serve.Preview, tmp_path: Path, name: str) -> dict[str, bytes]:
    """A clean build of the preview's project as it is now, with the preview's options."""
    copy = tmp_path / name / "project"
    shutil.copytree(preview.root, copy, symlinks=True)  # a linked document stays a link
    out = tmp_path / name / "out"
    mark = preview.content_mark
    options = BuildOptions(drafts=True, now=preview.now, base_path="/", content_mark=mark)
    result = build(copy, out, options, with_search=False, link_pdfs=True)
    assert not result.failed, [p.message for p in result.problems]
    return tree_of(out)


def _saved(preview: serve.Preview) -> dict[str, bytes]:
    state = preview.rebuild()
    assert not state.failed, [p.message for p in state.problems]
    return tree_of(preview.out)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_that_changes_a_data_file_shows_it(tmp_path: Path) -> None:
    """Kept under the file's text: a theme renamed is renamed on every page."""
    root = project(tmp_path, MINIMAL)
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    assert not preview.rebuild().failed
    _edit(root / THEMES, "Palvelujen saatavuus,", "Palvelujen saatavuus nyt,")
    saved = _saved(preview)
    assert any(b"Palvelujen saatavuus nyt" in data for data in saved.values())
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_save_that_attaches_a_file_publishes_it(tmp_path: Path) -> None:
    """Kept under the document itself: one that links a file now attaches it."""
    root = project(tmp_path, MINIMAL)
    (root / "content/kierrokset/2018-syksy/liite.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    first = _saved(preview)
    _edit(root / DOC, "Integraatiosta.", "Integraatiosta. Katso [liite](liite.csv).")
    saved = _saved(preview)
    assert len(saved) > len(first)  # the attached file
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_save_that_moves_a_document_s_pdf_links_it_where_it_is_now(tmp_path: Path) -> None:
    """The PDFs the pages link to are kept under every front matter: a document whose
    language changes has its PDF under the other language's address."""
    root = project(tmp_path, MINIMAL)
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    assert b"/tiedotteet/uutinen.pdf" in _saved(preview)["tiedotteet/uutinen/index.html"]
    _edit(root / NEWS, "type: news\n", "type: news\nlang: sv\n")
    saved = _saved(preview)
    assert b"/sv/tiedotteet/uutinen.pdf" in saved["sv/tiedotteet/uutinen/index.html"]
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_save_after_an_embargo_ends_links_the_document_s_pdf(tmp_path: Path) -> None:
    """... and under the documents published: the clock alone publishes one."""
    root = project(tmp_path, MINIMAL)
    _edit(root / NEWS, "type: news\n", "type: news\npublish_at: 2018-12-01 09:00:00\n")
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    assert "tiedotteet/uutinen/index.html" not in _saved(preview)
    preview.now = dt.datetime(2018, 12, 2, 9, 0, tzinfo=dt.UTC)
    _edit(root / DOC, "Integraatiosta.", "Integraatiosta. Tallennettu.")
    saved = _saved(preview)
    assert b"/tiedotteet/uutinen.pdf" in saved["tiedotteet/uutinen/index.html"]
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_data_file_is_kept_under_its_path_model_and_text() -> None:
    warm = Warm()
    text = "- id: uusimaa\n  nimi: x\n"
    first = warm.data_file("content/regions.yaml", text, Region)
    assert first[3] and all(p.file == "content/regions.yaml" for p in first[3])
    other = warm.data_file("content/themes.yaml", text, Region)
    assert other[3] and all(p.file == "content/themes.yaml" for p in other[3])
    as_theme = warm.data_file("content/regions.yaml", text, Theme)
    assert [p.message for p in as_theme[3]] != [p.message for p in first[3]]
    fixed = "- id: saatavuus\n  name: {fi: A, sv: B, en: C}\n  description: {fi: D, sv: E, en: F}\n"
    assert list(warm.data_file("content/regions.yaml", fixed, Theme)[0]) == ["saatavuus"]
    assert warm.data_file("content/regions.yaml", text, Region)[3] == first[3]


def test_what_is_kept_is_handed_out_in_new_containers() -> None:
    warm = Warm()
    text = "- id: saatavuus\n  name: {fi: A, sv: B, en: C}\n  description: {fi: D, sv: E, en: F}\n"
    entries = warm.data_file(THEMES, text, Theme)[0]
    entries.clear()
    assert list(warm.data_file(THEMES, text, Theme)[0]) == ["saatavuus"]


def test_a_deleted_document_is_forgotten(tmp_path: Path) -> None:
    """What is kept of a document (its references) goes with it: a preview left running
    through a day of renames holds only the documents there are, and the save's output
    is a clean build's."""
    root = project(tmp_path, MINIMAL)
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    _saved(preview)
    assert {DOC, NEWS, THEMES} <= preview.memory.warm.kept()
    (root / NEWS).unlink()
    saved = _saved(preview)
    kept = preview.memory.warm.kept()
    assert DOC in kept and THEMES in kept and NEWS not in kept
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_data_file_no_longer_there_is_forgotten() -> None:
    warm = Warm()
    text = "- id: saatavuus\n  name: {fi: A, sv: B, en: C}\n  description: {fi: D, sv: E, en: F}\n"
    warm.data_file(THEMES, text, Theme)
    warm.data_file("content/eras.yaml", text, Theme)
    warm.keep_only([], [THEMES])
    assert warm.kept() == {THEMES}


def test_a_save_that_leaves_a_placeholder_warns_of_it_until_it_is_gone(tmp_path: Path) -> None:
    """A document's placeholder warnings are kept under the document itself: one saved
    with a placeholder warns, and saved without it no longer does."""
    root = project(tmp_path, MINIMAL)
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)

    def warned() -> list[tuple[str, int]]:
        state = preview.rebuild()
        assert not state.failed
        return [(p.file, p.line) for p in state.problems if p.code == "placeholder-text"]

    assert warned() == []
    _edit(root / DOC, "Integraatiosta.", "Integraatiosta.\n\n[Kirjoita teksti tähän.]\n")
    [(file, line)] = warned()
    assert file == DOC
    assert warned() == [(file, line)]  # the same document again: kept
    _edit(root / DOC, "\n[Kirjoita teksti tähän.]\n", "")
    assert warned() == []


def test_a_key_part_is_kept_under_the_document_itself_and_its_function() -> None:
    """Warm.key_part: made again for another object of the same file (a save parsed
    it again), and for another function; forgotten with its document."""
    warm = Warm()
    made: list[str] = []

    def make(doc: Document) -> bytes:
        made.append("make")
        return b"1"

    def other(doc: Document) -> bytes:
        made.append("other")
        return b"2"

    doc = cast(Document, SimpleNamespace(file=DOC))
    assert warm.key_part(doc, make) == b"1" and warm.key_part(doc, make) == b"1"
    assert made == ["make"]
    again = cast(Document, SimpleNamespace(file=DOC))
    assert warm.key_part(again, make) == b"1" and made == ["make", "make"]
    assert warm.key_part(again, other) == b"2" and made == ["make", "make", "other"]
    assert DOC in warm.kept()
    warm.keep_only([], [])
    assert warm.kept() == frozenset()


def test_the_links_key_made_of_kept_parts_is_the_whole_key(tmp_path: Path) -> None:
    """links_key with each document's part kept in a Warm across checks is the key made
    whole: the same before a heading is renamed, and after it (a part kept under the
    document's file alone would keep the old heading, and the key with it)."""
    root = project(tmp_path, MINIMAL)
    warm = Warm()
    options = BuildOptions()

    def keys() -> tuple[str, str]:
        found = check(root, None, html=True, pdf=False)
        assert found.site is not None
        sites = (found.site, found.site)
        content = found.content
        kept = links_key("f", content, options, sites, {}, lambda d: warm.key_part(d, outline_part))
        return kept, links_key("f", content, options, sites, {})

    first, whole = keys()
    assert first == whole
    _edit(root / DOC, "## Palvelujen saatavuus {theme=saatavuus}", "## Saatavuus {theme=saatavuus}")
    second, whole = keys()
    assert second == whole and second != first


def test_a_chapter_s_print_lines_are_kept_under_the_document_itself_and_its_function() -> None:
    """Warm.print_lines: made again for another object of the same file (a save parsed
    it again), and for another function; forgotten with its document."""
    warm = Warm()
    made: list[str] = []

    def make(doc: Document) -> float:
        made.append("make")
        return 1.0

    def other(doc: Document) -> float:
        made.append("other")
        return 2.0

    doc = cast(Document, SimpleNamespace(file=DOC))
    assert warm.print_lines(doc, make) == 1.0 and warm.print_lines(doc, make) == 1.0
    assert made == ["make"]
    again = cast(Document, SimpleNamespace(file=DOC))
    assert warm.print_lines(again, make) == 1.0 and made == ["make", "make"]
    assert warm.print_lines(again, other) == 2.0 and made == ["make", "make", "other"]
    assert DOC in warm.kept()
    warm.keep_only([], [])
    assert warm.kept() == frozenset()


def test_the_print_budgets_with_kept_chapter_lines_are_a_clean_check_s(tmp_path: Path) -> None:
    """Checks that keep each chapter's lines in one Warm (as the preview's saves do)
    report the packets' budgets a clean check reports, after the summary (which only the
    chapter's lines read) grows by a page and shrinks again: lines kept under the file
    alone would keep the short summary's page count."""
    root = project(tmp_path, GOLDEN_SITE)
    with (root / "site.yaml").open("a", encoding="utf-8") as site:
        site.write(BUDGETS)
    warm = Warm()
    cache = Cache("test")
    short = "summary: Syksyn neuvottelu."
    original = (root / DOC).read_text(encoding="utf-8")
    assert short in original
    seen = []
    for summary in [short, "summary: " + "Pitkä. " * 284 + "Pitkä.", short]:
        (root / DOC).write_text(original.replace(short, summary), "utf-8")
        got = check(root, cache, html=True, pdf=False, warm=warm).problems
        want = check(root, None, html=True, pdf=False).problems
        assert got == want, summary
        seen.append([p for p in got if p.code.endswith("-too-long")])
    assert seen[0] != seen[1] and seen[2] == seen[0]  # the summary's page is over a budget
