"""The build cache's values a check derives from each parsed document alone (content.warm):
its file references, its placeholder warnings, the lines its chapter prints besides its
body, and its part of the links key. Each is a pure function of the Document, and the
Document of its file's parse key (content.loader.parse_key: the bytes and the options),
so an entry is kept under that key and used only for a document parsed under it; the
file as a whole is kept under the cache's key (the code and the options), as every
state file. A fresh process computed them for every document of every check: 0.15 CPU s
of an edit at 5000 documents.

Data only, read with the validating decoder of `codec`: an entry that does not decode
exactly makes the file none (then every value is derived again).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from soteneg.build.cache.codec import FORMAT, decode
from soteneg.core.problems import Problem

Kind = Literal["attachment", "image", "link"]  # content.attachments.Kind
Count = Annotated[int, msgspec.Meta(ge=0)]
# A chapter's lines: finite (NaN or infinity would end the budgets' arithmetic in a
# traceback) and no more than a body of STATE_LIMIT bytes could print.
Lines = Annotated[float, msgspec.Meta(ge=0, le=2**32)]


class StoredRef(msgspec.Struct, array_like=True, frozen=True):
    """A content.attachments.FileRef without its document, and without its path under
    content/, which is made again from what was written (a cache file names no path to
    read)."""

    written: str
    line: Count
    column: Count
    kind: Kind
    prints: Count


class Derived(msgspec.Struct, array_like=True, frozen=True):
    """What a check derived from one document parsed under `made_of`; None where it
    did not (a value a check asks only of some documents)."""

    made_of: str  # the parse key of the document they were derived from
    refs: tuple[StoredRef, ...] | None
    placeholders: tuple[Problem, ...] | None
    lines: Lines | None  # packets.budgets.chapter_lines
    part: bytes | None  # build.content_links.outline_part


class _DerivedFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    documents: dict[str, Derived]  # document file -> its values


_ENCODER = msgspec.msgpack.Encoder(order="deterministic")  # as codec's
_DECODER = msgspec.msgpack.Decoder(_DerivedFile)


def encode_derived(key: str, documents: dict[str, Derived]) -> bytes:
    return _ENCODER.encode(_DerivedFile(FORMAT, key, documents))


def decode_derived(data: bytes, key: str) -> dict[str, Derived]:
    """The entries, or codec.CacheDamaged."""
    return dict(decode(_DECODER, data, key).documents)
