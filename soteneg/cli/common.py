"""What every command shares: exit codes, usage errors, the project folder, the
build's "now", and printing problems in the chosen format."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from rich.console import Console
from rich.text import Text

from soteneg.core.names import HELSINKI, LANGS
from soteneg.core.problems import Problem, format_github, format_human, format_json
from soteneg.core.text import Text as Phrase

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how soteneg was called, not in the content."""


def root_dir(value: str) -> Path:
    root = Path(value).resolve()
    if not root.is_dir():
        raise UsageError(f"--root {value}: no such directory")
    return root


def source_lines(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    @cache
    def lines(file: str) -> list[str] | None:
        text = texts.get(file)
        return None if text is None else text.split("\n")

    def line(file: str, number: int) -> str | None:
        found = lines(file)
        return found[number - 1] if found and 0 < number <= len(found) else None

    return line


def message_lang(chosen: str | None, default: str | None) -> str:
    """The language of problem messages: --lang, else the site's default language, else
    Finnish (the default of a site.yaml that could not be read)."""
    for lang in (chosen, default):
        if lang in LANGS:
            return lang
    return "fi"


def say_line(phrase: Phrase, lang: str, console: Console) -> None:
    console.print(Text(phrase.in_(lang), style="green"))


def print_problems(
    problems: list[Problem], texts: dict[str, str], fmt: str, console: Console, lang: str
) -> None:
    if fmt == "json":
        print(format_json(problems, lang))
    elif fmt == "github":
        if problems:
            print(format_github(problems, lang))
    elif problems:
        for row in format_human(problems, source_lines(texts), lang).split("\n"):
            style = "bold red" if "error[" in row else "yellow" if "warning[" in row else None
            console.print(Text(row, style=style), soft_wrap=True)


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
            raise UsageError(f"--now {value}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=HELSINKI)
    return dt.datetime.now(tz=dt.UTC)
