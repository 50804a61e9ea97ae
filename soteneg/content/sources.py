"""The reading edge: find the project's input files and read their bytes, within limits.

Nothing else in soteneg opens an input file. Everything read here is inside the project
root: a symlink that leads out of it is reported, never followed.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable, Mapping
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


def clock_ns() -> int:
    """The moment a project is read, against which its files' stamps are judged
    (tests move it)."""
    return time.time_ns()


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
class ProjectFiles:
    root: Path
    config: SourceFile | None
    data_files: tuple[SourceFile, ...]
    documents: tuple[SourceFile, ...]
    # Other files under content/ (attachments, images), relative to it; listed, not read.
    assets: frozenset[str] = frozenset()
    too_many: int = 0  # documents left unread beyond MAX_DOCUMENTS
    templates: TemplateFiles | None = None  # None: not asked for
    read_at: int = 0  # clock_ns() as the reading began (content.unchanged)
    walk: Walk | None = None  # what the walk of content/ found (None: no content/ walked)


@dataclass(frozen=True)
class Walk:
    """What a walk of content/ found, in path order: the Markdown documents, the other
    files, what could not be walked, and which documents are links (whose target may
    change without an event on the link: the preview's watcher is not trusted for them)."""

    documents: tuple[Path, ...]
    others: tuple[Path, ...]
    failed: tuple[SourceFile, ...]
    links: frozenset[Path] = frozenset()


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop, before 3.13
        return False
    return True


def _read(
    root: Path, path: Path, limit: int, inside: bool = False, within: Path | None = None
) -> SourceFile:
    """`within`: the folder `path` must resolve into (default `root`): a link from
    content/ to .git/config or .env is as much a leak as one out of the project.
    `inside`: the caller knows it does (it is no link, in a folder that is inside),
    which spares resolving it."""
    rel = path.relative_to(root).as_posix()
    within = within or root
    if not inside and not _inside(within, path):
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


def _walk(content: Path) -> Walk:
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
    return _read(root, path, MAX_DATA_BYTES) if path.is_file() else None


# A document the last build read, unread when its stamp says it is unchanged
# (content.unchanged): its path -> the SourceFile, or None to read it.
Lookup = Callable[[Path], SourceFile | None]


def read_project(
    root: Path, templates: bool = False, known: Lookup | None = None, walk: Walk | None = None
) -> ProjectFiles:
    """site.yaml, the data files and documents of content/ (other files listed, not
    read), and with `templates` every file under templates/. `known`: a document it
    answers for is not read (SourceFile.unread). `walk`: content/ as the last walk found
    it, when the caller knows that no file was added or removed since (the preview's
    watcher: see editors/saves.py); else content/ is walked."""
    read_at = clock_ns()
    root = root.resolve()
    config = read_config(root)
    found = read_templates(root) if templates else None
    content = root / CONTENT_DIR
    if content.is_symlink() or not _inside(root, content):
        # content/ itself a link (`content -> ../..`) would make every file "inside".
        why = problem(CONTENT_DIR, (1, 1), "outside-project.content-link")
        refused = SourceFile(CONTENT_DIR, None, why)
        return ProjectFiles(root, config, (), (refused,), templates=found)
    inside_content = content.resolve()
    data = tuple(
        _read(root, content / name, MAX_DATA_BYTES, within=inside_content)
        for name in DATA_FILE_NAMES
        if (content / name).is_file()
    )
    if walk is None:
        walk = _walk(content) if content.is_dir() else Walk((), (), ())
    paths, others, failed = walk.documents, walk.others, walk.failed
    # The walk follows no folder links: a document inside a folder that is inside, and
    # itself no link, is inside too.
    trusted = _inside(root, content)
    # A link is read whatever a lookup would say: its own stamp does not change when its
    # target does, and the stamps of cache.input_stamps are its target's.
    links = walk.links
    docs = tuple(
        (known(p) if known and p not in links else None)
        or _read(root, p, MAX_DOCUMENT_BYTES, trusted and not p.is_symlink(), inside_content)
        for p in paths[:MAX_DOCUMENTS]
    ) + tuple(failed)
    assets = frozenset(
        p.relative_to(content).as_posix() for p in others if _inside(inside_content, p)
    )
    too_many = max(0, len(paths) - MAX_DOCUMENTS)
    return ProjectFiles(root, config, data, docs, assets, too_many, found, read_at, walk)


def read_again(root: Path, source: SourceFile) -> SourceFile:
    """A document read after all (an unread one's bytes are needed), confined as any."""
    root = root.resolve()
    return _read(
        root, root / source.path, MAX_DOCUMENT_BYTES, within=(root / CONTENT_DIR).resolve()
    )


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
            found = _read(root, path, limit, not entry.is_symlink(), inside)
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
        elif not _inside(inside_content, path):
            found[rel] = FileData(refused="outside-project")
        else:
            try:
                size = path.stat().st_size
                found[rel] = FileData(size, path.read_bytes() if size <= limit else None)
            except OSError:
                found[rel] = FileData(refused="missing")
    return found
