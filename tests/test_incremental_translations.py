"""A translation's page says whether its original changed since the translation was
made (content.freshness): an edit of the original makes that page again when the
answer changes, and not when it cannot (the translation never recorded a version)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from test_incremental import _build, _files
from test_site import GOLDEN_SITE, project

from soteneg.build import render_pool

NEWS = "content/tiedotteet/2018-11-26-uutinen.md"
NEWS_SV = "content/tiedotteet/2018-11-26-uutinen.sv.md"
NEWS_PAGE_SV = "sv/tiedotteet/2018-11-26-uutinen/index.html"


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The units whose pages the builds from now on make (one job: in this process)."""
    made: list[str] = []
    make_one = render_pool.make_one

    def counted(job: render_pool.Job, unit: render_pool.Unit) -> render_pool.Made:
        made.append(unit.key)
        return make_one(job, unit)

    monkeypatch.setattr(render_pool, "make_one", counted)
    return made


def _edit_original(root: Path) -> None:
    news = root / NEWS
    news.write_text(news.read_text(encoding="utf-8") + "\nLisätty kappale.\n", "utf-8")


def _same_as_clean(root: Path, out: Path, clean: Path) -> None:
    _build(root, clean, jobs=1)
    built = {rel: data for rel, (data, _) in _files(out).items()}
    assert built == {rel: data for rel, (data, _) in _files(clean).items()}


def test_an_originals_edit_makes_only_its_own_pages_when_no_version_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    _build(root, out, jobs=1)
    made = _counting(monkeypatch)
    _edit_original(root)
    result = _build(root, out, jobs=1)
    # The Swedish news never recorded the version it translates: whatever the original
    # says, its page cannot tell it is outdated (its bytes never changed).
    assert made == ["doc:tiedotteet/2018-11-26-uutinen:fi"], made
    assert result.written == ["tiedotteet/2018-11-26-uutinen/index.html"]
    _same_as_clean(root, out, tmp_path / "clean")


def test_a_recorded_translation_is_told_outdated_when_its_original_is_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    stamped = run_cli("translated", root / NEWS_SV, "--root", root)
    assert stamped.returncode == 0, stamped.stdout + stamped.stderr
    assert "original_version:" in (root / NEWS_SV).read_text(encoding="utf-8")
    out = tmp_path / "out"
    _build(root, out, jobs=1)
    before = (out / NEWS_PAGE_SV).read_bytes()
    made = _counting(monkeypatch)
    _edit_original(root)
    result = _build(root, out, jobs=1)
    assert sorted(made) == [
        "doc:tiedotteet/2018-11-26-uutinen:fi",
        "doc:tiedotteet/2018-11-26-uutinen:sv",
    ], made
    assert NEWS_PAGE_SV in result.written
    assert (out / NEWS_PAGE_SV).read_bytes() != before  # the notice
    _same_as_clean(root, out, tmp_path / "clean")
    # Outdated already: another edit of the original leaves the Swedish page as it is.
    made.clear()
    _edit_original(root)
    _build(root, out, jobs=1)
    assert made == ["doc:tiedotteet/2018-11-26-uutinen:fi"], made
    _same_as_clean(root, out, tmp_path / "clean-again")
