"""The search index in shards (soteneg.build.search_shards): an edit re-indexes its own
shard and keeps every other shard's files; the bundle is the same bytes as a clean index
of the same pages; and a page and its versions in other languages share a shard."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest

from soteneg.build import search_folders, search_languages, search_shards
from soteneg.build.search_shards import hashed, index_site, shard_count
from soteneg.pipeline import build as build_in_process
from soteneg.site import pagefind_service
from soteneg.site.index import BuildOptions

REGIONS = ["lappi", "uusimaa", "kainuu", "pirkanmaa", "satakunta", "kymenlaakso", "pohjanmaa"]
WORDS = {"fi": "Kuntien palvelut ja sote-alueet", "sv": "Kommunernas tjänster och områden"}


def _page(root: Path, rel: str, lang: str, text: str) -> None:
    path = root / rel / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<html lang="{lang}"><body><main data-pagefind-body><h1>{rel}</h1>'
        f'<span data-pagefind-filter="Alue">{rel.split("/")[-1].title()}</span>'
        f"<p>{text}</p></main></body></html>",
        encoding="utf-8",
    )


def _site(root: Path) -> None:
    """Documents in two languages (the Swedish ones under /sv/) and a few other pages."""
    for year in range(2018, 2024):
        for region in REGIONS:
            rel = f"kierrokset/{year}/{region}"
            _page(root, rel, "fi", f"{WORDS['fi']} {region} {year}.")
            _page(root, f"sv/{rel}", "sv", f"{WORDS['sv']} {region} {year}.")
    for region in REGIONS:
        _page(root, f"maakunnat/{region}", "fi", region)


def _bundle(site: Path) -> dict[str, tuple[bytes, int]]:
    bundle = site / "pagefind"
    return {
        p.relative_to(bundle).as_posix(): (p.read_bytes(), p.stat().st_ino)
        for p in bundle.rglob("*")
        if p.is_file()
    }


def _bytes(files: dict[str, tuple[bytes, int]]) -> dict[str, bytes]:
    return {rel: data for rel, (data, _) in files.items()}


SHARDS = hashed(4)


def test_an_edit_reindexes_its_shard_and_keeps_the_others(tmp_path: Path) -> None:
    site, state = tmp_path / "site", tmp_path / "out"
    _site(site)
    made = index_site(site, state, shards=SHARDS)
    assert made == ["", "osa/1", "osa/2", "osa/3"]
    before = _bundle(site)
    assert index_site(site, state, shards=SHARDS) == []  # nothing changed: nothing indexed
    assert _bundle(site) == before  # not even rewritten (same inodes)
    edited = "kierrokset/2020/kainuu"
    shard = SHARDS(f"{edited}/index.html")
    assert shard == SHARDS(f"sv/{edited}/index.html")  # a page and its translation
    _page(site, edited, "fi", "Aivan uudet sanat: hyvinvointialuekertomus.")
    assert index_site(site, state, shards=SHARDS) == [shard]
    after = _bundle(site)
    prefix = f"{shard}/"
    kept = {
        rel: v for rel, v in before.items() if rel.startswith("osa/") and not rel.startswith(prefix)
    }
    assert kept and all(after[rel] == v for rel, v in kept.items())  # same bytes, same files
    assert any(after.get(rel) != v for rel, v in before.items() if rel.startswith(prefix))
    # The same bytes as a clean index of the edited pages.
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("pagefind"))
    index_site(clean, None, shards=SHARDS)
    assert _bytes(_bundle(clean)) == _bytes(after)


def test_a_removed_page_and_a_removed_shard(tmp_path: Path) -> None:
    site, state = tmp_path / "site", tmp_path / "out"
    _site(site)
    index_site(site, state, shards=SHARDS)
    gone = "kierrokset/2019/lappi"
    shutil.rmtree(site / gone)
    shutil.rmtree(site / "sv" / gone)
    assert index_site(site, state, shards=SHARDS) == [SHARDS(f"{gone}/index.html")]
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("pagefind"))
    index_site(clean, None, shards=SHARDS)
    assert _bytes(_bundle(clean)) == _bytes(_bundle(site))
    # Fewer shards: the first bundle is written anew, and no shard's folder stays behind.
    index_site(site, state, shards=hashed(2))
    assert not (site / "pagefind/osa/2").exists() and not (site / "pagefind/osa/3").exists()
    manifest = json.loads((site / "pagefind/shards.json").read_text(encoding="utf-8"))
    assert manifest == {"fi": ["osa/1/"], "sv": ["osa/1/"]}


def test_a_clean_index_writes_each_shard_while_the_next_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each shard's files are on disk (in the new bundle beside the site) before the
    next shard's Pagefind run, not all written after the last; a failure then leaves
    neither the new bundle nor a changed old one."""
    site = tmp_path / "site"
    _site(site)
    fresh = site / ".pagefind-new"
    begun: list[str] = []  # the shard of each Pagefind run (one per language of it)
    seen: list[int] = []
    expected: list[int] = []
    real = search_shards.search.bundle_of

    def entries() -> int:
        return len(list(fresh.rglob("pagefind-entry.json"))) if fresh.is_dir() else 0

    def spy(site_dir: Path, pages: list[str], page: object = None) -> dict[str, bytes]:
        shard = SHARDS(pages[0])
        done = len(set(begun) - {shard})  # the shards whose runs have all ended
        # The earlier shards' files are written on a thread of their own: wait for them
        # (a while, not forever: without the overlap they come only after the last run).
        for _ in range(200):
            if entries() >= done:
                break
            time.sleep(0.05)
        begun.append(shard)
        seen.append(entries())
        expected.append(done)
        return real(site_dir, pages, page)  # type: ignore[arg-type]

    monkeypatch.setattr(search_shards.search, "bundle_of", spy)
    index_site(site, None, shards=SHARDS, jobs=1)
    assert seen == expected and expected[-1] == 3
    assert not fresh.exists() and (site / "pagefind/osa/3/pagefind-entry.json").is_file()
    before = _bundle(site)

    calls: list[str] = []

    def failing(site_dir: Path, pages: list[str], page: object = None) -> dict[str, bytes]:
        calls.append(SHARDS(pages[0]))
        if len(set(calls)) == 3:  # two shards are written by then
            raise pagefind_service.SearchError("pagefind failed")
        return real(site_dir, pages, page)  # type: ignore[arg-type]

    monkeypatch.setattr(search_shards.search, "bundle_of", failing)
    shutil.rmtree(site / "pagefind")
    with pytest.raises(pagefind_service.SearchError):
        index_site(site, None, shards=SHARDS, jobs=1)
    assert not fresh.exists() and not (site / "pagefind").exists()
    index_site(site, None, shards=SHARDS, jobs=1)
    assert _bundle(site).keys() == before.keys() and _bytes(_bundle(site)) == _bytes(before)


