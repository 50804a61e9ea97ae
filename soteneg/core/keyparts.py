"""The bytes a cache key hashes of a value: msgpack, which says each value's type and
length, so that no two values give the same bytes, as repr did at ten times the cost
(repr of every document's headings was most of a per-site key at 5000 documents)."""

from __future__ import annotations

import msgspec


def _other(value: object) -> object:
    # A str subclass (Markup) is its text; anything else msgpack has no type for is
    # hashed as its repr, as every part of a key was before.
    return str(value) if isinstance(value, str) else repr(value)


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_other)


def key_bytes(value: object) -> bytes:
    """`value` (strings, numbers, None, tuples, lists and maps of them) as a key's part.
    Sets are written in their order, which differs between processes: sort them."""
    return _ENCODER.encode(value)
