"""The UI catalogue is complete in all three languages and fills its placeholders."""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

from soteneg.content.config import Accessibility
from soteneg.core.names import LANGS, SAMI_LANGS
from soteneg.site.i18n import (
    AUTONYMS,
    LANG_NAMES,
    LANGUAGE_NOUNS,
    STRINGS,
    counted,
    format_date,
)


def test_every_string_exists_in_every_language_with_the_same_placeholders() -> None:
    for key, entry in STRINGS.items():
        assert set(entry) == set(LANGS), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", value)) for lang, value in entry.items()}
        assert len({frozenset(p) for p in placeholders.values()}) == 1, key
    # Every language a document may be in is named in every language of the interface.
    for names in (LANG_NAMES, LANGUAGE_NOUNS):
        assert set(names) == {*LANGS, *SAMI_LANGS}
        for entry in names.values():
            assert set(entry) == set(LANGS)
    assert set(AUTONYMS) == {*LANGS, *SAMI_LANGS}


def test_text_and_dates() -> None:
    assert counted("words_added", 3, "sv") == "3 ord tillagda"
    assert counted("words_added", 1, "sv") == "1 ord tillagt"
    assert counted("words_added", 1, "fi") == "lisätty 1 sana"
    assert counted("words_removed", 2000, "fi") == "poistettu 2\u00a0000 sanaa"
    assert format_date(dt.date(2018, 11, 26), "fi") == "26.11.2018"
    assert format_date(dt.date(2018, 11, 26), "en") == "26 November 2018"


def test_the_statement_says_every_status_the_configuration_allows() -> None:
    """The accessibility statement's words are in the one catalogue, one per status."""
    status = Accessibility.model_fields["status"].annotation
    for value in get_args(status):
        assert f"statement_{value}" in STRINGS, value
