"""A page's rendering, bounded in time and memory.

The sandbox refuses what reaches Python, and its operators refuse one-line bombs, but a
template can still loop long (a macro that calls itself twice, 2⁴⁰ times) or grow a
string by doubling it with `~` until the machine runs out of memory. Nothing in a commit
may take minutes, so every page renders under a budget: a timer ticks ten times a
second while a template runs, and a tick past the time or with the process grown past
the memory limit stops the page with a located problem.

The timer is a signal, which Python delivers to the main thread only: builds run there
(and their workers, forked, run pages on their own main thread). The preview rebuilds
on a thread of its own; there the budget does not apply, and a template that loops
holds up the editor's own preview until it is stopped.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# One page: far beyond the slowest real page (a round's packet renders in well under a
# second), far below what stalls a build for long.
SECONDS = 60.0
GROWTH_MIB = 2048
TICK = 0.1

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class BudgetExceeded(Exception):
    """A page's rendering took too long or grew too large; `what` is "time" or
    "memory", `limit` the limit in seconds or MiB."""

    def __init__(self, what: str, limit: float) -> None:
        super().__init__(f"{what} over {limit:g}")
        self.what, self.limit = what, limit


def _resident_mib() -> float:
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE / 1048576
    except (OSError, ValueError, IndexError):
        return 0.0


@contextmanager
def bounded(seconds: float | None = None, growth_mib: float | None = None) -> Iterator[None]:
    """Raise BudgetExceeded inside the block when it runs longer than `seconds` or the
    process grows by more than `growth_mib` (by default SECONDS and GROWTH_MIB); no bound
    off the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    seconds = SECONDS if seconds is None else seconds
    growth_mib = GROWTH_MIB if growth_mib is None else growth_mib
    started = time.monotonic()
    # The size is read at the first tick, not before: most pages render in well under a
    # tick, and reading /proc for each of ten thousand pages would cost a second.
    base: list[float] = []

    def tick(signum: int, frame: FrameType | None) -> None:
        # Memory first: a signal waits for the operation under way, and doubling a large
        # string is one long operation, so the first tick after it often finds both
        # limits passed; the memory is what the editor must be told about then.
        now = _resident_mib()
        over: BudgetExceeded | None = None
        if not base:
            base.append(now)
        elif now - base[0] > growth_mib:
            over = BudgetExceeded("memory", growth_mib)
        if over is None and time.monotonic() - started > seconds:
            over = BudgetExceeded("time", seconds)
        if over is not None:
            # Once: Jinja rewrites the traceback of what a template raised (compiling a
            # frame for each template frame), and a second tick raising inside that
            # work, slow on a loaded machine, would lose the template's file and line.
            signal.setitimer(signal.ITIMER_REAL, 0)
            raise over

    previous = signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
