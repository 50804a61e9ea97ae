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
from typing import Any

# Attached PDFs are drawn into packets: those checks stop decoding page contents after
# this many pages or seconds, so that `check` stays fast (pages are still counted).
PDF_PAGES_DECODED = 50
PDF_SECONDS = 5.0
# The filters of ISO 32000-2. Others (Brotli, made-up names) neither PDF/A packets nor
# most readers can show.
PDF_FILTERS = frozenset(
    {"/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85", "/LZWDecode", "/LZW", "/FlateDecode"}
    | {"/Fl", "/RunLengthDecode", "/RL", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode", "/Crypt"}
    | {"/DCTDecode", "/DCT", "/JPXDecode"}
)


ENCRYPTED = (
    "attachment-encrypted",
    "is encrypted: encrypted PDFs cannot be drawn into a packet; attach the unencrypted file",
)


def pdf_fault(data: bytes) -> tuple[str, str] | None:
    """(code, what is wrong) when an attached PDF could not be drawn into a packet; see
    `inspect`."""
    return inspect(data)[0]


def inspect(data: bytes) -> tuple[tuple[str, str] | None, int]:
    """(fault, pages): the fault is (code, what is wrong) when an attached PDF could not
    be drawn into a packet, else None; pages is how many it has (0 with a fault), for the
    print budget. It must open, not be encrypted, and every page needs a drawable box, a
    rotation by quarter turns and contents in standard filters that decode. Found here,
    at `check`, `build` never meets it. The file is untrusted and pypdf may raise
    anything on it, so what a pypdf call raises is a fault of the file, not a bug of
    ours."""
    from pypdf import PdfReader  # loaded only when a PDF is attached

    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            pages = None if reader.is_encrypted else list(reader.pages)
        except Exception as err:
            # Opening tries the empty password, and AES needs the `cryptography` package
            # for that: an encrypted file may fail here instead of saying it is encrypted.
            if b"/Encrypt" in data:
                return ENCRYPTED, 0
            return ("attachment-unreadable", f"cannot be read as a PDF ({_reason(err)})"), 0
        if pages is None:
            return ENCRYPTED, 0
        if not pages:
            return ("attachment-unreadable", "has no pages"), 0
        deadline = time.monotonic() + PDF_SECONDS
        for number, page in enumerate(pages, start=1):
            try:
                fault = _page_fault(page, deadline if number <= PDF_PAGES_DECODED else 0)
            except Exception as err:  # see above: the file's fault
                fault = f"cannot be read ({_reason(err)})"
            if fault:
                return ("attachment-unreadable", f"page {number} {fault}"), 0
    return None, len(pages)


def _entry(pdf_dict: Mapping[str, Any], key: str, default: Any = None) -> Any:
    # Not .get(): pypdf resolves indirect objects in [] only.
    return pdf_dict[key] if key in pdf_dict else default  # noqa: SIM401


def _page_fault(page: Mapping[str, Any], decode_until: float) -> str | None:
    """What keeps a page from being drawn; contents decoded only before `decode_until`."""
    from pypdf.generic import StreamObject

    for name in ("/MediaBox", "/CropBox"):  # pypdf copies them down the page tree
        box = _entry(page, name)
        wrong = _box_fault(box) if box is not None else None
        if wrong or (box is None and name == "/MediaBox"):
            return f"has a {name[1:]} {wrong}" if wrong else "has no MediaBox (page size)"
    rotate = _entry(page, "/Rotate", 0)
    if isinstance(rotate, bool) or not isinstance(rotate, int) or rotate % 90:
        return f"has /Rotate {_short(rotate)}: a page turns only by multiples of 90 degrees"
    contents = _entry(page, "/Contents", [])
    for stream in [c.get_object() for c in contents] if isinstance(contents, list) else [contents]:
        if not isinstance(stream, StreamObject):
            return "has contents that are not a stream"
        found = _entry(stream, "/Filter", [])
        filters = [f.get_object() for f in (found if isinstance(found, list) else [found])]
        for name in filters:
            if name == "/BrotliDecode":
                return (
                    "uses the Brotli filter, which cannot be read: it is not standard PDF "
                    "and most readers cannot show it (save the file again as standard PDF)"
                )
            if name not in PDF_FILTERS:
                return f"uses the filter {_short(name)}, which cannot be read"
        if time.monotonic() >= decode_until:
            continue
        # pypdf "repairs" Flate data zlib refuses one byte at a time: seconds a megabyte,
        # for a page drawn blank. Damaged data is refused before that.
        if filters[:1] in (["/FlateDecode"], ["/Fl"]) and not _inflates(stream._data):
            return "has damaged compressed contents (zlib cannot decompress them)"
        try:
            stream.get_data()
        except Exception as err:  # see pdf_fault: the file's fault
            return f"has contents that cannot be decoded ({_reason(err)})"
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


def _box_fault(box: object) -> str | None:
    found = [_number(n.get_object()) for n in box] if isinstance(box, list) else []
    numbers = [n for n in found if n is not None]
    if len(found) != 4 or len(numbers) != 4:
        return f"that is not four numbers: {_short(box)}"
    left, bottom, right, top = numbers  # in the order pdf.py draws in
    for size, what in ((right - left, "width"), (top - bottom, "height")):
        if size == 0:
            return f"of zero {what}"
        if size < 0:
            return f"of negative {what} (its corners are in reverse order)"
        if size < 1:  # drawn to fit a page, it would be scaled by more than a thousand
            return f"{size:g} points in {what}, too small to draw"
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
