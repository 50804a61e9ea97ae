"""Suggestions for an id that is not defined, made from what the editor may have meant:
an id of the right kind that is valid where it is used (a region of the document's
round, a theme the round negotiates), matched by its id, by the start of it, or by its
real name in any language ("Lapin hyvinvointialue" → 'lappi-hva'). Pure."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from soteneg.content.loader import DataSet
from soteneg.content.models import Round
from soteneg.content.time_checks import region_outside_round
from soteneg.core.names import LANGS
from soteneg.core.problems import did_you_mean, quoted
from soteneg.core.text import Text, joined, say
from soteneg.markdown.parse import slugify

suggestion = did_you_mean


def _named(value: str, entries: Mapping[str, object]) -> list[str]:
    """The ids whose id or name is nearest to `value`, best first."""
    wanted = slugify(value) or value.lower()
    names: dict[str, str] = {}
    for entry_id, entry in entries.items():
        names.setdefault(entry_id, entry_id)
        name = getattr(entry, "name", None)
        for lang in LANGS:
            text = name.get(lang) if name is not None else None
            if text:
                names.setdefault(slugify(text), entry_id)
    if wanted in names and names[wanted] != value:
        return [names[wanted]]
    starts = sorted({i for key, i in names.items() if key.startswith(wanted) and len(wanted) >= 3})
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    found: list[str] = []
    for entry_id in [*starts, *(names[c] for c in close)]:
        if entry_id not in found and entry_id != value:
            found.append(entry_id)
    return found[:3]


def _did_you_mean(ids: Iterable[str]) -> Text | None:
    found = list(ids)
    return say("@did-you-mean", options=joined(quoted(found), say("@or"))) if found else None


def region_hint(value: str, data: DataSet, round_: Round | None = None) -> Text | None:
    """A region for `value`, among those that existed during `round_` (all without one)."""
    units = {
        unit_id: unit
        for unit_id, unit in data.regions.items()
        if round_ is None or region_outside_round(data, unit, round_) is None
    }
    return _did_you_mean(_named(value, units))


def theme_hint(value: str, data: DataSet, round_: Round | None = None) -> Text | None:
    """A theme for `value`; among `round_`'s themes when there is one, and when nothing
    is near, the round's themes to choose from."""
    themes = {
        t: data.themes[t] for t in (round_.themes if round_ else data.themes) if t in data.themes
    }
    found = _named(value, themes)
    if found:
        return _did_you_mean(found)
    if round_ is not None and themes:
        return say("@round-themes", round=round_.id, themes=joined(quoted(themes)))
    return None
