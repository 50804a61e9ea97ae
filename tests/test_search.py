"""Search in a real browser: Pagefind's index per language, with stemming and filters."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser, require_chromium, serve
from conftest import REPO, run_cli


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
        region = page.locator(".pagefind-ui__filter-name", has_text="Maakunta")
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


def test_placeholders_and_index_pages_are_not_indexed(bundled_site: Path) -> None:
    untouched = (bundled_site / "sv/kierrokset/2018-syksy/lappi/index.html").read_text()
    assert "data-pagefind-body" not in untouched
    assert "data-pagefind-body" not in (bundled_site / "teemat/saatavuus/index.html").read_text()
    document = (bundled_site / "kierrokset/2018-syksy/lappi/index.html").read_text()
    assert "data-pagefind-body" in document
    assert '<span data-pagefind-filter="Maakunta">Lappi</span>' in document
