"""The one configured Markdown parser, theme sections, heading ids, and what a body links to.

Check and render share this parser so that an anchor `check` accepts is an id the page
really has.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

# Finnish and Swedish print both quotes as the closing mark: ”näin” and ’näin’.
NORDIC_QUOTES = "\u201d\u201d\u2019\u2019"

# The parts of `{#id .class key=value key="a value"}`. Each is one run of a character
# class, matched at a known position: nothing here can backtrack.
_NAME = re.compile(r"[\w-]+", re.ASCII)  # after '#' or '.'
_KEY = re.compile(r"[a-z][a-z0-9_-]*")
_BARE = re.compile(r'[^\s"]+', re.ASCII)
_ALLOWED_KEYS = ("theme",)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# A printed line holds about 90 characters of the print stylesheet's 10.5 pt serif on A4:
# counting 80 errs towards more lines, so more pages (see budgets.LINES_PER_PAGE).
PRINT_LINE_CHARS = 80
_SHOWN = 80  # characters of an attribute block quoted back in a message


# Named tuples rather than dataclasses: thousands of outlines are kept in the build
# cache, and tuples load from it in half the time.
class Heading(NamedTuple):
    level: int
    text: str
    id: str
    theme: str | None
    line: int  # 0-based line in the body
    column: int = 1  # 1-based column of the theme id, or 1
    attr_errors: tuple[str, ...] = ()


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


def slugify(text: str) -> str:
    """A stable, ASCII heading id: 'Palvelujen saatavuus' -> 'palvelujen-saatavuus'.

    ä, ö and å lose their dots and ring rather than the letter, so Finnish and Swedish
    headings keep readable ids.
    """
    if text.isascii():  # the same result: ASCII has nothing to decompose or drop
        ascii_text = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        kept = "".join(c for c in decomposed if not unicodedata.combining(c))
        ascii_text = kept.encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    return slug or "osio"


def _attr_parts(text: str) -> Iterator[tuple[int, int, str, str]]:
    r"""(start, end, kind, value) of each part of an attribute block, kind '#', '.' or a key.

    What `re.finditer` of `#([\w-]+)|\.([\w-]+)|([a-z][a-z0-9_-]*)=("[^"]*"|[^\s"]+)`
    finds, in one pass: finditer would retry the key at every letter of a long word that
    lacks its '=', and look for a closing quote again after every opening one."""
    last_quote = text.rfind('"')
    pos = 0
    while pos < len(text):
        if text[pos] in "#.":
            name = _NAME.match(text, pos + 1)
            if name:
                yield pos, name.end(), text[pos], name.group()
                pos = name.end()
            else:
                pos += 1
            continue
        key = _KEY.match(text, pos)
        if not key:
            pos += 1
            continue
        equals = key.end()
        if text.startswith('="', equals):
            if last_quote > equals + 1:
                close = text.index('"', equals + 2)
                yield pos, close + 1, key.group(), text[equals + 2 : close]
                pos = close + 1
                continue
        elif text.startswith("=", equals):
            bare = _BARE.match(text, equals + 1)
            if bare:
                yield pos, bare.end(), key.group(), bare.group()
                pos = bare.end()
                continue
        # A key starting at any later letter of this word ends at the same '=' and fails
        # the same way, so the next possible part starts after the word.
        pos = equals


def _shown(text: str) -> str:
    """`text` for a message: a hostile block of a megabyte is not quoted back whole."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def parse_attrs(text: str) -> tuple[dict[str, str], list[str]]:
    """Parse the inside of `{#id .class key=value}`; unknown or malformed parts are errors."""
    attrs: dict[str, str] = {}
    errors: list[str] = []
    pos = 0
    classes: list[str] = []
    block = _shown(text)
    for start, end, kind, value in _attr_parts(text):
        gap = text[pos:start].strip()
        if gap:
            errors.append(f"cannot read '{_shown(gap)}' in {{{block}}}")
        pos = end
        if kind == "#":
            attrs["id"] = value
        elif kind == ".":
            classes.append(value)
        elif kind in _ALLOWED_KEYS:
            attrs[kind] = value
        else:
            errors.append(
                f"unknown heading attribute '{_shown(kind)}' (allowed: #id, .class, theme=…)"
            )
    rest = text[pos:].strip()
    if rest:
        errors.append(f"cannot read '{_shown(rest)}' in {{{block}}}")
    if classes:
        attrs["class"] = " ".join(classes)
    return attrs, errors


