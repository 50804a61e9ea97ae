"""The build cache's file format: typed msgpack records, read with a validating decoder.

The cache must never run code when read (pickle and marshal can), and whatever is in a
cache file must either decode into exactly the declared records or be ignored. msgspec
decodes into declared types and refuses anything else. Every file starts with the format
number and the key of the code and options that wrote it. The parsed documents have a
module of their own (parsed), since their types load the Markdown parser, which a
build with nothing to do does not need.
"""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from soteneg.build.records import Inputs, Record

FORMAT = 17  # bump when any record below changes


class CacheDamaged(ValueError):
    """A cache file that does not decode exactly; the build then starts without it."""


class _InputsFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    inputs: Inputs


class _BuildIndex(msgspec.Struct, frozen=True):
    format: int
    key: str
    shards: dict[str, str]  # shard -> the token it was written with


class BuildShard(msgspec.Struct, frozen=True):
    """Part of the build half: the pages whose units, and the records whose output
    files, fall in one shard (disk._shard)."""

    format: int
    key: str
    token: str  # as the index names it: a shard of another build is not mixed in
    pages: dict[str, tuple[str, str | None]]  # unit -> (fingerprint, output)
    records: dict[str, Record]  # output file -> record


class _PdfsFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    pdfs: dict[str, tuple[str, str]]  # PDF file -> (its inputs' key, sha256 of its bytes)


class _ShardOut(msgspec.Struct, frozen=True):
    """A BuildShard as written: its entries encoded once, for their digest (the token)
    and the file. The same fields in the same order: the same bytes as a BuildShard."""

    format: int
    key: str
    token: str
    pages: msgspec.Raw
    records: msgspec.Raw


# Maps and sets in their keys' order, not in their order in memory: a set's order
# differs between processes (PYTHONHASHSEED), and two builds of one tree write the same
# cache bytes (tests/test_cache_bytes.py).
_ENCODER = msgspec.msgpack.Encoder(order="deterministic")
_INPUTS = msgspec.msgpack.Decoder(_InputsFile)
_INDEX = msgspec.msgpack.Decoder(_BuildIndex)
_SHARD = msgspec.msgpack.Decoder(BuildShard)
_PDFS = msgspec.msgpack.Decoder(_PdfsFile)


def decode(decoder: msgspec.msgpack.Decoder[Any], data: bytes, key: str) -> Any:
    try:
        found = decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError) as err:
        raise CacheDamaged(str(err)) from None
    if found.format != FORMAT or found.key != key:
        raise CacheDamaged("written by other code or for other options")
    return found


def encode_inputs(key: str, inputs: Inputs) -> bytes:
    return _ENCODER.encode(_InputsFile(FORMAT, key, inputs))


def decode_inputs(data: bytes, key: str) -> Inputs:
    return decode(_INPUTS, data, key).inputs


def encode_index(key: str, shards: dict[str, str]) -> bytes:
    return _ENCODER.encode(_BuildIndex(FORMAT, key, shards))


def decode_index(data: bytes, key: str) -> dict[str, str]:
    return decode(_INDEX, data, key).shards


def encode_shard(
    key: str, pages: dict[str, tuple[str, str | None]], records: dict[str, Record]
) -> tuple[BuildShard, bytes]:
    """A shard of these entries and its bytes. Its token is the digest of its entries as
    written: the index names it, so a shard file of other entries (another build's, one
    killed while saving) does not read as this one, while two builds of the same entries
    write the same bytes, as a random token per save did not."""
    pages_raw, records_raw = _ENCODER.encode(pages), _ENCODER.encode(records)
    digest = hashlib.blake2b(pages_raw, digest_size=8)
    digest.update(records_raw)  # msgpack says where the first ends: no two pairs alike
    token = digest.hexdigest()
    data = _ENCODER.encode(
        _ShardOut(FORMAT, key, token, msgspec.Raw(pages_raw), msgspec.Raw(records_raw))
    )
    return BuildShard(FORMAT, key, token, pages, records), data


def decode_shard(data: bytes, key: str, token: str) -> BuildShard:
    found: BuildShard = decode(_SHARD, data, key)
    if found.token != token:
        raise CacheDamaged("a shard of another build")
    return found


def encode_pdfs(key: str, pdfs: dict[str, tuple[str, str]]) -> bytes:
    return _ENCODER.encode(_PdfsFile(FORMAT, key, pdfs))


def decode_pdfs(data: bytes, key: str) -> dict[str, tuple[str, str]]:
    return decode(_PDFS, data, key).pdfs
