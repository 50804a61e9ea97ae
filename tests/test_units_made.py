"""An edit makes again the pages that show what it changed, and only those: each unit's
fingerprint covers what its page shows (build.units). Counted through the build itself,
in-process: the units it hands to be made, and the files it writes. Built from the
pairs' site of test_compare_pairs.py, whose unit Etelä-Savon hyvinvointialue has a line
of four texts on a theme (its predecessor's 2018 round, then 2024, 2025, 2026), so two
pages of pairs: 2018 against 2026 and 2024 against 2026."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_compare_pairs import pairs_project

from soteneg.build import run
from soteneg.pipeline import build
from soteneg.site.index import BuildOptions

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
LINE = "theme-pair:saatavuus:etela-savo-hva"
PAGES = "teemat/saatavuus/etela-savo-hva"
EDITS = {
    "2018": ("content/kierrokset/2018-syksy/etela-savo.md", "Saatavuus.", "Saatavuus on hyvä."),
    "2024": ("content/kierrokset/2024-hva/etela-savo-hva.md", "Jonot ovat pitkiä", "Jonot ovat"),
    # Front matter that no link shows: the Swedish placeholder's search filters do.
    "themes": (
        "content/kierrokset/2018-syksy/etela-savo.md",
        "example: true\n",
        "themes: [saatavuus]\nexample: true\n",
    ),
    "2025": (
        "content/kierrokset/2025-hva/etela-savo-hva.md",
        "Saatavuus on parantunut.",
        "Saatavuus on parantunut hieman.",
    ),
}


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The keys of the units the build makes (renders), in the order it asks."""
    keys: list[str] = []
    make_units = run.make_units

    def counting(
        job: run.Job, jobs: int, meanwhile: Callable[[], object] | None = None
    ) -> list[run.Made]:
        keys.extend(unit.key for unit in job.units)
        return make_units(job, jobs, meanwhile)

    monkeypatch.setattr(run, "make_units", counting)
    yield keys


def _edited(tmp_path: Path, made: list[str], edit: str) -> tuple[set[str], set[str]]:
    """(units made, files written) by the build after `edit`."""
    root = pairs_project(tmp_path)
    out = tmp_path / "out"
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    path, old, new = EDITS[edit]
    text = (root / path).read_text(encoding="utf-8")
    assert old in text
    (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    made.clear()
    result = build(root, out, BuildOptions(now=NOW), with_search=False)
    assert not result.failed, [p.message for p in result.problems]
    return set(made), set(result.written)


def test_a_section_in_a_pair_makes_that_pair_again_and_not_the_other(
    tmp_path: Path, made: list[str]
) -> None:
    units, written = _edited(tmp_path, made, "2024")
    assert f"{LINE}:2024-hva:2026-hva:fi" in units
    assert f"{PAGES}/2024-hva/2026-hva/index.html" in written
    # The page of every round shows it too.
    assert f"{PAGES}/index.html" in written
    # 2018 against 2026 shows neither 2024's text nor anything that changed with it.
    assert not any(u.startswith(f"{LINE}:2018-syksy:") for u in units)


def test_a_predecessors_section_makes_its_pair_again(tmp_path: Path, made: list[str]) -> None:
    units, written = _edited(tmp_path, made, "2018")
    assert {f"{LINE}:2018-syksy:2026-hva:fi", f"{LINE}:2018-syksy:2026-hva:sv"} <= units
    assert f"{PAGES}/2018-syksy/2026-hva/index.html" in written
    assert not any(u.startswith(f"{LINE}:2024-hva:") for u in units)


def test_a_section_in_no_pair_makes_no_pair_again(tmp_path: Path, made: list[str]) -> None:
    """2025 is compared only with its neighbours, on the page of every round."""
    units, written = _edited(tmp_path, made, "2025")
    assert "theme-region:saatavuus:etela-savo-hva:fi" in units
    assert f"{PAGES}/index.html" in written
    assert not any(u.startswith(LINE) for u in units)


def test_the_front_matter_of_a_document_remakes_its_placeholders(
    tmp_path: Path, made: list[str]
) -> None:
    """A page in a language the document has no version in is made from its original's
    front matter; a body edit leaves it alone."""
    placeholder = "doc:kierrokset/2018-syksy/etela-savo:sv"
    units, written = _edited(tmp_path, made, "themes")
    assert placeholder in units
    assert "sv/kierrokset/2018-syksy/etela-savo/index.html" in written
    units, _ = _edited(tmp_path / "body", made, "2018")
    assert placeholder not in units
