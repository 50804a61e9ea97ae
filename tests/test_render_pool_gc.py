"""The render pool's workers free the reference cycles their tasks leave, though the
build that forks them has paused the collector (pipeline._collector_paused): a worker
renders thousands of pages, and kept every cycle they left (issue 29: 120 MiB per
worker at 5000 documents). They are freed after each chunk of tasks."""

from __future__ import annotations

import gc
import weakref

from soteneg.build import render_pool

_made: list[weakref.ref[_Node]] = []  # in each worker, of every task it ran


class _Node:
    def __init__(self) -> None:
        self.me = self


def _cycles_alive(_: int) -> int:
    """Leave a cycle behind; how many of those this process left are still alive."""
    node = _Node()
    _made.append(weakref.ref(node))
    del node
    return sum(ref() is not None for ref in _made)


def test_workers_free_cycles_after_each_chunk_while_the_build_has_paused_the_collector() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        # Five chunks over two workers: one of them runs three or more.
        found = render_pool.run(_cycles_alive, range(5 * render_pool.CHUNK), 2)
        assert not gc.isenabled()  # the parent's pause holds
    finally:
        if was:
            gc.enable()
    assert max(found) <= render_pool.CHUNK
