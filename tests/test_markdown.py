"""The shared Markdown parser: heading ids, theme sections, attributes and links."""

from __future__ import annotations

import pytest

from soteneg.markdown import outline, parse_attrs, slugify


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
