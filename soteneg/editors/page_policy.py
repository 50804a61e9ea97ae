"""The Content-Security-Policy of what the preview answers, and of the published pages.

Each HTML page gets the hashes of the inline scripts its templates wrote and of its
inline styles; everything else a fixed policy for its media type. What editors wrote
stands between marks the preview puts around the content, and no script inside them is
named, so the content's scripts run nowhere (docs/publishing.md).

Run as `python -m soteneg.editors.page_policy PAGE.html...` it prints the policy of built
pages, for hosts that can set headers.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import sys
from pathlib import Path

# Every HTML page: its own files, nothing else. `img-src data:` is Pagefind's search icon
# (a CSS mask); data: images cannot run anything.
PAGE = (
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
# An SVG opened on its own is a document: no scripts (`sandbox` forbids them a second
# time), no fetches; its own inline styles and images only.
SVG = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; sandbox"
)
# A script file's policy binds it only when it runs as a worker: Pagefind's worker
# fetches its index and compiles its WebAssembly. As a document it is shown as text.
SCRIPT = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
    "frame-ancestors 'none'"
)
# Everything else, PDFs included (Chromium's viewer shows them under it), may fetch and
# run nothing when opened on its own, and may not be framed.
OTHER = "default-src 'none'; frame-ancestors 'none'"

_SCRIPT_TAG = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE_TAG = re.compile(rb"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_STYLE_ATTR = re.compile(rb"""<[a-z][^<>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ATTR = re.compile(rb"""\s(src|type)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
# Types that make a <script> run; others (application/ld+json) are data, not code.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}


def _sha256(data: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


def _attrs(raw: bytes) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(raw):
        value = next((g for g in match.groups()[1:] if g is not None), b"")
        found[match.group(1).decode().lower()] = html.unescape(value.decode("utf-8", "replace"))
    return found


def page_policy(page: bytes, content_mark: str | None = None) -> str:
    """The policy of one HTML page: the base above, plus the hashes of the inline scripts
    the templates put on it, and of its inline styles. Inline event handlers and
    `javascript:` links stay forbidden either way.

    Markdown never emits a <script>, but raw HTML (where site.yaml allows it) passes
    any through. The published site's header names only the templates' scripts
    (docs/publishing.md), so the preview must not run the content's either: with
    `content_mark`, what editors wrote stands between the marks (site.Site.content) and
    is left out before the scripts are looked for. Left out as text, up to the closing
    mark: a `<script>` that the content opens and never closes swallows what follows up
    to the next `</script>` in the browser, and that whole script is not hashed."""
    scripts: list[str] = []
    wasm = False
    templates_own = without_content(page, content_mark) if content_mark else page
    for match in _SCRIPT_TAG.finditer(templates_own):
        attrs = _attrs(match.group(1))
        if "src" in attrs:
            # Pagefind compiles its search engine from WebAssembly: only where it is loaded.
            wasm = wasm or "pagefind" in attrs["src"]
        elif attrs.get("type", "").strip().lower() in _SCRIPT_TYPES:
            scripts.append(_sha256(match.group(2)))
    styles = [_sha256(m.group(1)) for m in _STYLE_TAG.finditer(page)]
    # markdown-it aligns table columns with style="text-align:…" attributes.
    inline = sorted(
        {
            _sha256(
                html.unescape((m.group(1) or m.group(2) or b"").decode("utf-8", "replace")).encode()
            )
            for m in _STYLE_ATTR.finditer(page)
        }
    )
    script_src = ["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *dict.fromkeys(scripts)]
    style_src = [
        "'self'",
        *dict.fromkeys(styles),
        *(["'unsafe-hashes'", *inline] if inline else []),
    ]
    first, *rest = PAGE
    return "; ".join(
        (first, "script-src " + " ".join(script_src), "style-src " + " ".join(style_src), *rest)
    )


def _marks(mark: str) -> tuple[bytes, bytes]:
    return f"<!--{mark}-->".encode(), f"<!--/{mark}-->".encode()


def without_content(page: bytes, mark: str) -> bytes:
    """The page without what stands between the content's marks (an unclosed mark
    takes the rest of the page: whatever is not known to be the templates' is not)."""
    start, end = _marks(mark)
    kept, depth, at = [], 0, 0
    for found in re.finditer(re.escape(start) + b"|" + re.escape(end), page):
        if found.group() == start:
            if depth == 0:
                kept.append(page[at : found.start()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                at = found.end()
    if depth == 0:
        kept.append(page[at:])
    return b"".join(kept)


def unmarked(page: bytes, mark: str) -> bytes:
    """The page as the browser gets it: the marks (comments) taken out."""
    start, end = _marks(mark)
    return page.replace(start, b"").replace(end, b"")


def policy(media: str, body: bytes, content_mark: str | None = None) -> str:
    """The Content-Security-Policy for a response of this media type."""
    kind = media.split(";")[0].strip().lower()
    if kind == "text/html":
        return page_policy(body, content_mark)
    if kind == "image/svg+xml":
        return SVG
    if kind in ("application/javascript", "text/javascript"):
        return SCRIPT
    return OTHER


def headers(media: str, body: bytes, content_mark: str | None = None) -> list[tuple[str, str]]:
    """The security headers of every answer of the preview."""
    return [
        ("Content-Security-Policy", policy(media, body, content_mark)),
        ("X-Content-Type-Options", "nosniff"),
        # Drafts' addresses stay off the sites their links lead to.
        ("Referrer-Policy", "same-origin"),
        # Other sites' pages may not embed what the preview serves (an <img>, a <script>).
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]


def main(argv: list[str]) -> int:
    """Print the policy of each built page given (for a host's header settings)."""
    for name in argv:
        print(f"{name}\n  Content-Security-Policy: {page_policy(Path(name).read_bytes())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
