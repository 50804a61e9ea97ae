"""bench/cpu_clock.py: the part timers that edit_parts.py and edit_split.py share."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import cpu_clock


def test_each_call_s_cpu_time_is_added_to_its_part_even_when_it_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([1.0, 1.5, 2.0, 4.0, 10.0, 10.25])  # a CPU clock read at each call's ends
    monkeypatch.setattr(cpu_clock.time, "process_time", lambda: next(clock))
    spent: dict[str, float] = {}

    def double(n: int) -> int:
        return 2 * n

    def fails() -> None:
        raise ValueError

    timed = cpu_clock.timed(spent, "double", double)
    assert timed(3) == 6
    assert timed.__name__ == "double"  # wrapped as itself
    assert timed(4) == 8
    with pytest.raises(ValueError):
        cpu_clock.timed(spent, "fails", fails)()
    assert spent == {"double": 0.5 + 2.0, "fails": 0.25}
