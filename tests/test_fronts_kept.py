"""The digest of every front matter (content.graph.fronts_of) made of each document's
part kept across checks in one Warm (as the preview's saves keep it,
content.warm.Warm.front_part) is the digest made whole: after a body edit (the same
digest), a front matter edit, a document made invalid and valid again, one added and
one deleted. A part kept under the file alone would keep the old front matter, and
with it the site-wide rules' problems, the print budgets' and the links' of the last
check."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from conftest import MINIMAL
from test_site import project

from soteneg.build.cache import Cache
from soteneg.content import crossref
from soteneg.content.graph import front_part, fronts_of
from soteneg.content.loader import Document
from soteneg.content.warm import Warm
from soteneg.pipeline import check

DOC = "content/kierrokset/2018-syksy/uusimaa.md"
NEW = "content/tiedotteet/toinen.md"


def test_a_digest_of_kept_parts_is_the_whole_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, MINIMAL)
    doc = root / DOC
    text = doc.read_text(encoding="utf-8")
    news = (root / "content/tiedotteet/uutinen.md").read_text(encoding="utf-8")
    assert "## " in text and "\ntitle:" in text
    digests: list[tuple[str, str]] = []
    used: list[bool] = []

    def both(content: Any, keys: Any, context: str, kept: Any = None) -> str:
        found = fronts_of(content, keys, context, kept)
        digests.append((found, fronts_of(content, keys, context)))
        used.append(kept is not None)
        return found

    monkeypatch.setattr(crossref, "fronts_of", both)
    edits = [
        ("the body", False, lambda: doc.write_text(text.replace("\n## ", "\nLisää.\n\n## ", 1))),
        ("the title", True, lambda: doc.write_text(text.replace("\ntitle:", "\ntitle: X", 1))),
        ("invalid", True, lambda: doc.write_text(text.replace("\ntitle:", "\nnope: 1\ntitle:", 1))),
        ("valid again", True, lambda: doc.write_text(text)),
        ("one added", True, lambda: (root / NEW).write_text(news, "utf-8")),
        ("one deleted", True, lambda: (root / NEW).unlink()),
    ]
    warm, cache = Warm(), Cache("test")
    check(root, cache, html=True, pdf=False, warm=warm)
    for name, changes, edit in edits:
        edit()
        check(root, cache, html=True, pdf=False, warm=warm)
        got, want = digests[-1]
        assert got == want, name
        assert (want != digests[-2][1]) == changes, name
    assert all(used)  # the preview's path: every part through the Warm


def test_a_front_part_is_kept_under_the_document_itself_and_what_else_it_reads() -> None:
    """Warm.front_part: made again for another object of the same file (a save parsed
    it again), for another text and for another validity; forgotten with its document."""
    warm = Warm()
    doc = cast(Document, SimpleNamespace(file=DOC, body="body\n"))
    whole = "---\ntitle: a\n---\nbody\n"
    made: list[bytes] = []

    def make(d: Document, reads: tuple[str, bool]) -> bytes:
        made.append(front_part(d, reads))
        return made[-1]

    first = warm.front_part(doc, (whole, True), make)
    assert warm.front_part(doc, (whole, True), make) == first and len(made) == 1
    other = warm.front_part(doc, ("---\ntitle: b\n---\nbody\n", True), make)
    assert other != first and len(made) == 2
    assert warm.front_part(doc, (whole, False), make) not in (first, other)
    again = cast(Document, SimpleNamespace(file=DOC, body="\n"))
    assert warm.front_part(again, (whole, False), make) != made[-2] and len(made) == 4
    assert DOC in warm.kept()
    warm.keep_only([], [])
    assert warm.kept() == frozenset()
