"""A front matter whose positions are read when first asked for: the build cache's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soteneg.content.yamlpos import Path, Position, YamlDoc

Positions = tuple[dict[Path, Position], dict[Path, Position]]


class LaterYamlDoc(YamlDoc):
    """A YamlDoc whose positions (keys, values) are made by `load` when first read: the
    build cache's (build/cache/parsed). Only a problem's location reads them, and an
    edit at 5000 documents asks it of two or three front matters, while decoding them
    all cost 19 MiB and a tenth of the cache's loading."""

    def __init__(
        self, value: Any, start: Position, load: Callable[[], Positions], kept: object = None
    ) -> None:
        # The dataclass's fields but keys and values, which are properties here.
        self.value, self.start = value, start
        self._load: Callable[[], Positions] | None = load
        self._positions: Positions | None = None
        self._kept = kept  # what `load` reads, handed back while it is unread

    def kept_if_unread(self) -> object:
        """What the positions are made from, while they were not asked for (the cache
        then writes them again as they came); None once they were."""
        return self._kept if self._positions is None else None

    def _read(self) -> Positions:
        if self._positions is None:
            load, self._load = self._load, None
            assert load is not None
            self._positions = load()
        return self._positions

    def __eq__(self, other: object) -> bool:
        # Equal to a YamlDoc of the same value and positions, as the dataclass's is not.
        if not isinstance(other, YamlDoc):
            return NotImplemented
        mine = (self.value, self.keys, self.values, self.start)
        return mine == (other.value, other.keys, other.values, other.start)

    __hash__ = None  # type: ignore[assignment]  # as YamlDoc's: mutable

    @property  # type: ignore[override]
    def keys(self) -> dict[Path, Position]:
        return self._read()[0]

    @property  # type: ignore[override]
    def values(self) -> dict[Path, Position]:
        return self._read()[1]
