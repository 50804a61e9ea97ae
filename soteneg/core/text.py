"""Phrases in every language at once: a message is made in Finnish, Swedish and English
when the problem is found, and the language is chosen only when it is shown.

Making all three up front keeps problems plain data (cached, compared, sent to the
preview's page) and lets one phrase be built from others (`did you mean …?` inside an
`unknown-field` message) without passing a language through every check.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Union

from soteneg.core.messages import CATALOGUE
from soteneg.core.names import LANGS

# A phrase's parameters: text from the content (ids, file names) stays as written,
# numbers are shown as digits, and a phrase or a list of phrases follows the language.
Param = Union[str, int, float, "Text", "Sequence"]


@dataclass(frozen=True, order=True)
class Text:
    """One phrase in every language soteneg speaks."""

    fi: str
    sv: str
    en: str

    def in_(self, lang: str) -> str:
        """The phrase in `lang`; English for a language soteneg has no messages in."""
        return getattr(self, lang) if lang in LANGS else self.en

    def __add__(self, other: Text) -> Text:
        return Text(self.fi + other.fi, self.sv + other.sv, self.en + other.en)


@dataclass(frozen=True)
class Sequence:
    """Several parameters shown as one, joined by `sep` in every language."""

    items: tuple[Param, ...]
    sep: str | Text = ", "


def joined(items: Iterable[Param], sep: str | Text = ", ") -> Sequence:
    return Sequence(tuple(items), sep)


def verbatim(value: str) -> Text:
    """Text that is the same in every language: a name, a path, a number."""
    return Text(value, value, value)


def decimal(number: str) -> Text:
    """A number written with a decimal point in English, a decimal comma in Finnish and
    Swedish: "2.9" → "2,9"."""
    comma = number.replace(".", ",")
    return Text(comma, comma, number)


def grouped(number: int) -> Text:
    """A whole number with its thousands apart: "2 000" with a no-break space in Finnish
    and Swedish, "2,000" in English."""
    english = f"{number:,}"
    nordic = english.replace(",", "\u00a0")
    return Text(nordic, nordic, english)


def _shown(value: Param, lang: str) -> str:
    if isinstance(value, Text):
        return value.in_(lang)
    if isinstance(value, Sequence):
        return _shown(value.sep, lang).join(_shown(item, lang) for item in value.items)
    return str(value)


class _Fields(Mapping[str, str]):
    def __init__(self, params: Mapping[str, Param], lang: str) -> None:
        self.params, self.lang = params, lang

    def __getitem__(self, key: str) -> str:
        return _shown(self.params[key], self.lang)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.params)

    def __len__(self) -> int:
        return len(self.params)


def say(key: str, /, **params: Param) -> Text:
    """The catalogue's phrase `key` in every language, with `params` filled in.

    An unknown key or a missing parameter is a bug in soteneg, not in the content, so
    it raises; tests/test_messages.py checks every key that the code names, which is
    why the code writes keys literally."""
    return phrase(key, params)


def phrase(key: str, params: Mapping[str, Param]) -> Text:
    """`say` for `problems.problem`, which builds the keys of a problem's own phrases."""
    entry = CATALOGUE[key]
    return Text(*(entry[lang].format_map(_Fields(params, lang)) for lang in LANGS))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
