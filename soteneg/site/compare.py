"""What changed in a theme section from one round to the next, word by word."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

Op = Literal["same", "added", "removed"]


@dataclass(frozen=True)
class Change:
    op: Op
    text: str


@dataclass(frozen=True)
class Diff:
    changes: tuple[Change, ...]
    added: int  # words
    removed: int

    @property
    def unchanged(self) -> bool:
        return self.added == 0 and self.removed == 0


def word_diff(before: str, after: str) -> Diff:
    """Runs of unchanged, removed and added words, in reading order."""
    old, new = before.split(), after.split()
    # autojunk would treat common Finnish words as noise in long sections.
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changes: list[Change] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes.append(Change("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            changes.append(Change("removed", " ".join(old[i1:i2])))
            removed += i2 - i1
        if j2 > j1:
            changes.append(Change("added", " ".join(new[j1:j2])))
            added += j2 - j1
    return Diff(tuple(changes), added, removed)
