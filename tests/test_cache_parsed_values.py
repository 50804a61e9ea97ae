"""Front matter values in the parsed cache: what msgpack holds by itself is written as
it is, and a date, a time, an integer beyond 64 bits and a map with such a key as a
msgpack extension, read back by the decoder's hook (issue 29: a Python walk over every
value of every front matter was a tenth of loading the cache). Every value reads back
exactly; an extension that does not is a damaged shard, whose files are parsed again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest

from soteneg.build.cache import parsed
from soteneg.build.cache.codec import CacheDamaged
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile

FILE = "content/outo.md"
Ext = msgspec.msgpack.Ext

VALUES: dict[str, Any] = {
    "text": "päivä",
    "numbers": [0, -1, 2**63, -(2**63), 2**64 - 1, 2**64, -(2**64), 10**4000, 2.5],
    "booleans and null": [True, False, None],
    "a date": dt.date(2024, 2, 29),
    "times": [
        dt.datetime(2024, 1, 1, 13, 30),
        dt.datetime(2024, 1, 1, 13, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    ],
    "keys msgpack holds": {3: "a", True: "b", None: "c", 2.5: "d", "e": {False: [1, {2: 3}]}},
    "keys it does not": {
        dt.date(2024, 1, 1): "a",
        2**70: {dt.date(2024, 1, 2): [dt.date(2024, 1, 3)]},
    },
    "lists in lists": [[], [[]], [[1, "a"], {"b": []}]],
}


def _shard(value: Any) -> bytes:
    text = "---\ntype: page\ntitle: Outo\n---\nTeksti.\n"
    entry = parse_source(SourceFile(FILE, text.encode()), False, True)
    entry[1].front.value = {**entry[1].front.value, "value": value}
    return parsed.encode_shard("key", {FILE: ("made-of", entry)})


def _value(data: bytes) -> Any:
    return parsed.decode_shard(data, "key")[FILE][1][1].front.value["value"]


@pytest.mark.parametrize("kind", VALUES)
def test_values_of_every_kind_read_back_exactly(kind: str) -> None:
    back = _value(_shard(VALUES[kind]))
    assert back == VALUES[kind]
    # Equal is not enough: True == 1, 1.0 == 1 and a datetime is a date; repr tells.
    assert repr(back) == repr(VALUES[kind])


def _forged(value: Any) -> bytes:
    """A shard whose front matter's value is `value`: otherwise well formed."""
    shard = msgspec.msgpack.decode(_shard("x"), ext_hook=lambda code, data: Ext(code, bytes(data)))
    for _, (_, document, _) in shard["parsed"].values():
        document[3][0]["value"] = value
    return msgspec.msgpack.encode(shard)


FORGERIES = {
    "an unknown extension": Ext(99, b"x"),
    "not a date": Ext(parsed._DATE, b"2024-02-30"),
    "not a time": Ext(parsed._DATETIME, b"13:30"),
    "not a number": Ext(parsed._BIG, b"0xg"),
    "not text": Ext(parsed._DATE, b"\xff\xfe"),
    "a list as a key": Ext(parsed._MAP, msgspec.msgpack.encode([[[1], "a"]])),
    "not pairs": Ext(parsed._MAP, msgspec.msgpack.encode([1, 2])),
    "not msgpack": Ext(parsed._MAP, b"\xc1"),
    "deep inside": [{"a": [Ext(99, b"")]}],
}


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_value_that_does_not_read_back_is_a_damaged_shard(forgery: str) -> None:
    data = _forged(FORGERIES[forgery])
    with pytest.raises(CacheDamaged):
        parsed.decode_shard(data, "key")


def test_a_forged_value_of_a_kind_yaml_gives_reads_back_as_it() -> None:
    """The cache is trusted for what earlier builds made: a well formed value is taken."""
    assert _value(_forged({"a": [1, Ext(parsed._DATE, b"2024-01-01")]})) == {
        "a": [1, dt.date(2024, 1, 1)]
    }
