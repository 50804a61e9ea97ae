"""Shards: one CI job's share of the PDFs (`--shard K/N`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Shard:
    """Part `index` (1-based) of `count`: packets are dealt round-robin in URL order, so
    every shard gets a like share of each round."""

    index: int
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.count:
            raise ValueError(f"shard {self.index}/{self.count}: need 1 <= K <= N")

    @classmethod
    def parse(cls, text: str) -> Shard:
        """'2/4' -> Shard(2, 4)."""
        index, sep, count = text.partition("/")
        if not sep or not index.isdigit() or not count.isdigit():
            raise ValueError(f"shard '{text}': write it as K/N, e.g. 1/4")
        return cls(int(index), int(count))

    def take(self, items: list[T], url: Callable[[T], str] = str) -> list[T]:
        """This shard's share of `items` (packets, or their URLs), dealt by URL."""
        ordered = sorted(items, key=url)
        return ordered[self.index - 1 :: self.count]

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
