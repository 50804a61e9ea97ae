"""The language of the command line, chosen before the arguments are parsed, and
argparse's own words in it.

`--help`, a mistyped option and a missing argument are answered by argparse while it
parses, before soteneg knows what was asked; so the language comes first, from the
arguments as written: `--lang`, else `default_lang` in the project's site.yaml (read
for that one line, without loading the content models), else Finnish.

argparse says its words through gettext (`_("usage: ")`); while a parser is made and
used, those calls are answered from the catalogue (`ARGPARSE`). A message argparse has
and the catalogue does not (a newer Python's) stays English, and is kept in `UNKNOWN`
for tests/test_cli_languages.py to find.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from soteneg.core.names import LANGS
from soteneg.core.text import Text, say

# argparse's English originals (Python 3.11 to 3.13) and the catalogue's words for them.
ARGPARSE: dict[str, Text] = {
    "usage: ": say("@argparse.usage"),
    "options": say("@argparse.options"),
    "positional arguments": say("@argparse.positionals"),
    "show this help message and exit": say("@argparse.help"),
    "%(prog)s: error: %(message)s\n": say("@argparse.error"),
    "%(prog)s: warning: %(message)s\n": say("@argparse.warning"),
    "argument %(argument_name)s: %(message)s": say("@argparse.argument"),
    "the following arguments are required: %s": say("@argparse.required"),
    "one of the arguments %s is required": say("@argparse.one-required"),
    "invalid choice: %(value)r (choose from %(choices)s)": say("@argparse.invalid-choice"),
    "invalid %(type)s value: %(value)r": say("@argparse.invalid-value"),
    "unrecognized arguments: %s": say("@argparse.unrecognized"),
    "ambiguous option: %(option)s could match %(matches)s": say("@argparse.ambiguous"),
    "not allowed with argument %s": say("@argparse.not-allowed-with"),
    "ignored explicit argument %r": say("@argparse.ignored"),
    "expected one argument": say("@argparse.expected-one"),
    "expected at least one argument": say("@argparse.expected-at-least-one"),
    "expected at most one argument": say("@argparse.expected-at-most-one"),
    "expected %s argument": say("@argparse.expected-n"),
    "expected %s arguments": say("@argparse.expected-n"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": say("@argparse.unknown-command"),
}
# Formats argparse (3.13) passes through gettext that have no words of their own.
_NO_WORDS = frozenset({"%(heading)s:"})
UNKNOWN: set[str] = set()

_SITE_LANG = re.compile(r"""^default_lang[ \t]*:[ \t]*["']?([a-z]+)["']?[ \t]*(?:#.*)?$""", re.M)
_CONFIG_LIMIT = 1 << 20  # site.yaml's own limit: a larger one is refused by check anyway


def interface_lang(argv: Sequence[str]) -> str:
    """The language to speak in: `--lang` as written (or an abbreviation argparse would
    take), else the site's `default_lang`, else Finnish."""
    chosen = _option(argv, "--lang")
    if chosen in LANGS:
        return chosen
    found = site_lang(Path(_option(argv, "--root") or "."))
    return found if found in LANGS else "fi"


def site_lang(root: Path) -> str | None:
    """`default_lang` as site.yaml writes it, or None (no file, no such line, a link)."""
    config = root / "site.yaml"
    try:
        if config.is_symlink():
            return None
        with config.open("rb") as handle:
            text = handle.read(_CONFIG_LIMIT).decode("utf-8", "replace")
    except OSError:
        return None
    found = _SITE_LANG.search(text)
    return found.group(1) if found else None


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of option `name` (`--lang sv`, `--lang=sv`, `--la sv`), the last one
    winning as in argparse; None if absent."""
    value = None
    words = list(argv)
    for i, word in enumerate(words):
        if word == "--":
            break
        flag, eq, rest = word.partition("=")
        if len(flag) < 3 or not name.startswith(flag) or not flag.startswith("--"):
            continue
        if eq:
            value = rest
        elif i + 1 < len(words):
            value = words[i + 1]
    return value


def gettext(lang: str, msgid: str) -> str:
    found = ARGPARSE.get(msgid)
    if found is not None:
        return found.in_(lang)
    if msgid not in _NO_WORDS:
        UNKNOWN.add(msgid)
    return msgid


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse speaks `lang` while a parser is made and used within."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(lang, singular if n == 1 else plural)

    argparse._ = lambda msgid: gettext(lang, msgid)  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
