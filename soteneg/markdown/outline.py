"""What a parsed body holds, found in one linear pass: its headings (with ids and theme
markers), its links located to a line and column, its anchors, and what printing it
costs (footnote references, printed lines, table rows) for the print budgets.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from markdown_it.token import Token

from soteneg.core.text import Text
from soteneg.markdown.parse import parser, plain_text

# A printed line holds about 90 characters of the print stylesheet's 10.5 pt serif on A4:
# counting 80 errs towards more lines, so more pages (see budgets.LINES_PER_PAGE).
PRINT_LINE_CHARS = 80


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


class Outline(NamedTuple):
    headings: tuple[Heading, ...] = ()
    links: tuple[Link, ...] = ()
    anchors: frozenset[str] = frozenset()
    # What printing the body costs, counted here because only the parse knows (the
    # budgets are checked later, against site.yaml, also for bodies from the cache).
    footnotes: int = 0  # references outside the notes: each prints its note again
    print_lines: int = 0  # an estimate of the printed lines, see _print_lines
    tables: tuple[tuple[int, int], ...] = ()  # (0-based line of the first body row, rows)


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
    headings: list[Heading] = []
    links: list[Link] = []
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
        if token.type != "inline" or not token.map:
            continue
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
            links.append(Link(href, line, col, is_image, alt))
    anchors = frozenset(h.id for h in headings) | _footnote_anchors(tokens)
    footnotes, note_lines = _footnote_costs(tokens)
    tables = _tables(tokens)
    # A table row prints in a smaller font but with padding and a rule: about a line
    # and a half of body text (measured: 1,500 rows took 45 pages).
    row_lines = sum(rows for _, rows in tables) // 2
    return Outline(
        tuple(headings),
        tuple(links),
        anchors,
        footnotes,
        _print_lines(lines) + note_lines + row_lines,
        tables,
    )


def _print_lines(lines: list[str]) -> int:
    """Printed lines, estimated from the source: each line at least one (a blank line
    stands for the space between paragraphs), a long one one per PRINT_LINE_CHARS. Lines
    rather than characters, since a body of 700,000 one-letter paragraphs prints as many
    lines as a novel of 50 MB would."""
    return sum(len(line) // PRINT_LINE_CHARS + 1 for line in lines)


def _footnote_costs(tokens: list[Token]) -> tuple[int, int]:
    """(references to footnotes outside the notes, lines their notes print). Print puts
    a note's text at the foot of the page at every reference to it (render_print), so a
    long note referenced a thousand times prints a thousand times. One pass each over
    the tokens: the notes come last, after every reference."""
    refs: dict[int, int] = {}  # note id -> references
    note_lines: dict[int, int] = {}
    note: int | None = None
    in_notes = False
    for token in tokens:
        if token.type in ("footnote_block_open", "footnote_block_close"):
            in_notes = token.type == "footnote_block_open"
        elif token.type == "footnote_open":
            note = token.meta.get("id")
        elif token.type == "footnote_close":
            note = None
        elif token.type == "inline":
            if in_notes:
                if note is not None:
                    size = len(token.content) // PRINT_LINE_CHARS + 1
                    note_lines[note] = note_lines.get(note, 0) + size
                continue
            for child in token.children or ():
                if child.type == "footnote_ref":
                    note_id = child.meta.get("id", -1)
                    refs[note_id] = refs.get(note_id, 0) + 1
    lines = sum(count * note_lines.get(note_id, 1) for note_id, count in refs.items())
    return sum(refs.values()), lines


def _tables(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """(0-based line of the first body row, body rows) of each table with a body. The
    header row is not counted. A body row is one line, and the rows follow each other
    line by line (GFM tables), so row k stands on the first row's line plus k."""
    found: list[tuple[int, int]] = []
    start, rows = -1, 0
    for token in tokens:
        if token.type == "tbody_open":
            start, rows = (token.map[0] if token.map else 0), 0
        elif token.type == "tr_open" and start >= 0:
            rows += 1
        elif token.type == "tbody_close":
            found.append((start, rows))
            start = -1
    return tuple(found)


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
