"""The build cache's file format: typed msgpack records, read with a validating decoder.

The cache must never run code when read (pickle and marshal can), and whatever is in a
cache file must either decode into exactly the declared records or be ignored. msgspec
decodes into declared types and refuses anything else. Every file starts with the format
number and the key of the code and options that wrote it. The parsed documents have a
module of their own (parsed), since their types load the Markdown parser, which a
build with nothing to do does not need.
"""

from __future__ import annotations

from typing import Any

import msgspec

from soteneg.build.records import BuildRecords, Inputs

FORMAT = 10  # bump when any record below changes


class CacheDamaged(ValueError):
    """A cache file that does not decode exactly; the build then starts without it."""


class _InputsFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    inputs: Inputs


class _BuildFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    build: BuildRecords


class _PdfsFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    pdfs: dict[str, tuple[str, str]]  # PDF file -> (its inputs' key, sha256 of its bytes)


_ENCODER = msgspec.msgpack.Encoder()
_INPUTS = msgspec.msgpack.Decoder(_InputsFile)
_BUILD = msgspec.msgpack.Decoder(_BuildFile)
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


def encode_build(key: str, build: BuildRecords) -> bytes:
    return _ENCODER.encode(_BuildFile(FORMAT, key, build))


def decode_build(data: bytes, key: str) -> BuildRecords:
    return decode(_BUILD, data, key).build


def encode_pdfs(key: str, pdfs: dict[str, tuple[str, str]]) -> bytes:
    return _ENCODER.encode(_PdfsFile(FORMAT, key, pdfs))


def decode_pdfs(data: bytes, key: str) -> dict[str, tuple[str, str]]:
    return decode(_PDFS, data, key).pdfs
