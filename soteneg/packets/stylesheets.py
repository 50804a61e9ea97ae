"""A packet's stylesheet parsed once per process, not once per packet.

Every packet carries the print stylesheet in a `<style>` of its own, and WeasyPrint
parses it again for each one: about a twentieth of printing the 18 regions' packets
(bench/RESULTS.md, issue 28). The packets of a build differ in a few words of their
stylesheet at most (the language's page numbers, the fonts, duplex), so a print worker
keeps each text's parsed `CSS` and hands it to WeasyPrint as a stylesheet of the
document, with the `<style>` taken out of the tree.

A stylesheet is kept only when reusing it cannot change the PDF:
- it reads nothing while it is parsed (no `@import`), so that every packet's reads go
  through its own confined fetcher and its refusals are its own (the images a sheet
  names are read while the document is laid out, through the document's fetcher);
- it adds no fonts, counter styles or colour profiles, which WeasyPrint keeps per
  document;
- nothing in the document could weigh against it differently. Given apart, a sheet is
  of the user's origin instead of the author's: the same cascade against WeasyPrint's
  own sheet, but a `style` attribute's `!important` would then lose to the sheet's.
  A document with any `style` attribute, or a `<link>` to a stylesheet whose order
  against the `<style>` would change, keeps its `<style>` as WeasyPrint reads it.
Anything else is printed exactly as before, the `<style>` left where it is.
"""

from __future__ import annotations

from typing import Any

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The texts this process has parsed: their `CSS`, or None when one cannot be shared.
_PARSED: dict[tuple[str, str], Any] = {}
# A print template may make as many variants as it likes; a worker keeps this many.
_KEPT = 64


class _NoFetch(URLFetcher):
    """Refuses and remembers every fetch: a sheet that fetches is not shared."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=())
        self.asked = False

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        self.asked = True
        raise ValueError("a shared stylesheet reads nothing")


class _NoFonts:
    """Stands for WeasyPrint's font configuration while a sheet is parsed, which asks it
    only to add an `@font-face`: a sheet with one is not shared."""

    asked = False

    def add_font_face(self, rule_descriptors: Any, url_fetcher: Any) -> None:
        self.asked = True


def shared(html: Any) -> list[Any]:
    """Takes the `<style>` elements out of the parsed `html` and returns their parsed
    sheets in order, when they can be shared (see the module's docstring); else leaves
    `html` as it is and returns no sheet."""
    root = html.etree_element
    styles: list[tuple[Any, Any]] = []
    for parent in root.iter():
        for child in parent:
            tag = child.tag
            if tag == "style":
                kind = (child.get("type") or "text/css").split(";")[0].strip().lower()
                if kind != "text/css":
                    return []
                styles.append((parent, child))
            elif tag == "link" and "stylesheet" in (child.get("rel") or "").lower():
                return []
        if parent.get("style") is not None:
            return []
    sheets = [_parsed(style.text or "", style.get("media"), html.base_url) for _, style in styles]
    if not styles or any(sheet is None for sheet in sheets):
        return []
    for parent, style in styles:
        parent.remove(style)
    return sheets


def _parsed(text: str, media: str | None, base: str) -> Any:
    """The text's `CSS`, or None when it cannot be shared."""
    if media is not None and media.strip().lower() not in ("", "all", "print"):
        return None  # WeasyPrint's media queries decide, as before
    key = (text, base)
    if key not in _PARSED:
        if len(_PARSED) >= _KEPT:
            _PARSED.clear()
        fetcher, fonts = _NoFetch(), _NoFonts()
        counters: dict[str, Any] = {}
        profiles: dict[str, Any] = {}
        try:
            css = weasyprint.CSS(
                string=text,
                base_url=base,
                url_fetcher=fetcher,
                font_config=fonts,
                counter_style=counters,
                color_profiles=profiles,
            )
        except Exception:  # whatever it is, WeasyPrint says it as it did before
            css = None
        alone = not (fetcher.asked or fonts.asked or counters or profiles)
        _PARSED[key] = css if alone else None
    return _PARSED[key]
