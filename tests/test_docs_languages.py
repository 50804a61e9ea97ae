"""The editors' guide in English, Finnish and Swedish stays one guide in three languages.

Prose is translated freely; what an editor types or reads on screen is not. These tests
fail when the translations drift from docs/editors.md: a section added or dropped, a code
block changed in one language only, a command, option, field or problem code missing
from a translation, or a language line at the top that no longer leads to the others.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

DOCS = REPO / "docs"
ENGLISH = DOCS / "editors.md"
TRANSLATIONS = {"fi": DOCS / "editors.fi.md", "sv": DOCS / "editors.sv.md"}
GUIDES = [ENGLISH, *TRANSLATIONS.values()]

# A fenced code block, from its opening ``` line to its closing one.
FENCE = re.compile(r"^```[^\n]*\n.*?^```[ \t]*$", re.M | re.S)
HEADING = re.compile(r"^(#{1,6})[ \t]+\S", re.M)
INLINE_CODE = re.compile(r"`([^`]+)`")
# Inline code that is literal whatever the language: a command (`soteneg check --lang fi`,
# `make schema`), an option (`--lang sv`), or a single token without spaces: a field
# (`translation_of`, `valid_to:`), a problem code (`unknown-field`), a file, an id, a value.
LITERAL = re.compile(r"^(?:soteneg|make|\.venv/bin/soteneg)\s|^--|^\S+$")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def fences(text: str) -> list[str]:
    return [m.group(0) for m in FENCE.finditer(text)]


def prose(text: str) -> str:
    """The text outside code blocks: a `## …` line inside a block is not a heading."""
    return FENCE.sub("", text)


def heading_levels(text: str) -> list[int]:
    return [len(m.group(1)) for m in HEADING.finditer(prose(text))]


def inline_code(text: str) -> set[str]:
    # A code span may wrap onto the next line; Markdown reads that line end as a space.
    return {span.replace("\n", " ") for span in INLINE_CODE.findall(prose(text))}


def literal_tokens(text: str) -> set[str]:
    return {span for span in inline_code(text) if LITERAL.search(span)}


def test_the_three_guides_exist() -> None:
    missing = [path.name for path in GUIDES if not path.is_file()]
    assert missing == []


def test_the_english_guide_is_parsed_as_expected() -> None:
    """Guards the helpers: if they found nothing, every comparison would pass."""
    text = read(ENGLISH)
    assert len(fences(text)) >= 5
    assert heading_levels(text).count(2) >= 9
    assert {
        "soteneg check --lang fi",
        "--format json",
        "--format github",
        "default_lang",
        "unknown-field",
        "soteneg serve",
        "translation_of",
        "region-not-in-round",
    } <= literal_tokens(text)
    assert "## Palvelujen saatavuus {theme=saatavuus}" not in prose(text)


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_same_headings_at_each_level(lang: str) -> None:
    english = heading_levels(read(ENGLISH))
    translated = heading_levels(read(TRANSLATIONS[lang]))
    assert Counter(translated) == Counter(english)
    assert translated == english, "the sections are in a different order"


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_code_blocks_are_verbatim_and_in_order(lang: str) -> None:
    english = fences(read(ENGLISH))
    translated = fences(read(TRANSLATIONS[lang]))
    for n, (mine, theirs) in enumerate(zip(english, translated, strict=False)):
        assert theirs == mine, f"code block {n + 1} differs from editors.md"
    assert len(translated) == len(english)


@pytest.mark.parametrize("lang", sorted(TRANSLATIONS))
def test_commands_options_fields_and_codes_are_kept(lang: str) -> None:
    translated = inline_code(read(TRANSLATIONS[lang]))
    missing = sorted(token for token in literal_tokens(read(ENGLISH)) if token not in translated)
    assert missing == [], f"in editors.md but not in {TRANSLATIONS[lang].name}"


@pytest.mark.parametrize("path", GUIDES, ids=[p.name for p in GUIDES])
def test_top_line_links_the_other_languages(path: Path) -> None:
    top = read(path).splitlines()[0]
    assert not top.startswith("#"), "the language line comes before the title"
    links = LINK.findall(top)
    assert sorted(links) == sorted(other.name for other in GUIDES if other != path)
    for link in links:
        assert (path.parent / link).is_file(), link
