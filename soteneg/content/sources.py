"""The reading edge: find the project's input files and read their bytes, within limits.

Nothing else in soteneg opens an input file. Everything read here is inside the project
root: a symlink that leads out of it is reported, never followed. Which files one
reading of the whole project takes, and when, is content.project_files.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from soteneg.core.problems import Problem, problem, visible
from soteneg.core.text import decimal, number

CONFIG_FILE = "site.yaml"
TEMPLATES_DIR = "templates"
STATIC_DIR = "templates/static"
CONTENT_DIR = "content"
DATA_FILE_NAMES = (
    "eras.yaml",
    "kinds.yaml",
    "parties.yaml",
    "regions.yaml",
    "rounds.yaml",
    "themes.yaml",
    "people.yaml",
)
# Sites of one period need no eras, units may have no kinds, and rounds may name no
# parties: these may be absent.
OPTIONAL_DATA_FILES = frozenset({"eras.yaml", "kinds.yaml", "parties.yaml"})

# A negotiation document is a few pages. Far larger input is a mistake or an attack,
# and is refused before it is read, so `check` stays fast and its memory bounded.
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
MAX_DATA_BYTES = 1024 * 1024
MAX_DOCUMENTS = 50_000
# Templates are a few kilobytes each; static files are stylesheets, images and fonts.
MAX_TEMPLATE_FILES = 5_000
MAX_STATIC_BYTES = 20 * 1024 * 1024


# (size, mtime_ns, ctime_ns, inode): an edit that keeps size and mtime (a tool that
# restores the mtime, a coarse clock) still moves ctime, which no program can set back,
# and a file renamed into place has another inode.
Stamp = tuple[int, int, int, int]


def stat_stamp(st: os.stat_result) -> Stamp:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def digest_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def stamp(path: str | Path) -> Stamp | None:
    """What says a file changed, without reading it; None when it cannot be stat'ed."""
    try:
        return stat_stamp(os.stat(path))
    except OSError:
        return None


@dataclass(frozen=True)
class SourceFile:
    """One input file. `data` is None when it was not read; `refused` is then the
    problem that says why, or the file was known unchanged from its stamp (`unread`).
    `stamp` is the file's as its bytes were read (or known), `digest` theirs."""

    path: str  # relative to the project root, with '/' separators
    data: bytes | None
    refused: Problem | None = None
    stamp: Stamp | None = None
    digest: bytes | None = None  # of `data`, whenever there is data

    def __post_init__(self) -> None:
        if self.data is not None:
            object.__setattr__(self, "digest", digest_of(self.data))

    @property
    def refused_code(self) -> str | None:
        return self.refused.code if self.refused else None

    @property
    def unread(self) -> bool:
        """Known unchanged from the last build by its stamp, and not read."""
        return self.data is None and self.refused is None and self.digest is not None


@dataclass(frozen=True)
class TemplateFiles:
    """What templates/ holds: the templates by name (their path under templates/) and the
    static files by their path under templates/static/, as bytes; and the files and
    folders that were refused, each with its problem. Rendering reads these bytes and
    nothing else, so what a build stamps is what it renders."""

    templates: Mapping[str, bytes]
    static: Mapping[str, bytes]
    refused: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Walk:
    """What a walk of content/ found, in path order: the Markdown documents, the other
    files, what could not be walked, and which documents are links (whose target may
    change without an event on the link: the preview's watcher is not trusted for them)."""

    documents: tuple[Path, ...]
    others: tuple[Path, ...]
    failed: tuple[SourceFile, ...]
    links: frozenset[Path] = frozenset()


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path` resolves into the folder `root` (itself resolved)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop, before 3.13
        return False
    return True


def read_source(
    root: Path, path: Path, limit: int, inside: bool = False, within: Path | None = None
) -> SourceFile:
    """The file at `path` (under `root`), or the problem that refused it.
    `within`: the folder `path` must resolve into (default `root`): a link from
    content/ to .git/config or .env is as much a leak as one out of the project.
    `inside`: the caller knows it does (it is no link, in a folder that is inside),
    which spares resolving it."""
    rel = path.relative_to(root).as_posix()
    within = within or root
    if not inside and not is_inside(within, path):
        if within == root:
            why = problem(rel, (1, 1), "outside-project.link")
        else:
            folder = f"{within.relative_to(root).as_posix()}/"
            why = problem(rel, (1, 1), "outside-project.link-out-of", folder=folder)
        return SourceFile(rel, None, why)
    try:
        data, found = read_regular_stat(path, limit, follow=not inside)
    except NotAFile:
        return SourceFile(rel, None, problem(rel, (1, 1), "unreadable.not-a-file"))
    except TooLarge as big:
        size_mib, limit_mib = decimal(f"{big.size / 1048576:.1f}"), f"{limit / 1048576:.0f}"
        why = problem(rel, (1, 1), "file-too-large.source", size=size_mib, limit=limit_mib)
        return SourceFile(rel, None, why)
    except OSError as err:
        why = problem(rel, (1, 1), "unreadable.file", reason=_reason(err))
        return SourceFile(rel, None, why)
    return SourceFile(rel, data, stamp=stat_stamp(found))


class NotAFile(Exception):
    """A FIFO, socket or device where a file was expected."""


class TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_regular(path: Path, limit: int, follow: bool = True) -> bytes:
    return read_regular_stat(path, limit, follow)[0]


def read_regular_stat(path: Path, limit: int, follow: bool = True) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path` (links followed), refused unread when it
    is not a regular file or is over `limit` bytes. The file is opened without blocking
    and checked on the open descriptor: a FIFO put in a file's place between a stat and
    an open would otherwise stop the read, and the build, for good. `follow=False`: the
    caller found no link here, and a link put in its place since is not followed. With
    them the file's stat, taken before they were read: a change while reading moves it."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise NotAFile(path)
        if found.st_size > limit:
            raise TooLarge(found.st_size)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise TooLarge(len(data))
    return data, found


