"""A save the preview's watcher reports is built without walking and stamping the project
(editors/saves.py): each build's output is a clean build's, byte for byte; what the
watcher cannot vouch for (a file added or removed, a folder, a link) is walked; and an
event lost is seen at the next quiet moment (`Preview.changed_behind`). The builds read
the project a minute later (`later`), so that every unchanged document is known by its
stamp: a document the build is not told of is then taken as the last build read it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL
from test_preview_warm import NOW, clean_build, tree_of
from test_site import project

from soteneg.build import memory as build_memory
from soteneg.content import project_files, sources
from soteneg.content.sources import Walk
from soteneg.editors import saves, serve, watching

DOC = "content/kierrokset/2018-syksy/uusimaa.md"
NEWS = "content/tiedotteet/uutinen.md"
MODIFIED, ADDED, DELETED = 2, 1, 3  # watchfiles.Change's values

pytestmark = pytest.mark.usefixtures("later")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _preview(tmp_path: Path) -> tuple[Path, serve.Preview]:
    root = project(tmp_path, MINIMAL)
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    assert not preview.rebuild().failed
    return root, preview


def _saved(preview: serve.Preview, *changes: tuple[int, Path]) -> dict[str, bytes]:
    state = preview.rebuild(changes={(kind, str(path)) for kind, path in changes})
    assert not state.failed, [p.message for p in state.problems]
    return tree_of(preview.out)


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every walk of content/ and every stamping of the whole project."""
    seen: list[str] = []
    walk, stamps = project_files.walk_content, build_memory.build_cache.input_stamps

    def walked(content: Path) -> Walk:
        seen.append("walk")
        return walk(content)

    def stamped(root: Path) -> Any:
        seen.append("stamps")
        return stamps(root)

    monkeypatch.setattr(project_files, "walk_content", walked)
    monkeypatch.setattr(build_memory.build_cache, "input_stamps", stamped)
    return seen


def test_a_save_told_is_built_without_a_walk_and_equals_a_clean_build(
    tmp_path: Path, walks: list[str]
) -> None:
    root, preview = _preview(tmp_path)
    walks.clear()
    _edit(root / DOC, "Integraatiosta.", "Integraatiosta tallennettu.")
    saved = _saved(preview, (MODIFIED, root / DOC))
    assert preview.memory.told is not None and preview.memory.told.paths == {DOC}
    assert walks == []
    assert any(b"Integraatiosta tallennettu." in data for data in saved.values())
    assert saved == clean_build(preview, tmp_path, "after")
    # Its file stamped again, the stamps are the project's: no second build at the
    # next quiet moment.
    assert not preview.changed_behind()


def test_a_document_saved_by_a_rename_is_told(tmp_path: Path) -> None:
    """An editor's safe save: the text written beside the file, renamed over it (a new
    inode), and the editor's temporary file gone."""
    root, preview = _preview(tmp_path)
    temporary = root / "content/kierrokset/2018-syksy/.uusimaa.md.swx"
    temporary.write_text((root / DOC).read_text(encoding="utf-8") + "\nLisätty.\n", "utf-8")
    os.replace(temporary, root / DOC)
    changes = ((DELETED, root / DOC), (ADDED, root / DOC), (ADDED, temporary))
    saved = _saved(preview, *changes, (DELETED, temporary))
    assert preview.memory.told is not None and preview.memory.told.paths == {DOC}
    assert saved == clean_build(preview, tmp_path, "after")
    assert not preview.changed_behind()


def test_a_lost_event_is_seen_at_the_next_quiet_moment(tmp_path: Path) -> None:
    """Two documents saved, the watcher told of one (its queue overflowed): the build
    trusts it, and the stamps of the whole project taken at the next quiet moment find
    the other, and build again."""
    root, preview = _preview(tmp_path)
    _edit(root / DOC, "Integraatiosta.", "Integraatiosta tallennettu.")
    _edit(root / NEWS, "\n\n", "\n\nKadonnut tapahtuma.\n\n")
    told = _saved(preview, (MODIFIED, root / DOC))
    assert not any(b"Kadonnut tapahtuma." in data for data in told.values())
    assert preview.changed_behind()
    assert preview.memory.told is None  # walked
    after = tree_of(preview.out)
    assert any(b"Kadonnut tapahtuma." in data for data in after.values())
    assert after == clean_build(preview, tmp_path, "after")
    assert not preview.changed_behind()


