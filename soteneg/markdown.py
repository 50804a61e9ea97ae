"""The one configured Markdown parser, theme sections, heading ids, and what a body links to.

Check and render share this parser so that an anchor `check` accepts is an id the page
really has.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

# Finnish and Swedish print both quotes as the closing mark: ”näin” and ’näin’.
NORDIC_QUOTES = "\u201d\u201d\u2019\u2019"

_TRAILING_ATTRS = re.compile(r"\s*\{([^{}\n]*)\}\s*$")
_ATTR = re.compile(r'#([\w-]+)|\.([\w-]+)|([a-z][a-z0-9_-]*)=(?:"([^"]*)"|([^\s"]+))', re.ASCII)
_ALLOWED_KEYS = ("theme",)


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


def slugify(text: str) -> str:
    """A stable, ASCII heading id: 'Palvelujen saatavuus' -> 'palvelujen-saatavuus'.

    ä, ö and å lose their dots and ring rather than the letter, so Finnish and Swedish
    headings keep readable ids.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.encode("ascii", "ignore").decode()).strip("-")
    return slug or "osio"


def parse_attrs(text: str) -> tuple[dict[str, str], list[str]]:
    """Parse the inside of `{#id .class key=value}`; unknown or malformed parts are errors."""
    attrs: dict[str, str] = {}
    errors: list[str] = []
    pos = 0
    classes: list[str] = []
    for match in _ATTR.finditer(text):
        gap = text[pos : match.start()].strip()
        if gap:
            errors.append(f"cannot read '{gap}' in {{{text}}}")
        pos = match.end()
        ident, cls, key, quoted, bare = match.groups()
        if ident:
            attrs["id"] = ident
        elif cls:
            classes.append(cls)
        elif key in _ALLOWED_KEYS:
            attrs[key] = quoted if quoted is not None else bare
        else:
            errors.append(f"unknown heading attribute '{key}' (allowed: #id, .class, theme=…)")
    rest = text[pos:].strip()
    if rest:
        errors.append(f"cannot read '{rest}' in {{{text}}}")
    if classes:
        attrs["class"] = " ".join(classes)
    return attrs, errors


def _heading_attrs(state: StateCore) -> None:
    # Runs between block and inline parsing, so the `{...}` never reaches the heading text.
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = _TRAILING_ATTRS.search(inline.content)
        if not match:
            continue
        inline.content = inline.content[: match.start()]
        attrs, errors = parse_attrs(match.group(1))
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

    def claim(token: Token, base: str) -> None:
        ident, n = base, 1
        while ident in seen:
            n += 1
            ident = f"{base}-{n}"
        seen.add(ident)
        token.attrSet("id", ident)

    for token, _ in headings:
        # A theme section's anchor is its theme id, even if it also names an id: the
        # theme index and comparisons link to it by theme.
        fixed = token.meta.get("theme") or token.attrGet("id")
        if fixed:
            claim(token, str(fixed))
    for token, inline in headings:
        if not (token.attrGet("id") or token.meta.get("theme")):
            claim(token, slugify(plain_text(inline)))


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


def _locate(
    lines: list[str], start: int, end: int, needle: str, after: tuple[int, int]
) -> tuple[int, int]:
    """Where `needle` first stands in lines[start:end] at or after `after`; else the block start."""
    for n in range(max(start, after[0]), end):
        offset = after[1] if n == after[0] else 0
        col = lines[n].find(needle, offset)
        if col >= 0:
            return n, col + 1
    return start, 0


def outline(body: str, allow_raw_html: bool = False) -> Outline:
    """Headings (with ids and theme markers) and links of a Markdown body."""
    return outline_of(parser(allow_raw_html).parse(body), body)


def outline_of(tokens: list[Token], body: str) -> Outline:
    """The outline of a body already parsed into `tokens` (which are not changed)."""
    lines = body.split("\n")
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
            line, col = _locate(lines, token.map[0], token.map[1], href, cursor)
            if col:
                cursor = (line, col)
            alt = plain_text(child).strip() if is_image else ""
            links.append(Link(href, line, col, is_image, alt))
    anchors = frozenset(h.id for h in headings) | _footnote_anchors(tokens)
    return Outline(tuple(headings), tuple(links), anchors)


def _footnote_anchors(tokens: list[Token]) -> frozenset[str]:
    return frozenset(
        f"fn{t.meta['id'] + 1}" for t in tokens if t.type == "footnote_open" and "id" in t.meta
    )
