"""An edit's shard fed to Pagefind before its pages are made (soteneg.build.search_ahead):
the index is the same bytes as a clean index of the pages as they are when it is due,
whatever changed in between, and a shard whose pages are not the ones fed is indexed
as without it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from test_search_shards import _bundle, _bytes, _page, _site

from soteneg.build import search_ahead, search_shards
from soteneg.build.search_shards import hashed, index_ahead, index_site, shard_count
from soteneg.pipeline import build as build_in_process
from soteneg.site import search
from soteneg.site.index import BuildOptions

EDITED = "kierrokset/2020/kainuu"


def _pages(site: Path) -> list[str]:
    return search.site_pages(site)


def _taken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each shard language the runs begun ahead were asked for, and whether they gave it."""
    asked: list[tuple[str, bool]] = []
    real = search_ahead.Ahead.index

    def spy(self: search_ahead.Ahead, key: str, pages: list[str]) -> object:
        done = real(self, key, pages)
        asked.append((key, done is not None))
        return done

    monkeypatch.setattr(search_ahead.Ahead, "index", spy)
    return asked


def _clean(site: Path, tmp_path: Path) -> dict[str, bytes]:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("pagefind"))
    index_site(clean, None)
    return _bytes(_bundle(clean))


@pytest.fixture
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_shards, "PAGES_PER_SHARD", 16)


@pytest.mark.usefixtures("small_shards")
def test_pages_changed_after_the_shard_was_fed_are_given_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, state = tmp_path / "site", tmp_path / "out"
    _site(site)
    pages = _pages(site)
    shard_of = hashed(shard_count(len(pages)))
    assert shard_count(len(pages)) >= 4
    index_site(site, state)
    key = shard_of(f"{EDITED}/index.html")
    mine = [rel for rel in pages if shard_of(rel) == key]
    # The edited page, and the first and last page of its shard in each language.
    edited = {f"{EDITED}/index.html", mine[0], mine[-1]}
    asked = _taken(monkeypatch)
    ahead = index_ahead(site, pages, [f"{EDITED}/index.html"])
    for rel in sorted(edited):
        lang = "sv" if rel.startswith("sv/") else "fi"
        _page(site, rel.removesuffix("/index.html"), lang, "Aivan uudet sanat: kertomus.")
    assert index_site(site, state, indexed=pages, ahead=ahead) == [key]
    assert sorted(asked) == [(key, True), (key, True)]  # both languages taken
    assert _bytes(_bundle(site)) == _clean(site, tmp_path)


@pytest.mark.usefixtures("small_shards")
def test_a_shard_whose_pages_are_not_those_fed_is_indexed_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, state = tmp_path / "site", tmp_path / "out"
    _site(site)
    pages = _pages(site)
    index_site(site, state)
    asked = _taken(monkeypatch)
    ahead = index_ahead(site, pages, [f"{EDITED}/index.html"])
    shard_of = hashed(shard_count(len(pages)))
    key = shard_of(f"{EDITED}/index.html")
    # A new page in the shard: its pages are no longer the ones fed.
    new = next(
        f"kierrokset/2024/{n}"
        for n in range(1000)
        if shard_of(f"kierrokset/2024/{n}/index.html") == key
    )
    _page(site, new, "fi", "Uusi sivu.")
    _page(site, EDITED, "fi", "Aivan uudet sanat: kertomus.")
    pages = _pages(site)
    assert shard_count(len(pages)) == shard_count(len(pages) - 1)
    assert index_site(site, state, indexed=pages, ahead=ahead) == [key]
    assert (key, False) in asked  # the Finnish part fed is not the one indexed
    assert _bytes(_bundle(site)) == _clean(site, tmp_path)


def test_the_build_takes_the_shard_it_fed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the build: the bundled site cut into shards, one document edited; its
    shard is taken from the runs begun ahead, and the index is a clean build's."""
    from test_site import GOLDEN_SITE, project

    monkeypatch.setattr(search_shards, "PAGES_PER_SHARD", 8)
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    now = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)

    def build(into: Path) -> None:
        result = build_in_process(root, into, BuildOptions(now=now))
        assert not result.failed, [p.message for p in result.problems]

    build(out)
    asked = _taken(monkeypatch)
    doc = root / "content/kierrokset/2018-syksy/etela-savo.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    build(out)
    assert asked and all(taken for _, taken in asked), asked
    build(tmp_path / "clean")
    assert _bytes(_bundle(tmp_path / "clean")) == _bytes(_bundle(out))


@pytest.mark.usefixtures("small_shards")
def test_runs_not_taken_are_ended(tmp_path: Path) -> None:
    """A build that fails before its index (or indexes other shards) ends the runs it
    began: no Pagefind process is left behind."""
    site = tmp_path / "site"
    _site(site)
    ahead = index_ahead(site, _pages(site), [f"{EDITED}/index.html"])
    runs = [run for shard in ahead._runs.values() for run in shard]
    assert len(runs) == 2  # the shard's Finnish and Swedish pages
    for run in runs:
        run.service.result()  # fed, and waiting for more
        assert run.live is not None and run.live._process.poll() is None
    ahead.close()
    for run in runs:
        assert run.live is not None and run.live._process.poll() is not None
