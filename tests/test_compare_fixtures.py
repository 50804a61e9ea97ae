"""The block-aligned comparison (site.compare) as fixture files in markdown-it-py's
style: a description, the input — the earlier round's Markdown, a line `=== after ===`,
the later round's, each the body of a theme section — and the expected comparison,
each block ending in a line with a single dot.

The expected output is one line per row: `=` kept, `~` changed (its words marked
`[-removed-]` and `{+added+}`, a table row's cells apart by ` | `), `-` removed, `+`
added, `<` moved away, `>` moved here; then whether the rows are marked at all, and the
plain-words summary in Finnish and Swedish.

Rewrite the expected output on purpose with `SOTENEG_UPDATE_GOLDEN=1` and review the
diff.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import UPDATE_GOLDEN
from hypothesis import given
from hypothesis import strategies as st
from markdown_it.utils import read_fixture_file

from soteneg.markdown.blocks import Block
from soteneg.markdown.html import render
from soteneg.site.compare import PAIR, Change, Comparison, _words_alike, compare
from soteneg.site.pages.comparison import summary

FIXTURES = Path(__file__).parent / "fixtures" / "compare"
SEPARATOR = "=== after ===\n"
_SIGNS = {"same": "=", "changed": "~", "removed": "-", "added": "+"}
_SIGNS |= {"moved_out": "<", "moved_in": ">"}


def _marks(changes: tuple[Change, ...]) -> str:
    shown = {"same": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    return " ".join(shown[c.op].format(c.text) for c in changes)


def describe(comparison: Comparison) -> str:
    lines = []
    for row in comparison.rows:
        block = row.after or row.before
        assert block is not None
        if row.op == "changed":
            text = " | ".join(_marks(cell) for cell in row.cells)
        else:
            text = " | ".join(block.cells)
        lines.append(f"{_SIGNS[row.op]} {block.kind}: {text}")
    lines.append("marked" if comparison.marked else "not marked: side by side")
    lines.extend(f"{lang}: {summary(comparison, lang)}" for lang in ("fi", "sv"))
    return "\n".join(lines) + "\n"


def blocks(body: str) -> tuple[Block, ...]:
    """The blocks of `body` as a theme section of a document, the way the site makes
    them (footnote references as [n], the notes themselves left out)."""
    section = render(f"## Teema {{theme=t}}\n\n{body}", lambda href: href, "/s/").sections
    return section["t"].blocks if "t" in section else ()


def run(source: str) -> str:
    before, _, after = source.partition(SEPARATOR)
    return describe(compare(blocks(before), blocks(after)))


def _files() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def check_fixture_file(path: Path, run: Callable[[str], str]) -> None:
    """Every case of a fixture file gives its expected output through `run` (written
    anew first under UPDATE_GOLDEN); all failures are reported together."""
    if UPDATE_GOLDEN:
        out = []
        for _line, title, source, _expected in read_fixture_file(path):
            out.append(f"{title}\n.\n{source}.\n{run(source)}.\n")
        path.write_text("\n".join(out), encoding="utf-8")
    cases = read_fixture_file(path)
    assert cases, f"no cases in {path.name}"
    failures = []
    for line, title, source, expected in cases:
        assert SEPARATOR in source, f"{path.name}:{line}: no {SEPARATOR.strip()!r} line"
        got = run(source)
        if got != expected:
            failures.append(f"{path.name}:{line}: {title}\n--- expected\n{expected}--- got\n{got}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_fixture_files_compare_as_written(path: Path) -> None:
    check_fixture_file(path, run)


def test_there_are_fixtures_of_every_kind() -> None:
    names = {p.stem for p in _files()}
    assert {"paragraphs", "tables", "lists", "moves", "rewrites", "languages"} <= names


@given(
    st.lists(st.sampled_from(["ja", "on", "a", "b", "c", "Ä", "d"]), max_size=14),
    st.lists(st.sampled_from(["ja", "on", "a", "b", "c", "Ä", "e"]), max_size=14),
)
def test_words_alike_is_difflibs_measure(old: list[str], new: list[str]) -> None:
    """How alike two blocks' words are is counted without a SequenceMatcher until the
    bound passes (a speed-up): the answer is the matcher's own, to the last bit."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    if not old and not new:
        expected = 1.0
    elif matcher.real_quick_ratio() < PAIR or matcher.quick_ratio() < PAIR:
        expected = matcher.quick_ratio()
    else:
        expected = matcher.ratio()
    assert _words_alike(old, new) == expected
