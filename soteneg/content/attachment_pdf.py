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
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple

from soteneg.content.pdf_active import active_content
from soteneg.core.text import Text, number, say

# Attached PDFs are drawn into packets: those checks stop decoding page contents after
# this many pages or seconds, so that `check` stays fast (pages are still counted).
PDF_PAGES_DECODED = 50
PDF_SECONDS = 5.0
# Objects looked at for active content: pypdf reads about 35,000 a second, and a tagged
# report of a few hundred pages has some tens of thousands (one for each paragraph).
PDF_OBJECTS = 200_000
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


def pdf_fault(data: bytes) -> Fault | None:
    """(code, what is wrong) when an attached PDF could not be drawn into a packet; see
    `inspect`."""
    return inspect(data)[0]


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

    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            encrypted = reader.is_encrypted
        except Exception as err:
            # Opening tries the empty password, and AES needs the `cryptography` package
            # for that: an encrypted file may fail here instead of saying it is encrypted.
            if b"/Encrypt" in data:
                return _encrypted(drawn), 0
            return _unreadable(say("@pdf-unreadable", detail=_reason(err))), 0
        if encrypted:
            return _encrypted(drawn), 0
        try:
            fault = _active(reader)
            pages = list(reader.pages) if fault is None and drawn else []
        except Exception as err:  # see above: the file's fault
            return _unreadable(say("@pdf-unreadable", detail=_reason(err))), 0
        if fault is not None or not drawn:
            return fault, 0
        if not pages:
            return _unreadable(say("@pdf-no-pages")), 0
        deadline = time.monotonic() + PDF_SECONDS
        for page_number, page in enumerate(pages, start=1):
            try:
                fault = _page_fault(page, deadline if page_number <= PDF_PAGES_DECODED else 0)
            except Exception as err:  # see above: the file's fault
                fault = say("@pdf-page-unreadable", detail=_reason(err))
            if fault:
                return _unreadable(say("@pdf-page", page=page_number, fault=fault)), 0
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


def _unreadable(reason: Text) -> Fault:
    return Fault("attachment-unreadable", reason)


def _entry(pdf_dict: Mapping[str, Any], key: str, default: Any = None) -> Any:
    # Not .get(): pypdf resolves indirect objects in [] only.
    return pdf_dict[key] if key in pdf_dict else default  # noqa: SIM401


def _page_fault(page: Mapping[str, Any], decode_until: float) -> Text | None:
    """What keeps a page from being drawn; contents decoded only before `decode_until`."""
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
    for stream in [c.get_object() for c in contents] if isinstance(contents, list) else [contents]:
        if not isinstance(stream, StreamObject):
            return say("@pdf-contents-not-stream")
        found = _entry(stream, "/Filter", [])
        filters = [f.get_object() for f in (found if isinstance(found, list) else [found])]
        for name in filters:
            if name == "/BrotliDecode":
                return say("@pdf-brotli")
            if name not in PDF_FILTERS:
                return say("@pdf-filter", name=_short(name))
        if time.monotonic() >= decode_until:
            continue
        # pypdf "repairs" Flate data zlib refuses one byte at a time: seconds a megabyte,
        # for a page drawn blank. Damaged data is refused before that.
        if filters[:1] in (["/FlateDecode"], ["/Fl"]) and not _inflates(stream._data):
            return say("@pdf-damaged-flate")
        try:
            stream.get_data()
        except Exception as err:  # see pdf_fault: the file's fault
            return say("@pdf-undecodable", detail=_reason(err))
    return None


def _inflates(raw: bytes) -> bool:
    """What pypdf tries before its slow repair: the data, then without up to 8 bytes of
    the junk old PDF writers left at the end."""
    for cut in range(max(1, min(9, len(raw)))):
        try:
            zlib.decompressobj().decompress(raw[: len(raw) - cut], 1 << 26)
            return True
        except zlib.error:
            continue
    return False


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
