"""Whether the folder of the build's state (cache, lock, journal: output.state_root) can
be trusted, before anything is read from it.

The build cache holds what earlier builds made, pages included; a page whose inputs have
not changed is taken from it as it is. So whoever can write the cache can publish: a
crafted entry put a `<script>` on the site that no commit holds. The cache is trusted
only where nobody but the user (and root) can write: not inside the project or the git
checkout around it (a commit, or a step of CI, writes there), by its path or by the
folder itself (a bind mount shows the checkout under another path), and not in, under
or above a folder that other users can write (a shared runner's home, a group-writable
folder, an ACL entry for another user; one with the sticky bit, like /tmp, lets each
keep their own; a group that is its owner's own, as Debian and Ubuntu give each user,
has nobody else in it) or that belongs to someone else. Symlinks are followed name by
name, as the kernel follows them (`lnk/..` is above where `lnk` leads), so the folders a
link passes through and the one it leads to are all checked, and the build then uses
that resolved path (output.state_root). Inside the state folder every folder is checked
too; each file is checked as it is read (state_reads.read_state).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from soteneg.build.output import configured_state_root, state_dir, state_root
from soteneg.build.permissions import Writer, other_writers
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, say

MAX_LINKS = 40  # like the kernel's limit on symlinks in one path


def _checkout(project: Path) -> Path:
    """The git checkout holding the project (the nearest folder up with `.git`), else
    the project itself."""
    for folder in (project, *project.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    return project


def _folders_passed(path: Path) -> list[Path] | None:
    """Every existing folder in which a name of `path` is looked up, following each
    symlink where it stands and `..` from where the kernel is then, then the folder
    `path` is (if it exists); None for links that loop. What does not exist yet is made
    by soteneg, for the user alone."""
    passed = [Path("/")]
    current = Path("/")
    todo = list(path.parts[1:])
    links = 0
    while todo:
        name = todo.pop(0)
        if name in ("", "."):
            continue
        if name == "..":
            current = current.parent
            continue
        candidate = current / name
        if os.path.islink(candidate):
            links += 1
            if links > MAX_LINKS:
                return None
            target = Path(os.readlink(candidate))
            if target.is_absolute():
                current = Path("/")
                todo = [*target.parts[1:], *todo]
            else:
                todo = [*target.parts, *todo]
            continue
        if not candidate.is_dir():
            break  # from here on nothing exists yet (or a file, which the build reports)
        current = candidate
        passed.append(current)
    return passed


def _folders_inside(folder: Path) -> Iterator[Path]:
    """`folder` and every folder under it, links not followed: an output's state, its
    cache and the cache's shards, whose files any of them could replace."""
    for where, _, _ in os.walk(folder, followlinks=False):
        yield Path(where)


def _same_folder_as(folder: Path, others: list[Path]) -> bool:
    """Whether `folder` or a folder above it is one of `others` itself (same device and
    inode), whatever path leads there: a bind mount of the checkout, for one."""
    wanted = set()
    for other in others:
        try:
            info = os.stat(other)
        except OSError:
            continue
        wanted.add((info.st_dev, info.st_ino))
    for above in (folder, *folder.parents):
        try:
            info = os.stat(above)
        except OSError:
            continue  # not made yet: it will be made inside the first one that exists
        if (info.st_dev, info.st_ino) in wanted:
            return True
    return False


def untrusted_state(project: Path, out: Path | None = None) -> Text | None:
    """Why the state folder may not be used for a build of `project` into `out` (when
    it is known), in one line with what to do; None when it may. The folders of other
    outputs' state are left to their own builds (a user may have hundreds); the files
    read are checked as they are read (state_reads.read_state)."""
    folder = configured_state_root()  # as the user wrote it, for the message
    real = state_root()  # where the build reads and writes
    project = project.resolve()
    checkout = _checkout(project)
    tidied = Path(os.path.normpath(folder))
    for inside in (project, checkout):
        if tidied.is_relative_to(inside) or real.is_relative_to(inside):
            return say("@state.in-checkout", folder=str(folder), checkout=str(checkout))
    if _same_folder_as(real, [project, checkout]):
        return say("@state.in-checkout", folder=str(folder), checkout=str(checkout))
    passed = _folders_passed(folder)
    if passed is None:
        return say("@state.loop", folder=str(folder))
    # The folders the build passes (real's, the same unless a link changed in between)
    # and, inside, the ones that hold this output's state.
    above = [*reversed(real.parents), real]
    own = state_dir(out) if out is not None else None
    inside = list(_folders_inside(own)) if own is not None and own.is_dir() else []
    me = os.geteuid()
    for where in dict.fromkeys([*passed, *above, *inside]):
        try:
            info = os.stat(where, follow_symlinks=False)
            if not stat.S_ISDIR(info.st_mode):
                continue  # not a folder (yet): what is missing is made for the user alone
            writers = other_writers(str(where), info)
        except OSError:
            continue  # cannot be looked at: nor could the build go through it
        if info.st_uid not in (me, 0):
            return say("@state.foreign", folder=str(folder), path=str(where), uid=str(info.st_uid))
        if writers and not info.st_mode & stat.S_ISVTX:
            return _writable(folder, where, info, writers[0])
    return None


def _writable(folder: Path, where: Path, info: os.stat_result, writer: Writer) -> Text:
    if not writer.by_acl:
        mode = f"{stat.S_IMODE(info.st_mode):o}"
        return say("@state.writable", folder=str(folder), path=str(where), mode=mode)
    if writer.kind == "user":
        return say(
            "@state.acl-user",
            folder=str(folder),
            path=str(where),
            name=writer.name,
            id=str(writer.id),
        )
    return say(
        "@state.acl-group", folder=str(folder), path=str(where), name=writer.name, id=str(writer.id)
    )


def state_problem(project: Path, out: Path | None) -> Problem | None:
    """`untrusted_state` as the `output-error` a build stops at (exit 2)."""
    why = untrusted_state(project, out)
    if why is None:
        return None
    return problem(str(configured_state_root()), None, "output-error.failed", detail=why)
