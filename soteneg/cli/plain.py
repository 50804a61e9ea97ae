"""Where the command line writes its lines: rich's console on a terminal; to a pipe or a
file (CI, scripts, the bench), a stand-in that writes plain lines itself and loads rich
only when a line needs it. Importing rich cost about 0.03 CPU s of every fresh build,
a tenth of the imports of one edit, for a line that rich wrote unchanged."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# What rich's Console reads to take a pipe for a terminal (`Console.is_terminal`).
_TERMINAL_WORDS = ("TTY_COMPATIBLE", "FORCE_COLOR")
# What rich changes in a line it writes unstyled: tabs (expanded by cell width) and the
# control characters it strips (bell, backspace, vertical tab, form feed, carriage
# return); and lone surrogates (a path's undecodable bytes), which are left to it
# whatever it does with them. tests/test_plain_output.py holds the rest to rich's bytes.
_RICH_CHANGES = re.compile("[\t\x07\x08\x0b\x0c\r\ud800-\udfff]")


class Plain:
    """Stands for `Console(highlight=False, soft_wrap=True)` on standard output when
    that is no terminal: rich would style nothing there (`color_system` None), so a line
    without what rich changes (`_RICH_CHANGES`) is written as rich wrote it, the line and
    its end. Such a line, and anything else printed (a styled text, a renderable), goes
    through rich's own console, made on first need."""

    is_terminal = False
    color_system = None

    def __init__(self) -> None:
        self._rich: Console | None = None

    @property
    def file(self) -> TextIO:
        return sys.stdout  # as rich's: standard output as it is when written to

    def line(self, text: str) -> bool:
        """Write `text` and a newline, and say True, when rich would have written
        exactly that; else write nothing and say False."""
        if _RICH_CHANGES.search(text):
            return False
        out = self.file
        out.write(text + "\n")
        out.flush()  # as rich does after every print: lines keep their order
        return True

    def print(self, *objects: Any, **options: Any) -> None:
        if self._rich is None:
            from rich.console import Console

            self._rich = Console(highlight=False, soft_wrap=True)
        self._rich.print(*objects, **options)


def standard_output() -> Console | Plain:
    """The console of a command's lines: a `Plain` one when rich would take standard
    output for no terminal, else rich's."""
    quiet = not any(word in os.environ for word in _TERMINAL_WORDS)
    if quiet and sys.stdout is not None and not _isatty(sys.stdout):
        return Plain()
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def _isatty(file: TextIO) -> bool:
    try:
        return file.isatty()
    except ValueError:  # closed, as rich allows for
        return False
