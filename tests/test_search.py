"""Search in a real browser: Pagefind's index per language, with stemming and filters; and
the index's bytes the same in every build of the same pages."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2
import pytest
from browser import browser, require_chromium, serve
from conftest import REPO, run_cli

from soteneg.build.search_shards import hashed, index_site, one_shard


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    out = tmp_path_factory.mktemp("search") / "site"
    result = run_cli("build", "--root", REPO, "--out", out, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result-title", timeout=15000)
    page.wait_for_timeout(300)  # let the result list settle
    return page.locator(".pagefind-ui__result-link").all_inner_texts()


def test_finnish_search_stems_and_finds_documents(bundled_site: Path) -> None:
    with serve(bundled_site) as base, browser() as chromium:
        page = chromium.new_page()
        # "kunta" appears in the content only inflected (kuntien, kuntia, kunnat).
        titles = _search(page, base + "haku/", "kunta")
        assert any("harjoitusneuvottelu" in t for t in titles), titles
        region = page.locator(".pagefind-ui__filter-name", has_text="Alue")
        region.wait_for(timeout=15000)
        region.click()
        page.locator("label", has_text="Lappi").first.click()
        page.wait_for_timeout(500)
        filtered = [
            t
            for t in page.locator(".pagefind-ui__result-link").all_inner_texts()
            if "harjoitusneuvottelu" in t
        ]  # document titles, not their sections
        assert filtered and all(t.startswith("Lappi") for t in filtered), filtered
        swedish = _search(page, base + "sv/haku/", "kommun")
        assert any("övningsförhandling" in t for t in swedish), swedish
        assert not any("harjoitusneuvottelu" in t for t in swedish), "one index per language"


# Example documents are labelled as such in the results (issue 27): the labels below
# are the others.
EXAMPLE_TAGS = ("Esimerkki: ", "Exempel: ")


def _results(page, url: str, query: str) -> list[dict[str, Any]]:
    """The results of a search, in order: each top result's title, link and labels
    other than the example label."""
    _search(page, url, query)
    found = page.eval_on_selector_all(
        ".pagefind-ui__result",
        """results => results.map(r => {
            const link = r.querySelector(".pagefind-ui__result-link");
            return {
                title: link.textContent.trim(),
                href: new URL(link.href).pathname,
                tags: [...r.querySelectorAll(".pagefind-ui__result-tag")]
                    .map(t => t.textContent.trim()),
            };
        })""",
    )
    for result in found:
        result["tags"] = [t for t in result["tags"] if not t.startswith(EXAMPLE_TAGS)]
    return found


def test_region_pages_are_found_first_by_either_name(bundled_site: Path) -> None:
    with serve(bundled_site) as base, browser() as chromium:
        page = chromium.new_page()
        swedish = _results(page, base + "sv/haku/", "Kajanaland")
        assert swedish[0]["href"] == "/sv/maakunnat/kainuu/", swedish
        assert swedish[0]["title"] == "Kajanaland"
        finnish = _results(page, base + "haku/", "Kainuu")
        assert finnish[0]["href"] in ("/maakunnat/kainuu/", "/maakunnat/kainuu-hva/"), finnish
        assert {"/maakunnat/kainuu/", "/maakunnat/kainuu-hva/"} <= {r["href"] for r in finnish}
        # Either language's name, from either language's search.
        assert _results(page, base + "haku/", "Kajanaland")[0]["href"] == "/maakunnat/kainuu/"
        assert _results(page, base + "sv/haku/", "Kainuu")[0]["href"] == "/sv/maakunnat/kainuu/"
        # A round by its name in either language.
        rounds = _results(page, base + "haku/", "Hösten")
        assert rounds[0]["href"] == "/kierrokset/2018-syksy/", rounds
        assert rounds[0]["title"] == "Syksy 2018 (Hösten 2018)"
        rounds = _results(page, base + "sv/haku/", "Hösten")
        assert rounds[0]["href"] == "/sv/kierrokset/2018-syksy/", rounds


def test_swedish_search_finds_finnish_only_documents_labelled(bundled_site: Path) -> None:
    with serve(bundled_site) as base, browser() as chromium:
        page = chromium.new_page()
        found = _results(page, base + "sv/haku/", "harjoitusneuvottelu")
        lappi = [r for r in found if r["href"] == "/kierrokset/2018-syksy/lappi/"]
        assert lappi, found  # a Finnish-only document, linked to its Finnish page
        assert lappi[0]["tags"] == ["Språk: finska"], lappi
        # A document translated into Swedish is found in Swedish, with no label.
        uusimaa = _results(page, base + "sv/haku/", "Nyland")
        translated = [r for r in uusimaa if r["href"] == "/sv/kierrokset/2018-syksy/uusimaa/"]
        assert translated and translated[0]["tags"] == [], uusimaa
        assert "/kierrokset/2018-syksy/uusimaa/" not in {r["href"] for r in uusimaa}
        # The Finnish search shows Finnish documents unlabelled.
        finnish = _results(page, base + "haku/", "harjoitusneuvottelu")
        assert all(r["tags"] == [] for r in finnish), finnish


def test_placeholders_and_index_pages_are_indexed_as_intended(bundled_site: Path) -> None:
    placeholder = (bundled_site / "sv/kierrokset/2018-syksy/lappi/index.html").read_text()
    assert "data-pagefind-body" not in placeholder  # indexed in its place: the original
    assert '<div hidden data-soteneg-search="/kierrokset/2018-syksy/lappi/">' in placeholder
    assert '<span data-pagefind-meta="Språk">finska</span>' in placeholder
    theme = (bundled_site / "teemat/saatavuus/index.html").read_text()
    # Its search title is the name as written, without soft hyphens (issue 27).
    assert (
        '<h1 data-pagefind-body data-pagefind-weight="10" data-pagefind-meta="title[data-title]"'
        in theme
    )
    assert '<main id="main" class="wrap" tabindex="-1">' in theme  # not the matrix
    document = (bundled_site / "kierrokset/2018-syksy/lappi/index.html").read_text()
    assert "data-pagefind-body" in document
    assert '<span data-pagefind-filter="Alue">Lappi</span>' in document
    assert "data-pagefind-body" not in (bundled_site / "404.html").read_text()


def _clean_build(out: Path) -> None:
    """`soteneg build` of the bundled site in a fresh interpreter with no
    SOURCE_DATE_EPOCH, as a user runs it: each run gets new hash-map seeds in Pagefind."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, "-m", "soteneg", "build", "--root", REPO, "--out", out, "--no-pdf"],
        env={**env, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _bundle(site: Path) -> dict[str, bytes]:
    bundle = site / "pagefind"
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def test_two_builds_write_a_byte_identical_search_index(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _clean_build(first)
    _clean_build(second)
    a, b = _bundle(first), _bundle(second)
    assert sorted(a) == sorted(b), "file names (content hashes) differ"
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.startswith("filter/") for name in a)


def _small_site(root: Path, names: list[str]) -> None:
    """Pages created in the order given: on tmpfs or btrfs, the order a directory lists."""
    for name in names:
        page = root / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<html lang="fi"><body><main data-pagefind-body><h1>{name}</h1>'
            f'<span data-pagefind-filter="Maakunta">{name.title()}</span>'
            f"<p>Kuntien palvelut: {name}.</p></main></body></html>",
            encoding="utf-8",
        )


