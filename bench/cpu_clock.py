"""A function wrapped in the process's CPU clock, for the benches that split one
build's CPU time by part (edit_parts.py, edit_split.py): a profiler's cost per call, or
its wall clock on a loaded machine, would say more about the machine than the build."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any


def timed(spent: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding the CPU seconds of each call to `spent[name]` (a part's
    figure includes the parts it calls, and a call that raises counts too)."""

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - started

    return timed
