"""`soteneg translated FILE` and `soteneg status --translations`: stamp a translation
with the version of its original, and list every translation's state. The rules are
in content.freshness; here only what the commands need: finding the documents and
writing the stamp into the front matter without touching anything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from soteneg.content.freshness import Translation
from soteneg.content.loader import Document

FIELD = "original_version"
_FENCE = re.compile(r"^---[ \t]*$", re.M)
_LINE = re.compile(rf"^{FIELD}[ \t]*:.*$", re.M)
_AFTER = re.compile(r"^translation_of[ \t]*:.*$", re.M)


class StampError(Exception):
    """What stops a stamp; the command line reports it as a usage error."""


def stamped(text: str, version: str) -> str:
    """`text` (a document with front matter) with `original_version: <version>`: the
    existing line replaced, else a new line after `translation_of:`. Every other byte
    stays as written, comments and order included."""
    opening = _FENCE.match(text.lstrip("\ufeff"))
    if opening is None:
        raise StampError("the file does not start with front matter")
    offset = len(text) - len(text.lstrip("\ufeff"))
    closing = _FENCE.search(text, offset + opening.end())
    if closing is None:
        raise StampError("the front matter has no closing '---'")
    front = text[offset + opening.end() : closing.start()]
    line = f"{FIELD}: {version}"
    if _LINE.search(front):
        front = _LINE.sub(line, front, count=1)
    else:
        anchor = _AFTER.search(front)
        if anchor is None:
            raise StampError("the front matter has no translation_of line")
        front = f"{front[: anchor.end()]}\n{line}{front[anchor.end() :]}"
    return text[: offset + opening.end()] + front + text[closing.start() :]


def find(documents: Sequence[Document], file: str) -> Document:
    """The document of `file` (a path from the project root, or under content/)."""
    wanted = file.removeprefix("./")
    for doc in documents:
        if wanted in (doc.file, doc.file.removeprefix("content/")):
            return doc
    raise StampError(f"{file} is not a valid document of this project (run `soteneg check`)")


def status_rows(found: Sequence[Translation]) -> list[tuple[str, str, str, str]]:
    """(original, language, state, translation file or "") for each, in order."""
    return [
        (t.original.file, t.lang, t.state, t.translation.file if t.translation else "")
        for t in found
    ]
