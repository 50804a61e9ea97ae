"""How much paper a body takes in print, estimated without laying it out: the print
stylesheet's page, column and type as numbers (templates/print/print.css and WeasyPrint's
HTML stylesheet), and the estimates the print budgets make from them.

Every estimate errs towards more pages, since a budget that an estimate can beat bounds
nothing: a line of text is counted at its widest, an image at the height print.css
gives it, a table row at the width its column can shrink to. The unit is the estimate's
line: LINES_PER_PAGE of them make a page (46 lines of body text fit), and a line holds
LINE_CHARS narrow characters (about 90 fit). Measured against WeasyPrint's prints in
bench/estimates.py (docs/security.md has the figures).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

LINES_PER_PAGE = 40
LINE_CHARS = 80

# A4 inside print.css's margins (22, 20, 24 and 22 mm), in millimetres and CSS pixels.
COLUMN_MM = 210 - 20 - 22
PAGE_MM = 297 - 22 - 24
_PX_MM = 25.4 / 96
COLUMN_PX = COLUMN_MM / _PX_MM  # 635: print.css scales wider images down to this
PAGE_PX = PAGE_MM / _PX_MM  # 949

# Body text (10.5 pt serif): 90 narrow characters fit on a line of the column; a line
# is counted at ten fewer, for the word that did not fit at its end.
_FIT_MM = COLUMN_MM / 90
_SHORT_BY = 10
# What nesting takes from the column: a block quote's margins (40px each side), a list's
# padding and a definition's margin (40px).
QUOTE_MM = 2 * 40 * _PX_MM
LIST_MM = 40 * _PX_MM
# A narrow line: text squeezed below this many characters breaks between syllables
# (hyphens: auto), a word or a syllable a line, whatever the width says.
_FEWEST_CHARS = 3

# Characters wider than a narrow one count twice (capitals, m and w, most scripts other
# than Latin), and CJK, symbols and emoji three times: a body of capital Ws prints 50 to
# a line, not 90.
_WIDE = re.compile(r"[A-Zmw@%&#\u00c0-\u00de\u0100-\u10ff]")
_WIDER = re.compile(r"[\u1100-\U0010ffff]")


def width(text: str) -> int:
    """`text`'s width in narrow characters, counted generously."""
    if text.isascii():
        return len(text) + len(_WIDE.findall(text))
    return len(text) + len(_WIDE.findall(text)) + 2 * len(_WIDER.findall(text))


def line_chars(indent_mm: float) -> int:
    """Narrow characters counted on a line of body text indented by `indent_mm` in all
    (LINE_CHARS when not indented)."""
    return max(_FEWEST_CHARS, int((COLUMN_MM - indent_mm) / _FIT_MM) - _SHORT_BY)


def text_lines(lines: Sequence[str], indents: Sequence[float] | None = None) -> int:
    """Printed lines of source lines of body text, each at least one (a blank line stands
    for the space between paragraphs), a long one one per line's worth of characters.
    Lines rather than characters, since a body of 700,000 one-letter paragraphs prints as
    many lines as a novel of 50 MB would. `indents`: each line's indent in mm."""
    total = 0
    if indents is None:
        for line in lines:
            # Shorter than a third of a line, a line cannot wrap however wide it is.
            total += 1 if 3 * len(line) < LINE_CHARS else width(line) // LINE_CHARS + 1
        return total
    for line, indent in zip(lines, indents, strict=True):
        chars = line_chars(indent)
        total += 1 if 3 * len(line) < chars else width(line) // chars + 1
    return total


# A heading's type and margins, beyond the line its source counts: (lines, how many
# times a body line its text takes). h1 is 18 pt with 4 mm below it, h2 13.5 pt with
# 7 mm above: 2,000 `## a` printed 113 pages.
_HEADINGS = {1: (2, 2.5), 2: (2, 1.75), 3: (1, 1.25), 4: (1, 1.0), 5: (1, 1.0), 6: (1, 1.0)}


def heading_lines(level: int, text: str) -> float:
    """What a heading takes beyond the lines `text_lines` counts for its source line."""
    extra, scale = _HEADINGS.get(level, (1, 1.0))
    return extra + width(text) * (scale - 1) / LINE_CHARS


def block_lines(lines: float) -> float:
    """What a block that may not break across pages takes: `lines` of height, or the page
    share of the block when blocks of its height follow each other (a page holds
    floor(1 / share) of them, and the rest of it stays empty). A block taller than a
    page breaks after all: its height."""
    if lines <= 0:
        return 0.0
    if lines >= LINES_PER_PAGE:
        return lines
    return LINES_PER_PAGE / math.floor(LINES_PER_PAGE / lines)


