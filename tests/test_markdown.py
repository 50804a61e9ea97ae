"""The shared Markdown parser: heading ids, theme sections, attributes and links."""

from __future__ import annotations

import pytest

from soteneg.core.routes import is_relative_reference
from soteneg.markdown import outline as outline_module
from soteneg.markdown.html import finish, parse_body, render
from soteneg.markdown.outline import outline
from soteneg.markdown.parse import parse_attrs, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Palvelujen saatavuus", "palvelujen-saatavuus"),
        (
            "Digitaalisuus, sähköiset palvelut ja tietopohja",
            "digitaalisuus-sahkoiset-palvelut-ja-tietopohja",
        ),
        ("Tillgång till tjänster", "tillgang-till-tjanster"),
        ("Ääni ÖÖ Åland", "aani-oo-aland"),
        ("  2018 – syksy!  ", "2018-syksy"),
        ("???", "osio"),
    ],
)
def test_slugify_keeps_nordic_letters_readable(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_theme_sections_take_the_theme_id_and_win_over_plain_headings() -> None:
    body = "## Saatavuus\n\n## Palvelujen saatavuus {theme=saatavuus}\n\n## Saatavuus\n"
    found = outline(body)
    assert [(h.id, h.theme, h.line) for h in found.headings] == [
        ("saatavuus-2", None, 0),
        ("saatavuus", "saatavuus", 2),
        ("saatavuus-3", None, 4),
    ]
    assert found.headings[1].text == "Palvelujen saatavuus"
    assert found.headings[1].column == len("## Palvelujen saatavuus {theme=") + 1


def test_explicit_ids_and_classes() -> None:
    found = outline("### Liite {#liite .pieni}\n")
    assert found.headings[0].id == "liite" and found.headings[0].level == 3


def test_parse_attrs_reports_what_it_cannot_read() -> None:
    assert parse_attrs("theme=a #x .c .d") == ({"theme": "a", "id": "x", "class": "c d"}, [])
    attrs, errors = parse_attrs("theme=a color=red ???")
    assert attrs == {"theme": "a"}
    assert len(errors) == 2 and "color" in errors[0] and "???" in errors[1]


def test_links_are_located_on_their_own_line_and_column() -> None:
    body = "Eka rivi\n[a](x.md) ja\n[b](y.md#z) ![kuva](k.png)\n"
    links = outline(body).links
    assert [(lk.href, lk.line, lk.column, lk.is_image) for lk in links] == [
        ("x.md", 1, 5, False),
        ("y.md#z", 2, 5, False),
        ("k.png", 2, 21, True),
    ]


def test_footnote_anchors_exist() -> None:
    found = outline("Teksti[^1].\n\n[^1]: Alaviite.\n")
    assert "fn1" in found.anchors


def test_raw_html_is_not_a_link_when_html_is_off() -> None:
    assert outline('<a href="evil.md">x</a>\n').links == ()


BODY_WITH_EVERYTHING = """\
## Palvelujen saatavuus {theme=saatavuus}

Katso [kevät](../2018-kevat/uusimaa.md#saatavuus), [alla](#rahoitus),
[STM](https://stm.fi/) ja [liite](liitteet/a&b.pdf "Liite")[^1].

![Kaavio](liitteet/kaavio.png "Kuvio 1: otsikko")

![Ilman kokoa](liitteet/puuttuu.svg)

[^1]: Alaviite [takaisin](#saatavuus).

## Rahoitus {theme=rahoitus}

Teksti & <b>lihava</b> ja [sama liite](liitteet/a&b.pdf).

| Vuosi | Euroa |
|-------|-------|
| 2019 | 10 |
"""


def _resolve(href: str) -> str:
    """Like the site's resolver, it rewrites only references relative to the document."""
    if not is_relative_reference(href):
        return href
    return "/sivusto/" + href.replace("../", "").replace(".md", "/") + "?a=1&b=2"


def _size(src: str) -> tuple[int, int] | None:
    return (640, 480) if "kaavio" in src else None


@pytest.mark.parametrize("allow_html", [False, True])
def test_a_prerendered_body_finishes_as_a_whole_render(allow_html: bool) -> None:
    """One parse at check time, blanks filled at build time: the same HTML and sections
    as parsing and rendering at build time."""
    _, pre = parse_body(BODY_WITH_EVERYTHING, allow_html)
    assert pre is not None
    label = 'Tabell "rullbar" & <bred>'
    whole = render(BODY_WITH_EVERYTHING, _resolve, "/sivu/?x=<1>", allow_html, _size, label)
    assert finish(pre, _resolve, "/sivu/?x=<1>", _size, label) == whole
    assert 'width="640" height="480"' in whole.html
    assert "/sivu/?x=&lt;1&gt;#rahoitus" in whole.sections["saatavuus"].html
    # A table scrolls in its named box on the page and in its section shown elsewhere.
    box = 'role="group" aria-label="Tabell &quot;rullbar&quot; &amp; &lt;bred&gt;">\n<table>'
    assert box in whole.html and box in whole.sections["rahoitus"].html
    assert "\x06" not in whole.html


def test_a_table_box_is_only_on_the_web() -> None:
    """The box is the screen's: the print HTML from the same parse has none, and the
    blocks a comparison is made of are the table's rows, not the box."""
    body = "## Rahoitus {theme=rahoitus}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    _, pre = parse_body(body, for_print=True)
    assert pre is not None and pre.print_html is not None
    assert "table-scroll" in pre.html and "table-scroll" not in pre.print_html
    (_, _, _, _, blocks), *_ = pre.sections
    assert all("table-scroll" not in str(b) for b in blocks)


def test_a_body_holding_a_marker_character_is_rendered_whole() -> None:
    assert parse_body("Outo \x03 merkki.\n")[1] is None
    assert parse_body("Outo \x06 merkki.\n")[1] is None
    # An image by site path may be a published file whose size only the build knows.
    assert parse_body("![Kuva](/liitteet/kuva.png)\n")[1] is None
    assert parse_body("![Kuva](https://example.fi/kuva.png)\n")[1] is not None
    assert parse_body("Tavallinen.\n", html=False)[1] is None


def test_repeated_headings_take_the_next_free_suffix() -> None:
    body = "# A 2\n\n# a\n\n# a\n\n# a {#a-4}\n\n# a\n\n# a-2\n"
    assert [h.id for h in outline(body).headings] == ["a-2", "a", "a-3", "a-4", "a-5", "a-2-2"]


@pytest.mark.parametrize(
    ("heading", "text", "attrs"),
    [
        ("# Otsikko {#x .y}  ", "Otsikko", {"id": "x"}),
        ("# Otsikko {#x", "Otsikko {#x", {}),
        ("# Otsikko {#x} jatkuu", "Otsikko {#x} jatkuu", {}),
        ("# Otsikko {a} {#x}", "Otsikko {a}", {"id": "x"}),
        ("# Otsikko {#x}}", "Otsikko {#x}}", {}),
        ("# " + " " * 10_000 + "x", "x", {}),
    ],
)
def test_only_a_last_brace_block_is_read_as_attributes(
    heading: str, text: str, attrs: dict[str, str]
) -> None:
    (found,) = outline(heading + "\n").headings
    assert found.text == text
    assert found.id == attrs.get("id", found.id) and not found.attr_errors


def test_a_huge_attribute_block_is_quoted_back_short() -> None:
    attrs, errors = parse_attrs("#a ? " * 1000 + "b" * 100_000)
    assert attrs == {"id": "a"} and len(errors) == 1000
    assert max(len(e) for e in errors) < 250


def test_past_the_search_budget_links_are_looked_for_only_nearby(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A body that has cost too much searching (here: at once) still gets the links
    written where they are targeted; one written farther on is put at its block."""
    monkeypatch.setattr(outline_module, "_SEARCH_BUDGET", 0)
    monkeypatch.setattr(outline_module, "_SEARCH_PER_CHAR", 0)
    far = "sana " * 1000
    body = f"[a](x.md) {far}[b](y.md)\n\n[c](z.md)\n"
    links = outline(body).links
    assert [(lk.href, lk.line, lk.column) for lk in links] == [
        ("x.md", 0, 5),
        ("y.md", 0, 0),
        ("z.md", 2, 5),
    ]
