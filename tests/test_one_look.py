"""`soteneg build` asks once whether anything changed: the command line looks (before
loading the rest of soteneg), and when something did, the build goes on with what it
looked at (its cache and the project's stamps) instead of looking again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_site import GOLDEN_SITE, build, project

from soteneg.build import cache as build_cache
from soteneg.build.run import Run
from soteneg.build.settings import Looked, Settings
from soteneg.core.options import BuildOptions

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)


def _looked(root: Path, out: Path, settings: Settings) -> Looked:
    cache = build_cache.Cache.on_disk(out, build_cache.cache_key(settings))
    return Looked(out, cache, build_cache.input_stamps(root))


def test_the_build_goes_on_with_what_the_command_line_looked_at(tmp_path: Path) -> None:
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    settings = Settings(BuildOptions(now=NOW), None, with_search=False)
    looked = _looked(root, out, settings)
    run = Run(root, out, settings, None, looked)
    assert run.looked and run.cache is looked.cache and run.stamps is looked.stamps
    # Another output, other options, or the preview's memory: looked at again.
    other = Settings(BuildOptions(now=NOW, drafts=True), None, with_search=False)
    for mismatch in (
        Run(root, tmp_path / "elsewhere", settings, None, looked),
        Run(root, out, other, None, looked),
    ):
        assert not mismatch.looked and mismatch.cache is not looked.cache


def test_an_edit_is_built_and_then_nothing_changed(tmp_path: Path) -> None:
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    assert build(root, out, "--no-search").returncode == 0
    doc = sorted((root / "content/kierrokset").rglob("*.md"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\nUusi lause.\n", encoding="utf-8")
    edited = build(root, out, "--no-search")
    assert edited.returncode == 0, edited.stdout + edited.stderr
    assert "nothing changed" not in edited.stdout and " 0 written" not in edited.stdout
    assert any("Uusi lause." in p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    again = build(root, out, "--no-search")
    assert again.returncode == 0 and "nothing changed" in again.stdout


def test_a_build_called_in_process_gives_the_collector_back(tmp_path: Path) -> None:
    """The command line keeps Python's cyclic collector off while it builds, and turns it
    on again for whoever called it (a test, a script calling `main`)."""
    import gc

    from conftest import MINIMAL

    from soteneg.cli import app

    root = project(tmp_path, MINIMAL)
    assert gc.isenabled()
    code = app.main(["build", "--root", str(root), "--out", str(tmp_path / "out"), "--no-pdf"])
    assert code == 0
    assert gc.isenabled()