def _trailing_attrs(content: str) -> tuple[int, str] | None:
    r"""Where a heading's trailing `{...}` starts (with the space before it) and what it
    holds; None if the heading does not end with one.

    By hand rather than by searching for `\s*\{([^{}\n]*)\}\s*$`: that regex is tried at
    every position and runs each run of spaces to its end, minutes for a heading of
    200 000 spaces."""
    end = len(content.rstrip())
    opening = content.rfind("{", 0, end - 1) if content.endswith("}", 0, end) else -1
    if opening < 0:
        return None
    inside = content[opening + 1 : end - 1]
    if "}" in inside or "\n" in inside:
        return None
    return len(content[:opening].rstrip()), inside


def _heading_attrs(state: StateCore) -> None:
    # Runs between block and inline parsing, so the `{...}` never reaches the heading text.
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        found = _trailing_attrs(inline.content)
        if found is None:
            continue
        start, inside = found
        inline.content = inline.content[:start]
        attrs, errors = parse_attrs(inside)
        for key, value in attrs.items():
            token.attrSet("id" if key == "id" else key, value)
        if "theme" in attrs:
            token.meta["theme"] = attrs["theme"]
            token.attrs.pop("theme", None)
            token.attrSet("data-theme", attrs["theme"])
        if errors:
            token.meta["attr_errors"] = tuple(errors)


def _heading_ids(state: StateCore) -> None:
    # Explicit and theme ids are claimed first, so a plain heading that happens to slug
    # to 'saatavuus' can never push the theme section's anchor to 'saatavuus-2'.
    tokens = state.tokens
    headings = [(t, tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    seen: set[str] = set()
    # The last suffix given to each base id. Every lower one is taken for good, so the
    # search for a free id resumes there: 30 000 headings '# a' cost 30 000 steps, not
    # 30 000 * 30 000 / 2. ('a-2-3' can only come from base 'a-2', so no two bases
    # probe the same id.)
    last: dict[str, int] = {}

    def claim(token: Token, base: str) -> None:
        n = last.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in seen:
            n += 1
            ident = f"{base}-{n}"
        last[base] = n
        seen.add(ident)
        token.attrSet("id", ident)

    for token, _ in headings:
        # A theme section's anchor is its theme id, even if it also names an id: the
        # theme index and comparisons link to it by theme.
        fixed = token.meta.get("theme") or token.attrGet("id")
        if fixed:
            claim(token, str(fixed))
    slugs: dict[str, str] = {}  # repeated headings are slugged once
    for token, inline in headings:
        if not (token.attrGet("id") or token.meta.get("theme")):
            text = plain_text(inline)
            slug = slugs.get(text)
            if slug is None:
                slug = slugs[text] = slugify(text)
            claim(token, slug)


def plain_text(inline: Token) -> str:
    return "".join(c.content for c in inline.children or () if c.type in ("text", "code_inline"))


@cache
def parser(allow_raw_html: bool = False) -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        {"html": allow_raw_html, "typographer": True, "quotes": NORDIC_QUOTES},
    )
    md.enable(["table", "strikethrough", "replacements", "smartquotes"])
    md.use(footnote_plugin).use(deflist_plugin)
    md.core.ruler.after("block", "heading_attrs", _heading_attrs)
    md.core.ruler.push("heading_ids", _heading_ids)
    return md


# Where a link stands is found by searching its block for its target from the previous
# link on: exact and cheap for anything written by hand. A hostile body can make it
# quadratic (16 000 autolinks whose target is written otherwise, `<https://ä.fi/1>` for
# https://xn--4ca.fi/1, each searched to the end of one long paragraph), so once a body
# has cost more than this many characters of searching, a search looks only a window
# ahead, and a link not found there is placed at the start of its block.
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
