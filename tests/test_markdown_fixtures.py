"""Markdown rules as fixture files in markdown-it-py's style: a description, the input
and the expected HTML, each block ending in a line with a single dot. The web file goes
through `render`, the print file through `render_print`, with one fixed link resolver.

Rewrite the expected HTML on purpose with `SOTENEG_UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import UPDATE_GOLDEN
from markdown_it.utils import read_fixture_file

from soteneg.core.routes import is_relative_reference
from soteneg.markdown.html import render, render_print

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def _resolve(href: str) -> str:
    """Where the fixtures' relative links lead: documents to their pages, files under
    /liitteet/, as the build's resolver does for a document in kierrokset/2018-syksy;
    anchors and absolute URLs stay as written."""
    if not is_relative_reference(href):
        return href
    path, _, fragment = href.partition("#")
    if path.endswith(".md"):
        page = "/kierrokset/" + path.removeprefix("../").removesuffix(".md") + "/"
        return page + (f"#{fragment}" if fragment else "")
    return f"/liitteet/kierrokset/2018-syksy/{path}"


RENDERERS = {
    "web.md": lambda body: render(body, _resolve, "/kierrokset/2018-syksy/uusimaa/").html,
    "print.md": lambda body: render_print(body, _resolve, "d1-"),
}


def _cases(name: str) -> list[tuple[int, str, str, str]]:
    return [tuple(case) for case in read_fixture_file(FIXTURES / name)]  # type: ignore[misc]


def _rewrite(name: str) -> None:
    """The fixture file with every expected block replaced by today's output."""
    out: list[str] = []
    for _line, title, source, _expected in _cases(name):
        html = RENDERERS[name](source)
        out.append(f"{title}\n.\n{source}.\n{html}.\n")
    (FIXTURES / name).write_text("\n".join(out), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_fixture_files_render_as_written(name: str) -> None:
    if UPDATE_GOLDEN:
        _rewrite(name)
    cases = _cases(name)
    assert cases, f"no cases in {name}"
    failures = []
    for line, title, source, expected in cases:
        got = RENDERERS[name](source)
        if got != expected:
            failures.append(f"{name}:{line + 1} {title}\n--- expected\n{expected}--- got\n{got}")
    assert not failures, "\n\n".join(failures)


def test_every_case_has_expected_output() -> None:
    """A case with an empty expectation would pass nothing; each must say something."""
    for name in RENDERERS:
        for line, title, _source, expected in _cases(name):
            assert expected.strip(), f"{name}:{line + 1} {title}: no expected HTML"
