"""A body's HTML with blanks (markdown.html makes it, `finish` fills it in), in two
parts: what planning the pages reads of every document (which theme sections it has
and the key of each), and what only the rendering of its own pages reads (the HTML,
the sections, the links). The build cache may hand the second part over undecoded, as
a loader called on first use: a build that edits one document renders a few dozen of
its thousands, and decoding the rest cost a fifth of a second and 50 MiB at 5000
documents (issue 29).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from soteneg.markdown.blocks import Block

# (theme, title, html, text, blocks)
SectionParts = tuple[str, str, str, str, tuple[Block, ...]]


class Rendering(NamedTuple):  # a tuple: the build cache decodes it typed, fastest
    """What only the rendering of the document's own pages reads."""

    html: str
    sections: tuple[SectionParts, ...]
    hrefs: tuple[str, ...]  # the k-th blank's link as written
    print_html: str | None = None  # see finish_print; None when the build does not print
    print_hrefs: tuple[str, ...] = ()  # the k-th print blank's link as written


class Prerendered:
    """A prerendered body. Made by the parse with everything at hand, or by the build
    cache with `later`, which answers the rendering when first asked (None when the
    cache's bytes do not read back as one that fits: see `readable`)."""

    __slots__ = ("_later", "_rendering", "section_keys", "themes")

    def __init__(
        self,
        html: str,
        sections: tuple[SectionParts, ...],
        hrefs: tuple[str, ...],
        section_keys: tuple[tuple[str, str], ...] = (),
        print_html: str | None = None,
        print_hrefs: tuple[str, ...] = (),
    ) -> None:
        self.section_keys = section_keys  # (theme, hash of its section)
        self.themes = tuple(theme for theme, *_ in sections)  # the sections' in order
        self._rendering: Rendering | None = Rendering(
            html, sections, hrefs, print_html, print_hrefs
        )
        self._later: Callable[[], Rendering | None] | None = None

    @classmethod
    def later(
        cls,
        themes: tuple[str, ...],
        section_keys: tuple[tuple[str, str], ...],
        load: Callable[[], Rendering | None],
    ) -> Prerendered:
        found = cls.__new__(cls)
        found.themes, found.section_keys = themes, section_keys
        found._rendering, found._later = None, load
        return found

    def readable(self) -> bool:
        """Whether the rendering is at hand (decoded now if it was not): a body whose
        kept rendering does not read back, or holds other sections than `themes`, is
        rendered whole from its text instead, to the same HTML."""
        if self._rendering is None and self._later is not None:
            load, self._later = self._later, None
            found = load()
            if found is not None and tuple(t for t, *_ in found.sections) == self.themes:
                self._rendering = found
        return self._rendering is not None

    @property
    def rendering(self) -> Rendering:
        if not self.readable():
            raise ValueError("the prerendered body did not read back")  # callers ask first
        assert self._rendering is not None
        return self._rendering

    @property
    def html(self) -> str:
        return self.rendering.html

    @property
    def sections(self) -> tuple[SectionParts, ...]:
        return self.rendering.sections

    @property
    def hrefs(self) -> tuple[str, ...]:
        return self.rendering.hrefs

    @property
    def print_html(self) -> str | None:
        return self.rendering.print_html

    @property
    def print_hrefs(self) -> tuple[str, ...]:
        return self.rendering.print_hrefs

    def section_key(self, theme: str) -> str | None:
        return next((key for t, key in self.section_keys if t == theme), None)

    def _parts(self) -> tuple[Any, ...]:
        return (self.themes, self.section_keys, self.rendering if self.readable() else None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Prerendered):
            return NotImplemented
        return self._parts() == other._parts()

    def __hash__(self) -> int:
        return hash(self._parts())

    def __repr__(self) -> str:
        return f"Prerendered{self._parts()!r}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent to another process decoded (the loader reads this process's cache): whole,
        # or, when it did not read back, as one that does not, so that the other side
        # plans from its themes and keys and renders the body from its text as this one
        # would. A parse worker's results are never lazy; a forked worker inherits.
        if not self.readable():
            return (Prerendered.later, (self.themes, self.section_keys, _unreadable))
        r = self.rendering
        return (Prerendered, (r.html, r.sections, r.hrefs, self.section_keys, *r[3:]))


def _unreadable() -> None:
    """The loader of a rendering that did not read back (a function of the module:
    sent by name)."""
    return None
