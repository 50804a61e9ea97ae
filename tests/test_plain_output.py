"""The command line's lines to a pipe or a file (cli/plain.py): written without loading
rich, in the same bytes rich wrote, whatever the line holds."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from soteneg.cli.common import say_line
from soteneg.cli.plain import Plain, standard_output
from soteneg.core.text import verbatim

# What a line may hold: any character, and more often the ones rich changes or keeps
# that a test could think it changes (an escape, a no-break space, a wide character).
SPECIAL = "\t\x07\x08\x0b\x0c\r\n\x1b\x00\x7f\u00a0\u202f\u202e\u200b\u3042\U0001f600 "
LINES = st.text(st.characters() | st.sampled_from(SPECIAL) | st.sampled_from("\ud800\udcff"))


def _by_rich(line: str) -> str:
    """What `say_line` wrote before cli/plain.py: rich's console, to a pipe."""
    out = io.StringIO()
    Console(highlight=False, soft_wrap=True, file=out).print(Text(line, style="green"))
    return out.getvalue()


def _by_plain(line: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        say_line(verbatim(line), "fi", Plain())
    return out.getvalue()


@settings(max_examples=1000, deadline=None)
@given(LINES)
def test_a_line_to_a_pipe_is_written_as_rich_wrote_it(line: str) -> None:
    try:
        expected = _by_rich(line)
    except UnicodeError:  # rich's own StringIO takes any str; a real pipe may not
        expected = None
    if expected is not None:
        assert _by_plain(line) == expected


@pytest.mark.parametrize(
    "line",
    ["koottu 10\u202f278 tiedostoa kansioon /tmp/out", "a\tb", "line\rcarriage", "bell\x07"],
)
def test_the_lines_rich_changes_still_read_as_it_wrote_them(line: str) -> None:
    assert _by_plain(line) == _by_rich(line)


def test_plain_writes_only_what_rich_would_leave_as_it_is() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert Plain().line("10\u202f278 \x1b[31m\u3042")
        assert not Plain().line("a\tb")
        assert not Plain().line("crlf\r")
    assert out.getvalue() == "10\u202f278 \x1b[31m\u3042\n"


@pytest.mark.parametrize("word", ["FORCE_COLOR", "TTY_COMPATIBLE"])
def test_a_pipe_rich_would_take_for_a_terminal_gets_rich(
    word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(word, "1")
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert isinstance(standard_output(), Console)


def test_a_pipe_gets_the_plain_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    console = standard_output()
    assert isinstance(console, Plain)
    assert console.color_system is None and not console.is_terminal


def test_a_build_to_a_pipe_does_not_load_rich(minimal: Path, tmp_path: Path) -> None:
    """A build whose lines go to a pipe (CI, a script, the bench) never imports rich:
    about 0.03 CPU s of every fresh build. Its line is still written. So neither does it
    load the bar for printing PDFs, which shows only on a terminal (its test is in
    tests/test_cli.py)."""
    if not (minimal / "templates").exists():
        shutil.copytree(REPO / "templates", minimal / "templates")
    code = (
        "import sys; from soteneg.cli import main; "
        f"sys.argv = ['soteneg', 'build', '--root', {str(minimal)!r}, "
        f"'--out', {str(tmp_path / 'out')!r}, '--no-pdf', '--jobs', '1', '--lang', 'en']; "
        "code = main(); print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), code)"
    )
    quiet = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=quiet
    )
    lines = result.stdout.splitlines()
    assert lines[-1] == "[] 0", result.stdout + result.stderr
    assert lines[-2].startswith("built "), result.stdout
