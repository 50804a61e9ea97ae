"""bench/search_timeline.py: the seconds during which N Pagefind runs were under way,
which say whether the index step left a core idle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from search_timeline import under_way


def test_overlapping_runs_are_counted_by_how_many_are_under_way() -> None:
    # Two runs from 1 to 4 and 2 to 6, a third from 6 to 7, in a step of 8 seconds: none
    # before the first and after the last, one at each end of the overlap, two between.
    spans = under_way([(1.0, 4.0), (2.0, 6.0), (6.0, 7.0)], 8.0)
    assert spans == pytest.approx({0: 2.0, 1: 4.0, 2: 2.0})
    assert sum(spans.values()) == pytest.approx(8.0)


def test_no_runs_leave_the_whole_step_at_none() -> None:
    assert under_way([], 3.0) == pytest.approx({0: 3.0})