def test_a_document_added_is_walked(tmp_path: Path, walks: list[str]) -> None:
    root, preview = _preview(tmp_path)
    walks.clear()
    added = root / "content/tiedotteet/toinen.md"
    added.write_text(
        (root / NEWS).read_text(encoding="utf-8").replace("title: ", "title: Toinen ", 1), "utf-8"
    )
    saved = _saved(preview, (ADDED, added))
    assert preview.memory.told is None
    assert walks == ["stamps", "walk"]
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_document_removed_is_walked(tmp_path: Path) -> None:
    root, preview = _preview(tmp_path)
    (root / NEWS).unlink()
    saved = _saved(preview, (DELETED, root / NEWS))
    assert preview.memory.told is None
    assert saved == clean_build(preview, tmp_path, "after")


def test_a_linked_document_is_read_whatever_the_watcher_says(tmp_path: Path) -> None:
    """A document that is a link changes when its target does, and the watcher reports
    the target: the build is told of the target alone, and reads the link all the same."""
    root = project(tmp_path, MINIMAL)
    target = root / "content/jaettu/uutinen.txt"
    target.parent.mkdir()
    shutil.move(root / NEWS, target)
    (root / NEWS).symlink_to(os.path.relpath(target, (root / NEWS).parent))
    preview = serve.Preview(root, tmp_path / "site", NOW, own_folder=True)
    assert not preview.rebuild().failed
    _edit(target, "\n\n", "\n\nLinkin kautta.\n\n")
    saved = _saved(preview, (MODIFIED, target))
    assert preview.memory.told is not None
    assert preview.memory.told.paths == {"content/jaettu/uutinen.txt"}
    assert any(b"Linkin kautta." in data for data in saved.values())
    assert saved == clean_build(preview, tmp_path, "after")


def test_what_the_watcher_cannot_vouch_for(tmp_path: Path) -> None:
    """`saves.told`: None (walk) for a file added or removed, a folder, a link, a path
    outside the project, no last build, a walk that failed somewhere; an editor's
    temporary file come and gone is no change."""
    root = project(tmp_path, MINIMAL)
    doc, news = root / DOC, root / NEWS
    stamps = {DOC: (1, 2, 3, 4), NEWS: (1, 2, 3, 4)}
    walk = Walk((doc, news), (), ())

    def told(*changes: tuple[int, Path]) -> frozenset[str] | None:
        found = saves.told(root, [(k, str(p)) for k, p in changes], stamps, walk)
        return None if found is None else found.paths

    assert told((MODIFIED, doc)) == {DOC}
    assert told((ADDED, root / "content/gone.md~"), (DELETED, root / "content/gone.md~")) == set()
    new = root / "content/uusi.md"
    new.write_text("x", encoding="utf-8")
    assert told((ADDED, new)) is None
    news.unlink()
    assert told((DELETED, news)) is None
    folder = root / "content/kansio"
    folder.mkdir()
    assert told((ADDED, folder)) is None
    doc.unlink()
    doc.symlink_to(new)
    assert told((MODIFIED, doc)) is None
    outside = tmp_path / "muualla.md"
    outside.write_text("x", encoding="utf-8")
    assert told((MODIFIED, outside)) is None
    assert saves.told(root, [(MODIFIED, str(new))], None, walk) is None
    failed = Walk((doc,), (), (sources.SourceFile("content/x", None),))
    assert saves.told(root, [], stamps, failed) is None


def test_a_quiet_moment_after_a_told_build_stamps_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Idle`: the first quiet moment after a told build looks for what changed behind
    it, and a build that walked needs no look."""
    looked: list[int] = []
    monkeypatch.setattr(serve.Preview, "changed_behind", lambda self, shown=None: looked.append(1))
    preview = serve.Preview(tmp_path, tmp_path / "site", NOW)
    idle = watching.Idle()
    idle.built(told=True)
    idle.next(preview)
    idle.next(preview)
    assert looked == [1]
    idle.built(told=True)
    idle.built(told=False)
    idle.next(preview)
    assert looked == [1]
