"""The build cache's parsed documents: what content.parse_source made of each file,
with the key of the bytes and options it was made from.

Values whose Python type msgpack cannot say by itself (YAML front matter may hold dates,
and such keys) are written as msgpack extensions (see _tag), and a document's validated fields
are checked again by their pydantic model when read (see codec for the rest).
"""

from __future__ import annotations

import datetime as dt
from functools import cache, partial
from typing import Any

import msgspec
from msgspec.msgpack import Ext

from soteneg.build.cache.codec import FORMAT, CacheDamaged, decode
from soteneg.core.problems import Problem
from soteneg.markdown.blocks import Block
from soteneg.markdown.outline import Outline
from soteneg.markdown.prerendered import Prerendered, Rendering

# A front matter's positions: paths of keys that are strings and numbers (nearly all of
# them) as they are, which read back into a dict without a Python loop; any other path
# with its parts tagged.
_Positions = list[tuple[tuple[str | int, ...], tuple[int, int]]]
_TaggedPositions = list[tuple[list[Any], int, int]]  # (tagged path, line, column)


class _StoredPositions(msgspec.Struct, array_like=True, frozen=True):
    keys: _Positions
    values: _Positions
    other_keys: _TaggedPositions
    other_values: _TaggedPositions


class _StoredYaml(msgspec.Struct, array_like=True, frozen=True):
    value: Any  # see _tag
    # A _StoredPositions, undecoded: only a problem's location reads them (LaterYamlDoc),
    # of two or three documents an edit at 5000 documents. One that does not read back
    # is made again from the document's text, as its parse made them.
    positions: msgspec.Raw
    start: tuple[int, int]


class _StoredPrerendered(msgspec.Struct, array_like=True, frozen=True):
    themes: tuple[str, ...]
    section_keys: tuple[tuple[str, str], ...]
    # Read back by the few units a build renders (Prerendered.later): their HTML,
    # sections and links are half of what the documents hold. Undecoded, its shape is
    # checked when it is decoded, and a rendering that does not read back is a body
    # rendered whole (bodies, packets.plan), never a traceback.
    rendering: msgspec.Raw


class _StoredDocument(msgspec.Struct, array_like=True, frozen=True):
    id: str
    file: str
    meta: tuple[str, bytes] | None  # document type, its model's JSON
    front: _StoredYaml
    # The body, or where it starts in the entry's text: a body is the tail of its text
    # (content.loader.split_front_matter), and written whole it was a seventh of the
    # shards' bytes at 5000 documents, decoded again by every build.
    body: str | int
    body_line: int
    outline: Outline
    prerendered: _StoredPrerendered | None


class _StoredParsed(msgspec.Struct, array_like=True, frozen=True):
    text: str | None
    document: _StoredDocument | None
    problems: list[Problem]


class _ShardFile(msgspec.Struct, frozen=True):
    format: int
    key: str
    parsed: dict[str, tuple[str, _StoredParsed]]  # file -> (what it was parsed from, ...)


def encode_shard(key: str, parsed: dict[str, tuple[str, Any]]) -> bytes:
    stored = {  # by name: the pool parses the files in no fixed order
        name: (made_of, _store_parsed(entry))
        for name, (made_of, entry) in sorted(parsed.items())
        if _readable(entry)
    }
    return _ENCODER.encode(_ShardFile(FORMAT, key, stored))


def decode_shard(data: bytes, key: str) -> dict[str, tuple[str, Any]]:
    """Every entry of a shard, or CacheDamaged when any of them does not read back."""
    found: _ShardFile = decode(_DECODER, data, key)
    return {name: (made_of, _load_parsed(entry)) for name, (made_of, entry) in found.parsed.items()}


def _readable(parsed: Any) -> bool:
    """False for a document whose rendering, read from this cache, did not read back:
    it is not written again, so that the next build parses its file anew (this one
    renders its body whole)."""
    document = parsed[1]
    return document is None or document.prerendered is None or document.prerendered.readable()


def _store_parsed(parsed: Any) -> _StoredParsed:
    text, document, problems = parsed
    text = None if text is None else _apart(text)
    stored = None if document is None else _store_document(document, text)
    return _StoredParsed(text, stored, problems)


def _apart(text: str) -> str:
    """A copy of `text` for the encoder to write, when it is not ASCII. Encoding a string
    to UTF-8 leaves the UTF-8 bytes on the string (CPython keeps them for the string's
    life), and these strings live as long as the build, which holds the documents: the
    texts, bodies and HTML of 5000 documents so kept 52 MiB at the peak of a clean
    build. A copy dies with the shard; ASCII needs no bytes of its own. Short strings
    (titles, the outline's, the front matter's) keep theirs: a few MiB in all."""
    if text.isascii() or len(text) < 2:
        return text
    return text[:-1] + text[-1:]  # two parts: a new string (a whole slice is the same one)


