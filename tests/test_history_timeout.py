"""A git command that runs past its time (a loaded machine) changes the days pages show:
the build says so (`git-timeout`) and the next build reads the history again, even when
nothing else changed. git is made slow by a `git` earlier on PATH that sleeps when asked
for the log and hands everything else to the real one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from test_lifecycle import NEWS, checkout  # noqa: F401  (checkout: a fixture)

from soteneg.content import history
from soteneg.content.history import LATE_HISTORY, NO_HISTORY, checked_out, read_history

UPDATED = 'Päivitetty <time datetime="2025-01-15">15.1.2025</time>'


@pytest.fixture
def slow_git(tmp_path: Path) -> Path:
    """A folder whose `git` never answers `log` (it sleeps far past the timeout)."""
    real = shutil.which("git")
    assert real is not None
    folder = tmp_path / "slow-bin"
    folder.mkdir()
    script = folder / "git"
    # `exec`: the timeout kills the sleep itself, which holds the output pipe.
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do [ "$a" = log ] && exec sleep 60; done\nexec {real} "$@"\n'
    )
    script.chmod(0o755)
    return folder


def test_a_slow_git_gives_a_late_history_not_an_empty_one(
    checkout: Path,  # noqa: F811
    slow_git: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(history, "TIMEOUT", 2.0)
    assert read_history(checkout).committed  # the real git answers
    monkeypatch.setenv("PATH", f"{slow_git}{os.pathsep}{os.environ['PATH']}")
    found = read_history(checkout)
    assert found == LATE_HISTORY and found != NO_HISTORY and found.late
    # The commit checked out is asked with rev-parse, which the slow git answers.
    assert checked_out(checkout)


# A build in a fresh process, as the command line runs it, with a shorter timeout.
_SHORT = """
import sys
from soteneg.content import history
from soteneg.cli import main

history.TIMEOUT = 3.0
sys.argv = ["soteneg", *sys.argv[1:]]
sys.exit(main())
"""


def test_a_build_whose_git_was_slow_says_so_and_is_not_kept_as_true(
    checkout: Path,  # noqa: F811
    slow_git: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    page = out / "tiedotteet/uutinen/index.html"
    args = ["build", "--root", str(checkout), "--out", str(out), "--no-pdf"]
    args += ["--now", "2025-06-01T12:00", "--lang", "en"]
    path = f"{slow_git}{os.pathsep}{os.environ['PATH']}"
    slow = subprocess.run(
        [sys.executable, "-c", _SHORT, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "PATH": path, "COLUMNS": "200", "NO_COLOR": "1"},
    )
    assert slow.returncode == 0, slow.stdout + slow.stderr
    line = next(x for x in slow.stdout.splitlines() if "git-timeout" in x)
    assert line.startswith("content: warning[git-timeout]: git did not answer within 3 seconds")
    assert "Päivitetty" not in page.read_text(encoding="utf-8")
    # git answers now; nothing else changed, yet the page gets its commit's day.
    again = run_cli(*args[:-2])
    assert again.returncode == 0, again.stdout + again.stderr
    assert "git-timeout" not in again.stdout
    assert UPDATED in page.read_text(encoding="utf-8")
    # And from then on nothing changed is nothing to do, with the same bytes.
    first = page.read_bytes()
    assert run_cli(*args[:-2]).returncode == 0
    assert page.read_bytes() == first


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_warning_speaks_finnish_and_swedish(
    lang: str,
    checkout: Path,  # noqa: F811
    slow_git: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from soteneg.content.lifecycle import late_history

    monkeypatch.setattr(history, "TIMEOUT", 2.0)
    monkeypatch.setenv("PATH", f"{slow_git}{os.pathsep}{os.environ['PATH']}")
    (found,) = late_history(read_history(checkout))
    assert (found.file, found.severity, found.code) == ("content", "warning", "git-timeout")
    said = found.message_in(lang)
    assert said.startswith("git ") and ("sekunnissa" if lang == "fi" else "sekunder") in said
    assert list(late_history(NO_HISTORY)) == []
