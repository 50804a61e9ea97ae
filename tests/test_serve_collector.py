"""The preview's garbage collector: off from a build until the saves pause, so that
neither the pages' reload nor the next save's build waits for a pass over what the
builds made; collected when idle, and now and then in a long burst of saves."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MINIMAL
from test_site import NOW, project

from soteneg.editors import serve, watching


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test leaves, the collector is on again for the next."""
    try:
        yield
    finally:
        gc.enable()


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    passes: list[int] = []
    collect = gc.collect

    def counting(*args: int) -> int:
        passes.append(1)
        return collect(*args)

    monkeypatch.setattr(serve.gc, "collect", counting)
    return passes


def test_the_server_s_builds_leave_the_collector_off_until_the_saves_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    root = project(tmp_path, MINIMAL)
    now = dt.datetime.fromisoformat(NOW)
    preview = serve.Preview(root, tmp_path / "site", now, collect_when_idle=True)
    monkeypatch.setattr(preview, "index_search", lambda jobs=1: None)
    passes = _counted(monkeypatch)
    assert not preview.rebuild().failed
    assert not gc.isenabled() and preview.uncollected == 1 and passes == []
    idle = watching.Idle()
    idle.built()
    for _ in range(watching.QUIET_BEFORE_INDEX - 1):
        idle.next(preview)  # quiet moments before the search index: nothing yet
    assert not gc.isenabled() and passes == []
    idle.next(preview)  # the search index
    assert not gc.isenabled() and passes == []
    idle.next(preview)  # then the collector
    assert gc.isenabled() and preview.uncollected == 0 and passes == [1]
    idle.next(preview)
    assert passes == [1]  # once


def test_a_long_burst_of_saves_collects_now_and_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a build that stops at once")

    monkeypatch.setattr(serve.pipeline, "build", broken)
    preview = serve.Preview(tmp_path, tmp_path / "site", None, collect_when_idle=True)
    passes = _counted(monkeypatch)
    for _ in range(serve.COLLECT_EVERY):
        assert preview.rebuild().crash
    assert passes == [] and preview.uncollected == serve.COLLECT_EVERY
    preview.rebuild()
    assert passes == [1] and preview.uncollected == 1 and not gc.isenabled()


def test_a_preview_called_in_process_leaves_the_collector_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    """Tests and scripts that build through a Preview get the collector back."""
    root = project(tmp_path, MINIMAL)
    preview = serve.Preview(root, tmp_path / "site", None)
    passes = _counted(monkeypatch)
    assert not preview.rebuild().failed
    assert gc.isenabled() and preview.uncollected == 0
    watching.Idle().next(preview)
    assert passes == []