def _blocks_apart(block: Block) -> Block:
    """A block with copies of its cells (`_apart`): the plain text of every paragraph
    and table cell of a section, as long as its text in all, whose UTF-8 bytes kept on
    the build's documents were 4 MiB more at the peak of a clean build of 5000
    documents, during the save."""
    return block._replace(cells=tuple(map(_apart, block.cells)))


def _store_prerendered(found: Prerendered | None) -> _StoredPrerendered | None:
    if found is None:
        return None
    whole = found.rendering
    rendering = whole._replace(
        html=_apart(whole.html),
        sections=tuple(
            (theme, title, _apart(html), _apart(text), tuple(map(_blocks_apart, blocks)))
            for theme, title, html, text, blocks in whole.sections
        ),
        print_html=None if whole.print_html is None else _apart(whole.print_html),
    )
    raw = msgspec.Raw(_ENCODER.encode(rendering))
    return _StoredPrerendered(found.themes, found.section_keys, raw)


def _load_prerendered(stored: _StoredPrerendered | None) -> Prerendered | None:
    if stored is None:
        return None
    # A copy: a view would keep the whole shard's bytes alive for the build.
    load = partial(_load_rendering, stored.rendering.copy())
    return Prerendered.later(stored.themes, stored.section_keys, load)


def _load_rendering(raw: msgspec.Raw) -> Rendering | None:
    try:
        return _RENDERING.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def _store_document(doc: Any, text: str | None) -> _StoredDocument:
    meta = None if doc.meta is None else (doc.meta.type, doc.meta.model_dump_json().encode())
    front = doc.front
    return _StoredDocument(
        doc.id,
        doc.file,
        meta,
        _StoredYaml(_tag(front.value), _store_front_positions(front), front.start),
        _body_of(doc.body, text),
        doc.body_line,
        _outline_in_order(doc.outline),
        _store_prerendered(doc.prerendered),
    )


def _body_of(body: str, text: str | None) -> str | int:
    if text is not None and text.endswith(body):
        return len(text) - len(body)
    return _apart(body)


def _outline_in_order(outline: Outline) -> Any:
    """The outline with its anchors, a set, sorted: a set's order differs between
    processes (PYTHONHASHSEED), and two builds of one tree write the same bytes. They
    read back as the set."""
    return outline._replace(anchors=tuple(sorted(outline.anchors)))


def _store_front_positions(front: Any) -> msgspec.Raw:
    # Positions read from this cache and never asked for go back as they came.
    kept = front.kept_if_unread() if isinstance(front, _content_types()[3]) else None
    if isinstance(kept, msgspec.Raw):
        return kept
    keys, values = _store_positions(front.keys), _store_positions(front.values)
    return msgspec.Raw(_ENCODER.encode(_StoredPositions(keys[0], values[0], keys[1], values[1])))


def _load_parsed(stored: _StoredParsed) -> Any:
    document = None if stored.document is None else _load_document(stored.document, stored.text)
    return stored.text, document, stored.problems


@cache
def _content_types() -> tuple[Any, Any, Any, Any, str]:
    # Imported here: the models load pydantic, which a build with nothing to do skips;
    # once, not for each of thousands of documents.
    from pydantic import ValidationError

    from soteneg.content.front_matter import DOCUMENT_MODELS, FROM_CACHE
    from soteneg.content.later_positions import LaterYamlDoc
    from soteneg.content.loader import Document

    return ValidationError, DOCUMENT_MODELS, Document, LaterYamlDoc, FROM_CACHE


def _load_document(stored: _StoredDocument, text: str | None) -> Any:
    ValidationError, DOCUMENT_MODELS, Document, LaterYamlDoc, from_cache = _content_types()
    meta = None
    if stored.meta is not None:
        kind, data = stored.meta
        model = DOCUMENT_MODELS.get(kind)
        if model is None:
            raise CacheDamaged(f"unknown document type {kind!r}")
        try:
            # JSON wrote what validated once; the context reads its forms back.
            meta = model.model_validate_json(data, context=from_cache)
        except ValidationError as err:
            raise CacheDamaged(str(err)) from None
    body = stored.body
    if isinstance(body, int):
        if text is None or not 0 <= body <= len(text):
            raise CacheDamaged(f"a body at {body} of no text of its length")
        body = text[body:]
    front = stored.front
    # A copy: a view would keep the whole shard's bytes alive for the build.
    raw = front.positions.copy()
    load = partial(_load_front_positions, raw, text, stored.file)
    yaml_doc = LaterYamlDoc(front.value, front.start, load, raw)
    return Document(
        stored.id,
        stored.file,
        meta,
        yaml_doc,
        body,
        stored.body_line,
        stored.outline,
        _load_prerendered(stored.prerendered),
    )


