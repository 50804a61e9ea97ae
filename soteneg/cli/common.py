"""What every command shares: exit codes, usage errors, the project folder, the
build's "now", and printing problems in the chosen format."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from soteneg.cli.plain import Plain
from soteneg.core.names import HELSINKI, LANGS
from soteneg.core.problems import Problem, format_github, format_human, format_json
from soteneg.core.text import Text as Phrase
from soteneg.core.text import say

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how soteneg was called, not in the content: what to say, in every
    language, and the language to say it in when the command knows it better than the
    arguments did (the site's default_lang, once site.yaml was read)."""

    def __init__(self, text: Phrase, lang: str | None = None) -> None:
        super().__init__(text.en)
        self.text = text
        self.lang = lang


def root_dir(value: str) -> Path:
    root = Path(value).resolve()
    if not root.is_dir():
        raise UsageError(say("@cli.no-such-folder", value=value))
    return root


def whole_number(lang: str) -> Callable[[str], int]:
    """An argparse type for a whole number that says what is wrong in `lang`."""

    def number(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                say("@cli.not-a-number", value=repr(value)).in_(lang)
            ) from None

    return number


def os_reason(err: OSError) -> Phrase:
    """Why the operating system refused, in the catalogue's words: the system's own
    follow the machine's locale, not --lang. An error without words of its own is named
    by its errno name (`EIO`)."""
    if isinstance(err, PermissionError):
        return say("@cli.no-permission")
    if isinstance(err, FileExistsError):
        return say("@cli.exists")
    if isinstance(err, FileNotFoundError):
        return say("@cli.not-found")
    if isinstance(err, NotADirectoryError):
        return say("@cli.not-a-folder")
    if isinstance(err, IsADirectoryError):
        return say("@cli.is-a-folder")
    if err.errno == errno.ENOSPC:
        return say("@cli.disk-full")
    if err.errno == errno.EROFS:
        return say("@cli.read-only")
    return say("@cli.os-error", code=errno.errorcode.get(err.errno or 0, str(err.errno)))


def source_lines(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    @cache
    def lines(file: str) -> list[str] | None:
        text = texts.get(file)
        return None if text is None else text.split("\n")

    def line(file: str, number: int) -> str | None:
        found = lines(file)
        return found[number - 1] if found and 0 < number <= len(found) else None

    return line


def message_lang(chosen: str | None, default: str | None, fallback: str = "fi") -> str:
    """The language of messages: --lang, else the site's default language, else
    `fallback` (Finnish, or what cli/words.py read before parsing)."""
    for lang in (chosen, default, fallback):
        if lang in LANGS:
            return lang
    return "fi"


def lang_of(args: argparse.Namespace, default: str | None = None) -> str:
    """The language a command speaks: --lang, else the site's default_lang as read now
    (`default`), else the one chosen before parsing."""
    return message_lang(getattr(args, "lang", None), default, getattr(args, "interface_lang", "fi"))


def say_line(phrase: Phrase, lang: str, console: Console | Plain) -> None:
    line = phrase.in_(lang)
    if isinstance(console, Plain) and console.line(line):
        return
    from rich.text import Text

    console.print(Text(line, style="green"))


def print_problems(
    problems: list[Problem], texts: dict[str, str], fmt: str, console: Console | Plain, lang: str
) -> None:
    if fmt == "json":
        print(format_json(problems, lang))
    elif fmt == "github":
        if problems:
            print(format_github(problems, lang))
    elif problems:
        report = format_human(problems, source_lines(texts), lang)
        if console.color_system is None:
            # Nothing to style (a pipe, a file, NO_COLOR): the lines as they are, in one
            # write. Printing them through rich one by one cost 0.3-0.75 s for the 946
            # warnings of a 5000-document tree, on every build.
            console.file.write(report + "\n")
            console.file.flush()
            return
        from rich.text import Text

        styled = Text()
        for row in report.split("\n"):
            style = "bold red" if "error[" in row else "yellow" if "warning[" in row else ""
            styled.append(row + "\n", style=style)
        console.print(styled, soft_wrap=True, end="")


def now_of(value: str | None) -> dt.datetime:
    """The build's "now", for embargoes: --now, else the clock.

    Never SOURCE_DATE_EPOCH: CI sets it from the commit, and a commit's date is whatever
    its author wrote (a commit dated 2031 would lift every embargo up to then, and a
    scheduled build of an old commit would never lift one). The output is still the
    same for the same input and the same --now; the PDFs' dates come from each
    document's own date (packets.pdf), not from the clock."""
    if value:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise UsageError(say("@cli.now-invalid", value=value)) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=HELSINKI)
    return dt.datetime.now(tz=dt.UTC)