def image_lines(size: tuple[float, float] | None) -> float:
    """What an image takes in print, by its size in CSS pixels (one per image pixel, as
    WeasyPrint draws it): scaled down to the column's width (print.css: max-width: 100%),
    a page at most (an image does not break; a taller one is cut at the page's foot),
    as `block_lines`. An image of unknown size counts as a page."""
    if size is None or size[0] <= 0 or size[1] <= 0:
        return float(LINES_PER_PAGE)
    height = size[1] * min(1.0, COLUMN_PX / size[0])
    return block_lines(min(LINES_PER_PAGE, LINES_PER_PAGE * height / PAGE_PX))


# Tables (print.css): 9 pt sans-serif text, cells padded 2 mm each side; a row of one
# line measured 7.5 mm (1,500 such rows printed 45 pages), each further line 4.6 mm: a
# row of n lines (6.3 mm each in the estimate) is counted as n and a half.
_CELL_FIT_MM = _FIT_MM * 9 / 10.5
_CELL_PADDING_MM = 4.2
_ROW_LINES = 0.5
# Hyphenation (hyphens: auto) breaks a word of letters between syllables: no piece of it
# need stand on a line of its own wider than this, hyphen included (Finnish syllables
# are short: hy-vin-voin-ti-a-lu-e). A word with digits or other signs does not break.
_PIECE = 6
_PUNCTUATION = ".,;:!?()[]{}\"'”’–-*_`"


class _Column:
    """What the auto table layout reads from a column: the width it cannot go below (its
    widest unbreakable piece) and the width its widest cell wants, in narrow characters
    with the cell's padding."""

    __slots__ = ("least", "most")

    def __init__(self, padding: float) -> None:
        self.least = padding
        self.most = padding


def _piece(word: str) -> int:
    """The widest part of a word no line break can split."""
    bare = word.strip(_PUNCTUATION)
    if bare.isalpha() and len(bare) >= 5:  # hyphenated as a word of 5 letters or more
        return min(width(word), _PIECE + (len(word) - len(bare)))
    return width(word)


def _cell(text: str) -> tuple[int, int, int]:
    """(width, widest unbreakable piece, words) of a cell's text."""
    words = text.split()
    if not words:
        return 0, 0, 0
    return width(text), max(map(_piece, words)), len(words)


def _wrapped(full: int, piece: int, words: int, chars: float) -> int:
    """Lines a cell's text takes at `chars` narrow characters a line, at most. Each line
    but the last is filled at least to `chars` less the widest piece; when a piece is
    wider than the line, every word may start a line of its own."""
    if full <= chars:
        return 1
    if piece < chars:
        return int(full / (chars - piece + 1)) + 1
    return words + int(full / max(1.0, chars))


def table_lines(rows: Sequence[Sequence[str]], indent_mm: float = 0.0) -> float:
    """What a table takes, its header row first: each row as tall as its tallest cell in
    the column width the auto table layout gives it, as `block_lines` (print.css keeps a
    row on one page), and the header again on every page the table is on.

    The layout (CSS Tables 3, as WeasyPrint does it): when the cells do not all fit on
    one line, each column gets its min-content width (its widest unbreakable piece) and a
    share of what is left in proportion to its max-content width (its widest cell) less
    its min-content width."""
    if not rows or not rows[0]:
        return 0.0
    padding = _CELL_PADDING_MM / _CELL_FIT_MM
    cells = [[_cell(text) for text in row] for row in rows]
    columns = [_Column(padding) for _ in cells[0]]
    for row in cells:
        for column, (full, piece, _words) in zip(columns, row, strict=False):
            column.least = max(column.least, piece + padding)
            column.most = max(column.most, full + padding)
    available = (COLUMN_MM - indent_mm) / _CELL_FIT_MM
    least = sum(c.least for c in columns)
    most = sum(c.most for c in columns)
    if most <= available:
        widths = [c.most for c in columns]
    elif least >= available:  # the table is wider than the page, every column at least
        widths = [c.least for c in columns]
    else:
        share = (available - least) / (most - least)
        widths = [c.least + (c.most - c.least) * share for c in columns]
    chars = [max(1.0, w - padding) for w in widths]
    heights = [
        max(_wrapped(*cell, w) for cell, w in zip(row, chars, strict=False)) + _ROW_LINES
        for row in cells
    ]
    total = sum(map(block_lines, heights))
    # print.css repeats the header row (thead) at the top of every page the table is on.
    return total + (math.ceil(total / LINES_PER_PAGE) - 1) * heights[0]
