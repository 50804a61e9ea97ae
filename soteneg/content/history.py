"""What git tells of the content files: the day each was last committed, whether the
last commit of a document changed its text without a new `changes:` entry, and every
committed version of the documents kept with `versions: keep` (content.versions).

Read at the input end of a run, once, when the project is the top of a git work tree
(a test's content tree inside the project's own checkout is not: its files' commits are
the project's, not its own), with its whole history (not a shallow clone). Everything
comes from the repository, never from the clock: a file with uncommitted edits has no
commit day (the page falls back to its `date`), so two builds of one commit give the
same bytes. git runs with a fixed environment, without the user's or the system's
configuration, and with a timeout; it reads only paths under content/, and the history
it walks is bounded (MAX_COMMITS; the kept versions by MAX_KEPT_COMMITS and
MAX_KEPT_BYTES), so a long or hostile history cannot make a build take minutes. Files
are read as commits left them (`cat-file`), never checked out.
Anything git cannot answer is an empty History. A git command that runs past TIMEOUT
(a loaded machine, a huge repository) gives an empty History too, but one marked `late`:
what git did answer is dropped whole rather than used in part, and the run says so in
a warning (`git-timeout`), since the pages then show other days than the same commit
does on an idle machine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from soteneg.content.sources import CONTENT_DIR

TIMEOUT = 20.0  # seconds, for each git command
MAX_COMMITS = 2000  # the newest commits that touch content/; older days are not read
MAX_COMPARED = 5000  # documents whose last two versions are compared for `check`
MAX_BLOB = 2 * 1024 * 1024  # a version larger than this is not compared
# Earlier versions of documents marked `versions: keep` (content.versions): at most this
# many commits read for one document, and this many bytes of their files in all.
MAX_KEPT_COMMITS = 100
MAX_KEPT_BYTES = 64 * 1024 * 1024
_HEX = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


@dataclass(frozen=True)
class Edit:
    """What the last commit of a document did to it."""

    commit: str  # its short hash
    day: dt.date
    # Its title, summary or body differ from the previous version, which was published
    # (not a draft: finishing a draft is no correction).
    text_changed: bool
    noted: bool  # it has more `changes:` entries than the previous version


@dataclass(frozen=True)
class Committed:
    """A document's file as one commit left it."""

    commit: str  # the full hash
    day: dt.date  # the commit's day
    data: bytes | None  # None when too large or unreadable


@dataclass(frozen=True)
class Kept:
    """The committed versions of one document, newest first. `whole`: the log reached
    the commit that added the file, so the oldest version's first commit is known (a
    bounded log that stopped short cannot tell when the oldest text it saw began)."""

    versions: tuple[Committed, ...]
    whole: bool


@dataclass(frozen=True)
class History:
    head: str = ""  # the commit checked out; "" when git tells nothing
    committed: Mapping[str, dt.date] = field(default_factory=dict)  # path -> last day
    edits: Mapping[str, Edit] = field(default_factory=dict)  # path -> its last edit
    # path -> the committed versions of a document kept with `versions: keep`, newest
    # first, as far back as the bounded log reaches (uncommitted edits or not: the file
    # as it is on disk is the current version either way).
    kept: Mapping[str, Kept] = field(default_factory=dict)
    # A git command ran past TIMEOUT: everything above is empty, as without git, but
    # the output then depends on the machine's load, not only on the commit.
    late: bool = False


NO_HISTORY = History()
LATE_HISTORY = History(late=True)


