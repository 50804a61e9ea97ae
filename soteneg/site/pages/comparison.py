"""A comparison of two rounds' sections as the page shows it: rows of two sides, runs of
unchanged blocks folded with their count, a table's rows kept in a table, and what
changed said in plain words (templates/partials/comparison.html)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soteneg.markdown.blocks import Block
from soteneg.site import i18n
from soteneg.site.compare import Change, Comparison, Row

# What a page sets beside a block of the earlier round (the later round's follow-up of
# a recommended action), or None for nothing.
Beside = Callable[[Block], Any] | None

# A run of unchanged blocks this long or longer folds away behind its count.
FOLD = 2
# The order a summary names what changed in.
_FAMILIES = ("heading", "paragraph", "item", "image", "row", "recommendation")
_OPS = ("changed", "added", "removed", "moved")
# The element a block is shown in (a table's rows are in a table of their own).
_TAGS = {
    "heading": "h3",
    "paragraph": "p",
    "item": "li",
    "quote": "blockquote",
    "code": "pre",
    "image": "figure",
    # A recommended action: its text, addressee and deadline, each a cell.
    "recommendation": "rec",
}


def summary(comparison: Comparison, lang: str) -> str:
    """What changed in plain words: "2 kappaletta muuttui, 1 taulukon rivi lisättiin."."""
    counts = comparison.counts()
    parts = [
        " ".join(
            (
                i18n.counted(f"cmp_{family}", counts[(family, op)], lang),
                i18n.text(_verb(family, op), lang),
            )
        )
        for family in _FAMILIES
        for op in _OPS
        if counts[(family, op)]
    ]
    if not parts:
        return i18n.text("unchanged", lang).capitalize() + "."
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."


def _verb(family: str, op: str) -> str:
    """The verb of a summary's part: a family's own where it has one (a recommendation
    not given again is left out, not removed: it may well have been done)."""
    own = f"cmp_{family}_{op}"
    return own if own in i18n.STRINGS else f"cmp_{op}"


def _words(changes: tuple[Change, ...], side: str) -> list[dict[str, str]]:
    """The words one side shows: kept ones and its own changes (the old side what was
    removed, the new side what was added)."""
    own = "removed" if side == "before" else "added"
    return [{"op": c.op, "text": c.text} for c in changes if c.op in ("same", own)]


def _whole(block: Block | None, op: str) -> list[list[dict[str, str]]] | None:
    if block is None:
        return None
    return [[{"op": op, "text": cell}] if cell else [] for cell in block.cells]


def _side(row: Row, side: str, beside: Beside = None) -> dict[str, Any] | None:
    """One side of a row: the block's element and each cell's words with their marks,
    and what the page sets beside an earlier block."""
    block = row.before if side == "before" else row.after
    if block is None:
        return None
    if row.op == "changed":
        cells = [_words(cell, side) for cell in row.cells]
    elif row.op in ("added", "removed"):
        cells = _whole(block, row.op) or []
    else:
        cells = _whole(block, "same") or []
    return {
        "tag": _TAGS.get(block.kind, "td"),
        "head": block.kind == "head",
        "cells": cells,
        "beside": beside(block) if beside is not None and side == "before" else None,
    }


def whole(block: Block, beside: Beside = None) -> dict[str, Any]:
    """A block shown whole and unmarked, as a side of texts set side by side."""
    return _side(Row("same", block, None), "before", beside)  # type: ignore[return-value]


def _unified(row: Row) -> list[list[dict[str, str]]]:
    """A table row in one: each cell with its removed and added words both marked, as a
    phone shows a compared table (one table, not two)."""
    if row.op == "changed":
        return [[{"op": c.op, "text": c.text} for c in cell] for cell in row.cells]
    block = row.after or row.before
    assert block is not None
    return _whole(block, row.op if row.op in ("added", "removed") else "same") or []


def _padded(cells: list[list[dict[str, str]]], width: int) -> list[list[dict[str, str]]]:
    return cells + [[] for _ in range(width - len(cells))]


def _table(part: dict[str, Any], rows: list[Row]) -> None:
    """A compared table's two forms: its rows side by side, each round's cells in one
    row of one table (so that the rows line up); and in one, for phones."""
    width = max(len((r.after or r.before).cells) for r in rows)  # type: ignore[union-attr]
    part["columns"] = width
    for shown, row in zip(part["rows"], rows, strict=True):
        for which in ("before", "after"):
            if shown[which]:
                shown[which]["cells"] = _padded(shown[which]["cells"], width)
        shown["unified"] = _padded(_unified(row), width)
        block = row.after or row.before
        shown["head"] = block is not None and block.kind == "head"


def _row(row: Row, added: Row | None = None, beside: Beside = None) -> dict[str, Any]:
    """A row as shown; a removed block with the `added` one that took its place beside it
    (a rewrite: the two are set side by side, neither marked word by word)."""
    before = _side(row, "before", beside)
    if added is not None:
        return {"op": "replaced", "before": before, "after": _side(added, "after")}
    return {"op": row.op, "before": before, "after": _side(row, "after")}


def _side_by_side(rows: tuple[Row, ...]) -> list[tuple[Row, Row | None]]:
    """The rows with each run of removed blocks and the run of added ones right after it
    zipped into pairs, so that a rewritten passage reads across (not table rows, which
    keep their own table's lines)."""
    out: list[tuple[Row, Row | None]] = []
    n = 0
    while n < len(rows):
        removed = n
        while (
            removed < len(rows) and rows[removed].op == "removed" and not _is_table(rows[removed])
        ):
            removed += 1
        added = removed
        while added < len(rows) and rows[added].op == "added" and not _is_table(rows[added]):
            added += 1
        if removed == n or added == removed:
            out.append((rows[n], None))
            n += 1
            continue
        olds, news = rows[n:removed], rows[removed:added]
        for k in range(max(len(olds), len(news))):
            if k < len(olds):
                out.append((olds[k], news[k] if k < len(news) else None))
            else:
                out.append((news[k], None))
        n = added
    return out


def _is_table(row: Row) -> bool:
    block = row.after or row.before
    return block is not None and block.kind in ("head", "row")


def items(comparison: Comparison, lang: str, beside: Beside = None) -> list[dict[str, Any]]:
    """What the page shows, in order: rows, folds of unchanged rows, and tables (a
    run of table rows; a table is never folded into pieces); `beside`: what to set
    beside each block of the earlier round."""
    out: list[dict[str, Any]] = []
    run: list[Row] = []

    def flush() -> None:
        if len(run) >= FOLD:
            label = i18n.counted("cmp_unchanged", len(run), lang)
            rows = [_row(r, beside=beside) for r in run]
            out.append({"type": "fold", "label": label, "rows": rows})
        else:
            out.extend({"type": "row", **_row(r, beside=beside)} for r in run)
        run.clear()

    for row, added in _side_by_side(comparison.rows):
        if added is not None:
            flush()
            out.append({"type": "row", **_row(row, added, beside)})
            continue
        if _is_table(row):
            flush()
            block = row.after or row.before
            assert block is not None
            # A header row after body rows begins the next table.
            follows = out and out[-1]["type"] == "table"
            if follows and block.kind == "head" and out[-1]["last"] != "head":
                follows = False
            if follows:
                out[-1]["rows"].append(_row(row))
                out[-1]["source"].append(row)
            else:
                out.append({"type": "table", "rows": [_row(row)], "source": [row]})
            out[-1]["last"] = block.kind
            continue
        if row.op == "same":
            run.append(row)
            continue
        flush()
        out.append({"type": "row", **_row(row, beside=beside)})
    flush()
    for item in out:
        if item["type"] == "table":
            _table(item, item.pop("source"))
            item.pop("last", None)
    return out
