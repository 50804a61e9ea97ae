"""Markdown bodies to HTML: for site pages and for theme sections shown elsewhere, at
once or prerendered with blanks that each build fills in (the print HTML's too, made
from the same parse by markdown.print_html).

Uses the one parser of `markdown`, so ids and anchors are the ones `check` validated.
"""

from __future__ import annotations

import gc
import hashlib
import operator
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from urllib.parse import urlsplit

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from soteneg.core.routes import is_relative_reference
from soteneg.markdown.blocks import Block, blocks_of
from soteneg.markdown.links import SizeOf, no_size, rewrite_links
from soteneg.markdown.outline import Outline, outline_of
from soteneg.markdown.parse import parser, plain_text
from soteneg.markdown.prerendered import Prerendered
from soteneg.markdown.print_html import print_tokens


@dataclass(frozen=True)
class Section:
    """The body of one theme section, ready to show outside its own page."""

    theme: str
    title: str
    html: str
    text: str  # plain words
    blocks: tuple[Block, ...] = ()  # for comparing rounds block by block


@dataclass(frozen=True)
class Rendered:
    html: str
    sections: dict[str, Section]


# Every field of a token, in the order its constructor takes them: read in one call
# (Token.copy goes through dataclasses.replace, which cost 3 of the 33 s a parse of
# 5000 documents took under the profiler; this costs a tenth of that).
_FIELDS = operator.attrgetter(*(f.name for f in fields(Token) if f.init))


def _twin(token: Token) -> Token:
    twin = Token(*_FIELDS(token))
    twin.attrs = dict(token.attrs)
    return twin


def _copy(token: Token) -> Token:
    """A copy that can be changed without touching the original: its attributes and
    children are new, their content shared (a deep copy is ten times slower)."""
    twin = _twin(token)
    if token.children is not None:
        twin.children = [_twin(c) for c in token.children]
    return twin


def _standalone(tokens: list[Token], page_url: str) -> list[Token]:
    """A copy of a slice that can sit on another page: no heading ids to clash with that
    page's, links to anchors pointing back at the document's page (`page_url`), and
    footnote references as plain [n] since their notes are not there."""
    out = [_copy(t) for t in tokens]
    for token in out:
        if token.type == "heading_open":
            token.attrs.pop("id", None)
        for child in token.children or ():
            href = str(child.attrGet("href") or "")
            if child.type == "link_open" and href.startswith("#"):
                child.attrSet("href", page_url + href)
        if token.children:
            token.children = [
                Token("text", "", 0, content=f"[{c.meta['id'] + 1}]")
                if c.type == "footnote_ref"
                else c
                for c in token.children
            ]
    return out


# A table in a body scrolls in its own box on a narrow screen, with the shadow, the
# sticky header row and first column of the site's other tables (style.css,
# .table-scroll), and not the page. The box is focusable so that a keyboard can scroll
# it. Its name ("Taulukko, vieritettävä") is in the body's language, which the renderer
# does not know: the attributes are a blank that `finish` fills in (see table_name).
# It is a group, not a region: a region with a name is a landmark, and a page that shows
# two bodies' tables (a theme page, a comparison) would have landmarks of one name.
_TABLE_BLANK = "\x06"
_TABLE_CLOSE = "</div>\n"


def table_name(label: str) -> str:
    """The attributes that name a body table's scrolling box `label`; none without one
    (a body in a language the site has no words in: better nameless than misnamed)."""
    return f' role="group" aria-label="{escapeHtml(label)}"' if label else ""


def _scrolling_tables(tokens: list[Token], name: str) -> list[Token]:
    """The tokens with each table inside its scrolling box, whose `name` is table_name's
    attributes (or their blank): a new list, so that the print HTML made from the same
    tokens has none."""
    box = f'<div class="table-scroll body-table" tabindex="0"{name}>\n'
    out: list[Token] = []
    for token in tokens:
        if token.type == "table_open":
            out.append(Token("html_block", "", 0, content=box, block=True))
        out.append(token)
        if token.type == "table_close":
            out.append(Token("html_block", "", 0, content=_TABLE_CLOSE, block=True))
    return out