class _Late(Exception):
    """A git command ran past TIMEOUT."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LC_ALL": "C",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_TERMINAL_PROMPT": "0",
        "HOME": os.devnull,
    }
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "--no-pager", *args],
            input=stdin,
            capture_output=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _Late from None
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def checked_out(root: Path) -> str:
    """The commit checked out when `root` is the top of a git work tree, else "" (also
    when git did not answer in time)."""
    try:
        return _head(root)
    except _Late:
        return ""


def _head(root: Path) -> str:
    top = _git(root, "rev-parse", "--show-toplevel", "HEAD")
    lines = top.decode("utf-8", "replace").splitlines() if top is not None else []
    if len(lines) != 2:
        return ""
    try:
        return lines[1].strip() if Path(lines[0]).resolve() == root.resolve() else ""
    except OSError:
        return ""


def read_history(root: Path, keep: frozenset[str] = frozenset()) -> History:
    """The history of `root`'s content/ when `root` is the top of a git work tree, with
    every committed version of the files in `keep` (paths under content/);
    LATE_HISTORY when a git command did not answer within TIMEOUT."""
    try:
        return _history(root, keep)
    except _Late:
        return LATE_HISTORY


def _history(root: Path, keep: frozenset[str]) -> History:
    head = _head(root)
    if not head:
        return NO_HISTORY
    # A shallow clone (CI's `fetch-depth: 1`) shows every file as added by its oldest
    # commit: every page would take that commit's day, and a kept document's oldest
    # version a name that a deeper clone changes. It tells nothing, like a tarball.
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != b"false":
        return NO_HISTORY
    status = _git(
        root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", CONTENT_DIR
    )
    log = _git(
        root,
        "log",
        f"--max-count={MAX_COMMITS}",
        "--format=%x01%H %cs",
        "--name-only",
        "--no-renames",
        "-z",
        "--",
        CONTENT_DIR,
    )
    if status is None or log is None:
        return NO_HISTORY
    dirty = {entry[3:] for entry in status.decode("utf-8", "replace").split("\0") if entry}
    seen: dict[str, list[tuple[str, dt.date]]] = {}
    every: dict[str, list[tuple[str, dt.date]]] = {p: [] for p in keep}
    records = log.decode("utf-8", "replace").split("\x01")[1:]
    for record in records:
        header, _, names = record.partition("\0")
        commit, _, day = header.partition(" ")
        try:
            when = dt.date.fromisoformat(day.strip())
        except ValueError:
            continue
        for name in names.split("\0"):
            name = name.strip("\n")
            # A name with a line break cannot be asked of `cat-file --batch` (one name a
            # line); the loader refuses such a file anyway.
            if "\n" in name or "\r" in name:
                continue
            if name.startswith(CONTENT_DIR + "/") and len(seen.setdefault(name, [])) < 2:
                seen[name].append((commit, when))
            if name in every and len(every[name]) <= MAX_KEPT_COMMITS:
                every[name].append((commit, when))
    committed = {p: found[0][1] for p, found in seen.items() if p not in dirty}
    pairs = [
        (p, found)
        for p, found in sorted(seen.items())
        if len(found) == 2 and p.endswith(".md") and p not in dirty
    ][:MAX_COMPARED]
    # The log stopped at its bound: a file's oldest commit seen may not be its first.
    whole = len(records) < MAX_COMMITS
    return History(head, committed, _edits(root, pairs), _kept(root, every, whole))


def _kept(
    root: Path, every: Mapping[str, list[tuple[str, dt.date]]], whole: bool
) -> dict[str, Kept]:
    """Every version of the kept documents, never from a checkout: `cat-file` gives the
    file as each commit left it. Two git processes for all of them: the first tells
    each version's object and size, the second reads only the objects within the
    bounds, so a large or long history is never read into memory."""
    wanted = [(p, c, d) for p, found in sorted(every.items()) for c, d in found[:MAX_KEPT_COMMITS]]
    if not wanted:
        return {}
    asked = "".join(f"{c}:{p}\n" for p, c, _ in wanted).encode()
    sizes = _git(root, "cat-file", "--batch-check", stdin=asked)
    if sizes is None:
        return {}
    objects: list[str | None] = []
    budget = MAX_KEPT_BYTES
    for line in sizes.decode("ascii", "replace").splitlines()[: len(wanted)]:
        # "<object> blob <size>"; anything else ("<commit>:<path> missing") is no file.
        parts = line.split()
        found = len(parts) == 3 and parts[1] == "blob" and _HEX.fullmatch(parts[0]) is not None
        size = int(parts[2]) if found and parts[2].isdigit() else MAX_BLOB + 1
        fits = size <= min(MAX_BLOB, budget)
        objects.append(parts[0] if fits else None)
        budget -= size if fits else 0
    read = [o for o in objects if o is not None]
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in read).encode())
    blobs = dict(zip(read, _blobs(out or b"", len(read)), strict=False))
    versions: dict[str, list[Committed]] = {}
    for (path, commit, day), name in zip(wanted, objects, strict=False):
        data = blobs.get(name) if name is not None else None
        versions.setdefault(path, []).append(Committed(commit, day, data))
    return {
        path: Kept(tuple(found), whole and len(every[path]) <= MAX_KEPT_COMMITS)
        for path, found in versions.items()
    }


def _blobs(out: bytes, count: int) -> list[bytes | None]:
    """The answers of `cat-file --batch`, in the order asked: a blob's bytes, or None
    for one that is missing, not a file or larger than MAX_BLOB."""
    blobs: list[bytes | None] = []
    at = 0
    while at < len(out) and len(blobs) < count:
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        if len(header) != 3 or header[1] != b"blob":
            blobs.append(None)
            at = end + 1
            continue
        size = int(header[2])
        blobs.append(out[end + 1 : end + 1 + size] if size <= MAX_BLOB else None)
        at = end + 1 + size + 1
    return blobs


def _edits(root: Path, pairs: list[tuple[str, list[tuple[str, dt.date]]]]) -> dict[str, Edit]:
    """Each document's last version against its previous one, read with one git
    process for all of them."""
    if not pairs:
        return {}
    wanted = "".join(f"{c}:{p}\n" for p, found in pairs for c, _ in found)
    out = _git(root, "cat-file", "--batch", stdin=wanted.encode("utf-8"))
    if out is None:
        return {}
    blobs = _blobs(out, 2 * len(pairs))
    edits = {}
    for i, (path, found) in enumerate(pairs):
        if 2 * i + 1 >= len(blobs):
            break
        now, before = _read(blobs[2 * i], path), _read(blobs[2 * i + 1], path)
        if now is None or before is None:
            continue
        (commit, day), _ = found
        changed = now[0][1:] != before[0][1:] and before[0][0] is not True
        edits[path] = Edit(commit[:10], day, changed, now[1] > before[1])
    return edits


def _read(blob: bytes | None, path: str) -> tuple[tuple[object, ...], int] | None:
    """Whether a version is a draft and what a reader sees of it (title, summary, body),
    and how many `changes:` entries it has; None for a version that cannot be read."""
    # Here, not at the top: `checked_out` serves the quick "nothing changed" answer of
    # the command line, which must not load the content model.
    from soteneg.content.loader import split_front_matter
    from soteneg.content.yamlpos import parse_yaml

    if blob is None:
        return None
    text = blob.decode("utf-8", "replace").replace("\r\n", "\n")
    split = split_front_matter(text, path)
    if not isinstance(split, tuple):
        return None
    front, body, _ = split
    doc, problems = parse_yaml(front, path)
    value = doc.value if not problems else None
    if not isinstance(value, dict):
        return None
    changes = value.get("changes")
    count = len(changes) if isinstance(changes, list) else 0
    seen = (value.get("draft"), value.get("title"), value.get("summary"), body.strip())
    return seen, count
