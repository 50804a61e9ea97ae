"""Markdown rules as fixture files in markdown-it-py's style: a description, the input
and the expected HTML, each block ending in a line with a single dot. The web files go
through `render` (a Finnish body, a Swedish one and one in a language without the
site's words), the print file through `render_print`, with one fixed link resolver.

Rewrite the expected HTML on purpose with `SOTENEG_UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import UPDATE_GOLDEN
from markdown_it.utils import read_fixture_file

from soteneg.core.routes import is_relative_reference
from soteneg.markdown.html import finish_print, parse_body, render
from soteneg.markdown.print_html import render_print

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


PAGE = "/kierrokset/2018-syksy/uusimaa/"
RENDERERS = {
    "web.md": lambda body: render(body, _resolve, PAGE, table_label="Taulukko, vieritettävä").html,
    "web-sv.md": lambda body: render(body, _resolve, PAGE, table_label="Tabell, rullbar").html,
    "web-nameless.md": lambda body: render(body, _resolve, PAGE).html,
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


def test_print_html_from_the_web_parse_is_the_print_renderers() -> None:
    """A build that prints makes each body's print HTML from the one parse its web page
    has (parse_body with for_print, then finish_print for each packet); case by case
    it must be what render_print makes."""
    for line, title, source, expected in _cases("print.md"):
        _, pre = parse_body(source, False, True, for_print=True)
        assert pre is not None and pre.print_html is not None, title
        assert finish_print(pre, _resolve, "d1-") == expected, f"print.md:{line + 1} {title}"


def _print_resolve(href: str) -> str:
    """Like packets' print_resolver: site paths become absolute URLs too, and a file's
    address carries a query (escaped in HTML)."""
    if href.startswith(("#", "//")) or ":" in href.split("/")[0] or not href.split("?")[0]:
        return href
    if href.startswith("/"):
        return "https://example.fi" + href
    return f"file:///projekti/content/{href}?v=1&x=<2>"


BODY = """\
## Saatavuus {#saatavuus}

Katso [toinen](../2018-kevat/uusimaa.md#saatavuus), [sivu](/teemat/), [ulos](https://a.fi/),
[tässä](#saatavuus) ja [kysely](?q=1).[^1] Myös ^[sisäinen [linkki](a.md)] huomautus.

![Kuva](kuvat/k.png "Kuvateksti")

Ja [logo](/static/logo.png).

| a | [b](liite.pdf) |
|---|---|
| 1 | 2 |

[^1]: Alaviite, jossa [linkki](liite.pdf) ja [ankkuri](#saatavuus).
"""


@pytest.mark.parametrize("allow_raw_html", [False, True])
def test_print_html_from_the_web_parse_rewrites_what_print_rewrites(
    allow_raw_html: bool,
) -> None:
    """Site paths, files, anchors, footnotes and images, with a resolver that changes
    site paths as the print resolver does and addresses that need escaping."""
    _, pre = parse_body(BODY, allow_raw_html, True, for_print=True)
    assert pre is not None and pre.print_html is not None
    for prefix in ("d1-", "d12-"):
        expected = render_print(BODY, _print_resolve, prefix, allow_raw_html)
        assert finish_print(pre, _print_resolve, prefix) == expected
    assert "https://example.fi/teemat/" in expected and "&amp;x=&lt;2&gt;" in expected


def test_a_body_holding_a_print_marker_is_printed_from_its_text() -> None:
    _, pre = parse_body("Teksti \x04 ja \x05.\n", False, True, for_print=True)
    assert pre is None  # the packet renders it whole (render_print)
