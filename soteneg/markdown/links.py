"""Links and images in a parsed body to their published URLs, for the web page and for
print alike.

Apart from markdown.html and markdown.print_html because both rewrite the same tokens the
same way (an image with a title becomes a figure in print too), and the print module sits
below the web one, which makes its print HTML from the same parse.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

SizeOf = Callable[[str], "tuple[int, int] | None"]


def no_size(src: str) -> tuple[int, int] | None:
    return None


def rewrite_links(
    tokens: list[Token], resolve: Callable[[str], str], size_of: SizeOf = no_size
) -> None:
    """Links and image sources to their published URLs; images get their width and
    height (so the page does not jump as they load); an image alone in a paragraph with
    a title becomes a figure with that title as its caption."""
    for i, token in enumerate(tokens):
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("href", resolve(str(child.attrGet("href") or "")))
            elif child.type == "image":
                src = resolve(str(child.attrGet("src") or ""))
                child.attrSet("src", src)
                size = size_of(src)
                if size:
                    child.attrSet("width", str(size[0]))
                    child.attrSet("height", str(size[1]))
        children = [
            c for c in token.children or () if not (c.type == "text" and not c.content.strip())
        ]
        if (
            token.type == "inline"
            and len(children) == 1
            and children[0].type == "image"
            and children[0].attrGet("title")
            and i > 0
            and tokens[i - 1].type == "paragraph_open"
        ):
            caption = escapeHtml(str(children[0].attrGet("title")))
            tokens[i - 1].tag = tokens[i + 1].tag = "figure"
            token.children = [
                *children,
                Token("html_inline", "", 0, content=f"<figcaption>{caption}</figcaption>"),
            ]
