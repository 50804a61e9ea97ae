"""`soteneg translated FILE` and `soteneg status --translations`: stamp a translation
with the version of its original, and list every translation's state. The rules are
in content.freshness; here only what the commands need: finding the documents and
writing the stamp into the front matter without touching anything else.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from pathlib import Path

from soteneg.content.freshness import Translation
from soteneg.content.loader import Document
from soteneg.core.text import Text, say

FIELD = "original_version"
# Line ends may be CRLF: `$` matches before "\n", so "\r" is allowed before it, and
# values stop at either character.
_FENCE = re.compile(r"^---[ \t]*\r?$", re.M)
_LINE = re.compile(rf"^{FIELD}[ \t]*:(?P<value>[^\r\n]*)", re.M)
_AFTER = re.compile(r"^translation_of[ \t]*:(?P<value>[^\r\n]*)", re.M)


class StampError(Exception):
    """What stops a stamp, in every language; the command line reports it as a usage
    error."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def stamped(text: str, version: str) -> str:
    """`text` (a document with front matter) with `original_version: "<version>"`: the
    existing line replaced, else a new line after `translation_of:`. Every other byte
    stays as written: comments, order, and the file's own line ends. Quoted, since a
    version of twelve decimal digits would otherwise be read as a number."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]  # `^` does not match at a start position given to match()
    opening = _FENCE.match(body)
    if opening is None:
        raise StampError(say("@translated.no-front-matter"))
    closing = _FENCE.search(body, opening.end())
    if closing is None:
        raise StampError(say("@translated.unterminated"))
    front = body[opening.end() : closing.start()]
    line = f'{FIELD}: "{version}"'
    newline = "\r\n" if "\r\n" in body[: closing.end() + 2] else "\n"
    found = _LINE.search(front) or _AFTER.search(front)
    if found is None:
        raise StampError(say("@translated.no-translation-of"))
    value = found.group("value").strip()
    if not value or value.startswith("#"):
        # The value sits on the lines below (a block); a line placed here would split it.
        key = found.group().split(":", 1)[0]
        raise StampError(say("@translated.value-below", key=key))
    if found.re is _LINE:
        front = front[: found.start()] + line + front[found.end() :]
    else:
        front = f"{front[: found.end()]}{newline}{line}{front[found.end() :]}"
    return bom + body[: opening.end()] + front + body[closing.start() :]


def find(documents: Sequence[Document], file: str, root: Path | None = None) -> Document:
    """The document of `file`: a path from the project root, under content/, or (with
    `root`) any path to it, absolute or from the current folder."""
    wanted = {file.removeprefix("./")}
    if root is not None:
        with contextlib.suppress(ValueError, OSError):
            wanted.add(Path(file).absolute().resolve().relative_to(root.resolve()).as_posix())
    for doc in documents:
        if wanted & {doc.file, doc.file.removeprefix("content/")}:
            return doc
    raise StampError(say("@translated.not-a-document", file=file))


def status_rows(found: Sequence[Translation]) -> list[tuple[str, str, str, str]]:
    """(original, language, state, translation file or "") for each, in order."""
    return [
        (t.original.file, t.lang, t.state, t.translation.file if t.translation else "")
        for t in found
    ]
