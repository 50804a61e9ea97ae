"""The build cache's stamps of the documents it read: for each, the stamp it had when
its bytes were read and their digest, so that the next build knows an unchanged file
from its stamp without reading it (content.unchanged says which files qualify).

A forged entry can only name a digest: the file is then taken for bytes whose parsed
document the cache does not hold (or holds only as forged as the entry itself), and is
read after all (pipeline._parsed_or_read). The paths are looked up, never opened.
"""

from __future__ import annotations

import msgspec

from soteneg.build.cache.codec import FORMAT, decode

Stamp = tuple[int, int, int, int]
Known = dict[str, tuple[Stamp, bytes]]


class _KnownFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    files: dict[str, tuple[Stamp, bytes]]  # document file -> (stamp, digest of its bytes)


_ENCODER = msgspec.msgpack.Encoder(order="deterministic")  # as codec's
_DECODER = msgspec.msgpack.Decoder(_KnownFile)


def encode_known(key: str, known: Known) -> bytes:
    return _ENCODER.encode(_KnownFile(FORMAT, key, known))


def decode_known(data: bytes, key: str) -> Known:
    """The entries, or codec.CacheDamaged."""
    return dict(decode(_DECODER, data, key).files)
