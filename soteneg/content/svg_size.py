"""How many elements an SVG draws once its references are expanded.

A `<use href="#a">` draws a copy of the element `a` with everything in it, and the copy
may hold further uses: ten groups of ten uses each, one inside the next, are 1.2 KB of
allowed elements that draw 10⁶ shapes. WeasyPrint ran past 240 s and 3.2 GB on one, and
a reader's browser hangs the same way. So the elements are counted as drawn: each
reference (`href="#…"` on a use, a gradient or a text path, `url(#…)` in a clip path,
mask, filter, marker or paint) costs the whole subtree it names, its own references
expanded in turn. Each element's cost is computed once (memoised), so the count takes
time linear in the file however large the drawing; counts saturate just above the
limit. A reference to itself or to an element that holds it (directly, or through other
references) never ends: browsers draw nothing for it, and it is refused.

What `<defs>`, symbols, markers and other templates hold counts once where it is written
and again at every reference.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

# Drawn only where something refers to them.
TEMPLATES = frozenset(
    {"defs", "symbol", "clipPath", "mask", "marker", "pattern", "linearGradient"}
    | {"radialGradient", "filter", "metadata", "title", "desc"}
)
_URL = re.compile(r"url\(\s*['\"]?\s*#([^'\")\s]+)")

_NEW, _OPEN, _DONE = 0, 1, 2
# Counts stop here: a drawing of more elements is said to draw "more than" this.
CAP = 10**12


@dataclass(frozen=True)
class Over:
    """Where an SVG goes over: the element, its 1-based line, and the count so far (or
    the id of a reference that never ends)."""

    line: int
    element: str
    count: int = 0
    cycle: str | None = None  # the id a reference that repeats itself names


def references(hrefs: list[str | None], values: list[str]) -> list[str]:
    """The ids an element's hrefs (`href` and `xlink:href`) and attribute values refer
    to. Both hrefs count: browsers follow `href` first and WeasyPrint `xlink:href`, so
    an element with both draws one or the other (a use with `href="#leaf"` and
    `xlink:href="#g"` counted as the leaf let 2.8 KB through that hung the build)."""
    found: list[str] = []
    for href in hrefs:
        if href is not None and href.strip().startswith("#") and href.strip()[1:] not in found:
            found.append(href.strip()[1:])
    for value in values:
        if "url(" in value:
            found += _URL.findall(value)
    return found


class Drawing:
    """The elements of an SVG as its parser meets them: a tree in document order, with
    the ids and references of each."""

    def __init__(self) -> None:
        self.lines = array("i")
        self.names: list[str] = []
        self.first_child = array("i")
        self.next_sibling = array("i")
        self.last_child = array("i")
        self.in_template = bytearray()  # drawn only where referred to
        self.ids: dict[str, int] = {}
        self.refs: dict[int, list[str]] = {}
        self._open: list[int] = []

    def start(self, line: int, name: str, id_: str | None, refs: list[str]) -> None:
        n = len(self.lines)
        self.lines.append(line)
        self.names.append(name)
        self.first_child.append(-1)
        self.next_sibling.append(-1)
        self.last_child.append(-1)
        parent = self._open[-1] if self._open else -1
        inside = (parent >= 0 and self.in_template[parent]) or name in TEMPLATES
        self.in_template.append(1 if inside else 0)
        if parent >= 0:
            if self.last_child[parent] < 0:
                self.first_child[parent] = n
            else:
                self.next_sibling[self.last_child[parent]] = n
            self.last_child[parent] = n
        if id_ is not None and id_ not in self.ids:  # the first of an id is the one meant
            self.ids[id_] = n
        if refs:
            self.refs[n] = refs
        self._open.append(n)

    def end(self) -> None:
        self._open.pop()

    def over(self, limit: int) -> Over | None:
        """The element whose drawing takes the count over `limit`, in document order,
        with the count of the whole drawing (at most CAP); or a reference that never
        ends; None when the drawing is within the limit."""
        cost = _Costs(self, CAP)
        total, crossing = 0, -1
        for n in range(len(self.lines)):
            total += 1
            for target in self.refs.get(n, ()):
                found = self.ids.get(target)
                if found is None:
                    continue
                drawn = cost.of(found)
                if cost.cycle is not None:
                    at, name = cost.cycle
                    return Over(self.lines[at], self.names[at], cycle=name)
                if not self.in_template[n]:
                    total = min(total + drawn, CAP)
            if crossing < 0 and total > limit:
                crossing = n
        if crossing < 0:
            return None
        return Over(self.lines[crossing], self.names[crossing], total)


class _Costs:
    """Elements drawn by each element with everything in it, its references expanded:
    found by a depth-first walk over children and references without recursion (a
    drawing may nest deeper than Python's stack), each element once."""

    def __init__(self, drawing: Drawing, cap: int) -> None:
        self.drawing = drawing
        self.cap = cap
        self.costs = array("q", bytes(8 * len(drawing.lines)))
        self.state = bytearray(len(drawing.lines))
        self.cycle: tuple[int, str] | None = None  # (referring element, id)

    def _next(self, n: int) -> list[tuple[int, int]]:
        """(element, the element referring to it or -1 for a child) after `n`."""
        d = self.drawing
        found = []
        child = d.first_child[n]
        while child >= 0:
            found.append((child, -1))
            child = d.next_sibling[child]
        for target in d.refs.get(n, ()):
            at = d.ids.get(target)
            if at is not None:
                found.append((at, n))
        return found

    def of(self, start: int) -> int:
        if self.state[start] == _DONE:
            return self.costs[start]
        stack = [(start, iter(self._next(start)))]
        self.state[start] = _OPEN
        while stack:
            n, rest = stack[-1]
            for m, referrer in rest:
                if self.state[m] == _NEW:
                    self.state[m] = _OPEN
                    stack.append((m, iter(self._next(m))))
                    break
                if self.state[m] == _OPEN:  # m holds n, or refers to it in turn
                    self.cycle = self._closing(stack, m, referrer)
                    return 0
            else:
                stack.pop()
                total = 1
                for m, _referrer in self._next(n):
                    total += self.costs[m]
                self.costs[n] = min(total, self.cap)
                self.state[n] = _DONE
        return self.costs[start]

    def _closing(
        self, stack: list[tuple[int, Iterator[tuple[int, int]]]], m: int, referrer: int
    ) -> tuple[int, str]:
        """The reference that closes a cycle back to `m`: the one just followed, else
        the last reference on the walk's path (a child can lead back only below one)."""
        d = self.drawing
        if referrer < 0:
            referrer = next((n for n, _ in reversed(stack) if n in d.refs), stack[-1][0])
            target = d.refs.get(referrer, [""])[0]
            return referrer, target
        return referrer, next((k for k, v in d.ids.items() if v == m), "")
