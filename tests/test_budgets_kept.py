"""The print budgets' key made of each document's part kept across checks in one Warm
(as the preview's saves keep it, content.warm.Warm.packet_part) is the key made whole,
after every edit of what a part reads: a chapter that grows, a table added or moved
down, an attached PDF or an image replaced while the document's bytes stay the same,
duplex printing turned on and off. A part kept without one of these would keep the old
page count, and the key with it: a kept key equal to the last would hand back the last
check's problems of the packets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from test_budgets import _pdf
from test_incremental_budgets import BUDGETS, FOLDER, PARAGRAPH, _png
from test_site import GOLDEN_SITE, project

from soteneg.build.cache import Cache
from soteneg.content.loader import Document
from soteneg.content.warm import Warm
from soteneg.packets import budgets
from soteneg.pipeline import check

DOC = "content/kierrokset/2018-syksy/uusimaa.md"


def _edits(root: Path) -> list[tuple[str, Callable[[], object]]]:
    doc = root / DOC
    text = doc.read_text(encoding="utf-8")
    table = "| a | b |\n|---|---|\n" + "".join(f"| {n} | {n} |\n" for n in range(30))
    at = text.index("\n---\n", 4) + len("\n---\n")
    config = root / "site.yaml"
    plain = config.read_text(encoding="utf-8")
    return [
        ("an image taller", lambda: (root / FOLDER / "kaavio.png").write_bytes(_png(300, 6000))),
        ("a PDF longer", lambda: (root / FOLDER / "uusimaa-raportti.pdf").write_bytes(_pdf(7))),
        ("a chapter longer", lambda: doc.write_text(text + "\n\n" + PARAGRAPH * 9, "utf-8")),
        ("a table added", lambda: doc.write_text(text + "\n\n" + table, "utf-8")),
        ("the table moved down", lambda: doc.write_text(text[:at] + "\n" + text[at:] + table)),
        ("duplex on", lambda: config.write_text(plain + "packet_duplex: true\n", "utf-8")),
        ("duplex off", lambda: config.write_text(plain, "utf-8")),
        ("an image shorter", lambda: (root / FOLDER / "kaavio.png").write_bytes(_png(300, 10))),
    ]


def test_a_key_of_kept_parts_is_the_whole_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    with (root / "site.yaml").open("a", encoding="utf-8") as site:
        site.write(BUDGETS)
    whole = budgets._packets_key
    keys: list[tuple[str, str]] = []
    kept_parts: list[int] = []

    def both(fronts: str, content: Any, pages: Any, kept: Any = None) -> str:
        made: list[str] = []

        def counted(doc: Any, reads: object, make: Any) -> bytes:
            made.append(doc.file)
            return bytes(kept(doc, reads, make))

        found = whole(fronts, content, pages, counted if kept else None)
        keys.append((found, whole(fronts, content, pages)))
        kept_parts.append(len(made))
        return found

    monkeypatch.setattr(budgets, "_packets_key", both)
    warm, cache = Warm(), Cache("test")
    check(root, cache, html=True, pdf=False, warm=warm)
    for name, edit in _edits(root):
        edit()
        check(root, cache, html=True, pdf=False, warm=warm)
        got, want = keys[-1]
        assert got == want, name
        assert want != keys[-2][1], name  # the edit did change what the key reads
    assert all(kept_parts)  # the preview's path: every part through the Warm


def test_a_part_is_kept_under_the_document_itself_and_what_else_it_reads() -> None:
    """Warm.packet_part: made again for another object of the same file (a save parsed
    it again) and for other reads; forgotten with its document."""
    warm = Warm()
    made: list[bytes] = []

    def make(doc: Document) -> bytes:
        made.append(b"x")
        return b"%d" % len(made)

    doc = cast(Document, SimpleNamespace(file=DOC))
    assert warm.packet_part(doc, (False, 0.0, ()), make) == b"1"
    assert warm.packet_part(doc, (False, 0.0, ()), make) == b"1"
    assert warm.packet_part(doc, (False, 2.0, ()), make) == b"2"
    again = cast(Document, SimpleNamespace(file=DOC))
    assert warm.packet_part(again, (False, 2.0, ()), make) == b"3"
    assert DOC in warm.kept()
    warm.keep_only([], [])
    assert warm.kept() == frozenset()
