"""A build's own steps that do not wait on its workers are done while they work
(render_pool.run's `meanwhile`), not alone before or after the pool with a core idle
(issue 29): the templates' check while the workers parse, the parsed documents' save
while they render."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, project

from soteneg.build import render_pool, template_check
from soteneg.build.cache import parsed
from soteneg.build.output import cache_dir
from soteneg.pipeline import build
from soteneg.site.index import BuildOptions
from soteneg.site.render import check_templates

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
# A bound, not a measure: a worker waits this long at most for the sign of `meanwhile`.
PATIENCE = 60.0

_signs: list[Path] = []  # where `meanwhile` leaves its sign; set before the fork


def _task(item: int) -> tuple[int, bool]:
    """The first task waits for `meanwhile`'s sign: it comes only if `meanwhile` runs
    while the workers do (called after the pool, it would wait in vain)."""
    if item == 0:
        give_up = time.monotonic() + PATIENCE
        while not _signs[0].exists() and time.monotonic() < give_up:
            time.sleep(0.01)
        return os.getpid(), _signs[0].exists()
    return os.getpid(), True


def test_meanwhile_runs_once_here_while_the_workers_work(tmp_path: Path) -> None:
    _signs[:] = [tmp_path / "sign"]
    calls: list[int] = []

    def meanwhile() -> None:
        calls.append(os.getpid())
        _signs[0].touch()

    done = render_pool.run(_task, range(3 * render_pool.CHUNK), 2, meanwhile)
    assert calls == [os.getpid()]
    assert all(pid != os.getpid() for pid, _ in done)  # the items went to the workers
    assert all(seen for _, seen in done)


def test_meanwhile_runs_once_without_workers_too() -> None:
    calls: list[int] = []
    assert render_pool.run(str, range(5), 2, lambda: calls.append(1)) == list("01234")
    assert render_pool.run(str, range(500), 1, lambda: calls.append(2)) == [
        str(i) for i in range(500)
    ]
    assert calls == [1, 2]


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The golden site's few documents and pages spread over workers as 5000 are."""
    monkeypatch.setattr(render_pool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(render_pool, "CHUNK", 4)


def _with_workers(calls: list[bool]):  # type: ignore[no-untyped-def]
    """Whether a pool's workers were alive at each call."""

    def record() -> None:
        calls.append(bool(multiprocessing.active_children()))

    return record


def test_the_templates_are_checked_while_the_workers_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pooled: None
) -> None:
    calls: list[bool] = []
    alive = _with_workers(calls)

    def checked(env):  # type: ignore[no-untyped-def]
        alive()
        return check_templates(env)

    monkeypatch.setattr(template_check, "check_templates", checked)
    template_check._IN_PROCESS.clear()  # as a new process
    root = project(tmp_path, GOLDEN_SITE)
    result = build(root, tmp_path / "out", BuildOptions(now=NOW), with_search=False, jobs=2)
    assert not result.failed
    assert calls == [True]


def test_the_parsed_documents_are_saved_while_the_workers_render_and_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pooled: None
) -> None:
    calls: list[bool] = []
    alive = _with_workers(calls)
    encode = parsed.encode_shard

    def encoded(key, entries):  # type: ignore[no-untyped-def]
        alive()
        return encode(key, entries)

    monkeypatch.setattr(parsed, "encode_shard", encoded)
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    result = build(root, out, BuildOptions(now=NOW), with_search=False, jobs=2)
    assert not result.failed
    shards = list((cache_dir(out) / "parsed").iterdir())
    assert shards and len(calls) == len(shards)  # each written once, by neither step twice
    assert all(calls)
