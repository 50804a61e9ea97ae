"""The one configured Markdown parser: its plugins, Nordic quotes, heading attributes
(`{theme=…}`) and unique heading ids.

Check and render share this parser so that an anchor `check` accepts is an id the page
really has. What a parsed body holds (headings, links, print costs) is in outline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from soteneg.core.text import Text, say

# Finnish and Swedish print both quotes as the closing mark: ”näin” and ’näin’.
NORDIC_QUOTES = "\u201d\u201d\u2019\u2019"

# The parts of `{#id .class key=value key="a value"}`. Each is one run of a character
# class, matched at a known position: nothing here can backtrack.
_NAME = re.compile(r"[\w-]+", re.ASCII)  # after '#' or '.'
_KEY = re.compile(r"[a-z][a-z0-9_-]*")
_BARE = re.compile(r'[^\s"]+', re.ASCII)
_ALLOWED_KEYS = ("theme",)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SHOWN = 80  # characters of an attribute block quoted back in a message


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
    """Parse the inside of `{#id .class key=value}`; unknown or malformed parts are
    errors, here in English (see read_attrs)."""
    attrs, errors = read_attrs(text)
    return attrs, [error.en for error in errors]


def read_attrs(text: str) -> tuple[dict[str, str], list[Text]]:
    """Parse the inside of `{#id .class key=value}`; unknown or malformed parts are
    errors, in every language."""
    attrs: dict[str, str] = {}
    errors: list[Text] = []
    pos = 0
    classes: list[str] = []
    block = _shown(text)
    for start, end, kind, value in _attr_parts(text):
        gap = text[pos:start].strip()
        if gap:
            errors.append(say("@heading-attribute.unreadable", part=_shown(gap), block=block))
        pos = end
        if kind == "#":
            attrs["id"] = value
        elif kind == ".":
            classes.append(value)
        elif kind in _ALLOWED_KEYS:
            attrs[kind] = value
        else:
            errors.append(say("@heading-attribute.unknown", name=_shown(kind)))
    rest = text[pos:].strip()
    if rest:
        errors.append(say("@heading-attribute.unreadable", part=_shown(rest), block=block))
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
        attrs, errors = read_attrs(inside)
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