def _load_front_positions(raw: msgspec.Raw, text: str | None, file: str) -> Any:
    """A front matter's positions as its parse made them: from the cache, or when they
    do not read back, from the document's text parsed again."""
    try:
        stored = _POSITIONS.decode(raw)
        return (
            _load_positions(stored.keys, stored.other_keys),
            _load_positions(stored.values, stored.other_values),
        )
    except (msgspec.DecodeError, msgspec.ValidationError, CacheDamaged, TypeError):
        return _positions_of(text, file)


def _positions_of(text: str | None, file: str) -> Any:
    from soteneg.content.loader import split_front_matter
    from soteneg.content.yamlpos import parse_yaml

    split = None if text is None else split_front_matter(text, file)
    if not isinstance(split, tuple):
        return {}, {}  # no text to read them from: every problem at the front matter's start
    front, _ = parse_yaml(split[0], file, line_offset=1)
    return front.keys, front.values


def _store_positions(positions: dict[Any, tuple[int, int]]) -> tuple[_Positions, _TaggedPositions]:
    plain: _Positions = []
    other: _TaggedPositions = []
    for path, (line, column) in positions.items():
        # Exactly str and int: a bool is an int to Python, but not to msgpack.
        if all(type(part) is str or (type(part) is int and _fits(part)) for part in path):
            plain.append((path, (line, column)))
        else:
            other.append(([_tag(part) for part in path], line, column))
    return plain, other


def _load_positions(
    plain: _Positions, other: _TaggedPositions
) -> dict[tuple[Any, ...], tuple[int, int]]:
    found: dict[tuple[Any, ...], tuple[int, int]] = dict(plain)
    found.update({tuple(path): (line, col) for path, line, col in other})
    return found


# YAML values: what msgpack holds by itself (str, int, float, bool, None, bytes, lists,
# and maps of such keys) is written as it is; a date, a time, an integer beyond 64 bits
# and a map with such a key are a msgpack extension whose type says what it is, read
# back by the decoder's hook as the decoder meets it (a Python walk over every value of
# every front matter was a tenth of the cache's loading). No value can pass for another:
# an extension is a type of its own in msgpack.
_DATE, _DATETIME, _BIG, _MAP = 1, 2, 3, 4


def _fits(number: int) -> bool:
    """msgpack holds integers from -2**63 to 2**64 - 1; YAML's have no bound."""
    return -(2**63) <= number < 2**64


def _tag(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and not _fits(value):
        return Ext(_BIG, hex(value).encode())  # str() refuses numbers of over 4300 digits
    if value is None or isinstance(value, str | bool | int | float | bytes):
        return value
    if isinstance(value, list):
        return [_tag(item) for item in value]
    if isinstance(value, dict):
        items = [(_tag(k), _tag(v)) for k, v in value.items()]
        if not any(isinstance(k, Ext) for k, _ in items):
            return dict(items)
        return Ext(_MAP, _ENCODER.encode(items))  # an extension is no key of a map
    if isinstance(value, dt.datetime):
        return Ext(_DATETIME, value.isoformat().encode())
    if isinstance(value, dt.date):
        return Ext(_DATE, value.isoformat().encode())
    raise CacheDamaged(f"a value of type {type(value).__name__} cannot be cached")


def _untag(code: int, data: memoryview) -> Any:
    """The decoders' hook: an extension's value. What does not read back is the
    decoder's ValidationError, so the shard is damaged (codec.decode)."""
    try:
        if code == _MAP:
            return dict(_PAIRS.decode(data))
        text = bytes(data).decode("ascii")
        if code == _DATETIME:
            return dt.datetime.fromisoformat(text)
        if code == _DATE:
            return dt.date.fromisoformat(text)
        if code == _BIG:
            return int(text, 16)
    except (TypeError, ValueError) as err:  # an unhashable key; not a date
        raise msgspec.ValidationError(f"a value does not read back: {err}") from None
    raise msgspec.ValidationError(f"unknown extension {code}")


# In the order of the values as given, not in key order as codec's: a front matter's maps
# may have keys other than strings, which msgspec sorts not. Its sets are sorted here.
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(_ShardFile, ext_hook=_untag)
_RENDERING = msgspec.msgpack.Decoder(Rendering)
_POSITIONS = msgspec.msgpack.Decoder(_StoredPositions, ext_hook=_untag)
_PAIRS = msgspec.msgpack.Decoder(list[tuple[Any, Any]], ext_hook=_untag)
