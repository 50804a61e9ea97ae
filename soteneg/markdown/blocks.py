"""A section's text as blocks — headings, paragraphs, list items, table rows — the units
in which two rounds' texts are compared (site.compare).

Read from markdown-it's token stream, not from HTML: a table row keeps its cells apart,
so a comparison can keep a table a table and say which cell changed.
"""

from __future__ import annotations

from typing import NamedTuple

from markdown_it.token import Token


class Block(NamedTuple):  # a tuple: it is stored in the build cache with its section
    kind: str  # heading, paragraph, item, quote, code, image, head (a table's header
    # row), row
    cells: tuple[str, ...]  # the plain text; a table row's cells, one each
    table: int = -1  # which table of the section a row belongs to (0, 1, …)

    @property
    def text(self) -> str:
        return " ".join(self.cells)


# The innermost open container decides what an inline's block is: a paragraph inside a
# list item is the item, one inside a quotation is the quotation.
_CONTAINERS = {
    "heading_open": "heading",
    "list_item_open": "item",
    "dd_open": "item",
    "dt_open": "item",
    "blockquote_open": "quote",
}


def _plain(inline: Token) -> str:
    """An inline's words as they read, breaks as spaces, runs of spaces as one."""
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)  # its alternative text
    return " ".join("".join(parts).split())


def _image_alone(inline: Token) -> bool:
    """Whether an inline is an image alone (a figure: its caption, set by
    links.rewrite_links as HTML, is the image's title, not more words)."""
    shown = [
        c
        for c in inline.children or ()
        if c.type != "html_inline" and (c.type != "text" or c.content.strip())
    ]
    return len(shown) == 1 and shown[0].type == "image"


def blocks_of(tokens: list[Token]) -> tuple[Block, ...]:
    """The blocks of a token stream in reading order."""
    out: list[Block] = []
    open_: list[str] = []
    table = -1
    row: list[str] | None = None
    head = False
    for token in tokens:
        if token.nesting == 1:
            open_.append(token.type)
            if token.type == "table_open":
                table += 1
            elif token.type == "tr_open":
                row, head = [], False
            elif token.type == "th_open":
                head = True
        elif token.nesting == -1:
            if open_:
                open_.pop()
            if token.type == "tr_close" and row is not None:
                out.append(Block("head" if head else "row", tuple(row), table))
                row = None
        elif token.type == "inline":
            if row is not None:
                row.append(_plain(token))
                continue
            text = _plain(token)
            if not text:
                continue
            kind = next((_CONTAINERS[t] for t in reversed(open_) if t in _CONTAINERS), "paragraph")
            if kind == "paragraph" and _image_alone(token):
                kind = "image"  # its words are its alternative text
            out.append(Block(kind, (text,)))
        elif token.type in ("fence", "code_block") and token.content.strip():
            out.append(Block("code", (token.content.rstrip("\n"),)))
    return tuple(out)
