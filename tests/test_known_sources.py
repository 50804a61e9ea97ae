"""A build knows an unchanged document from its stamp (size, mtime, ctime, inode) and does
not read it again (content.unchanged, cache.known): what is read is counted, never
timed. Every shortcut must still see every edit: one of the same size, one that keeps
the mtime, a file replaced by another, an edit in the very tick of the clock the file
was read in (git's racy files), and a cache whose stamps are damaged or lie."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import msgspec
import pytest
from conftest import MINIMAL
from test_site import project

from soteneg.build import cache as build_cache
from soteneg.build.cache import fresh
from soteneg.build.output import cache_dir
from soteneg.content import project_files, sources, unchanged
from soteneg.pipeline import BuildResult
from soteneg.pipeline import build as build_in_process
from soteneg.site.index import BuildOptions

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
DOC = "content/kierrokset/2018-syksy/uusimaa.md"
OTHER = "content/kierrokset/2018-syksy/lappi.md"


def _without_ctime(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamps as a file system whose ctime tells nothing would give: every stamp, the
    build's of its inputs (cache.input_stamps, which lookup compares) too."""
    real = sources.stat_stamp

    def stamp(st: os.stat_result) -> sources.Stamp:
        size, mtime, _, inode = real(st)
        return size, mtime, 0, inode

    for module in (sources, unchanged, fresh):
        monkeypatch.setattr(module, "stat_stamp", stamp)


def _build(root: Path, out: Path) -> BuildResult:
    result = build_in_process(root, out, BuildOptions(now=NOW), with_search=False)
    assert not result.failed, [p.message for p in result.problems]
    return result


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _clean(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The output of a clean build of `root` as it is now (no clock moved)."""
    copy = tmp_path / "clean" / "project"
    shutil.copytree(root, copy)
    out = tmp_path / "clean" / "out"
    _build(copy, out)
    return _tree(out)


def _same_size_edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    edited = text.replace("Uusimaa", "Uusimax", 1)
    assert edited != text and len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")


def test_an_edit_reads_only_the_edited_document(
    tmp_path: Path, reads: list[str], later: None
) -> None:
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _build(root, out)
    every = set(reads)
    assert DOC in every and len(every) == 3
    reads.clear()
    doc = root / DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\nLisätty kappale.\n", encoding="utf-8")
    _build(root, out)
    assert reads == [DOC]
    assert _tree(out) == _clean(root, tmp_path)


def test_a_same_size_edit_that_keeps_the_mtime_is_seen(
    tmp_path: Path, reads: list[str], later: None
) -> None:
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _build(root, out)
    doc = root / DOC
    before = doc.stat()
    _same_size_edit(doc)
    os.utime(doc, ns=(before.st_atime_ns, before.st_mtime_ns))  # a tool that restores it
    assert doc.stat().st_size == before.st_size
    reads.clear()
    _build(root, out)
    assert reads == [DOC]  # its ctime moved
    assert _tree(out) == _clean(root, tmp_path)


def test_a_file_replaced_by_another_is_seen(
    tmp_path: Path, reads: list[str], later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another file renamed into the document's place: the same size and mtime, and
    (on a file system whose ctime is no help) only its inode tells."""
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _without_ctime(monkeypatch)
    _build(root, out)
    doc = root / DOC
    before = doc.stat()
    other = root / "replacement.tmp"
    shutil.copy2(doc, other)
    _same_size_edit(other)
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, doc)
    assert doc.stat().st_ino != before.st_ino
    reads.clear()
    _build(root, out)
    assert reads == [DOC]
    assert _tree(out) == _clean(root, tmp_path)