def test_another_pagefind_version_reindexes_every_shard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Pagefind version is in every shard's fingerprint, read once an index (the
    package lookup behind it is not free, and an edit fingerprints every shard)."""
    site, state = tmp_path / "site", tmp_path / "out"
    _site(site)
    index_site(site, state, shards=SHARDS)
    asked: list[str] = []

    def version() -> str:
        asked.append("asked")
        return "99.0.0"

    monkeypatch.setattr(search_shards.search, "pagefind_version", version)
    assert index_site(site, state, shards=SHARDS) == ["", "osa/1", "osa/2", "osa/3"]
    assert index_site(site, state, shards=SHARDS) == []
    assert len(asked) == 2


def test_a_merged_shard_holds_only_its_index() -> None:
    """Its script and WebAssembly are the first bundle's, which the search page loads."""
    assert search_shards._is_data("pagefind.fi_0123456789.pf_meta")
    assert search_shards._is_data("fragment/fi_123.pf_fragment")
    assert not search_shards._is_data("pagefind.js")
    assert not search_shards._is_data("wasm.fi.pagefind")
    assert not search_shards._is_data("pagefind-ui.css")


def test_shard_count_grows_by_doubling() -> None:
    assert [shard_count(n) for n in (0, 300, 511, 512, 1100, 9300)] == [1, 1, 1, 2, 4, 32]


