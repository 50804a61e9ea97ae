"""How large a PDF stream is when decoded: measured within a limit, never kept whole.

A few kilobytes of Flate data can inflate to gigabytes (a decompression bomb), so the
size is counted as the data comes out of zlib, a megabyte at a time, and counting stops
past the limit: the cost is bounded by the limit, not by what the file claims.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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


class Budget:
    """Bytes that the streams pypdf decodes by itself (cross-reference streams while it
    opens a file, object streams) may decode to, together, in one file; and whether one
    went past it (`over`: bytes, `damaged`: Flate data zlib refuses)."""

    def __init__(self, total: int, one: int) -> None:
        self.left = total
        self.one = one  # what one stream may decode to
        self.over = False
        self.damaged = False

    def spend(self, work: int, size: int, limit: int) -> bool:
        """Count `work`; whether the budget still holds, given a stream of `size` that
        may be `limit` at most."""
        self.left -= work
        if size > limit or self.left < 0:
            self.over = True
        return not self.over


_BUDGET: ContextVar[Budget | None] = ContextVar("soteneg_pdf_budget", default=None)


@contextmanager
def budgeted(budget: Budget) -> Iterator[None]:
    """Every stream pypdf decodes by itself in this thread, while inside, is measured
    first (as `decoded_size` does, without keeping it) and counted against `budget`;
    past it, or on Flate data zlib refuses, pypdf is told the limit is reached and the
    budget says so. pypdf swallows some of what its decoding raises while it opens a
    file (it stops reading older cross-reference sections), so the caller asks the
    budget, not for an exception. The data is then decoded again by pypdf: at most
    twice the budget in all."""
    _hook()
    token = _BUDGET.set(budget)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _hook() -> None:
    """Put `_decode` in front of pypdf's decoding of stream data, once. Without a budget
    in the current context it only passes the stream on: other threads (the preview's
    printing) decode as before."""
    from pypdf import filters

    if getattr(filters.decode_stream_data, "_soteneg_original", None) is not None:
        return
    original = filters.decode_stream_data

    def _decode(stream: Any) -> bytes:
        budget = _BUDGET.get()
        if budget is None:
            return original(stream)
        return _decode_within(stream, budget, original)

    _decode._soteneg_original = original  # type: ignore[attr-defined]
    filters.decode_stream_data = _decode


def _decode_within(stream: Any, budget: Budget, original: Any) -> bytes:
    from pypdf.errors import LimitReachedError

    if budget.over or budget.damaged:
        raise LimitReachedError("soteneg: the file's budget for decoding is spent")
    limit = max(0, min(budget.one, budget.left))
    found = stream["/Filter"] if "/Filter" in stream else []  # noqa: SIM401 (resolves)
    filters = [f.get_object() for f in (found if isinstance(found, list) else [found])]
    if filters and filters[0] in ("/FlateDecode", "/Fl"):
        # Flate first (with a predictor, often): measure the inflating, which is most
        # of the work and no less than what comes out of the rest.
        try:
            size, work = _inflated_size(stream._data, limit)
        except Damaged:
            budget.damaged = True
            raise LimitReachedError("soteneg: damaged Flate data") from None
        if not budget.spend(work, size, limit):
            raise LimitReachedError("soteneg: the file's budget for decoding is spent")
        with limited(limit):
            return original(stream)  # type: ignore[no-any-return]
    try:
        # pypdf would repair damaged Flate data further down the chain a byte at a time,
        # for seconds a stream: not here.
        with limited(limit), _no_repair():
            data: bytes = original(stream)
    except LimitReachedError:
        budget.spend(limit, limit + 1, limit)
        raise
    if not budget.spend(len(data), len(data), limit):
        raise LimitReachedError("soteneg: the file's budget for decoding is spent")
    return data


@contextmanager
def _no_repair() -> Iterator[None]:
    from pypdf import _configuration

    with _configuration.apply_configuration(zlib_maximum_recovery_input_length=1):
        yield