def walk_content(content: Path) -> Walk:
    """Markdown documents and other files under content/, hidden ones left out, in path
    order (by folder, then name), and what could not be walked: a folder that cannot be
    listed or a link that loops is a located problem, not a traceback."""
    documents: list[tuple[list[str], Path]] = []
    others: list[tuple[list[str], Path]] = []
    failed: list[tuple[list[str], SourceFile]] = []
    links: set[Path] = set()
    root = content.parent
    folders: list[tuple[str, list[str]]] = [(str(content), [])]
    while folders:
        folder, parts = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as err:
            rel = Path(folder).relative_to(root).as_posix()
            why = problem(rel, (1, 1), "unreadable.folder", reason=_reason(err))
            failed.append((parts, SourceFile(rel, None, why)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden: .git, editor state
            where = [*parts, entry.name]
            try:
                entry.name.encode("utf-8")
            except UnicodeEncodeError:  # bytes that are not UTF-8, kept as surrogates
                rel = visible(Path(entry.path).relative_to(root).as_posix())
                why = problem(rel, (1, 1), "unreadable.name-not-utf8")
                failed.append((where, SourceFile(rel, None, why)))
                continue
            try:
                # Links to folders are not followed: a link cannot pull another tree in.
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, where))
                    continue
                if entry.is_dir():
                    continue  # a link to a folder
            except OSError as err:  # a link that loops or leads nowhere readable
                rel = Path(entry.path).relative_to(root).as_posix()
                why = problem(rel, (1, 1), "unreadable.link", reason=_reason(err))
                failed.append((where, SourceFile(rel, None, why)))
                continue
            path = Path(entry.path)
            if entry.name.endswith(".md"):
                documents.append((where, path))
                if entry.is_symlink():  # the type the listing gave: no system call
                    links.add(path)
            else:
                others.append((where, path))
    return Walk(
        tuple(p for _, p in sorted(documents)),
        tuple(p for _, p in sorted(others)),
        tuple(f for _, f in sorted(failed, key=lambda item: item[0])),
        frozenset(links),
    )


def _reason(err: OSError) -> str:
    """The operating system's words for `err`: a detail inside a translated sentence."""
    return err.strerror or type(err).__name__


def read_config(root: Path) -> SourceFile | None:
    root = root.resolve()
    path = root / CONFIG_FILE
    return read_source(root, path, MAX_DATA_BYTES) if path.is_file() else None


def read_templates(root: Path) -> TemplateFiles:
    """Every file under templates/ (hidden ones left out), read within limits. Like
    content/, templates/ is confined: a file that is a link must resolve inside it (a
    partial linked to ../.env would put a secret into every page), a folder that is a
    link is not entered, and FIFOs, sockets and devices are not read."""
    root = root.resolve()
    top = root / TEMPLATES_DIR
    if not top.exists() and not top.is_symlink():
        return TemplateFiles({}, {})
    if top.is_symlink() or not top.is_dir():
        why = problem(TEMPLATES_DIR, (1, 1), "outside-project.templates-link")
        return TemplateFiles({}, {}, (why,))
    inside = top.resolve()
    templates: dict[str, bytes] = {}
    static: dict[str, bytes] = {}
    refused: list[Problem] = []
    folders = [top]
    count = 0
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as err:
            rel = folder.relative_to(root).as_posix()
            refused.append(problem(rel, (1, 1), "unreadable.folder", reason=_reason(err)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            try:
                entry.name.encode("utf-8")
            except UnicodeEncodeError:
                refused.append(problem(visible(rel), (1, 1), "unreadable.name-not-utf8"))
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                    continue
                if entry.is_dir():
                    refused.append(problem(rel, (1, 1), "unreadable.folder-link"))
                    continue
            except OSError as err:
                refused.append(problem(rel, (1, 1), "unreadable.link", reason=_reason(err)))
                continue
            count += 1
            if count > MAX_TEMPLATE_FILES:
                limit = number(MAX_TEMPLATE_FILES)
                why = problem(TEMPLATES_DIR, None, "too-many-files.templates", limit=limit)
                refused.append(why)
                return TemplateFiles(templates, static, tuple(refused))
            name = path.relative_to(top).as_posix()
            is_static = name.startswith("static/")
            limit = MAX_STATIC_BYTES if is_static else MAX_DATA_BYTES
            found = read_source(root, path, limit, not entry.is_symlink(), inside)
            if found.data is None:
                assert found.refused is not None
                refused.append(found.refused)
            elif is_static:
                static[name.removeprefix("static/")] = found.data
            else:
                templates[name] = found.data
    return TemplateFiles(templates, static, tuple(refused))


@dataclass(frozen=True)
class FileData:
    """A file that documents refer to. `refused`: "missing" or "outside-project"; files
    over `limit` are measured but not read."""

    size: int = 0
    data: bytes | None = None
    refused: str | None = None


def read_files(root: Path, paths: Iterable[str], limit: int) -> dict[str, FileData]:
    """Files under content/ by their path relative to it, read only up to `limit` bytes."""
    root = root.resolve()
    content = root / CONTENT_DIR
    inside_content = content.resolve()
    found: dict[str, FileData] = {}
    for rel in sorted(set(paths)):
        path = content / rel
        if not path.is_file():
            found[rel] = FileData(refused="missing")
        elif not is_inside(inside_content, path):
            found[rel] = FileData(refused="outside-project")
        else:
            try:
                size = path.stat().st_size
                found[rel] = FileData(size, path.read_bytes() if size <= limit else None)
            except OSError:
                found[rel] = FileData(refused="missing")
    return found
