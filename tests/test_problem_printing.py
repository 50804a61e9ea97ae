"""Printing problems as humans read them (cli.common.print_problems): every problem and
its excerpt, the same lines whether they go to a terminal (styled by rich) or to a pipe
or a file (written as they are, at once: a build of a large tree prints hundreds of
warnings every time)."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.text import Text

from soteneg.cli.common import print_problems, source_lines
from soteneg.core.problems import Problem, format_human, problem

FILE = "content/kierrokset/2018-syksy/uusimaa.md"
# Tabs, an escape character, a right-to-left override and a carriage return: what the
# excerpt shows of them must not depend on where the lines are written.
TEXT = "---\nregion: uusima\n\tround: x\x1b[31m\u202e\r\n" + "Päätös " * 40 + "\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _problems(count: int) -> list[Problem]:
    found = [
        problem(FILE, (2, 9), "unknown-region", value="uusima"),
        problem(FILE, (3, 2), "unknown-region", value="x\x1b[31m"),
        problem(FILE, (4, 200), "unknown-region", value="päätös"),
        problem("content/muu.md", None, "unknown-region", value="muu"),
    ]
    found += [
        problem(FILE, (n % 4 + 1, 3), "unknown-region", severity="warning", value=str(n))
        for n in range(count)
    ]
    return found


def _by_rich_line_by_line(problems: list[Problem], texts: dict[str, str]) -> str:
    """How the lines were printed before: one rich print per line."""
    console = Console(highlight=False, soft_wrap=True, file=io.StringIO())
    for row in format_human(problems, source_lines(texts), "fi").split("\n"):
        style = "bold red" if "error[" in row else "yellow" if "warning[" in row else None
        console.print(Text(row, style=style), soft_wrap=True)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_to_a_pipe_every_problem_is_written_as_rich_wrote_it(lang: str) -> None:
    problems, texts = _problems(300), {FILE: TEXT}
    out = io.StringIO()
    console = Console(highlight=False, soft_wrap=True, file=out)
    assert console.color_system is None  # not a terminal
    print_problems(problems, texts, "human", console, lang)
    written = out.getvalue()
    assert written == format_human(problems, source_lines(texts), lang) + "\n"
    if lang == "fi":
        assert written == _by_rich_line_by_line(problems, texts)
    # Every problem is there, located, and nothing raw of the hostile line.
    assert written.count("warning[unknown-region]") == 300
    assert written.count("error[unknown-region]") == 4
    assert "\x1b" not in written and "\u202e" not in written and "\r" not in written
    assert f"{FILE}:2:9: error[unknown-region]" in written


def test_on_a_terminal_errors_and_warnings_are_styled_and_the_text_is_the_same() -> None:
    problems, texts = _problems(5), {FILE: TEXT}
    out = io.StringIO()
    console = Console(highlight=False, soft_wrap=True, file=out, force_terminal=True)
    assert console.color_system is not None
    print_problems(problems, texts, "human", console, "en")
    written = out.getvalue()
    plain = ANSI.sub("", written)
    assert plain == format_human(problems, source_lines(texts), "en") + "\n"
    styled = {line for line in written.split("\n") if line.startswith("\x1b[")}
    assert sum("error[" in line for line in styled) == 4
    assert sum("warning[" in line for line in styled) == 5
    # The excerpt lines are not styled.
    assert all(line.startswith(" ") for line in written.split("\n") if " | " in line)


def test_nothing_is_printed_without_problems() -> None:
    out = io.StringIO()
    print_problems([], {}, "human", Console(file=out), "fi")
    assert out.getvalue() == ""


class _Writes(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_to_a_pipe_the_report_is_one_write_not_one_per_line() -> None:
    """A build prints the tree's warnings every time; line by line through rich, the
    946 warnings of bench's 5000-document tree cost 0.3-0.75 s of each edit."""
    problems, texts = _problems(500), {FILE: TEXT}
    out = _Writes()
    print_problems(problems, texts, "human", Console(file=out), "sv")
    assert out.writes == 1
    assert out.getvalue().count("warning[") == 500
