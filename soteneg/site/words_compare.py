"""The words of choosing two rounds to compare (issue 27), in Finnish, Swedish and
English: part of i18n.STRINGS, kept apart so that the catalogue does not grow past what
one file can be read in. tests/test_i18n.py checks them with the rest."""

from __future__ import annotations

from collections.abc import Mapping

WORDS: Mapping[str, Mapping[str, str]] = {
    # The chooser: a table of the earlier round (rows) by the later (columns: the next
    # round, the latest).
    "cmp_choose_corner": {"fi": "Aiempi kierros", "sv": "Tidigare omgång", "en": "Earlier round"},
    "cmp_choose_next": {"fi": "Seuraava kierros", "sv": "Nästa omgång", "en": "Next round"},
    # A round's name stands after a label, never inside a sentence (i18n's note).
    "cmp_choose_latest": {
        "fi": "Viimeisin: {round}",
        "sv": "Den senaste: {round}",
        "en": "The latest: {round}",
    },
    "cmp_choose_link": {"fi": "vertaa", "sv": "jämför", "en": "compare"},
    "cmp_choose_current": {"fi": "näytetään", "sv": "visas", "en": "shown"},
    "cmp_choose_note": {
        "fi": "Kukin kierros verrataan seuraavaan, ja viimeisin kierros myös ensimmäiseen "
        "ja enintään neljään sitä edeltävään.",
        "sv": "Varje omgång jämförs med nästa, och den senaste också med den första och "
        "med högst fyra av omgångarna före den.",
        "en": "Each round is compared with the next, and the latest also with the first "
        "and with up to four of the rounds before it.",
    },
    # A round of a predecessor, named with whose it is: "Syksy 2018 (Pirkanmaa)".
    "cmp_round_of": {
        "fi": "{round} ({region})",
        "sv": "{round} ({region})",
        "en": "{round} ({region})",
    },
    "cmp_changes_pair": {
        "fi": "Muutokset (aiempi kierros: {before}; myöhempi kierros: {after})",
        "sv": "Ändringar (tidigare omgång: {before}; senare omgång: {after})",
        "en": "Changes (earlier round: {before}; later round: {after})",
    },
    "cmp_every_round": {
        "fi": "Kaikki kierrokset rinnakkain",
        "sv": "Alla omgångar sida vid sida",
        "en": "Every round side by side",
    },
    "cmp_pair_documents": {
        "fi": "Vertailtavat asiakirjat",
        "sv": "Dokumenten som jämförs",
        "en": "The documents compared",
    },
}
