"""Reading what earlier builds left: the state files (cache, reports) and the previous
output's files. Whatever is read there is distrusted, since anyone with the user's
folders, or a link planted in them, could have put it there: a file is read only when
it is a regular file of at most STATE_LIMIT bytes, opened without following a link or
blocking, and (state) owned and writable by the user alone, in folders nobody else may
write. Writing state is output's (write_private, ensure_private_folder).
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from soteneg.build.output import state_root
from soteneg.build.permissions import other_writers, private_to_user
from soteneg.content.sources import NotAFile, TooLarge, read_regular_stat

# The largest state file a build writes: 4.35 MB (inputs.msgpack) for bench/generate.py's
# 5000 documents. A larger file is no cache of ours (forged, or damaged) and is not read
# whole: it would cost its size in memory and time on every build.
STATE_LIMIT = 256 * 1024 * 1024


def read_state(path: Path) -> bytes | None:
    """A state file's bytes; None when it is missing, unreadable, not a regular file, a
    symlink (state is never followed anywhere), larger than STATE_LIMIT, or a file that
    someone other than the user and root owns or may write (by its mode or an ACL): what
    it says could be anyone's, so it counts as missing and is written anew, private."""
    return _read_private(path, folders_checked=False)


def read_states(folder: Path, names: list[str]) -> dict[str, bytes | None]:
    """`read_state` of each file named in `folder`, whose folders are checked once for
    all of them: the cache's 512 shards checked each its own cost a twentieth of a
    second at 5000 documents, more than reading them."""
    if not _private_folders(folder / "-"):
        return dict.fromkeys(names)
    return {name: _read_private(folder / name, folders_checked=True) for name in names}


def _read_private(path: Path, folders_checked: bool) -> bytes | None:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > STATE_LIMIT:
            return None
        if not private_to_user(handle, info):
            return None
        if not folders_checked and not _private_folders(path):
            return None
        with os.fdopen(os.dup(handle), "rb") as file:
            data = file.read(STATE_LIMIT + 1)  # a file that grows meanwhile, too
        return data if len(data) <= STATE_LIMIT else None
    except OSError:
        return None
    finally:
        os.close(handle)


def _private_folders(path: Path) -> bool:
    """Whether every folder from state_root down to `path`'s is a real folder of the
    user's that nobody else may write (one with the sticky bit lets each keep their own).
    state_trust says why not before a build, for the output it knows; this holds for
    whatever is read."""
    root = state_root()
    for folder in (path.parent, *path.parent.parents):
        if not folder.is_relative_to(root):
            break
        try:
            info = os.lstat(folder)
            if not stat.S_ISDIR(info.st_mode) or info.st_uid not in (os.geteuid(), 0):
                return False
            if other_writers(str(folder), info) and not info.st_mode & stat.S_ISVTX:
                return False
        except OSError:
            return False
    return True


def previous_output(out: Path, rel: str, sha256: str) -> bytes | None:
    """A file of the previous build (a PDF), if it is still there with the recorded
    content. Read as state is: at most STATE_LIMIT bytes of a regular file, opened
    without blocking and without following a link, since whatever stands at its name
    now may not be what the build wrote (a sparse file of terabytes, a FIFO that would
    hold the build for good)."""
    try:
        data, _ = read_regular_stat(out / rel, STATE_LIMIT, follow=False)
    except (OSError, NotAFile, TooLarge):
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None
