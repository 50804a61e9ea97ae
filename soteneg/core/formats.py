"""How each language writes a count, a number, a date and a period: the one place the
site, the packets and the command line take them from (see docs/glossary.md).

Finnish and Swedish as the Government writes them: a decimal comma ("0,7"), thousands
grouped with a no-break space ("20 000"), dates as d.m.yyyy ("1.10.2018"), a period
"1.1.2023 alkaen" / "fr.o.m. 1.1.2023" / "31.12.2022 asti" / "t.o.m. 31.12.2022", never a
bare leading or trailing dash, which reads as a minus sign. Never through the C
library's locale, so output does not depend on the machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

# A no-break space: between the groups of a number and between a number and its unit, so
# that a line never breaks inside "20 000" or "2 s".
NBSP = "\u00a0"

# Plural categories by CLDR's cardinal rules (unicode.org/cldr, "Language Plural Rules").
# For a whole number, Finnish, Swedish and English have the same two: "one" for 1 and
# "other" for everything else, 0 included ("0 virhettä", "0 fel", "0 errors"). A table
# of our own rather than Babel: three one-line rules do not need 30 MB of locale data.
# A language added to the interface brings its rule from CLDR here; the Sámi languages,
# for one, have a "two" as well.
PLURAL_RULES: Mapping[str, Callable[[int], str]] = {
    "fi": lambda n: "one" if n == 1 else "other",
    "sv": lambda n: "one" if n == 1 else "other",
    "en": lambda n: "one" if n == 1 else "other",
}
# The categories each language's phrases must have, in CLDR's order.
PLURAL_CATEGORIES: Mapping[str, tuple[str, ...]] = {
    "fi": ("one", "other"),
    "sv": ("one", "other"),
    "en": ("one", "other"),
}


def plural(n: int, lang: str) -> str:
    """The plural category of the whole number `n` in `lang`: "one" or "other"."""
    return PLURAL_RULES.get(lang, PLURAL_RULES["en"])(abs(n))


def integer(n: int, lang: str) -> str:
    """A whole number as a quantity: "20 000" (no-break space) in Finnish and Swedish,
    "20,000" in English. Not for a year, a line or a page number, which are never
    grouped."""
    english = f"{n:,}"
    return english if lang == "en" else english.replace(",", NBSP)


def decimal(value: float | str, lang: str, places: int | None = None) -> str:
    """A number with a decimal part: "0,7" in Finnish and Swedish, "0.7" in English.
    `places` rounds a float; a string is taken as written ("2.9")."""
    if isinstance(value, str):
        written = value
    elif places is not None:
        written = f"{value:,.{places}f}"
    else:
        written = f"{value:,}"
    if lang == "en":
        return written
    whole, _, part = written.partition(".")
    whole = whole.replace(",", NBSP)
    return f"{whole},{part}" if part else whole


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date(value: dt.date, lang: str) -> str:
    """A date as running text writes it: 26.11.2018 in Finnish and Swedish (no leading
    zeros), 26 November 2018 in English. A date an editor is to type stays ISO
    (2018-11-26): that is what the files hold."""
    if lang == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


# The words around a period's dates, by which ends it has: (before, between, after).
# Only "between" stands between two dates; an open end says so in words.
_PERIOD_FRAMES: Mapping[str, Mapping[str, tuple[str, str, str]]] = {
    "fi": {"both": ("", "–", ""), "from": ("", "", " alkaen"), "until": ("", "", " asti")},
    "sv": {"both": ("", "–", ""), "from": ("fr.o.m. ", "", ""), "until": ("t.o.m. ", "", "")},
    "en": {"both": ("", " – ", ""), "from": ("from ", "", ""), "until": ("until ", "", "")},
}


def period_frame(start: bool, end: bool, lang: str) -> tuple[str, str, str]:
    """The words before, between and after a period's dates, for a template that sets
    each date in a <time> element: ("", " alkaen") for one that has only a start in
    Finnish, ("fr.o.m. ", "") in Swedish. A period without either end has no words."""
    frames = _PERIOD_FRAMES.get(lang, _PERIOD_FRAMES["en"])
    if start and end:
        return frames["both"]
    if start:
        return frames["from"]
    if end:
        return frames["until"]
    return ("", "", "")


def period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """A period as running text: "1.10.2018–30.11.2018", "1.1.2023 alkaen",
    "t.o.m. 31.12.2022"; empty when it has neither end."""
    before, between, after = period_frame(start is not None, end is not None, lang)
    first = date(start, lang) if start else ""
    last = date(end, lang) if end else ""
    return f"{before}{first}{between}{last}{after}"


def capital(text: str) -> str:
    """`text` as a paragraph or a label opens: its first letter in upper case, the rest
    as written (str.capitalize() would lower "THL" and "Helsingin")."""
    return text[:1].upper() + text[1:]


def page_numbers_css() -> str:
    """The CSS `content` of a page number as official documents write it, "3 (12)": the
    page, then the number of pages in parentheses. The same in every language."""
    return 'counter(page) " (" counter(pages) ")"'
