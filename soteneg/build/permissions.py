"""Who besides the user can write a file or a folder: its owner, its mode bits and its
POSIX access control list (ACL).

The mode alone does not tell. With an ACL, the group bits of the mode are the ACL's
mask, and an entry such as `user:nobody:rwx` gives one more user the right to write
while the mode still reads 770 with a group that is trusted (root's, when CI builds as
root). So the ACL is read too, from the extended attribute in which Linux keeps it.
"""

from __future__ import annotations

import errno
import grp
import os
import pwd
import stat
import struct
from dataclasses import dataclass

ACL_ATTRIBUTE = "system.posix_acl_access"

# linux/posix_acl_xattr.h: a version (2), then entries of tag, permissions and id.
_HEADER = struct.Struct("<I")
_ENTRY = struct.Struct("<HHI")
_USER_OBJ, _USER, _GROUP_OBJ, _GROUP, _MASK, _OTHER = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20
_WRITE = 0x2


@dataclass(frozen=True)
class Writer:
    """Someone other than the user and root who may write: `kind` is "user" or "group"
    (named by an ACL, or the owning group), or "others" (the mode's last digit)."""

    kind: str
    id: int
    by_acl: bool

    @property
    def name(self) -> str:
        try:
            if self.kind == "user":
                return pwd.getpwuid(self.id).pw_name
            return grp.getgrgid(self.id).gr_name
        except KeyError:
            return str(self.id)


def acl_entries(target: str | int) -> list[tuple[int, int, int]] | None:
    """The (tag, permissions, id) entries of `target`'s access ACL (a path, not followed
    if it is a link, or an open file descriptor); None when it has none beyond its mode,
    or the file system keeps no ACLs."""
    try:
        if isinstance(target, int):
            raw = os.getxattr(target, ACL_ATTRIBUTE)
        else:
            raw = os.getxattr(target, ACL_ATTRIBUTE, follow_symlinks=False)
    except OSError as err:
        if err.errno in (errno.ENODATA, errno.ENOTSUP, errno.EOPNOTSUPP):
            return None
        raise
    if len(raw) < _HEADER.size or (len(raw) - _HEADER.size) % _ENTRY.size:
        raise OSError(errno.EINVAL, f"an access control list that does not parse: {raw.hex()}")
    return [entry for entry in _ENTRY.iter_unpack(raw[_HEADER.size :])]


def other_writers(target: str | int, info: os.stat_result) -> list[Writer]:
    """Everyone besides the owner who may write `target` (described by `info`): the
    owning group unless it is the owner's own private group, other users, and every
    user or group an ACL names, through the ACL's mask. The owner is the caller's to
    judge. A folder with the sticky bit lets each keep their own, like /tmp: the caller
    decides whether that is enough."""
    mode = stat.S_IMODE(info.st_mode)
    writers: list[Writer] = []
    if mode & stat.S_IWOTH:
        writers.append(Writer("others", -1, by_acl=False))
    entries = acl_entries(target)
    if entries is None:
        if mode & stat.S_IWGRP and not owners_own_group(info.st_gid, info.st_uid):
            writers.append(Writer("group", info.st_gid, by_acl=False))
        return writers
    masks = [perm for tag, perm, _ in entries if tag == _MASK]
    mask = masks[0] if masks else 0o7
    for tag, perm, who in entries:
        if not perm & mask & _WRITE:
            continue
        if tag == _USER and who not in (info.st_uid, os.geteuid(), 0):
            writers.append(Writer("user", who, by_acl=True))
        elif tag in (_GROUP, _GROUP_OBJ):
            group = info.st_gid if tag == _GROUP_OBJ else who
            if not owners_own_group(group, info.st_uid):
                writers.append(Writer("group", group, by_acl=True))
    return writers


def owners_own_group(gid: int, uid: int) -> bool:
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


def private_to_user(target: str | int, info: os.stat_result) -> bool:
    """Whether only the user (or root) can have written `target`: it is theirs and nobody
    else may write it."""
    return info.st_uid in (os.geteuid(), 0) and not other_writers(target, info)