def test_the_build_keeps_the_shards_an_edit_does_not_touch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the build: the bundled site cut into shards, one document edited."""
    from test_site import GOLDEN_SITE, project

    monkeypatch.setattr(search_shards, "PAGES_PER_SHARD", 8)
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    now = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)

    def build() -> None:
        result = build_in_process(root, out, BuildOptions(now=now))
        assert not result.failed, [p.message for p in result.problems]

    build()
    before = _bundle(out)
    assert len(json.loads((out / "pagefind/shards.json").read_text())["fi"]) >= 3
    doc = root / "content/kierrokset/2018-syksy/etela-savo.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    build()
    after = _bundle(out)
    changed = {
        rel.split("/")[1] if rel.startswith("osa/") else ""
        for rel in after
        if after[rel] != before.get(rel)
    }
    assert len(changed) == 1, changed  # one shard's files are new ...
    kept = [rel for rel in before if rel.startswith("osa/") and rel.split("/")[1] not in changed]
    assert kept and all(after[rel] == before[rel] for rel in kept)  # ... the others kept
    clean = tmp_path / "clean"
    result = build_in_process(root, clean, BuildOptions(now=now))
    assert not result.failed
    assert _bytes(_bundle(clean)) == _bytes(after)


def _runs(monkeypatch: pytest.MonkeyPatch) -> list[set[str | None]]:
    """The languages of the pages of each Pagefind run, as the runs begin."""
    runs: list[set[str | None]] = []
    real = search_shards.search.bundle_of

    def spy(site_dir: Path, pages: list[str], page: object = None) -> dict[str, bytes]:
        runs.append({search_shards.search.lang_of(site_dir, rel) for rel in pages})
        return real(site_dir, pages, page)  # type: ignore[arg-type]

    monkeypatch.setattr(search_shards.search, "bundle_of", spy)
    return runs


def test_each_language_of_a_shard_is_a_run_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shard's Finnish and Swedish pages are given to two Pagefind processes, which
    run at once (an edit's one shard on both cores), and their bundles make the same
    bytes as one process given them all; so does an edit of one shard."""
    site, state = tmp_path / "site", tmp_path / "out"
    _site(site)
    runs = _runs(monkeypatch)
    index_site(site, state, shards=SHARDS)
    assert sorted(map(sorted, runs)) == [["fi"]] * 4 + [["sv"]] * 4  # type: ignore[arg-type]
    whole = tmp_path / "whole"
    shutil.copytree(site, whole, ignore=shutil.ignore_patterns("pagefind"))
    monkeypatch.setattr(search_languages, "by_language", lambda _site, pages, _one: [pages])
    index_site(whole, None, shards=SHARDS)
    assert _bytes(_bundle(whole)) == _bytes(_bundle(site))
    monkeypatch.undo()
    runs = _runs(monkeypatch)
    _page(site, "kierrokset/2020/kainuu", "fi", "Aivan uudet sanat: hyvinvointialuekertomus.")
    _page(whole, "kierrokset/2020/kainuu", "fi", "Aivan uudet sanat: hyvinvointialuekertomus.")
    assert len(index_site(site, state, shards=SHARDS)) == 1
    assert sorted(map(sorted, runs)) == [["fi"], ["sv"]]  # type: ignore[arg-type]
    monkeypatch.setattr(search_languages, "by_language", lambda _site, pages, _one: [pages])
    shutil.rmtree(whole / "pagefind")
    index_site(whole, None, shards=SHARDS)
    assert _bytes(_bundle(whole)) == _bytes(_bundle(site))


