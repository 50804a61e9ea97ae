"""Documents known unchanged since the last build from their stamps, without reading
them: what the last build read is kept as each file's stamp (size, mtime, ctime, inode)
and the digest of its bytes; a file whose stamp is the same now is the same file.

A stamp is kept only for a file that had not changed for SETTLED_NS when it was read:
an edit right after the read, within the same tick of the file system's clock (a jiffy
on Linux, a second or two on some file systems), may leave every part of the stamp as
it was (git's "racy" files), so such a file is read again next time whatever its stamp
says. The rule assumes the files' clock is this machine's (a file server whose clock
runs behind by more than SETTLED_NS defeats it, as it does git's).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from soteneg.content.project_files import Lookup, ProjectFiles
from soteneg.content.sources import SourceFile, Stamp, stat_stamp

SETTLED_NS = 3_000_000_000


@dataclass(frozen=True)
class Told:
    """What the preview's watcher vouches for since the last build: `paths` (relative to
    the project) are the only files that changed, none was added or removed; `links`
    are the documents that are links, which it cannot vouch for (editors/saves.py)."""

    paths: frozenset[str]
    links: frozenset[Path] = frozenset()


# path relative to the project -> (its stamp, the digest of its bytes)
Known = Mapping[str, tuple[Stamp, bytes]]


def lookup(
    root: Path,
    known: Known,
    told: Told | None = None,
    stamps: Mapping[str, Stamp] | None = None,
) -> Lookup | None:
    """For project_files.read_project: the document at a path unread, when it is the very
    file the last build read: a regular file (not a link, whose target may change
    behind the link's own stamp) with the same size, mtime, ctime and inode. `told`:
    the files that changed since the last build, as the preview's watcher saw them; a
    document not among them and no link is taken to be the file the last build read
    without a stamp taken (one `lstat` of every document on every save). `stamps`: the
    stamps the build took of every input as it began (cache.input_stamps, Run.stamps),
    compared instead of a second `lstat` of each of 5000 documents; the build's
    inputs are recorded with those stamps, so a file changed since is seen by the next
    build. read_project asks no lookup about a link."""
    if not known:
        return None
    prefix = f"{root.resolve()}/"

    def unread(path: Path) -> SourceFile | None:
        full = str(path)
        if not full.startswith(prefix):
            return None
        rel = full[len(prefix) :].replace(os.sep, "/")
        entry = known.get(rel)
        if entry is None:
            return None
        if told is not None and rel not in told.paths and path not in told.links:
            return SourceFile(rel, None, stamp=entry[0], digest=entry[1])
        if stamps is not None:
            if stamps.get(rel) != entry[0]:
                return None
            return SourceFile(rel, None, stamp=entry[0], digest=entry[1])
        try:
            found = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(found.st_mode) or stat_stamp(found) != entry[0]:
            return None
        return SourceFile(rel, None, stamp=entry[0], digest=entry[1])

    return unread


def settled(files: ProjectFiles) -> dict[str, tuple[Stamp, bytes]]:
    """The documents the next build may know by their stamps: read whole (or known
    themselves), and last changed (mtime and ctime) SETTLED_NS before the reading
    began."""
    before = files.read_at - SETTLED_NS
    return {
        f.path: (f.stamp, f.digest)
        for f in files.documents
        if f.stamp is not None
        and f.digest is not None
        and f.refused is None
        and f.stamp[1] < before
        and f.stamp[2] < before
    }
