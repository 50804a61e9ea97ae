"""An SVG's size in CSS pixels, as its root element's width, height and viewBox give it:
the size a page reserves for the image (`size`) and the one WeasyPrint draws it at
before print.css scales it to the column (`print_size`). The root is read by svg.py's
hardened parser, which stops there.
"""

from __future__ import annotations

import re

from soteneg.content import svg

_LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*")


def _sized(root: dict[str, str]) -> tuple[int, int] | None:
    width, height = (_LENGTH.fullmatch(root.get(k, "")) for k in ("width", "height"))
    return _sane(width.group(1), height.group(1)) if width and height else None


def _box(root: dict[str, str]) -> tuple[int, int] | None:
    box = re.split(r"[\s,]+", root.get("viewBox", "").strip())
    return _sane(box[2], box[3]) if len(box) == 4 else None


def size(data: bytes) -> tuple[int, int] | None:
    """Width and height in CSS pixels from the root element's width and height, else its
    viewBox; None when they do not say (percentages, other units) or say something
    absurd."""
    root = svg.root_attributes(data)
    return _sized(root) or _box(root)


def print_size(data: bytes, column: float) -> tuple[float, float] | None:
    """The size WeasyPrint draws the SVG at before print.css scales it down: its width and
    height in pixels; without them (or in percentages), its viewBox's shape at the full
    width of the `column`, as WeasyPrint sizes it; None otherwise (other units, only one
    of them, no viewBox), which the print budget counts as a page."""
    root = svg.root_attributes(data)
    found = _sized(root)
    if found is not None:
        return found
    unsized = all(root.get(k, "%").strip().endswith("%") for k in ("width", "height"))
    box = _box(root) if unsized else None
    return None if box is None else (column, column * box[1] / box[0])


def _sane(width: str, height: str) -> tuple[int, int] | None:
    try:
        size = round(float(width)), round(float(height))
    except (ValueError, OverflowError):  # "1.2.3", or 400 digits: infinity
        return None
    return size if 0 < size[0] < 100_000 and 0 < size[1] < 100_000 else None