def test_pages_are_numbered_in_path_order(tmp_path: Path) -> None:
    """Page numbers come from the order Pagefind is given the pages, not from the order a
    directory happens to list them in."""
    names = ["lappi", "uusimaa", "kainuu", "pirkanmaa", "ahvenanmaa", "satakunta", "kymenlaakso"]
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    _small_site(forward, names)
    _small_site(backward, names[::-1])
    index_site(forward, shards=one_shard)
    index_site(backward, shards=one_shard)
    assert _bundle(forward) == _bundle(backward)
    bundle = forward / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _pagefind_file(bundle / f"pagefind.{entry['languages']['fi']['hash']}.pf_meta")
    urls = [
        json.loads(_pagefind_file(bundle / "fragment" / f"{page[0]}.pf_fragment", raw=True))["url"]
        for page in meta[1]
    ]
    assert urls == sorted(f"/{name}/" for name in names)


def _pagefind_file(path: Path, raw: bool = False) -> Any:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd")
    return data[12:] if raw else cbor2.loads(data[12:])


SAMI_URL = "/kierrokset/2024-hva/lappi-hva/arvio/thl/se/"


def _sami_results(page, url: str, query: str) -> list[dict[str, Any]]:
    """The results the search page lists apart, for documents in Sámi."""
    page.goto(url)
    page.fill("#search .pagefind-ui__search-input", query)
    page.wait_for_selector("#search .pagefind-ui__message", timeout=15000)
    page.wait_for_timeout(1000)  # the second index answers on its own time
    return page.eval_on_selector_all(
        "#search-sami .pagefind-ui__result",
        """results => results.map(r => ({
            href: new URL(r.querySelector(".pagefind-ui__result-link").href).pathname,
            tags: [...r.querySelectorAll(".pagefind-ui__result-tag")]
                .map(t => t.textContent.trim()),
        }))""",
    )