def _words(tokens: list[Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        if token.type in ("paragraph_close", "heading_close", "list_item_close", "td_close"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def render(
    body: str,
    resolve: Callable[[str], str],
    page_url: str,
    allow_raw_html: bool = False,
    size_of: SizeOf = no_size,
    table_label: str = "",
) -> Rendered:
    """HTML of a body with links rewritten by `resolve`, and its theme sections apart
    (ready to show on other pages; `page_url` is the document's own page). Its tables
    scroll in boxes named `table_label` (in the body's language)."""
    md = parser(allow_raw_html)
    env: dict[str, object] = {}
    tokens = md.parse(body, env)
    table = table_name(table_label)
    return _render_tokens(tokens, env, resolve, page_url, allow_raw_html, size_of, table)


# A body is rendered once, when it is checked, before the site and so the URLs its links
# lead to are known: those are blanks that `finish` fills in for each build.
_BLANK = "\x00{}\x00"  # the k-th link target
_SIZE_BLANK = "\x02{}"  # the k-th image's width and height
_PAGE_BLANK = "\x03"  # the document's own page
_BLANKS = re.compile(r'\x00(\d+)\x00| width="\x02(\d+)" height="\x02\d+"|\x03|\x06')


# The same body for print, made from the same parse when the build prints: its own
# blanks for what print_resolver rewrites (site paths too), and for the packet's prefix
# of ids. Image sizes are web blanks, which print leaves out.
_PRINT_BLANK = "\x05{}\x05"  # the k-th link target in print
_PREFIX_BLANK = "\x04"  # the packet's prefix of the document's ids
_PRINT_BLANKS = re.compile(r'\x05(\d+)\x05| width="\x02\d+" height="\x02\d+"|\x04')
_WEB_BLANK = re.compile(r"\x00(\d+)\x00")
_MARKERS = ("\x00", "\x02", "\x03", "\x04", "\x05", _TABLE_BLANK)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile, unless the caller has paused it
    already (as `build` does). A body of 2 MiB parses into two million tokens, a tree
    without cycles: the collector's passes over them find nothing and cost two fifths
    of the parse."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def parse_body(
    body: str, allow_raw_html: bool = False, html: bool = True, for_print: bool = False
) -> tuple[Outline, Prerendered | None]:
    """A body's outline and (if `html`) its HTML with blanks, from one parse; with
    `for_print`, its print HTML too. The HTML is None when the body itself holds a
    blank's marker character: it is then rendered whole at build time."""
    with _collector_paused():
        return _parse_body(body, allow_raw_html, html, for_print)


def _parse_body(
    body: str, allow_raw_html: bool, html: bool, for_print: bool
) -> tuple[Outline, Prerendered | None]:
    md = parser(allow_raw_html)
    env: dict[str, object] = {}
    tokens = md.parse(body, env)
    found = outline_of(tokens, body)
    if not html or any(marker in body for marker in _MARKERS):
        return found, None
    hrefs: list[str] = []

    def blank(href: str) -> str:
        if not is_relative_reference(href):
            return href
        hrefs.append(href)
        return _BLANK.format(len(hrefs) - 1)

    site_paths: list[str] = []

    def size_blank(src: str) -> tuple[str, str] | None:
        found = _BLANKS.fullmatch(src)
        if found and found.group(1):
            return (_SIZE_BLANK.format(found.group(1)),) * 2
        if src.startswith("/"):
            site_paths.append(src)  # may name a published image, whose size we lack
        return None

    rendered = _render_tokens(
        tokens,
        env,
        blank,
        _PAGE_BLANK,
        allow_raw_html,
        size_blank,  # type: ignore[arg-type]
        _TABLE_BLANK,
    )
    if site_paths:
        return found, None
    sections = tuple(
        (s.theme, s.title, s.html, s.text, s.blocks) for s in rendered.sections.values()
    )
    # The blocks are made from the same tokens as the HTML and the text: they change
    # only with those.
    keys = tuple(
        (theme, hashlib.blake2b("\0".join(parts).encode(), digest_size=12).hexdigest())
        for theme, *parts, _blocks in sections
    )
    if not for_print:
        return found, Prerendered(rendered.html, sections, tuple(hrefs), keys)
    print_html, print_hrefs = _prerender_print(tokens, env, allow_raw_html, hrefs)
    return found, Prerendered(
        rendered.html, sections, tuple(hrefs), keys, print_html, tuple(print_hrefs)
    )


def _prerender_print(
    tokens: list[Token], env: dict[str, object], allow_raw_html: bool, hrefs: list[str]
) -> tuple[str, list[str]]:
    """The print HTML of tokens the web HTML was rendered from, with print blanks."""
    print_hrefs: list[str] = []

    def blank(value: str) -> str:
        web = _WEB_BLANK.fullmatch(value)
        written = hrefs[int(web.group(1))] if web else value
        parts = urlsplit(written)
        if parts.scheme or parts.netloc or written.startswith("#") or not parts.path:
            return written  # print_resolver leaves it as it is
        print_hrefs.append(written)
        return _PRINT_BLANK.format(len(print_hrefs) - 1)

    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("href", blank(str(child.attrGet("href") or "")))
            elif child.type == "image":
                child.attrSet("src", blank(str(child.attrGet("src") or "")))
    return print_tokens(tokens, env, parser(allow_raw_html), _PREFIX_BLANK), print_hrefs


def finish_print(pre: Prerendered, resolve: Callable[[str], str], id_prefix: str) -> str:
    """A body's print HTML (see print_html.render_print) from its prerendered blanks, for the
    packet that gives its ids `id_prefix`. `pre.print_html` must not be None."""
    assert pre.print_html is not None
    targets = [resolve(href) for href in pre.print_hrefs]
    prefix = escapeHtml(id_prefix)

    def fill(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return escapeHtml(targets[int(match.group(1))])
        return prefix if match.group(0) == _PREFIX_BLANK else ""

    return _PRINT_BLANKS.sub(fill, pre.print_html)


def finish(
    pre: Prerendered,
    resolve: Callable[[str], str],
    page_url: str,
    size_of: SizeOf = no_size,
    table_label: str = "",
) -> Rendered:
    """A prerendered body with its blanks filled in for this site, its tables' boxes
    named `table_label` (see render). `resolve` must leave alone what
    `is_relative_reference` says is not relative, as the site's does."""
    targets = [resolve(href) for href in pre.hrefs]
    table = table_name(table_label)

    def fill(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return escapeHtml(targets[int(match.group(1))])
        if match.group(2) is not None:
            size = size_of(targets[int(match.group(2))])
            return f' width="{size[0]}" height="{size[1]}"' if size else ""
        if match.group(0) == _TABLE_BLANK:
            return table
        return escapeHtml(page_url)

    return Rendered(
        _BLANKS.sub(fill, pre.html),
        {
            theme: Section(theme, title, _BLANKS.sub(fill, html), text, blocks)
            for theme, title, html, text, blocks in pre.sections
        },
    )


def _render_tokens(
    tokens: list[Token],
    env: dict[str, object],
    resolve: Callable[[str], str],
    page_url: str,
    allow_raw_html: bool,
    size_of: SizeOf,
    table: str,
) -> Rendered:
    md = parser(allow_raw_html)
    rewrite_links(tokens, resolve, size_of)
    html = md.renderer.render(_scrolling_tables(tokens, table), md.options, env)
    sections: dict[str, Section] = {}
    starts = [
        i
        for i, t in enumerate(tokens)
        if (t.type == "heading_open" and t.tag == "h2" and t.level == 0)
        or t.type == "footnote_block_open"
    ]
    for n, start in enumerate(starts):
        token = tokens[start]
        theme = token.meta.get("theme") if token.type == "heading_open" else None
        if not theme or theme in sections:
            continue
        end = starts[n + 1] if n + 1 < len(starts) else len(tokens)
        inner = _standalone(tokens[start + 3 : end], page_url)
        sections[theme] = Section(
            theme=theme,
            title=plain_text(tokens[start + 1]),
            html=md.renderer.render(_scrolling_tables(inner, table), md.options, env),
            text=_words(inner),
            blocks=blocks_of(inner),
        )
    return Rendered(html, sections)
