"""A parsed document's body is written to the cache as where it starts in its text, not
a second time (issue 29): the body is the text's tail, and written whole it was a
seventh of the parsed shards' bytes at 5000 documents, which every build decodes. The
start is read from an untrusted file like the rest: one that does not fall in its text
is a damaged shard, whose documents are parsed again."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from soteneg.build.cache import parsed
from soteneg.build.cache.codec import CacheDamaged
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "content/kierrokset/2018-syksy/uusimaa.md"


def _entry() -> parsed.Any:
    source = SourceFile(DOCUMENT, (REPO / DOCUMENT).read_bytes())
    return parse_source(source, False, True)


def _stored(data: bytes) -> parsed._StoredParsed:
    ((_, stored),) = parsed._DECODER.decode(data).parsed.values()
    return stored


def test_a_body_is_written_once_as_where_it_starts_in_its_text() -> None:
    text, doc, problems = _entry()
    assert doc is not None and text is not None and len(doc.body) > 1000
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", (text, doc, problems))})
    tail = doc.body[-400:].encode()
    assert data.count(tail) == 1  # in the text only
    stored = _stored(data)
    assert stored.document is not None
    assert stored.document.body == len(text) - len(doc.body)
    ((made_of, (back_text, back, _)),) = parsed.decode_shard(data, "key").values()
    assert made_of == "made-of" and back_text == text
    assert back.body == doc.body and type(back.body) is str
    assert back == doc


@pytest.mark.parametrize("text", [None, "a text whose tail is not the body"])
def test_a_body_that_is_not_its_texts_tail_is_written_whole(text: str | None) -> None:
    _, doc, problems = _entry()
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", (text, doc, problems))})
    stored = _stored(data)
    assert stored.document is not None and stored.document.body == doc.body
    ((_, (_, back, _)),) = parsed.decode_shard(data, "key").values()
    assert back.body == doc.body


@pytest.mark.parametrize("start", [-1, "beyond", "no text"])
def test_a_start_outside_its_text_is_a_damaged_shard(start: int | str) -> None:
    text, doc, problems = _entry()
    assert text is not None
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", (text, doc, problems))})
    shard = parsed._DECODER.decode(data)
    ((made_of, stored),) = shard.parsed.values()
    assert stored.document is not None
    body = len(text) + 1 if start == "beyond" else 0 if start == "no text" else start
    document = msgspec.structs.replace(stored.document, body=body)
    forged = msgspec.structs.replace(
        stored, document=document, text=None if start == "no text" else stored.text
    )
    crafted = msgspec.structs.replace(shard, parsed={DOCUMENT: (made_of, forged)})
    with pytest.raises(CacheDamaged):
        parsed.decode_shard(parsed._ENCODER.encode(crafted), "key")