def test_sami_documents_are_found_from_the_finnish_and_swedish_search(bundled_site: Path) -> None:
    """A document in North Sámi is in an index of its own without a stemmer (Pagefind has
    none for Sámi), which the Finnish and Swedish search pages search too and list apart,
    each result named with its language in the page's."""
    bundle = bundled_site / "pagefind"
    own = json.loads((bundle / "smi/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {k: v["wasm"] for k, v in own["languages"].items()} == {"smi": None}
    main = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(main["languages"]) == {"fi", "sv"}  # the Sámi page is in neither
    with serve(bundled_site) as base, browser() as chromium:
        page = chromium.new_page()
        for path, label in (("haku/", "Kieli: pohjoissaame"), ("sv/haku/", "Språk: nordsamiska")):
            # As written: the Finnish stemmer turns "almmuhuvvojit" into something the
            # unstemmed words do not match (so a merged index missed it).
            found = _sami_results(page, base + path, "almmuhuvvojit")
            assert found == [{"href": SAMI_URL, "tags": [label]}], (path, found)
            assert page.is_visible("#sami-heading")
            hrefs = page.eval_on_selector_all(
                "#search .pagefind-ui__result-link", "ls => ls.map(l => l.pathname)"
            )
            assert SAMI_URL not in hrefs
        # The page's interface words (Finnish) are not the document's: not indexed there.
        assert _sami_results(page, base + "haku/", "lakisääteinen") == []


# --- One index against shards -----------------------------------------------------------
# The same pages indexed as one index and cut into shards merged in the browser
# (soteneg.build.search_shards). Pagefind ranks each shard by its own statistics (BM25's
# page count, pages per word, average length): a shard's scores are its pages' one-index
# scores times idf_shard / idf_one, a factor per shard and word (bench/search_idf.py;
# bench/RESULTS.md, "Why shards rank apart"), so near ties change places; what is found,
# the filters and their counts do not.

RANKED = """async ([query, filters]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({});
  const shards = await fetch("/pagefind/shards.json").then(r => r.ok ? r.json() : {});
  for (const shard of shards[document.documentElement.lang] || []) {
    await pagefind.mergeIndex("/pagefind/" + shard);
  }
  const found = await pagefind.search(query, { filters });
  const pages = await Promise.all(found.results.map(r => r.data()));
  return { urls: pages.map(p => p.url), filters: await pagefind.filters() };
}"""

QUERIES = {
    "haku/": ["kunta", "harjoitusneuvottelu", "Kainuu", "Kajanaland", "rahoitus", "Hösten"],
    "sv/haku/": ["kommun", "övningsförhandling", "Kajanaland", "Kainuu", "finansiering", "Nyland"],
}
FILTERED = {
    "haku/": ("kunta", {"Alue": "Lappi"}),
    "sv/haku/": ("harjoitusneuvottelu", {"Område": "Lappland"}),
}
NAMES = {"Kainuu", "Kajanaland", "Hösten", "Nyland"}  # a region's or round's name


def _ranked(site: Path) -> dict[tuple[str, str, str], dict[str, Any]]:
    found = {}
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()
        for path, queries in QUERIES.items():
            for query, filters in [*((q, {}) for q in queries), FILTERED[path]]:
                page.goto(base + path)  # a new Pagefind: the shards merged once
                found[(path, query, json.dumps(filters))] = page.evaluate(RANKED, [query, filters])
    return found


def test_shards_find_and_filter_as_one_index_and_rank_alike(
    bundled_site: Path, tmp_path: Path
) -> None:
    """The bundled site (one shard as built: under 512 pages) indexed as one index and
    cut into two shards of 40 or 41 pages a language (81 each in the one index), fewer
    than a site ever has in a shard (256 or more), where the shards' statistics differ
    the most."""
    one, cut = tmp_path / "one", tmp_path / "cut"
    for site, shards in ((one, one_shard), (cut, hashed(2))):
        shutil.copytree(bundled_site, site, ignore=shutil.ignore_patterns("pagefind"))
        index_site(site, shards=shards)
    assert json.loads((cut / "pagefind/shards.json").read_text()) == {
        "fi": ["osa/1/"],
        "sv": ["osa/1/"],
    }
    single, merged = _ranked(one), _ranked(cut)
    for key, expected in single.items():
        found, got = expected["urls"], merged[key]["urls"]
        assert found, key  # every query finds something
        assert sorted(got) == sorted(found), key  # the same pages found
        assert merged[key]["filters"] == expected["filters"], key  # same filters and counts
        # A name finds its page first; other words, the first result among the one
        # index's first three and the first five among its first ten (near ties of
        # scores come out in another order: docs/search.md, "Shards").
        if key[1] in NAMES:
            assert got[0] == found[0], (key, got[:5], found[:5])
        assert got[0] in found[:3], (key, got[:5], found[:5])
        assert set(got[:5]) <= set(found[:10]), (key, got[:5], found[:10])
    # The search page merges the shards too: its list has results from both.
    shard = hashed(2)
    with serve(cut) as base, browser() as chromium:
        page = chromium.new_page()
        for path, query in (("haku/", "kunta"), ("sv/haku/", "Nyland")):
            hrefs = {r["href"] for r in _results(page, base + path, query)}
            assert {shard(href.lstrip("/") + "index.html") for href in hrefs} == {"", "osa/1"}
