"""Phrases in every language at once: a message is made in Finnish, Swedish and English
when the problem is found, and the language is chosen only when it is shown.

Making all three up front keeps problems plain data (cached, compared, sent to the
preview's page) and lets one phrase be built from others (`did you mean …?` inside an
`unknown-field` message) without passing a language through every check.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Union

from soteneg.core import formats
from soteneg.core.messages import CATALOGUE
from soteneg.core.names import LANGS

# A phrase's parameters: text from the content (ids, file names) stays as written, a
# phrase or a list of phrases follows the language, and a number is written as the
# language writes a quantity ("20 000", "0,7"): by rule, so that no message groups its
# digits by hand. A number that is a position rather than a quantity (a line, a page, a
# row) is never grouped: see POSITIONS.
Param = Union[str, int, float, "Text", "Sequence"]

# Placeholders whose number is a position or a name, written as digits only: "rivi
# 1234", "sivu 1234", "objekti 1234", "uid 1000", "koonti 1024".
POSITIONS = frozenset({"line", "row", "page", "reference", "number", "build", "uid", "year"})


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


def _each(make: Callable[[str], str]) -> Text:
    return Text(*(make(lang) for lang in LANGS))


def decimal(number: str | float, places: int | None = None) -> Text:
    """A number written with a decimal point in English, a decimal comma in Finnish and
    Swedish: "2.9" → "2,9"; a float is rounded to `places` first."""
    return _each(lambda lang: formats.decimal(number, lang, places))


def number(n: int) -> Text:
    """A whole number as each language writes a quantity: "2 000" (with a no-break
    space) in Finnish and Swedish, "2,000" in English."""
    return _each(lambda lang: formats.integer(n, lang))


def date(value: dt.date) -> Text:
    """A date in a sentence: "1.10.2018" in Finnish and Swedish, "1 October 2018" in
    English. A date the editor is to type stays ISO: pass `value.isoformat()`."""
    return _each(lambda lang: formats.date(value, lang))


def period(start: dt.date | None, end: dt.date | None) -> Text:
    """A period in a sentence: "1.10.2018–30.11.2018", "1.1.2023 alkaen" /
    "fr.o.m. 1.1.2023", "31.12.2022 asti" / "t.o.m. 31.12.2022"."""
    return _each(lambda lang: formats.period(start, end, lang))


def counted(key: str, n: int, /, **params: Param) -> Text:
    """The catalogue's phrase for `n` of something, in the plural form each language
    takes for `n`: `key#one` or `key#other` (docs/glossary.md), with `{n}` written as a
    quantity. "1 virhe", "6 virhettä"; "1 varning", "6 varningar". Never "virhe(ttä)"."""
    fields = {"n": n, **params}
    return Text(
        *(
            CATALOGUE[f"{key}#{formats.plural(n, lang)}"][lang].format_map(_Fields(fields, lang))
            for lang in LANGS
        )
    )


def _shown(value: Param, lang: str, name: str = "") -> str:
    if isinstance(value, Text):
        return value.in_(lang)
    if isinstance(value, Sequence):
        return _shown(value.sep, lang).join(_shown(item, lang) for item in value.items)
    if isinstance(value, bool) or name in POSITIONS:
        return str(value)
    if isinstance(value, int):
        return formats.integer(value, lang)
    if isinstance(value, float):
        return formats.decimal(value, lang)
    return str(value)


class _Fields(Mapping[str, str]):
    def __init__(self, params: Mapping[str, Param], lang: str) -> None:
        self.params, self.lang = params, lang

    def __getitem__(self, key: str) -> str:
        return _shown(self.params[key], self.lang, key)

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
