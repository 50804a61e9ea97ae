"""Attached PDFs, opened at check time: is each one something a packet can draw?

Packets draw an attachment's pages into their own (pdf.draw_appendices). A file that
cannot be drawn (encrypted, a page without a usable box, an odd rotation, a filter no
reader knows, contents that do not decode) must be a located problem at `check`, not a
traceback in the middle of printing. The file is untrusted: whatever pypdf raises on it
is the file's fault.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple

from soteneg.content.pdf_active import active_content
from soteneg.content.pdf_size import Budget, Damaged, budgeted, decoded_size, limited
from soteneg.core.text import Text, decimal, number, say, verbatim

# The contents of every page are decoded, counting bytes without keeping them: one
# page may decode to this much, and all of them together to this much. A page of text
# is tens of kilobytes, a detailed map a few megabytes; a bomb of 64 kB is 64 MiB. The
# limits bound the time too: zlib inflates 256 MiB in about a second. (Before, only the
# first 50 pages or 5 s were decoded, and a bomb on page 55 passed.)
PDF_PAGE_BYTES = 64 * 1024 * 1024
PDF_FILE_BYTES = 256 * 1024 * 1024
# Objects looked at for active content: pypdf reads about 40,000 a second, and a tagged
# report of a few hundred pages has some tens of thousands (one for each paragraph).
PDF_OBJECTS = 100_000
# The filters of ISO 32000-2. Others (Brotli, made-up names) neither PDF/A packets nor
# most readers can show.
PDF_FILTERS = frozenset(
    {"/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85", "/LZWDecode", "/LZW", "/FlateDecode"}
    | {"/Fl", "/RunLengthDecode", "/RL", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode", "/Crypt"}
    | {"/DCTDecode", "/DCT", "/JPXDecode"}
)


class Fault(NamedTuple):
    """What is wrong with a PDF: the file's name goes before the phrase ("'a.pdf' has no
    pages") in the message of `code`."""

    code: str  # attachment-encrypted, attachment-unreadable, attachment-active
    reason: Text
    number: int = 0  # attachment-active: the object it was found in


def _encrypted(drawn: bool) -> Fault:
    why = say("@pdf-encrypted") if drawn else say("@pdf-encrypted-link")
    return Fault("attachment-encrypted", why)


def inspect(data: bytes, drawn: bool = True) -> tuple[Fault | None, int]:
    """(fault, pages): the fault is (code, what is wrong) when a PDF could not be
    published or, `drawn` (an attachment), drawn into a packet, else None; pages is how
    many it has (0 with a fault or not `drawn`), for the print budget. It must open, not
    be encrypted and hold no active content (pdf_active.py); to be drawn, every page
    needs a drawable box, a rotation by quarter turns and contents in standard filters
    that decode. Found here, at `check`, `build` never meets it. The file is untrusted
    and pypdf may raise anything on it, so what a pypdf call raises is a fault of the
    file, not a bug of ours."""
    from pypdf import PdfReader  # loaded only when a PDF is attached

    # What pypdf decodes on its own, cross-reference streams while it opens the file and
    # object streams as objects are looked at, is measured first and counted against
    # one budget for the file: 310 cross-reference streams of 63 MiB each (under the
    # limit of one) made `check` take 2 min 38 s, and passed.
    streams = Budget(PDF_FILE_BYTES, PDF_PAGE_BYTES)
    with _quiet("pypdf"), limited(PDF_PAGE_BYTES):
        try:
            with budgeted(streams):
                reader = PdfReader(io.BytesIO(data), strict=False)
                encrypted = reader.is_encrypted
        except Exception as err:
            if streams.over or streams.damaged:
                return _streams_fault(streams), 0
            # Opening tries the empty password, and AES needs the `cryptography` package
            # for that: an encrypted file may fail here instead of saying it is encrypted.
            if b"/Encrypt" in data:
                return _encrypted(drawn), 0
            return _unreadable(say("@pdf-unreadable", detail=_reason(err))), 0
        if streams.over or streams.damaged:
            return _streams_fault(streams), 0
        if encrypted:
            return _encrypted(drawn), 0
        try:
            with budgeted(streams):
                fault = _active(reader)
                pages = list(reader.pages) if fault is None and drawn else []
        except Exception as err:  # see above: the file's fault
            if streams.over or streams.damaged:
                return _streams_fault(streams), 0
            return _unreadable(say("@pdf-unreadable", detail=_reason(err))), 0
        if streams.over or streams.damaged:  # pypdf may have gone on without them
            return _streams_fault(streams), 0
        if fault is not None or not drawn:
            return fault, 0
        if not pages:
            return _unreadable(say("@pdf-no-pages")), 0
        budget = [PDF_FILE_BYTES]  # what the pages may still decode to, together
        for page_number, page in enumerate(pages, start=1):
            try:
                fault = _page_fault(page, budget)
            except Exception as err:  # see above: the file's fault
                fault = say("@pdf-page-unreadable", detail=_reason(err))
            if fault:
                return _unreadable(say("@pdf-page", page=page_number, fault=fault)), 0
            if budget[0] < 0:
                limit = _mib(PDF_FILE_BYTES)
                return _unreadable(say("@pdf-pages-expand", limit=limit, page=page_number)), 0
    return None, len(pages)


