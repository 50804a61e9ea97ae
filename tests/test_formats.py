"""Counts, numbers, dates and periods as each language writes them (soteneg.core.formats):
the one place the site, the packets and the command line take them from."""

from __future__ import annotations

import datetime as dt

import pytest

from soteneg.content.models import Party
from soteneg.core import formats
from soteneg.core.names import LANGS

NBSP = "\u00a0"
NEW_YEAR, LAST_DAY = dt.date(2023, 1, 1), dt.date(2022, 12, 31)


@pytest.mark.parametrize("lang", LANGS)
def test_plural_categories_follow_cldr_for_whole_numbers(lang: str) -> None:
    """Finnish, Swedish and English: "one" for 1, "other" for 0 and everything else."""
    assert formats.plural(1, lang) == "one"
    assert [formats.plural(n, lang) for n in (0, 2, 11, 21, 101, 1001)] == ["other"] * 6
    assert set(formats.PLURAL_CATEGORIES[lang]) == {"one", "other"}
    assert set(formats.PLURAL_RULES) == set(formats.PLURAL_CATEGORIES) == set(LANGS)


def test_quantities_are_grouped_with_a_no_break_space() -> None:
    assert formats.integer(20000, "fi") == f"20{NBSP}000"
    assert formats.integer(1234567, "sv") == f"1{NBSP}234{NBSP}567"
    assert formats.integer(20000, "en") == "20,000"
    assert formats.integer(999, "fi") == "999"


def test_fractions_take_a_decimal_comma() -> None:
    assert formats.decimal(0.7123, "fi", 1) == "0,7"
    assert formats.decimal(0.7, "sv", 2) == "0,70"
    assert formats.decimal(0.7, "en", 1) == "0.7"
    assert formats.decimal("2.9", "fi") == "2,9"
    assert formats.decimal(1234.5, "fi", 1) == f"1{NBSP}234,5"
    assert formats.decimal(3.0, "fi", 0) == "3"


def test_dates_in_a_sentence() -> None:
    day = dt.date(2018, 10, 1)
    assert formats.date(day, "fi") == formats.date(day, "sv") == "1.10.2018"
    assert formats.date(day, "en") == "1 October 2018"


@pytest.mark.parametrize(
    ("lang", "both", "start", "end"),
    [
        ("fi", "31.12.2022–1.1.2023", "1.1.2023 alkaen", "31.12.2022 asti"),
        ("sv", "31.12.2022–1.1.2023", "fr.o.m. 1.1.2023", "t.o.m. 31.12.2022"),
        (
            "en",
            "31 December 2022 – 1 January 2023",
            "from 1 January 2023",
            "until 31 December 2022",
        ),
    ],
)
def test_a_period_says_an_open_end_in_words(lang: str, both: str, start: str, end: str) -> None:
    assert formats.period(LAST_DAY, NEW_YEAR, lang) == both
    assert formats.period(NEW_YEAR, None, lang) == start
    assert formats.period(None, LAST_DAY, lang) == end
    assert formats.period(None, None, lang) == ""
    # Never a bare dash before or after a date: it reads as a minus sign.
    for text in (start, end):
        assert not text.startswith("–") and not text.endswith("–")


def test_a_line_opens_with_a_capital_and_keeps_the_rest() -> None:
    assert formats.capital("harjoitusneuvottelu") == "Harjoitusneuvottelu"
    assert formats.capital("ei THL:n arviota") == "Ei THL:n arviota"
    assert formats.capital("") == ""


def test_page_numbers_are_written_as_official_documents_write_them() -> None:
    assert formats.page_numbers_css() == 'counter(page) " (" counter(pages) ")"'


def test_a_party_has_a_running_text_name_or_falls_back_on_its_name() -> None:
    names = {"fi": "Sosiaali- ja terveysministeriö", "sv": "Social- och hälsovårdsministeriet"}
    stm = Party(
        id="stm",
        name={**names, "en": "Ministry of Social Affairs and Health"},
        name_in_text={
            "fi": "sosiaali- ja terveysministeriö",
            "sv": "social- och hälsovårdsministeriet",
        },
    )
    assert stm.in_text("fi") == "sosiaali- ja terveysministeriö"
    assert stm.in_text("sv") == "social- och hälsovårdsministeriet"
    assert stm.in_text("en") == "Ministry of Social Affairs and Health"  # capitalised anywhere
    plain = Party(
        id="vm", name={"fi": "Valtiovarainministeriö", "sv": "Finansministeriet", "en": "x"}
    )
    assert plain.in_text("fi") == "Valtiovarainministeriö"
