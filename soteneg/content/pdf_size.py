"""How large a PDF stream is when decoded: measured within a limit, never kept whole.

A few kilobytes of Flate data can inflate to gigabytes (a decompression bomb), so the
size is counted as the data comes out of zlib, a megabyte at a time, and counting stops
past the limit: the cost is bounded by the limit, not by what the file claims.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHUNK = 1 << 20
FLATE = (["/FlateDecode"], ["/Fl"])


class Damaged(ValueError):
    """Flate data zlib refuses, even without the junk old writers left at its end."""


def decoded_size(stream: Any, filters: list[Any], limit: int) -> tuple[int, int]:
    """(size, work): how many bytes `stream` (pypdf's, its `filters` known to be
    standard) decodes to, or `limit + 1` when that is more than `limit`; and how many
    bytes were decoded to find out. Raises Damaged, or whatever pypdf raises on data it
    cannot decode."""
    if filters in FLATE and "/DecodeParms" not in stream:
        return _inflated_size(stream._data, limit)
    from pypdf.errors import LimitReachedError

    try:
        with limited(limit):
            size = len(stream.get_data())
    except LimitReachedError:
        return limit + 1, limit
    return size, size


def _inflated_size(raw: bytes, limit: int) -> tuple[int, int]:
    """What pypdf does before its byte-at-a-time repair (which takes seconds a megabyte):
    inflate the data, then the data without up to 8 bytes of junk at its end. Every try
    counts as work, and trying stops once the work passes the limit."""
    work = 0
    for cut in range(max(1, min(9, len(raw)))):
        size = 0
        try:
            size = _inflate(raw[: len(raw) - cut] if cut else raw, limit)
        except _Broken as broken:
            work += broken.size
            if work > limit:
                break
            continue
        return size, work + size
    raise Damaged("damaged compressed data (zlib cannot decompress it)")


class _Broken(Exception):
    def __init__(self, size: int) -> None:
        self.size = size  # inflated before zlib refused the rest


def _inflate(data: bytes, limit: int) -> int:
    """How many bytes `data` inflates to, or `limit + 1` when more."""
    inflater = zlib.decompressobj()  # as pypdf: a zlib header, no gzip
    size, pending, full = 0, data, True
    try:
        while (pending or full) and not inflater.eof and size <= limit:
            out = inflater.decompress(pending, CHUNK)
            size += len(out)
            pending, full = inflater.unconsumed_tail, len(out) == CHUNK
    except zlib.error:
        raise _Broken(size) from None
    return min(size, limit + 1)


@contextmanager
def limited(limit: int) -> Iterator[None]:
    """pypdf's decoders stop past `limit` bytes (with LimitReachedError)."""
    from pypdf import _configuration

    names = (
        "zlib_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "array_based_stream_maximum_output_length",
        "jbig2_maximum_output_length",
        "stream_decoding_work_maximum_length",
    )
    with _configuration.apply_configuration(**dict.fromkeys(names, max(1, limit))):
        yield
