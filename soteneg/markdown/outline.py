"""What a parsed body holds, found in one linear pass: its headings (with ids and theme
markers), its links located to a line and column, its anchors, and what printing it
costs (footnote references, printed lines, table rows and columns) for the print budgets.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from markdown_it.token import Token

from soteneg.core.text import Text
from soteneg.markdown import print_size
from soteneg.markdown.parse import parser, plain_text


# Named tuples rather than dataclasses: thousands of outlines are kept in the build
# cache, and tuples load from it in half the time.
class Heading(NamedTuple):
    level: int
    text: str
    id: str
    theme: str | None
    line: int  # 0-based line in the body
    column: int = 1  # 1-based column of the theme id, or 1
    attr_errors: tuple[Text, ...] = ()  # what the heading's `{…}` holds that is wrong


class Link(NamedTuple):
    href: str
    line: int  # 0-based line in the body
    column: int  # 1-based, 0 if unknown
    is_image: bool = False
    alt: str = ""  # an image's alternative text
    # How many times print sets it: once, or for a link in a footnote, at every reference
    # to the note (render_print), none for a note nobody refers to.
    prints: int = 1


class Outline(NamedTuple):
    headings: tuple[Heading, ...] = ()
    links: tuple[Link, ...] = ()
    anchors: frozenset[str] = frozenset()
    # What printing the body costs, counted here because only the parse knows (the
    # budgets are checked later, against site.yaml, also for bodies from the cache).
    footnotes: int = 0  # references outside the notes: each prints its note again
    # An estimate of the lines printed (print_size), images left out: their size is known
    # only from their files (budgets adds them).
    print_lines: int = 0
    # Each table's (0-based line of its header row, body rows, columns): GFM writes a row
    # a line, the body's first two lines below the header.
    tables: tuple[tuple[int, int, int], ...] = ()


_SEARCH_BUDGET = 1 << 24  # plus _SEARCH_PER_CHAR for each character of the body
_SEARCH_PER_CHAR = 32
_SEARCH_WINDOW = 1024


class _Locator:
    """Finds link targets in a body: one string, its line starts, and a search budget."""

    def __init__(self, body: str, lines: list[str]) -> None:
        self.body = body
        self.lines = lines
        # starts[n]: where line n begins; starts[len(lines)] is one past the end.
        self.starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        self.budget = _SEARCH_BUDGET + _SEARCH_PER_CHAR * len(body)

    def locate(self, start: int, end: int, needle: str, after: tuple[int, int]) -> tuple[int, int]:
        """Where `needle` first stands within one of lines[start:end], at or after `after`
        (a line, and a 0-based column on it); else the block start, column 0."""
        end = min(end, len(self.lines))
        first = max(start, after[0])
        if not needle:  # found at once, on the first line that reaches the column
            for n in range(first, end):
                column = after[1] if n == after[0] else 0
                if column <= len(self.lines[n]):
                    return n, column + 1
            return start, 0
        if first >= end or "\n" in needle:  # no line holds a newline
            return start, 0
        begin = self.starts[first] + (after[1] if first == after[0] else 0)
        stop = self.starts[end] - 1
        if self.budget <= 0:
            stop = min(stop, begin + _SEARCH_WINDOW)
        found = self.body.find(needle, begin, stop)
        self.budget -= (found + len(needle) if found >= 0 else stop) - begin
        if found < 0:
            return start, 0
        line = bisect_right(self.starts, found) - 1
        return line, found - self.starts[line] + 1


def outline(body: str, allow_raw_html: bool = False) -> Outline:
    """Headings (with ids and theme markers) and links of a Markdown body."""
    return outline_of(parser(allow_raw_html).parse(body), body)


def outline_of(tokens: list[Token], body: str) -> Outline:
    """The outline of a body already parsed into `tokens` (which are not changed)."""
    lines = body.split("\n")
    locator = _Locator(body, lines)
    refs = _footnote_refs(tokens)
    headings: list[Heading] = []
    links: list[Link] = []
    note: int | None = None  # the footnote the tokens are in
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            line = token.map[0] if token.map else 0
            found = lines[line].rfind("theme=") if line < len(lines) else -1
            headings.append(
                Heading(
                    level=int(token.tag[1]),
                    text=plain_text(inline),
                    id=str(token.attrGet("id")),
                    theme=token.meta.get("theme"),
                    line=line,
                    column=found + 7 if found >= 0 else 1,
                    attr_errors=token.meta.get("attr_errors", ()),
                )
            )
        elif token.type == "footnote_open":
            note = token.meta.get("id")
        elif token.type == "footnote_close":
            note = None
        if token.type != "inline" or not token.map:
            continue
        prints = 1 if note is None else refs.get(note, 0)
        cursor = (token.map[0], 0)
        for child in token.children or ():
            if child.type == "link_open":
                href, is_image = str(child.attrGet("href") or ""), False
            elif child.type == "image":
                href, is_image = str(child.attrGet("src") or ""), True
            else:
                continue
            line, col = locator.locate(token.map[0], token.map[1], href, cursor)
            if col:
                cursor = (line, col)
            alt = plain_text(child).strip() if is_image else ""
            links.append(Link(href, line, col, is_image, alt, prints))
    anchors = frozenset(h.id for h in headings) | _footnote_anchors(tokens)
    body_lines, tables = _print_cost(tokens, lines)
    heading_lines = sum(print_size.heading_lines(h.level, h.text) for h in headings)
    return Outline(
        tuple(headings),
        tuple(links),
        anchors,
        sum(refs.values()),
        math.ceil(body_lines + heading_lines + _note_lines(tokens, refs)),
        tables,
    )


# Blocks that narrow the column for what they hold (WeasyPrint's HTML stylesheet).
_NESTING = {
    "blockquote_open": print_size.QUOTE_MM,
    "bullet_list_open": print_size.LIST_MM,
    "ordered_list_open": print_size.LIST_MM,
    "dd_open": print_size.LIST_MM,
}
_NESTING_CLOSE = frozenset(
    {"blockquote_close", "bullet_list_close", "ordered_list_close", "dd_close"}
)
Tables = tuple[tuple[int, int, int], ...]


def _print_cost(tokens: list[Token], lines: list[str]) -> tuple[float, Tables]:
    """(printed lines of the body, its tables as Outline.tables). Text by its source lines
    at the width the blocks it is nested in leave it; a table by its rows instead of its
    lines (print_size.table_lines). One pass over the tokens, one over the lines."""
    steps = [0.0] * (len(lines) + 1)  # how the indent changes from one line to the next
    nested = False
    open_: list[float] = []  # what the blocks open here take from the column
    tables: list[tuple[int, int, int]] = []
    spans: list[tuple[int, int, float]] = []  # each table's lines, and the lines it prints
    rows: list[list[str]] | None = None  # the cells of the table being read
    span: tuple[int, int] = (0, 0)
    for token in tokens:
        kind = token.type
        if kind in _NESTING:
            open_.append(_NESTING[kind])
            if token.map:
                start, end = token.map
                steps[start] += open_[-1]
                steps[min(end, len(lines))] -= open_[-1]
                nested = True
        elif kind in _NESTING_CLOSE:
            open_.pop()
        elif kind == "table_open":
            rows, span = [], (token.map[0], token.map[1]) if token.map else (0, 0)
        elif rows is None:
            continue
        elif kind == "tr_open":
            rows.append([])
        elif kind == "inline" and rows:
            rows[-1].append(token.content)
        elif kind == "table_close":
            if rows:
                tables.append((span[0], len(rows) - 1, len(rows[0])))
                spans.append((*span, print_size.table_lines(rows, sum(open_))))
            rows = None
    indents = list(accumulate(steps[:-1])) if nested else None
    total = float(print_size.text_lines(lines, indents))
    for start, end, printed in spans:
        within = indents[start:end] if indents is not None else None
        total += printed - print_size.text_lines(lines[start:end], within)
    return total, tuple(tables)


def _footnote_refs(tokens: list[Token]) -> dict[int, int]:
    """References to each footnote (by id) outside the notes. Print sets a note's text
    at the foot of the page at every reference to it (render_print), so a long note
    referenced a thousand times prints a thousand times. The notes come last, after
    every reference."""
    refs: dict[int, int] = {}
    for token in tokens:
        if token.type == "footnote_block_open":
            break
        if token.type == "inline":
            for child in token.children or ():
                if child.type == "footnote_ref":
                    note_id = child.meta.get("id", -1)
                    refs[note_id] = refs.get(note_id, 0) + 1
    return refs


def _note_lines(tokens: list[Token], refs: dict[int, int]) -> int:
    """The lines the notes print, each note at every reference to it."""
    lines = 0
    note: int | None = None
    in_notes = False
    for token in tokens:
        if token.type in ("footnote_block_open", "footnote_block_close"):
            in_notes = token.type == "footnote_block_open"
        elif token.type == "footnote_open":
            note = token.meta.get("id")
        elif token.type == "footnote_close":
            note = None
        elif token.type == "inline" and in_notes and note is not None:
            size = print_size.width(token.content) // print_size.LINE_CHARS + 1
            lines += refs.get(note, 0) * size
    return lines


def footnote_reference(body: str, allow_raw_html: bool, number: int) -> tuple[int, int]:
    """Where the `number`-th (0-based) reference to a footnote outside the notes stands:
    (0-based line, 1-based column; 0 when not found). Parses the body again: asked only
    for a body over its footnote budget, so the outline need not keep every reference."""
    tokens = parser(allow_raw_html).parse(body)
    lines = body.split("\n")
    locator = _Locator(body, lines)
    seen = 0
    for token in tokens:
        if token.type == "footnote_block_open":
            break
        if token.type != "inline":
            continue
        refs = [c for c in token.children or () if c.type == "footnote_ref"]
        if seen + len(refs) <= number:
            seen += len(refs)
            continue
        start, end = token.map if token.map else (0, 0)
        cursor, found = (start, 0), (start, 0)
        for ref in refs[: number - seen + 1]:
            label = ref.meta.get("label")
            needle = f"[^{label}]" if label is not None else "^["
            found = locator.locate(start, end, needle, cursor)
            if found[1]:
                cursor = found
        return found
    return 0, 0


def _footnote_anchors(tokens: list[Token]) -> frozenset[str]:
    return frozenset(
        f"fn{t.meta['id'] + 1}" for t in tokens if t.type == "footnote_open" and "id" in t.meta
    )
