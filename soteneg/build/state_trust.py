"""Whether the folder of the build's state (cache, lock, journal: output.state_root) can
be trusted, before anything is read from it.

The build cache holds what earlier builds made, pages included; a page whose inputs have
not changed is taken from it as it is. So whoever can write the cache can publish: a
crafted entry put a `<script>` on the site that no commit holds. The cache is trusted
only where nobody but the user (and root) can write: not inside the project or the git
checkout around it (a commit, or a step of CI, writes there), and not in or under a
folder that other users can write (a shared runner's home, a group-writable folder;
one with the sticky bit, like /tmp, lets each keep their own; a group that is its
owner's own, as Debian and Ubuntu give each user, has nobody else in it) or that
belongs to someone else. Symlinks are followed name by name, so the folders a link passes through
and the one it leads to are all checked.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from pathlib import Path

from soteneg.build.output import state_root
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
    symlink where it stands, then the folder `path` is (if it exists); None for links
    that loop. What does not exist yet is made by soteneg, for the user alone."""
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


def untrusted_state(project: Path) -> Text | None:
    """Why the state folder may not be used for a build of `project`, in one line with
    what to do; None when it may."""
    folder = state_root()
    absolute = Path(os.path.abspath(folder))
    real = Path(os.path.realpath(absolute))
    project = project.resolve()
    checkout = _checkout(project)
    for inside in (project, checkout):
        if absolute.is_relative_to(inside) or real.is_relative_to(inside):
            return say("@state.in-checkout", folder=str(folder), checkout=str(checkout))
    passed = _folders_passed(absolute)
    if passed is None:
        return say("@state.loop", folder=str(folder))
    me = os.geteuid()
    for where in passed:
        try:
            info = os.stat(where)
        except OSError:
            continue  # cannot be looked at: nor could the build go through it
        mode = stat.S_IMODE(info.st_mode)
        if info.st_uid not in (me, 0):
            return say("@state.foreign", folder=str(folder), path=str(where), uid=str(info.st_uid))
        others = mode & stat.S_IWOTH or (
            mode & stat.S_IWGRP and not _owners_own_group(info.st_gid, info.st_uid)
        )
        if others and not mode & stat.S_ISVTX:
            return say("@state.writable", folder=str(folder), path=str(where), mode=f"{mode:o}")
    return None


def _owners_own_group(gid: int, uid: int) -> bool:
    """Whether `gid` is the private group of user `uid`: their primary group, named
    like them, with no other member (Debian's and Ubuntu's user private groups, where a
    umask of 002 makes every folder group-writable)."""
    try:
        user, group = pwd.getpwuid(uid), grp.getgrgid(gid)
    except KeyError:
        return False
    return (
        user.pw_gid == gid and group.gr_name == user.pw_name and set(group.gr_mem) <= {user.pw_name}
    )


def state_problem(project: Path) -> Problem | None:
    """`untrusted_state` as the `output-error` a build stops at (exit 2)."""
    why = untrusted_state(project)
    if why is None:
        return None
    return problem(str(state_root()), None, "output-error.failed", detail=why)
