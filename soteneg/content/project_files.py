"""One reading of the whole project: which of its files are the inputs (site.yaml, the
data files, the documents of content/, with `templates` templates/), which documents a
build already knows by their stamps and leaves unread, and the moment the reading began,
against which those stamps are judged (content.unchanged).

Apart from content.sources, which reads one file or walks one folder within limits and
never outside the project, because this is what a build reads and that how any file is
read: this module opens no file itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from soteneg.content.sources import (
    CONTENT_DIR,
    DATA_FILE_NAMES,
    MAX_DATA_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS,
    SourceFile,
    TemplateFiles,
    Walk,
    is_inside,
    read_config,
    read_source,
    read_templates,
    walk_content,
)
from soteneg.core.problems import problem


def clock_ns() -> int:
    """The moment a project is read, against which its files' stamps are judged
    (tests move it)."""
    return time.time_ns()


@dataclass(frozen=True)
class ProjectFiles:
    """What one reading of the project found (read_project)."""

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
    if content.is_symlink() or not is_inside(root, content):
        # content/ itself a link (`content -> ../..`) would make every file "inside".
        why = problem(CONTENT_DIR, (1, 1), "outside-project.content-link")
        refused = SourceFile(CONTENT_DIR, None, why)
        return ProjectFiles(root, config, (), (refused,), templates=found)
    inside_content = content.resolve()
    data = tuple(
        read_source(root, content / name, MAX_DATA_BYTES, within=inside_content)
        for name in DATA_FILE_NAMES
        if (content / name).is_file()
    )
    if walk is None:
        walk = walk_content(content) if content.is_dir() else Walk((), (), ())
    paths, others, failed = walk.documents, walk.others, walk.failed
    # The walk follows no folder links: a document inside a folder that is inside, and
    # itself no link, is inside too.
    trusted = is_inside(root, content)
    # A link is read whatever a lookup would say: its own stamp does not change when its
    # target does, and the stamps of cache.input_stamps are its target's.
    links = walk.links
    docs = tuple(
        (known(p) if known and p not in links else None)
        or read_source(root, p, MAX_DOCUMENT_BYTES, trusted and not p.is_symlink(), inside_content)
        for p in paths[:MAX_DOCUMENTS]
    ) + tuple(failed)
    assets = frozenset(
        p.relative_to(content).as_posix() for p in others if is_inside(inside_content, p)
    )
    too_many = max(0, len(paths) - MAX_DOCUMENTS)
    return ProjectFiles(root, config, data, docs, assets, too_many, found, read_at, walk)


def read_again(root: Path, source: SourceFile) -> SourceFile:
    """A document read after all (an unread one's bytes are needed), confined as any."""
    root = root.resolve()
    return read_source(
        root, root / source.path, MAX_DOCUMENT_BYTES, within=(root / CONTENT_DIR).resolve()
    )
