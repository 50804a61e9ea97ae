"""Writing the parsed cache leaves the build's documents as they were: encoding a
string to UTF-8 keeps the bytes on the string in CPython, and the build holds every
document to its end, so the texts, bodies and HTML of 5000 documents grew by 52 MiB
at the peak of a clean build (issue 29), the sections' blocks by 4 MiB more. The encoder
gets copies of them instead."""

from __future__ import annotations

import sys
from pathlib import Path

from soteneg.build.cache import parsed
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "content/kierrokset/2018-syksy/uusimaa.md"


def _strings(entry: parsed.Any) -> list[str]:
    text, doc, _ = entry
    found = doc.prerendered
    assert found is not None and found.sections
    # (A section's title is its heading's too, in the outline: short, left as it is.)
    sections = [s for _, _, html, plain, _ in found.sections for s in (html, plain)]
    # Each block's cells: the plain text of a section again, paragraph by paragraph.
    cells = [c for *_, blocks in found.sections for block in blocks for c in block.cells]
    assert found.print_html is not None
    return [text, doc.body, found.html, found.print_html, *sections, *cells]


def test_encoding_a_shard_leaves_no_utf8_bytes_on_the_documents() -> None:
    source = SourceFile(DOCUMENT, (REPO / DOCUMENT).read_bytes())
    entry = parse_source(source, False, True, for_print=True)
    strings = _strings(entry)
    assert any(not s.isascii() for s in strings)  # Finnish: the case that keeps bytes
    sizes = [sys.getsizeof(s) for s in strings]
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", entry)})
    assert [sys.getsizeof(s) for s in strings] == sizes
    ((made_of, back),) = parsed.decode_shard(data, "key").values()
    assert made_of == "made-of"
    assert _strings(back) == strings
    assert back[1].prerendered == entry[1].prerendered