def _active(reader: Any) -> Fault | None:
    """Too many objects to look at, or the first active thing found among them."""
    count = len({n for numbers in reader.xref.values() for n in numbers} | set(reader.xref_objStm))
    if count > PDF_OBJECTS:
        return _unreadable(
            say("@pdf-too-many-objects", count=number(count), limit=number(PDF_OBJECTS))
        )
    found = active_content(reader)
    return None if found is None else Fault("attachment-active", *found)


def _streams_fault(streams: Budget) -> Fault:
    """The cross-reference and object streams went past their budget, or one of them
    holds Flate data zlib refuses."""
    if streams.damaged:
        return _unreadable(say("@pdf-streams-damaged"))
    one, together = _mib(PDF_PAGE_BYTES), _mib(PDF_FILE_BYTES)
    return _unreadable(say("@pdf-objects-expand", one=one, all=together))


def _unreadable(reason: Text) -> Fault:
    return Fault("attachment-unreadable", reason)


def _entry(pdf_dict: Mapping[str, Any], key: str, default: Any = None) -> Any:
    # Not .get(): pypdf resolves indirect objects in [] only.
    return pdf_dict[key] if key in pdf_dict else default  # noqa: SIM401


def _page_fault(page: Mapping[str, Any], budget: list[int]) -> Text | None:
    """What keeps a page from being drawn. Its contents are decoded within
    PDF_PAGE_BYTES and what is left of the file's `budget`, which they use up; past the
    file's budget, `budget` goes below zero."""
    from pypdf.generic import StreamObject

    for name in ("/MediaBox", "/CropBox"):  # pypdf copies them down the page tree
        box = _entry(page, name)
        if box is None and name == "/MediaBox":
            return say("@pdf-no-mediabox")
        wrong = _box_fault(box, name[1:]) if box is not None else None
        if wrong:
            return wrong
    rotate = _entry(page, "/Rotate", 0)
    if isinstance(rotate, bool) or not isinstance(rotate, int) or rotate % 90:
        return say("@pdf-rotate", value=_short(rotate))
    contents = _entry(page, "/Contents", [])
    streams = [c.get_object() for c in contents] if isinstance(contents, list) else [contents]
    decoded = packed = 0  # this page's contents, decoded and as they are in the file
    for stream in streams:
        if not isinstance(stream, StreamObject):
            return say("@pdf-contents-not-stream")
        found = _entry(stream, "/Filter", [])
        filters = [f.get_object() for f in (found if isinstance(found, list) else [found])]
        for name in filters:
            if name == "/BrotliDecode":
                return say("@pdf-brotli")
            if name not in PDF_FILTERS:
                return say("@pdf-filter", name=_short(name))
        page_left = PDF_PAGE_BYTES - decoded
        limit = min(page_left, budget[0])
        try:
            size, work = decoded_size(stream, filters, limit)
        except Damaged:
            return say("@pdf-damaged-flate")
        except Exception as err:  # see inspect: the file's fault
            return say("@pdf-undecodable", detail=_reason(err))
        budget[0] -= work
        decoded, packed = decoded + size, packed + len(stream._data)
        if size > page_left:
            return say("@pdf-page-expands", limit=_mib(PDF_PAGE_BYTES), packed=_size(packed))
        if size > limit:  # past the file's budget: the caller says so
            budget[0] = -1
            return None
    return None


def _box_fault(box: object, name: str) -> Text | None:
    """What is wrong with the page box `name` (MediaBox, CropBox), or None."""
    found = [_number(n.get_object()) for n in box] if isinstance(box, list) else []
    numbers = [n for n in found if n is not None]
    if len(found) != 4 or len(numbers) != 4:
        return say("@pdf-box-not-numbers", box=name, value=_short(box))
    left, bottom, right, top = numbers  # in the order pdf.py draws in
    for size, side in ((right - left, say("@pdf-width")), (top - bottom, say("@pdf-height"))):
        if size == 0:
            return say("@pdf-box-zero", box=name, side=side)
        if size < 0:
            return say("@pdf-box-negative", box=name, side=side)
        if size < 1:  # drawn to fit a page, it would be scaled by more than a thousand
            return say("@pdf-box-too-small", box=name, side=side, size=f"{size:g}")
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)  # a 400-digit integer does not fit
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _mib(size: int) -> Text:
    return number(size // (1024 * 1024)) + verbatim(" MiB")


def _size(size: int) -> Text:
    if size >= 104858:
        return decimal(f"{size / 1048576:.1f}") + verbatim(" MiB")
    return decimal(f"{size / 1024:.1f}") + verbatim(" KiB")


def _reason(err: Exception) -> str:
    return _short(f"{type(err).__name__}: {err}")


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """pypdf logs what it repairs in a broken file; the problem line says enough."""
    logger = logging.getLogger(name)
    before = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(before)
