"""What a build no longer needs is gone before its cache is saved, where a clean build
of 5000 documents peaks in memory (issue 29): the units of the page plan with what
they hold (the bodies, the chrome, the memo of each unit's reads), and the plan's
memoised answers, which only the preview's next plan in the same process reads. The
collector is paused through the build (pipeline._collector_paused), so these go when
the last reference to them does, or not at all. The figures are in bench/RESULTS.md."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, project

from soteneg.build import run as run_module
from soteneg.build.cache import Cache
from soteneg.build.replan import Answers, Planned
from soteneg.build.unit_keys import Unit
from soteneg.pipeline import Memory, build
from soteneg.site.index import BuildOptions

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)


def _plan_with_answers() -> Planned:
    answers = Answers({"helper": {("x",): ("answer", frozenset({"doc"}))}}, {"doc": set()})
    return Planned(
        "structure", {"doc": "text"}, {"unit": ("fp", frozenset({"doc"}))}, {}, {}, answers
    )


def test_a_plan_kept_on_disk_keeps_no_memoised_answers(tmp_path: Path) -> None:
    planned = _plan_with_answers()
    on_disk = Cache.on_disk(tmp_path / "out", "key")
    on_disk.remember_plan(planned)
    kept = on_disk.last_plan()
    assert kept is not None
    assert kept.answers.memos == {} and kept.answers.readers == {}
    # The rest of the plan is the plan itself: what the file is written from.
    assert (kept.structure, kept.texts, kept.units) == (
        planned.structure,
        planned.texts,
        planned.units,
    )
    # Held in memory (the preview's), the answers are the next plan's to reuse.
    in_memory = Cache("key")
    in_memory.remember_plan(planned)
    assert in_memory.last_plan() is planned


def test_a_plan_without_answers_is_kept_as_it_is(tmp_path: Path) -> None:
    """The plan read back from the file, kept by a build that planned nothing new, stays
    the very object read: the save then does not write it again (disk._save_plan)."""
    planned = Planned("structure", {}, {})
    on_disk = Cache.on_disk(tmp_path / "out", "key")
    on_disk.remember_plan(planned)
    assert on_disk.last_plan() is planned


@pytest.mark.parametrize("preview", [False, True])
def test_no_unit_outlives_making_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, preview: bool
) -> None:
    alive: list[int] = []
    check_links = run_module.Run.check_links

    def counted(self: run_module.Run) -> None:
        # No collection first: the build's collector is paused, so a unit still
        # referenced here (or only from a cycle) is still in memory at the save.
        alive.append(sum(isinstance(o, Unit) for o in gc.get_objects()))
        check_links(self)

    monkeypatch.setattr(run_module.Run, "check_links", counted)
    root = project(tmp_path, GOLDEN_SITE)
    memory = Memory() if preview else None
    result = build(root, tmp_path / "out", BuildOptions(now=NOW), with_search=False, memory=memory)
    assert not result.failed and result.written
    assert alive == [0]
