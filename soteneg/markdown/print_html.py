"""Markdown bodies to the HTML of a printed packet: footnotes where they are referenced,
every id prefixed so that several documents share one HTML file.

Apart from markdown.html, which renders the web page, because print HTML is made by rules
of its own (no sections, no table boxes, no image sizes) for another reader, WeasyPrint.
markdown.html calls print_tokens to make a body's print HTML from the parse of its web
HTML, with its own blanks (see html.finish_print).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown_it.token import Token

from soteneg.markdown.links import rewrite_links
from soteneg.markdown.parse import parser


def _footnote_bodies(tokens: list[Token]) -> dict[int, list[Token]]:
    """Each footnote's inline content, by footnote id."""
    bodies: dict[int, list[Token]] = {}
    current: int | None = None
    for token in tokens:
        if token.type == "footnote_open":
            current = token.meta["id"]
            bodies[current] = []
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type == "inline":
            if bodies[current]:
                bodies[current].append(Token("text", "", 0, content=" "))
            bodies[current].extend(c for c in token.children or () if c.type != "footnote_anchor")
    return bodies


def render_print(
    body: str, resolve: Callable[[str], str], id_prefix: str, allow_raw_html: bool = False
) -> str:
    """HTML for a printed packet: footnotes sit where they are referenced (the print
    stylesheet floats them to the page foot), and every id carries `id_prefix` so that
    several documents can share one HTML file."""
    md = parser(allow_raw_html)
    env: dict[str, object] = {}
    tokens = md.parse(body, env)
    rewrite_links(tokens, resolve)
    return print_tokens(tokens, env, md, id_prefix)


def print_tokens(tokens: list[Token], env: dict[str, object], md: Any, id_prefix: str) -> str:
    inline_notes = env.get("footnotes", {}).get("list", {})  # type: ignore[union-attr]
    bodies = _footnote_bodies(tokens)
    out: list[Token] = []
    skipping = False
    for token in tokens:
        if token.type == "footnote_block_open":
            skipping = True
        if skipping:
            skipping = token.type != "footnote_block_close"
            continue
        if token.type == "heading_open" and token.attrGet("id"):
            token.attrSet("id", f"{id_prefix}{token.attrGet('id')}")
        for child in token.children or ():
            if child.type == "link_open" and str(child.attrGet("href")).startswith("#"):
                child.attrSet("href", f"#{id_prefix}{str(child.attrGet('href'))[1:]}")
            elif child.type == "link_open" and child.markup == "autolink":
                # Its text is its address: print stylesheets print no second copy of it.
                child.attrSet("class", "bare")
        if token.children:
            token.children = [
                _print_footnote(c, md, env, bodies, inline_notes) for c in token.children
            ]
        out.append(token)
    return md.renderer.render(out, md.options, env)


def _print_footnote(
    child: Token,
    md: object,
    env: dict[str, object],
    bodies: dict[int, list[Token]],
    notes: dict[int, dict],
) -> Token:
    if child.type != "footnote_ref":
        return child
    note_id = child.meta["id"]
    content = bodies.get(note_id) or notes.get(note_id, {}).get("tokens") or []
    inner = md.renderer.renderInline(content, md.options, env)  # type: ignore[attr-defined]
    return Token("html_inline", "", 0, content=f'<span class="footnote">{inner}</span>')
