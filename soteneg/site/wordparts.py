"""Where a long compound word may break: "Hyvinvointi·alue·neuvottelut", "kaupunki/·yhtymä".

A heading on a phone is narrower than "Hyvinvointialueneuvottelut 2024" set large, and
browsers do not hyphenate Finnish or Swedish without a dictionary (Chromium on Linux has
none), so the word would be cut wherever the line ends ("Hyvinvointialueneuvottel|ut").
A soft hyphen at each boundary between known word parts lets the line break there, with
a hyphen, and nowhere else; a reader never sees one otherwise. The parts are data: the
heads of the compounds our names are made of, per language, longest first. A word is
split from its start, part by part, while a known part leaves at least MIN_REST letters.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

MIN_WORD = 14  # shorter words fit a line
MIN_REST = 3  # no break leaves fewer letters than this after it

# The heads of compounds in the site's names (rounds, units, themes, kinds of document).
PARTS: dict[str, tuple[str, ...]] = {
    "fi": (
        "hyvinvointi",
        "harjoitus",
        "yhteistyö",
        "maakunta",
        "maakunnan",
        "sosiaali",
        "terveys",
        "pelastus",
        "palvelu",
        "rahoitus",
        "alue",
    ),
    "sv": (
        "välfärds",
        "samarbets",
        "landskaps",
        "övnings",
        "områdes",
        "område",
        "hälsovårds",
        "räddnings",
        "social",
    ),
    "en": (),
}
_WORD = re.compile(r"\w+", re.UNICODE)


def break_points(word: str, lang: str) -> list[int]:
    """The offsets in `word` after which it may break."""
    parts = sorted(PARTS.get(lang, ()), key=len, reverse=True)
    if len(word) < MIN_WORD or not parts:
        return []
    lower = word.lower()
    found = []
    at = 0
    while True:
        part = next(
            (p for p in parts if lower.startswith(p, at) and len(word) - at - len(p) >= MIN_REST),
            None,
        )
        if part is None:
            return found
        at += len(part)
        found.append(at)


def word_parts(text: str, lang: str) -> Markup:
    """`text`, escaped, with a soft hyphen at each known part boundary of its long words."""

    def mark(match: re.Match[str]) -> str:
        word = match.group(0)
        points = break_points(word, lang)
        pieces = [word[a:b] for a, b in zip([0, *points], [*points, len(word)], strict=True)]
        return "&shy;".join(pieces)  # letters and digits only: nothing to escape

    escaped = str(escape(text))
    # Words are looked for in the escaped text: an entity (&amp;) is not a word of ours,
    # and a break is never put inside one (its letters are too few to split). A line
    # may also break after a slash ("Hyvinvointialue/kaupunki/yhtymä"), without a hyphen.
    return Markup(_WORD.sub(mark, escaped).replace("/", "/<wbr>"))