def test_a_file_changed_in_the_tick_it_was_read_in_is_read_again(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit right after a build read the file, within the same tick of the file
    system's clock, leaves its mtime (and ctime) as they were. A stamp is trusted only
    for a file that had not changed for a while (SETTLED_NS) when it was read: this one
    had, just before, so the next build reads it whatever its stamp says. Simulated: the
    edit's mtime is set back, and the stamps leave out ctime (which no tool can set)."""
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _without_ctime(monkeypatch)
    doc = root / DOC
    doc.write_text(doc.read_text(encoding="utf-8") + "\nEnsimmäinen.\n", encoding="utf-8")
    # Read a second after that write, however loaded the machine: the others had
    # settled long before (copied with their mtimes), this had not.
    written = doc.stat().st_mtime_ns
    monkeypatch.setattr(project_files, "clock_ns", lambda: written + 1_000_000_000)
    _build(root, out)
    before = doc.stat()
    _same_size_edit(doc)
    os.utime(doc, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same tick
    # Another edit, or the build would find nothing changed: these stamps, the build's
    # of its inputs too, are those of a file system whose ctime tells nothing.
    other = root / OTHER
    other.write_text(other.read_text(encoding="utf-8") + "\nLisätty.\n", encoding="utf-8")
    reads.clear()
    _build(root, out)
    assert reads == [OTHER, DOC]
    assert _tree(out) == _clean(root, tmp_path)


def test_settled_leaves_out_files_changed_just_before_they_were_read(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    read_at = 10**19
    old = read_at - unchanged.SETTLED_NS - 1  # changed just long enough before the read

    def judged(mtime: int, ctime: int) -> bool:
        changed = (sources.SourceFile(DOC, b"x", stamp=(1, mtime, ctime, 7)),)
        files = project_files.ProjectFiles(root, None, (), changed, read_at=read_at)
        return DOC in unchanged.settled(files)

    assert judged(old, old)
    assert not judged(old + 1, old)  # the mtime too recent
    assert not judged(old, old + 1)  # the ctime too recent
    unread = sources.SourceFile(DOC, None, stamp=(1, old, old, 7), digest=b"d" * 16)
    assert unread.unread
    refused = sources.SourceFile(DOC, None, sources.problem(DOC, None, "unreadable"))
    files = project_files.ProjectFiles(root, None, (), (unread, refused), read_at=read_at)
    assert unchanged.settled(files) == {DOC: ((1, old, old, 7), b"d" * 16)}


def _known_file(out: Path) -> Path:
    return cache_dir(out) / "known.msgpack"


@pytest.mark.parametrize("damage", ["not msgpack", "a stamp of the wrong type", "a lying digest"])
def test_damaged_or_lying_stamps_mean_the_files_are_read(
    tmp_path: Path, reads: list[str], later: None, damage: str
) -> None:
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _build(root, out)
    every = set(reads)
    known = _known_file(out)
    stored = msgspec.msgpack.decode(known.read_bytes())
    assert DOC in stored["files"]
    if damage == "not msgpack":
        known.write_bytes(b"\xc1")
    elif damage == "a stamp of the wrong type":
        stored["files"][DOC][0] = ["not", "a stamp"]
        known.write_bytes(msgspec.msgpack.encode(stored))
    else:
        # The document's stamp as it is, with a digest of other bytes: their parsed
        # document is not in the cache, so the file is read after all.
        stored["files"][DOC][1] = b"\0" * 16
        known.write_bytes(msgspec.msgpack.encode(stored))
    other = root / OTHER  # an edit, or the build would find nothing changed
    other.write_text(other.read_text(encoding="utf-8") + "\nLisätty.\n", encoding="utf-8")
    reads.clear()
    _build(root, out)
    assert set(reads) == (every if damage != "a lying digest" else {DOC, OTHER})
    assert _tree(out) == _clean(root, tmp_path)


def test_the_stamps_go_with_the_rest_of_the_cache(tmp_path: Path, later: None) -> None:
    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _build(root, out)
    assert _known_file(out).is_file()
    build_cache.Cache.on_disk(out, "x")._disk.forget()  # type: ignore[union-attr]
    assert not _known_file(out).exists()


def test_the_builds_own_stamps_are_compared_without_a_second_lstat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build stamps every input as it begins (cache.input_stamps); the lookup compares
    those rather than `lstat` each of 5000 documents again."""
    root = project(tmp_path, MINIMAL)
    taken = sources.stat_stamp(os.lstat(root / DOC))
    known = {DOC: (taken, b"d" * 16)}
    path = root.resolve() / DOC
    same = unchanged.lookup(root, known, stamps={DOC: taken})
    moved = unchanged.lookup(root, known, stamps={DOC: (taken[0] + 1, *taken[1:])})
    gone = unchanged.lookup(root, known, stamps={})
    assert same is not None and moved is not None and gone is not None

    def no_lstat(*args: object, **kwargs: object) -> os.stat_result:
        raise AssertionError("stamped again")

    monkeypatch.setattr(unchanged.os, "lstat", no_lstat)
    found = same(path)
    assert found is not None and found.unread and found.stamp == taken
    assert moved(path) is None  # changed since the last build: read
    assert gone(path) is None  # not stamped (added since the build began): read


def test_a_document_that_is_a_link_is_read_whatever_a_lookup_says(tmp_path: Path) -> None:
    """The build's stamps of a link are its target's (cache.input_stamps follows links),
    and a link's own stamp says nothing of its target: it is never taken as unread."""
    root = project(tmp_path, MINIMAL)
    target = root / "content" / "kohde.txt"
    os.replace(root / OTHER, target)
    (root / OTHER).symlink_to(target)

    def every_one_known(path: Path) -> sources.SourceFile:
        rel = path.relative_to(root.resolve()).as_posix()
        return sources.SourceFile(rel, None, stamp=(1, 2, 3, 4), digest=b"d" * 16)

    files = project_files.read_project(root, known=every_one_known)
    by_path = {f.path: f for f in files.documents}
    assert by_path[DOC].unread
    assert not by_path[OTHER].unread and by_path[OTHER].data == target.read_bytes()


def test_a_build_hands_the_lookup_the_stamps_it_began_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, later: None
) -> None:
    from soteneg import pipeline

    root = project(tmp_path, MINIMAL)
    out = tmp_path / "out"
    _build(root, out)
    handed: list[object] = []
    real = pipeline.lookup

    def recorded(*args: object) -> object:
        handed.append(args[3] if len(args) > 3 else None)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "lookup", recorded)
    other = root / OTHER
    other.write_text(other.read_text(encoding="utf-8") + "\nLisätty.\n", encoding="utf-8")
    _build(root, out)
    assert len(handed) == 1 and isinstance(handed[0], dict)
    assert handed[0][DOC] == sources.stat_stamp(os.stat(root / DOC))
