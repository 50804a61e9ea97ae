"""Issue 29, the review of the incremental check: edits whose problems land in other
documents than the one edited, in seeded random sequences, each followed by a check
through the cache (content.graph) that must report exactly what a clean check does, in
order and with hints. The cache's graph goes through the disk's codec between steps, and
the checks alternate between parsing for a build (`html`) and for `soteneg check`.
Every broken site of tests/broken/ reads back from the codec to the same problems."""

from __future__ import annotations

import posixpath
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINIMAL, TESTS
from test_site import GOLDEN_SITE, project

from soteneg.build.cache import Cache
from soteneg.build.cache.graph import decode_graph, encode_graph
from soteneg.core.problems import Problem
from soteneg.pipeline import check

BROKEN = sorted(p for p in (TESTS / "broken").iterdir() if p.is_dir())


def _through_the_disk(cache: Cache) -> Cache:
    """A new cache holding `cache`'s graph as the disk would give it back."""
    graph = cache.graph()
    assert graph is not None
    again = Cache(cache.key)
    again.remember_graph(decode_graph(encode_graph(cache.key, graph), cache.key))
    return again


def _said(problems: list[Problem]) -> list[tuple[object, ...]]:
    return [
        (p.file, p.line, p.column, p.code, p.severity, str(p.text), str(p.hint)) for p in problems
    ]


def edits_check_as_a_clean_check(
    root: Path, edit: Callable[[], str], steps: int, rnd: random.Random, parsed_alike: float
) -> list[Problem]:
    """Make `steps` random edits (`edit` says what it did); after each, a check through
    the cache (read back through the disk's encoding between checks) must say exactly
    what a clean check says. `parsed_alike`: how often a check parses as the last one
    did (other options make every document judged again). The last check's problems."""
    cache = Cache("test")
    check(root, cache, html=True, pdf=False)
    done: list[str] = []
    got: list[Problem] = []
    for _ in range(steps):
        done.append(edit())
        html = rnd.random() < parsed_alike
        got = check(root, cache, html=html, pdf=False).problems
        want = check(root, None, html=html, pdf=False).problems
        assert _said(got) == _said(want), done
        assert got == want, done
        cache = _through_the_disk(cache)
    return got


def _relative(here: str, there: str) -> str:
    return posixpath.relpath(there + ".md", posixpath.dirname(here) or ".")


def _front(text: str, line: str) -> str:
    return text.replace("\n---\n", f"\n{line}\n---\n", 1)


def _edit(root: Path, docs: list[Path], ids: list[str], rnd: random.Random) -> str:
    """One edit of a random document, most of them seen by another document's checks."""
    i = rnd.randrange(len(docs))
    path, text = docs[i], docs[i].read_text(encoding="utf-8")
    kind = rnd.randrange(9)
    if kind == 0:  # a relative link, with or without an anchor that may not exist
        j = rnd.randrange(len(docs))
        anchor = rnd.choice(["", "#saatavuus", "#rahoitus", "#integraatio", "#uusi-osio", "#x"])
        path.write_text(text + f"\n\n[l]({_relative(ids[i], ids[j])}{anchor})\n", "utf-8")
        return f"link {ids[i]} -> {ids[j]}{anchor}"
    if kind == 1:  # a heading, so an anchor, added
        heading = rnd.choice(["## Uusi osio", "## Saatavuus {theme=saatavuus}", "## X {#x}"])
        path.write_text(text + f"\n\n{heading}\n", "utf-8")
        return f"heading added to {ids[i]}"
    if kind == 2:  # a heading, so an anchor, removed
        lines = text.split("\n")
        headings = [n for n, line in enumerate(lines) if line.startswith("#")]
        if headings:
            del lines[rnd.choice(headings)]
            path.write_text("\n".join(lines), "utf-8")
        return f"heading removed from {ids[i]}"
    if kind == 3 and "translation_of:" not in text:
        j = rnd.randrange(len(docs))
        path.write_text(_front(text, f"translation_of: {ids[j]}"), "utf-8")
        return f"{ids[i]} translates {ids[j]}"
    if kind == 4:
        if "lang: sv" in text:
            path.write_text(text.replace("lang: sv", "lang: fi", 1), "utf-8")
        elif "lang:" not in text:
            path.write_text(_front(text, "lang: sv"), "utf-8")
        return f"language of {ids[i]}"
    if kind == 5:  # two documents swap their bytes: the set of files stays the same
        j = rnd.randrange(len(docs))
        mine, theirs = path.read_bytes(), docs[j].read_bytes()
        path.write_bytes(theirs)
        docs[j].write_bytes(mine)
        return f"{ids[i]} and {ids[j]} swapped"
    if kind == 6:
        if "draft: true\n" in text:
            path.write_text(text.replace("draft: true\n", "", 1), "utf-8")
        elif "draft:" not in text:
            path.write_text(_front(text, "draft: true"), "utf-8")
        return f"draft {ids[i]}"
    if kind == 7 and "superseded_by:" not in text:
        path.write_text(_front(text, f"superseded_by: {rnd.choice(ids)}"), "utf-8")
        return f"{ids[i]} superseded"
    if rnd.random() < 0.3:
        path.write_bytes(b"---\ntitle: [\n---\nrikki\n")
        return f"{ids[i]} broken"
    path.write_text(text + "\n\n[a](#ei-ole)\n", "utf-8")
    return f"{ids[i]} links to its own missing anchor"


@pytest.mark.parametrize("seed", [1, 2])
def test_random_cross_document_edits_check_as_a_clean_check(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    root = project(tmp_path, GOLDEN_SITE)
    # A few documents, so that a link and an edit of its target meet often.
    docs = sorted((root / "content" / "kierrokset").glob("2018-*/*.md"))
    ids = [p.relative_to(root / "content").with_suffix("").as_posix() for p in docs]
    edits_check_as_a_clean_check(root, lambda: _edit(root, docs, ids, rnd), 30, rnd, 0.7)


@pytest.mark.parametrize("case", BROKEN, ids=lambda p: p.name)
def test_each_broken_sites_problems_read_back_from_the_codec(tmp_path: Path, case: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    if (case / "files").is_dir():
        shutil.copytree(case / "files", root, dirs_exist_ok=True, symlinks=True)
    cache = Cache("test")
    want = check(root, cache, html=True, pdf=False).problems
    got = check(root, _through_the_disk(cache), html=True, pdf=False).problems
    assert got == want
    assert _said(got) == _said(want)
