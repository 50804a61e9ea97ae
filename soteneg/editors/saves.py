"""What a save changed, from what the preview's watcher saw, so that its build need not
walk and stamp the whole project (0.1-0.2 CPU s of a save at 5000 documents).

The watcher is trusted only as far as it can be checked. A batch of its events is
told to the build (content.unchanged.Told) when every path in it is, now, a regular
file that the last build stamped (written in place, or replaced by a rename: an
editor's safe save), or is neither there now nor was stamped (an editor's temporary
file, come and gone). Anything else, a file added or removed, a folder, a link, a path
outside the project, and the build walks the project as without a watcher.

Events can also be lost without a word: inotify's queue overflows under a burst
(watchfiles drops the overflow notice, which names no path), and a file written into a
new folder before its watch is in place is never reported. So at the first quiet moment
after a build that was told, the preview stamps the whole project as a build would
(`changed_behind`) and builds again the whole way if it differs from what the build
believed: a lost event is seen within a moment, as a save would have shown it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from soteneg.content.sources import Stamp, Walk
from soteneg.content.unchanged import Told


def told(
    root: Path,
    changes: Iterable[tuple[object, str]],
    stamps: Mapping[str, Stamp] | None,
    walk: Walk | None,
) -> Told | None:
    """The files that the watcher's `changes` (its change kinds and absolute paths)
    say changed since the build that made `stamps` and `walk`, or None when the next
    build must walk the project. The kinds are not trusted (a rename shows as a file
    removed and added): what each path is now decides."""
    if stamps is None or walk is None or walk.failed:
        return None  # no build to go on from, or a folder it could not walk
    top = os.path.abspath(root)
    paths: set[str] = set()
    for _kind, path in changes:
        rel = os.path.relpath(os.path.abspath(path), top)
        if rel.startswith("..") or os.path.isabs(rel):
            return None
        rel = rel.replace(os.sep, "/")
        try:
            found = os.lstat(path)
        except OSError:
            found = None
        known = rel in stamps
        if found is None:
            if known:
                return None  # removed: the walk would list one file fewer
            continue  # never there for the build, not there now
        if not known or not stat.S_ISREG(found.st_mode):
            return None  # added, or a folder, a link, a FIFO
        paths.add(rel)
    return Told(frozenset(paths), walk.links)
