"""The words of choosing two rounds to compare (issue 27), in Finnish, Swedish and
English: part of i18n.STRINGS, kept apart so that the catalogue does not grow past what
one file can be read in. tests/test_i18n.py checks them with the rest."""

from __future__ import annotations

from collections.abc import Mapping

WORDS: Mapping[str, Mapping[str, str]] = {
    # The chooser: a table of the earlier round (rows) by the later (columns).
    "cmp_choose_corner": {
        "fi": "Aiempi kierros / myöhempi kierros",
        "sv": "Tidigare omgång / senare omgång",
        "en": "Earlier round / later round",
    },
    "cmp_choose_link": {"fi": "vertaa", "sv": "jämför", "en": "compare"},
    "cmp_choose_current": {"fi": "näytetään", "sv": "visas", "en": "shown"},
    "cmp_choose_note": {
        "fi": "Kukin kierros verrataan seuraavaan ja viimeisimpään kierrokseen.",
        "sv": "Varje omgång jämförs med nästa och med den senaste omgången.",
        "en": "Each round is compared with the next one and with the latest.",
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
