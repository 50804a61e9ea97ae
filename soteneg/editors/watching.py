"""The preview's watcher: which files a rebuild depends on, the saves watchfiles reports,
and what the thread that builds does in the quiet moments between them."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from soteneg.content.sources import CONFIG_FILE, CONTENT_DIR, TEMPLATES_DIR, Stamp, stat_stamp

if TYPE_CHECKING:
    from soteneg.editors.serve import Preview

WATCHED = (CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE)


def fingerprint(root: Path) -> tuple[tuple[str, Stamp], ...]:
    """The stamp of every watched file (size, mtime, ctime, inode): what a rebuild
    depends on, the same stamp the build's own "nothing changed" check uses."""
    found = []
    for name in WATCHED:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in paths:
            with contextlib.suppress(OSError):
                found.append((str(path), stat_stamp(path.stat())))
    return tuple(found)


QUIET_MS = 200  # no change for this long: one quiet moment
# Quiet moments before the search index is brought up to date. Indexing a shard takes
# 1-2 s at 5000 documents (mostly Pagefind's own process) on the thread that builds, and
# a save that came meanwhile waited for all of it: saving again a moment after looking
# (0.3 s in bench/serve.py) took 2.85 s to show in the median, against 1.94 s at best.
# A second without saves is the editor reading; a burst of saves is indexed once.
QUIET_BEFORE_INDEX = 5


@dataclass
class Idle:
    """What the thread that builds does once no save is waiting, one piece per quiet
    moment, so that a save in between is built first."""

    index: bool = False  # the search index is behind the pages
    quiet: int = 0  # quiet moments since the last build
    verify: bool = False  # the last build was told what changed: stamp the project

    def built(self, told: bool = False) -> None:
        # A build that walked the project saw what any before it was not told.
        self.index, self.quiet, self.verify = True, 0, told

    def next(self, preview: Preview, shown: Callable[[], None] | None = None) -> None:
        self.quiet += 1
        if self.verify:
            # First: a page shown from a lost event's stale file is the worst this
            # does, and only until now.
            self.verify = False
            if preview.changed_behind(shown):
                self.built()
        elif self.index and self.quiet >= QUIET_BEFORE_INDEX:
            preview.index_search()
            self.index = False
        elif preview.uncollected and not self.index:
            # Builds leave the garbage collector off; collect once the search is indexed.
            preview.collect()


def watch_saves(
    root: Path,
    preview: Preview,
    on_change: Callable[[], None],
    stop: threading.Event,
    armed: threading.Event,
) -> None:
    from watchfiles import watch

    paths = [str(root / name) for name in WATCHED if (root / name).exists()]
    output = str(preview.out.resolve())
    idle = Idle()
    # rust_timeout with yield_on_timeout: the first (empty) yield proves that the
    # watches are in place, so the preview can say it is ready without missing a save;
    # the next ones are quiet moments. A save is reported within `step` ms of its last
    # write (`debounce` at most, for a tool that keeps writing).
    for changes in watch(
        *paths,
        stop_event=stop,
        debounce=50,
        step=20,
        rust_timeout=QUIET_MS,
        yield_on_timeout=True,
        watch_filter=lambda _c, p: not p.startswith(output),
    ):
        armed.set()
        if changes:
            # The pages reload as soon as they are in place, before the terminal's report.
            preview.rebuild(shown=on_change, changes=changes)
            idle.built(told=preview.memory.told is not None)
        else:
            idle.next(preview, on_change)
