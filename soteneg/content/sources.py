"""The reading edge: find the project's input files and read their bytes, within limits.

Nothing else in soteneg opens an input file. Everything read here is inside the project
root: a symlink that leads out of it is reported, never followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from soteneg.core.problems import Problem, problem, visible
from soteneg.core.text import decimal

CONFIG_FILE = "site.yaml"
TEMPLATES_DIR = "templates"
STATIC_DIR = "templates/static"
CONTENT_DIR = "content"
DATA_FILE_NAMES = (
    "eras.yaml",
    "parties.yaml",
    "regions.yaml",
    "rounds.yaml",
    "themes.yaml",
    "people.yaml",
)
# Sites of one period need no eras, and rounds may name no parties: these may be absent.
OPTIONAL_DATA_FILES = frozenset({"eras.yaml", "parties.yaml"})

# A negotiation document is a few pages. Far larger input is a mistake or an attack,
# and is refused before it is read, so `check` stays fast and its memory bounded.
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
MAX_DATA_BYTES = 1024 * 1024
MAX_DOCUMENTS = 50_000


# (size, mtime_ns, ctime_ns, inode): an edit that keeps size and mtime (a tool that
# restores the mtime, a coarse clock) still moves ctime, which no program can set back,
# and a file renamed into place has another inode.
Stamp = tuple[int, int, int, int]


def stat_stamp(st: os.stat_result) -> Stamp:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def stamp(path: str | Path) -> Stamp | None:
    """What says a file changed, without reading it; None when it cannot be stat'ed."""
    try:
        return stat_stamp(os.stat(path))
    except OSError:
        return None


@dataclass(frozen=True)
class SourceFile:
    """One input file. `data` is None when it was not read; `refused` is then the
    problem that says why."""

    path: str  # relative to the project root, with '/' separators
    data: bytes | None
    refused: Problem | None = None

    @property
    def refused_code(self) -> str | None:
        return self.refused.code if self.refused else None


@dataclass(frozen=True)
class ProjectFiles:
    root: Path
    config: SourceFile | None
    data_files: tuple[SourceFile, ...]
    documents: tuple[SourceFile, ...]
    # Other files under content/ (attachments, images), relative to it; listed, not read.
    assets: frozenset[str] = frozenset()
    too_many: int = 0  # documents left unread beyond MAX_DOCUMENTS


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
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):  # a FIFO would block the read for good
            return SourceFile(rel, None, problem(rel, (1, 1), "unreadable.not-a-file"))
        size = found.st_size
        if size > limit:
            size_mib, limit_mib = decimal(f"{size / 1048576:.1f}"), f"{limit / 1048576:.0f}"
            why = problem(rel, (1, 1), "file-too-large.source", size=size_mib, limit=limit_mib)
            return SourceFile(rel, None, why)
        return SourceFile(rel, path.read_bytes())
    except OSError as err:
        why = problem(rel, (1, 1), "unreadable.file", reason=_reason(err))
        return SourceFile(rel, None, why)


def _walk(content: Path) -> tuple[list[Path], list[Path], list[SourceFile]]:
    """Markdown documents and other files under content/, hidden ones left out, in path
    order (by folder, then name), and what could not be walked: a folder that cannot be
    listed or a link that loops is a located problem, not a traceback."""
    documents: list[tuple[list[str], Path]] = []
    others: list[tuple[list[str], Path]] = []
    failed: list[tuple[list[str], SourceFile]] = []
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
            (documents if entry.name.endswith(".md") else others).append((where, Path(entry.path)))
    return (
        [p for _, p in sorted(documents)],
        [p for _, p in sorted(others)],
        [f for _, f in sorted(failed, key=lambda item: item[0])],
    )


def _reason(err: OSError) -> str:
    """The operating system's words for `err`: a detail inside a translated sentence."""
    return err.strerror or type(err).__name__


def read_config(root: Path) -> SourceFile | None:
    root = root.resolve()
    path = root / CONFIG_FILE
    return _read(root, path, MAX_DATA_BYTES) if path.is_file() else None


def read_project(root: Path) -> ProjectFiles:
    root = root.resolve()
    config = read_config(root)
    content = root / CONTENT_DIR
    if content.is_symlink() or not _inside(root, content):
        # content/ itself a link (`content -> ../..`) would make every file "inside".
        why = problem(CONTENT_DIR, (1, 1), "outside-project.content-link")
        refused = SourceFile(CONTENT_DIR, None, why)
        return ProjectFiles(root, config, (), (refused,))
    inside_content = content.resolve()
    data = tuple(
        _read(root, content / name, MAX_DATA_BYTES, within=inside_content)
        for name in DATA_FILE_NAMES
        if (content / name).is_file()
    )
    paths, others, failed = _walk(content) if content.is_dir() else ([], [], [])
    # The walk follows no folder links: a document inside a folder that is inside, and
    # itself no link, is inside too.
    trusted = _inside(root, content)
    docs = tuple(
        _read(root, p, MAX_DOCUMENT_BYTES, trusted and not p.is_symlink(), inside_content)
        for p in paths[:MAX_DOCUMENTS]
    ) + tuple(failed)
    assets = frozenset(
        p.relative_to(content).as_posix() for p in others if _inside(inside_content, p)
    )
    return ProjectFiles(root, config, data, docs, assets, max(0, len(paths) - MAX_DOCUMENTS))


def read_static(root: Path) -> dict[str, bytes]:
    """Files under templates/static/, by path relative to it. Links are not followed."""
    root = root.resolve()
    static = root / STATIC_DIR
    found: dict[str, bytes] = {}
    if not static.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(static):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or not _inside(static.resolve(), path):
                continue
            found[path.relative_to(static).as_posix()] = path.read_bytes()
    return found


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
