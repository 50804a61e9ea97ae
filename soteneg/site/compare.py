"""What changed in a theme section from one round to the next, block by block.

The two sections' blocks (markdown.blocks: headings, paragraphs, list items, table
rows) are aligned as sequences; a block that changed pairs with its counterpart when
their words are alike enough, and only a paired block is marked word by word, cell by
cell in a table row. Words that happen to match inside a rewritten passage ("ja",
"on") are not shown as kept: a reader would see fragments, not a change. A block removed
at one place and added unchanged at another is moved. When most of both texts differ
there is nothing to mark: `marked` is False and the page shows the two side by side.

tests/fixtures/compare/*.txt hold the cases, input and expected output.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from soteneg.markdown.blocks import Block

Op = Literal["same", "added", "removed"]
RowOp = Literal["same", "changed", "added", "removed", "moved_out", "moved_in"]

# A changed block pairs with a block of the other round when this share of their words
# match; below it, it is a rewrite, shown removed and added whole.
PAIR = 0.5
# A kept run of this many words or fewer between two changes is a chance match (a
# "ja" between two rewritten clauses): it is shown as part of the change.
CHANCE = 2
# Beyond this many block pairs to weigh in one changed stretch, it is not weighed: the
# blocks are shown removed and added (a hostile section must not cost quadratic time).
MAX_WEIGHED = 2500


@dataclass(frozen=True)
class Change:
    op: Op
    text: str


@dataclass(frozen=True)
class Row:
    """One line of the comparison: a block of either round, or a pair of them."""

    op: RowOp
    before: Block | None
    after: Block | None
    # A changed block: each cell's words (a paragraph has one cell).
    cells: tuple[tuple[Change, ...], ...] = ()


@dataclass(frozen=True)
class Comparison:
    rows: tuple[Row, ...]
    marked: bool  # False: the texts are too different to mark; shown side by side

    @property
    def unchanged(self) -> bool:
        return all(row.op == "same" for row in self.rows)

    def counts(self) -> Counter[tuple[str, str]]:
        """How many blocks changed, by (family, op): family is paragraph, item, heading,
        image or row; op changed, added, removed or moved (a move counted once)."""
        found: Counter[tuple[str, str]] = Counter()
        for row in self.rows:
            if row.op in ("same", "moved_out"):
                continue
            block = row.after or row.before
            assert block is not None
            op = "moved" if row.op == "moved_in" else row.op
            found[(family(block), op)] += 1
        return found


# Kinds a summary names by their own name; any other block is a paragraph.
_NAMED = ("item", "heading", "image", "recommendation")


def family(block: Block) -> str:
    """What a summary calls a block: a quotation or code is a paragraph too; a
    recommended action (site.compare_recs) is one."""
    if block.kind in ("head", "row"):
        return "row"
    return block.kind if block.kind in _NAMED else "paragraph"


def _words_alike(old: Sequence[str], new: Sequence[str]) -> float:
    """The share of words two texts have in common in order, 0 to 1; below PAIR it may
    be an estimate: the cheap upper bounds decide first."""
    if not old and not new:
        return 1.0
    # SequenceMatcher's quick_ratio (the words in common, order aside), counted here: a
    # matcher indexes every word of `new` when it is made, which only ratio() reads, and
    # most pairs weighed in a changed stretch are unlike and stop at this bound (a third
    # of the comparisons' time at 5000 documents).
    counts: dict[str, int] = {}
    for word in new:
        counts[word] = counts.get(word, 0) + 1
    common = 0
    for word in old:
        left = counts.get(word, 0)
        if left > 0:
            common += 1
            counts[word] = left - 1
    quick = 2.0 * common / (len(old) + len(new))
    if quick < PAIR:  # real_quick_ratio, the bound above it, needs no test of its own
        return quick
    return difflib.SequenceMatcher(a=old, b=new, autojunk=False).ratio()


def word_diff(before: str, after: str) -> tuple[Change, ...]:
    """Runs of kept, removed and added words in reading order; chance matches folded
    into the change around them, and a text too unlike the other removed and added
    whole."""
    old, new = before.split(), after.split()
    if old == new:
        return (Change("same", before),) if old else ()
    # autojunk would treat common Finnish words as noise in long texts.
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    if matcher.ratio() < PAIR:
        return tuple(
            Change(op, " ".join(words)) for op, words in (("removed", old), ("added", new)) if words
        )
    opcodes = matcher.get_opcodes()
    # Segments: (kept?, old words, new words); a short kept run between two changes
    # joins them.
    segments: list[tuple[bool, list[str], list[str]]] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        kept = tag == "equal"
        inside = 0 < n < len(opcodes) - 1
        if kept and inside and i2 - i1 <= CHANCE:
            kept = False
        if segments and not kept and not segments[-1][0]:
            segments[-1][1].extend(old[i1:i2])
            segments[-1][2].extend(new[j1:j2])
        else:
            segments.append((kept, old[i1:i2], new[j1:j2]))
    changes: list[Change] = []
    for kept, removed, added in segments:
        if kept:
            changes.append(Change("same", " ".join(removed)))
            continue
        if removed:
            changes.append(Change("removed", " ".join(removed)))
        if added:
            changes.append(Change("added", " ".join(added)))
    return tuple(changes)


def _alike(a: Block, b: Block) -> float:
    """How alike two blocks are, 0 to 1; blocks of different kinds are not. Table rows
    with the same first cell (the row's subject) are the same row, changed."""
    if family(a) != family(b) or (a.kind == "head") != (b.kind == "head"):
        return 0.0
    words = _words_alike(a.text.split(), b.text.split())
    if a.kind in ("head", "row") and a.cells[0].strip() and a.cells[0] == b.cells[0]:
        return max(words, PAIR)
    return words


def _changed(a: Block, b: Block) -> Row:
    width = max(len(a.cells), len(b.cells))
    old = a.cells + ("",) * (width - len(a.cells))
    new = b.cells + ("",) * (width - len(b.cells))
    return Row("changed", a, b, tuple(word_diff(x, y) for x, y in zip(old, new, strict=True)))


def _weigh(old: Sequence[Block], new: Sequence[Block]) -> list[Row]:
    """A changed stretch: each old block paired, in order, with the most alike new one
    still free, if alike enough; the rest removed or added where they stand."""
    if len(old) * len(new) > MAX_WEIGHED:
        return [Row("removed", a, None) for a in old] + [Row("added", None, b) for b in new]
    rows: list[Row] = []
    j = 0
    for a in old:
        scores = [(_alike(a, b), k) for k, b in enumerate(new[j:], start=j)]
        best = max(scores, key=lambda s: (s[0], -s[1]), default=(0.0, -1))
        if best[0] < PAIR:
            rows.append(Row("removed", a, None))
            continue
        rows.extend(Row("added", None, b) for b in new[j : best[1]])
        rows.append(_changed(a, new[best[1]]))
        j = best[1] + 1
    rows.extend(Row("added", None, b) for b in new[j:])
    return rows


def _moves(rows: list[Row]) -> list[Row]:
    """A block removed at one place and added, the same, at another is moved."""
    added = {row.after: n for n, row in reversed(list(enumerate(rows))) if row.op == "added"}
    out = list(rows)
    for n, row in enumerate(rows):
        if row.op == "removed" and row.before in added:
            m = added.pop(row.before)
            out[n] = Row("moved_out", row.before, None)
            out[m] = Row("moved_in", None, rows[m].after)
    return out


def compare(before: Sequence[Block], after: Sequence[Block]) -> Comparison:
    """The rows of the two sections' comparison, in reading order."""
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(Row("same", a, b) for a, b in zip(before[i1:i2], after[j1:j2], strict=True))
        else:
            rows.extend(_weigh(before[i1:i2], after[j1:j2]))
    rows = _moves(rows)
    kept = sum(row.op in ("same", "changed", "moved_in") for row in rows)
    # Most of both texts differ: nothing is left to mark a change against.
    marked = not (kept * 2 < min(len(before), len(after)))
    return Comparison(tuple(rows), marked)