def test_languages_pagefind_names_alike_are_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages whose language is written differently ("fi", "FI") are cut apart, but if
    Pagefind puts them in one index, the shard is indexed again in one run; pages
    whose language is not at their top are not cut at all. The bytes are one run's."""
    site = tmp_path / "site"
    _site(site)
    for region in REGIONS:
        _page(site, f"kierrokset/2030/{region}", "FI", f"{WORDS['fi']} {region}.")
    bare = site / "kierrokset/2031/lappi/index.html"
    bare.parent.mkdir(parents=True)
    bare.write_text(
        f"<!-- {'x' * 2000} --><html lang='fi'><body><main data-pagefind-body>"
        "<p>Kuntien palvelut</p></main></body></html>",
        encoding="utf-8",
    )
    assert search_languages.by_language(site, ["kierrokset/2031/lappi/index.html"]) == [
        ["kierrokset/2031/lappi/index.html"]
    ]
    whole = tmp_path / "whole"
    shutil.copytree(site, whole)
    index_site(site, None, shards=SHARDS)
    monkeypatch.setattr(search_languages, "by_language", lambda _site, pages, _one: [pages])
    index_site(whole, None, shards=SHARDS)
    assert _bytes(_bundle(whole)) == _bytes(_bundle(site))


def test_a_shards_languages_merge_into_one_entry() -> None:
    fi = {"pagefind-entry.json": b'{"version":"1","languages":{"fi":{"page_count":2}},"x":[]}'}
    sv = {"pagefind-entry.json": b'{"version":"1","languages":{"sv":{"page_count":1}},"x":[]}'}
    merged = search_languages.merged([{**sv, "a.js": b"a"}, {**fi, "a.js": b"a", "b": b"b"}])
    assert merged == {
        "a.js": b"a",
        "b": b"b",
        "pagefind-entry.json": b'{"version":"1","languages":{"fi":{"page_count":2},'
        b'"sv":{"page_count":1}},"x":[]}',
    }
    assert search_languages.merged([fi, fi]) is None  # one language in two runs
    assert search_languages.merged([fi, {**sv, "a.js": b"a"}, {**sv, "a.js": b"b"}]) is None
    other = {"pagefind-entry.json": sv["pagefind-entry.json"].replace(b'"1"', b'"2"')}
    assert search_languages.merged([fi, other]) is None
    assert search_languages.merged([fi, {}]) is None  # a language Pagefind indexed nothing of


def test_the_first_bundle_walks_only_its_own_files(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    for rel in ("pagefind.js", "fragment/fi_1.pf_fragment", "shards.json", ".x", "osa/1/a"):
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(b"")
    (bundle / "smi/index").mkdir(parents=True)
    (bundle / "smi/index/s").write_bytes(b"")
    (bundle / "osa/1/index").mkdir()
    (bundle / "osa/1/index/i").write_bytes(b"")
    assert search_folders.own_files(bundle, "") == {"pagefind.js", "fragment/fi_1.pf_fragment"}
    assert search_folders.own_files(bundle, "osa/1") == {"a", "index/i"}
    assert search_folders.own_files(bundle, "osa/2") == set()


def test_a_language_pagefind_indexes_nothing_of_is_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind fails a run none of whose pages it indexed; one run of the whole shard
    (which fails only if no page of it has text) is then made instead."""
    site = tmp_path / "site"
    _site(site)
    whole = tmp_path / "whole"
    shutil.copytree(site, whole)
    real = search_shards.search.bundle_of
    runs: list[set[str | None]] = []

    def no_swedish(site_dir: Path, pages: list[str], page: object = None) -> dict[str, bytes]:
        langs = {search_shards.search.lang_of(site_dir, rel) for rel in pages}
        runs.append(langs)
        if langs == {"sv"}:
            raise pagefind_service.NothingToIndex("no page to index")
        return real(site_dir, pages, page)  # type: ignore[arg-type]

    monkeypatch.setattr(search_shards.search, "bundle_of", no_swedish)
    index_site(site, None, shards=SHARDS)
    assert sorted(map(sorted, runs)).count(["fi", "sv"]) == 4  # type: ignore[arg-type]
    monkeypatch.setattr(search_shards.search, "bundle_of", real)
    monkeypatch.setattr(search_languages, "by_language", lambda _site, pages, _one: [pages])
    index_site(whole, None, shards=SHARDS)
    assert _bytes(_bundle(whole)) == _bytes(_bundle(site))
