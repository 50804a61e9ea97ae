"""Pagefind's program found without the Python wrapper's service module."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import REPO

from soteneg.core.text import say
from soteneg.site.pagefind_service import SearchError, pagefind_binary, run_pagefind


def test_the_program_is_the_one_the_wrapper_finds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pagefind.service import get_executable

    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    assert pagefind_binary() is not None
    assert pagefind_binary() == get_executable()
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "pagefind"))
    assert pagefind_binary() == get_executable() == tmp_path / "pagefind"


def test_a_wheel_without_its_program_is_the_message_of_no_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The wrapper's wheel whose program was removed raises FileNotFoundError: a build
    says Pagefind is missing, never a traceback."""

    def get_executable() -> Path:
        raise FileNotFoundError(tmp_path / "pagefind_extended")

    wheel = types.ModuleType("pagefind_bin_extended")
    wheel.get_executable = get_executable  # type: ignore[attr-defined]
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", wheel)
    assert pagefind_binary() is None
    with pytest.raises(SearchError) as raised:
        run_pagefind(tmp_path, ["index.html"], lambda site, rel: ("/", "<html></html>"))
    assert raised.value.text == say("@search.no-binary")


# Indexes one page in a fresh interpreter and says whether asyncio was imported.
_INDEX_ONE_PAGE = """
import sys
from pathlib import Path
from soteneg.site import search
site = Path(sys.argv[1])
files = search.bundle_of(site, ["index.html"])
assert "pagefind-entry.json" in files, sorted(files)
print("asyncio" in sys.modules)
"""


def test_indexing_does_not_import_asyncio(tmp_path: Path) -> None:
    """pagefind.service imports asyncio, 20-30 ms before an edit's first Pagefind
    process could start; the index is made without that module."""
    page = '<html lang="fi"><body><main data-pagefind-body><p>Hyvinvointialue</p></main>'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _INDEX_ONE_PAGE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
