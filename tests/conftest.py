"""Shared helpers: sample projects in a temporary folder and the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from soteneg.content import project_files, sources

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINIMAL = TESTS / "sites" / "minimal"

# Regenerate checked-in expected output on purpose: `make golden` (then review the diff).
UPDATE_GOLDEN = os.environ.get("SOTENEG_UPDATE_GOLDEN") == "1"


def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled project (content, templates, site.yaml) to change freely."""
    root = tmp_path / "project"
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    return root


# The bundled content warns once on purpose (issue 25): Itä-Uusimaa's 2024 document has
# no Swedish version, though the county publishes in both languages.
BUNDLED_WARNING_FILE = "content/kierrokset/2024-hva/ita-uusimaa-hva.md"


def without_the_bundled_warning(root: Path) -> Path:
    """`root` (a bundled copy) with that document's original marked a draft, as the
    warning's hint says: a copy that checks without warnings."""
    doc = root / BUNDLED_WARNING_FILE
    doc.write_text(doc.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1))
    return root


def run_cli(
    *args: str | os.PathLike[str],
    cwd: Path | None = None,
    timeout: float = 300,
    env: dict[str, str] | None = None,
    lang: str | None = "en",
) -> subprocess.CompletedProcess[str]:
    """Run `soteneg` in a fresh interpreter, as an editor or CI would.

    Every command speaks the site's default language (Finnish) unless told; most tests
    read the English messages, so `lang` adds `--lang en` unless the test names a
    language itself or passes lang=None (tests/test_messages.py does). Not to `new`,
    whose `--lang` is also the new document's language."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", **(env or {})}
    words = [str(a) for a in args]
    speaks = ("check", "build", "serve", "schema", "translated", "status", "cms")
    if lang and words and words[0] in speaks and "--lang" not in words:
        words += ["--lang", lang]
    return subprocess.run(
        [sys.executable, "-m", "soteneg", *words],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(autouse=True, scope="session")
def _private_state_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Builds keep their cache and lock in the user's cache folder (output.state_root):
    the tests' builds keep theirs in a folder of the test run, and leave none behind."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_cli


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the small valid sample project."""
    target = tmp_path / "site"
    shutil.copytree(MINIMAL, target)
    return target


# The clock a minute ahead: every file a test copied has settled (content.unchanged).
LATER_NS = 60 * 1_000_000_000


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The documents read, as paths relative to the project, in the order read."""
    found: list[str] = []
    real = sources.read_regular_stat

    def counted(path: Path, limit: int, follow: bool = True) -> tuple[bytes, os.stat_result]:
        if path.name.endswith(".md"):
            found.append(path.as_posix().split("/project/", 1)[1])
        return real(path, limit, follow)

    monkeypatch.setattr(sources, "read_regular_stat", counted)
    yield found


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds that read the project a minute from now: every file has settled."""
    monkeypatch.setattr(project_files, "clock_ns", lambda: time.time_ns() + LATER_NS)
