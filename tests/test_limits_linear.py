"""Hostile Markdown at the document size limit is read whole, right, and without hanging
(issue 15): many identical headings, a heading padded with spaces, non-ASCII autolinks.

Each was quadratic or worse (minutes at 128 KiB, hours at 2 MiB). No timing is asserted
here: bench/hostile.py measures them. The CLI timeout only guards against a hang.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from conftest import MINIMAL, run_cli

from soteneg.content.crossref import cross_check
from soteneg.content.loader import Document, load_content
from soteneg.content.project_files import ProjectFiles, read_project
from soteneg.content.sources import MAX_DOCUMENT_BYTES, SourceFile
from soteneg.core.problems import Problem

FRONT = "---\ntitle: Vihamielinen\ntype: page\ndate: 2018-01-01\n---\n"
FILE = "content/vihamielinen.md"


def _lines(line: str) -> str:
    """A document of repeated `line`s filling the size limit (`line` is ASCII)."""
    return FRONT + line * ((MAX_DOCUMENT_BYTES - len(FRONT)) // len(line))


@cache
def _project() -> ProjectFiles:
    return read_project(MINIMAL)


def _check(text: str) -> tuple[Document, list[Problem]]:
    """The hostile document checked with the small project, as `check` and `build` do
    (its HTML rendered too), but in this process."""
    data = text.encode()
    assert len(data) <= MAX_DOCUMENT_BYTES
    files = _project()
    files = replace(files, documents=(*files.documents, SourceFile(FILE, data)))
    content, config_problems, problems = load_content(files, html=True)
    ids = {f.path.removeprefix("content/").removesuffix(".md") for f in files.documents}
    problems += cross_check(content, ids)
    (document,) = [d for d in content.documents if d.file == FILE]
    return document, config_problems + problems


def test_identical_headings_get_unique_ids_in_order() -> None:
    document, problems = _check(_lines("# a\n"))
    headings = document.outline.headings
    count = (MAX_DOCUMENT_BYTES - len(FRONT)) // 4
    assert len(headings) == count > 500_000
    assert [h.id for h in headings] == ["a"] + [f"a-{n}" for n in range(2, count + 1)]
    assert [h.line for h in headings[-2:]] == [count - 2, count - 1]
    assert document.prerendered is not None
    assert f'<h1 id="a-{count}">a</h1>' in document.prerendered.html
    assert problems == []


@pytest.mark.parametrize(
    ("end", "text", "ident"),
    [
        ("x", "a{spaces}x", "a-x"),  # no attributes: the slowest case before
        ("{#x}", "a", "x"),
    ],
)
def test_a_heading_of_spaces_is_read_whole(end: str, text: str, ident: str) -> None:
    spaces = " " * (MAX_DOCUMENT_BYTES - len(FRONT) - len(f"# a{end}\n"))
    document, problems = _check(f"{FRONT}# a{spaces}{end}\n")
    expected = (text.format(spaces=spaces), ident, 0)
    assert [(h.text, h.id, h.line) for h in document.outline.headings] == [expected]
    assert problems == []


def test_non_ascii_autolinks_are_all_found() -> None:
    # ä is two bytes: each line is 18 to 23 bytes.
    lines, size, n = [], len(FRONT), 0
    while size + len(line := f"<https://ä.fi/{n}>\n".encode()) <= MAX_DOCUMENT_BYTES:
        lines.append(line.decode())
        size += len(line)
        n += 1
    document, problems = _check(FRONT + "".join(lines))
    links = document.outline.links
    assert n > 90_000
    # The target is punycoded, so it is not written as such: every link is placed at
    # the start of its paragraph (the whole body).
    assert [lk.href for lk in links] == [f"https://xn--4ca.fi/{k}" for k in range(n)]
    assert {(lk.line, lk.column) for lk in links} == {(0, 0)}
    assert problems == []


def test_ascii_autolinks_are_located_on_their_lines() -> None:
    """The same many links, written as they are targeted: each is found on its line."""
    document, problems = _check(_lines("<https://a.fi/>\n"))
    links = document.outline.links
    assert len(links) > 120_000
    assert [(lk.line, lk.column) for lk in links] == [(n, 2) for n in range(len(links))]
    assert problems == []


def test_check_reads_a_hostile_document_and_locates_its_problem(minimal: Path) -> None:
    last = "## Loppu {theme=tuntematon}\n"
    text = FRONT + "# a\n" * ((MAX_DOCUMENT_BYTES - len(FRONT) - len(last)) // 4) + last
    (minimal / FILE).write_text(text)
    result = run_cli("check", "--root", minimal, "--no-pdf", "--format", "json", timeout=120)
    problems = [(p["file"], p["line"], p["code"]) for p in json.loads(result.stdout)["problems"]]
    # 524,000 headings would print some 13,000 pages: over the print budget too.
    assert (result.returncode, problems) == (
        1,
        [(FILE, 1, "packet-too-long"), (FILE, text.count("\n"), "unknown-theme")],
    )
