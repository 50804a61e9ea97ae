"""Regions as pages show them in time: grouped by era, newest first, named with their
era's words, with their periods; the parties of a round; the history of a theme for a
unit that continues its predecessors' work. Pure.

The rules of time (who existed when, who came before whom) are soteneg.content.timeline's;
this module only arranges their answers for pages, so that every page groups, names and
orders regions the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from soteneg.content import timeline
from soteneg.content.models import Era, Region, Round
from soteneg.core import formats
from soteneg.site import i18n
from soteneg.site.index import Site


@dataclass(frozen=True)
class EraGroup:
    era: Era | None  # None: regions the data gives no (known) era
    regions: tuple[str, ...]  # region ids, by name in the page's language


def number(site: Site, region_ids: Iterable[str], lang: str) -> list[EraGroup]:
    """`region_ids` by era, the newest era first, each by name; empty groups left out."""
    wanted = set(region_ids)
    order = {r: i for i, r in enumerate(site.regions_sorted(lang))}
    groups = []
    for era, regions in timeline.eras_newest_first(site.data):
        ids = sorted((r.id for r in regions if r.id in wanted), key=order.__getitem__)
        if ids:
            groups.append(EraGroup(era, tuple(ids)))
    return groups


def heading(group: EraGroup, groups: list[EraGroup], lang: str) -> str | None:
    """The heading of a group on a list: its era's name; "other regions" for those
    without one among groups that have one; none for a site that has no eras at all."""
    if group.era is not None:
        return group.era.name.get(lang)
    return i18n.text("other_regions", lang) if len(groups) > 1 else None


def capital(word: str) -> str:
    return formats.capital(word)


def unit_label(site: Site, region_ids: Iterable[str], lang: str) -> str:
    """A column heading for a list of units in the words the data gives them, the most
    common first ("Hyvinvointialue/kaupunki": no spaces round a slash between single
    words); the neutral word where the data gives none for some unit."""
    counts: dict[str, int] = {}
    for region_id in region_ids:
        word = timeline.unit_word(site.data, site.data.regions[region_id])
        if word is None:
            return i18n.text("region", lang)
        counts[word.get(lang)] = counts.get(word.get(lang), 0) + 1
    # sorted() is stable: equally common words keep the order they first appeared in.
    words = sorted(counts, key=lambda w: -counts[w])
    return capital("/".join(words)) if words else i18n.text("region", lang)


def unit_name(site: Site, region: Region, lang: str) -> str | None:
    """What this one unit is (hyvinvointialue, kaupunki), if the data says."""
    word = timeline.unit_word(site.data, region)
    return word.get(lang) if word is not None else None


def _day(value: dt.date | None, lang: str) -> dict[str, str] | None:
    return {"text": i18n.format_date(value, lang), "iso": value.isoformat()} if value else None


def period(valid_from: dt.date | None, valid_to: dt.date | None, lang: str) -> dict[str, Any]:
    """A period for the partial period.html: its dates and the words around them, as
    core.formats writes a period ("1.1.2023 alkaen", "t.o.m. 31.12.2022",
    "1.10.2018–30.11.2018"), never a bare leading or trailing dash; empty when open at
    both ends (a unit of all time has no period to show)."""
    if valid_from is None and valid_to is None:
        return {}
    before, between, after = formats.period_frame(
        valid_from is not None, valid_to is not None, lang
    )
    return {
        "start": _day(valid_from, lang),
        "end": _day(valid_to, lang),
        "before": before,
        "between": between,
        "after": after,
        "text": formats.period(valid_from, valid_to, lang),
    }


def own_period(site: Site, region: Region, lang: str) -> dict[str, Any]:
    """The region's period where it differs from its era's: on a list under the era's
    heading, the era's own dates would only be repeated on every line."""
    era = timeline.era_of(site.data, region)
    if era is not None and (era.valid_from, era.valid_to) == (region.valid_from, region.valid_to):
        return {}
    return period(region.valid_from, region.valid_to, lang)


def party_names(site: Site, rnd: Round, lang: str, in_text: bool = False) -> list[str]:
    """The ministries and agencies negotiating in `rnd`, in the order rounds.yaml gives;
    `in_text`: as they write their names inside a sentence ("sosiaali- ja
    terveysministeriö"), not as a name standing alone on a line."""
    parties = [site.data.parties[p] for p in rnd.parties if p in site.data.parties]
    return [p.in_text(lang) if in_text else p.name.get(lang) for p in parties]


def party_list(site: Site, rnd: Round, lang: str, region_id: str | None = None) -> list[str]:
    """The parties in order, one per line (a cover); with a region, it is the last party
    named. A round whose parties the data does not name (no parties.yaml) has none: the
    region alone is no negotiation."""
    names = party_names(site, rnd, lang)
    region = site.data.regions.get(region_id or "")
    if names and region is not None:
        names.append(region.name.get(lang))
    return names


def parties_text(site: Site, rnd: Round, lang: str, region_id: str | None = None) -> str:
    """The parties as one line of running text: the ministries' names in lower case as
    they write them mid-sentence, then the region ("sosiaali- ja terveysministeriö ja
    Uusimaa"); without a region, the units of the round in their era's word ("…sekä
    kukin maakunta"), so that a round is never shown as one ministry negotiating alone."""
    names = party_names(site, rnd, lang, in_text=True)
    if not names:
        return ""
    region = site.data.regions.get(region_id or "")
    if region is not None:
        return i18n.listing([*names, region.name.get(lang)], lang)
    each = i18n.text("and_each_unit", lang, unit=_unit_word(site, rnd, lang))
    return f"{i18n.listing(names, lang)} {each}"


def _unit_word(site: Site, rnd: Round, lang: str) -> str:
    """One unit of the round in the words of its era ("maakunta"); the neutral word
    ("alue") where its units are called differently (counties and a city) or not at
    all. Asked by every page that shows the round: made once per round."""

    def make() -> str:
        words = {
            word.get(lang) if word is not None else None
            for word in (timeline.unit_word(site.data, r) for r in _regions_of_round(site, rnd))
        }
        if len(words) == 1 and None not in words:
            return str(words.pop())
        return i18n.text("region", lang).lower()

    return str(site.remember(("unit-word", f"{rnd.id}/{lang}"), make))


def _regions_of_round(site: Site, rnd: Round) -> tuple[Region, ...]:
    return tuple(
        site.remember(("regions-in-round", rnd.id), lambda: timeline.regions_in(site.data, rnd))
    )


@dataclass(frozen=True)
class Step:
    """One round in the history of a theme for a unit: its own round or a
    predecessor's."""

    round: Round
    region: str  # whose document: the unit itself or one of its predecessors
    own: bool


def theme_history(site: Site, theme_id: str, region_id: str) -> tuple[Step, ...]:
    """The rounds with the theme in a unit's history, oldest first: its predecessors'
    (transitively) while they existed, then its own. A round in which two of them
    existed comes once for each, predecessors first."""

    def make() -> tuple[Step, ...]:
        # Ancestors that existed in no round have no step: only those that did are
        # kept (see timeline.Ancestry).
        ancestry: timeline.Ancestry = site.remember(
            ("ancestors-in-rounds", ""),
            lambda: timeline.Ancestry(site.data, timeline.in_some_round(site.data)),
        )
        return _steps(site, theme_id, region_id, ancestry.of(region_id), documented=False)

    # Asked for by every language's theme pages and by the build's fingerprints.
    return tuple(site.remember(("history", f"{theme_id}/{region_id}"), make))


def documented_history(site: Site, theme_id: str, region_id: str) -> tuple[Step, ...]:
    """The steps of `theme_history` that have a negotiation document, in its order: all
    that decides whether the unit's page on the theme exists and what it compares.

    Asked for every unit and theme, where `theme_history` is asked only for the pages
    that exist: a unit at the end of a long succession whose units all existed in one
    long round has thousands of steps, and each unit of it all of its predecessors'."""

    def make() -> tuple[Step, ...]:
        def with_documents() -> timeline.Ancestry:
            documented = {region for kind, _, region in site.slots if kind == "negotiation"}
            return timeline.Ancestry(site.data, documented)

        ancestry: timeline.Ancestry = site.remember(
            ("ancestors-with-documents", ""), with_documents
        )
        return _steps(site, theme_id, region_id, ancestry.of(region_id), documented=True)

    return tuple(site.remember(("documented-history", f"{theme_id}/{region_id}"), make))


def _steps(
    site: Site, theme_id: str, region_id: str, ancestors: tuple[Region, ...], documented: bool
) -> tuple[Step, ...]:
    region = site.data.regions[region_id]
    units = [*ancestors, region]
    return tuple(
        Step(rnd, unit.id, unit.id == region_id)
        for rnd in site.rounds_with_theme(theme_id)
        for unit in units
        if timeline.valid_in(unit, rnd)
        and (not documented or ("negotiation", rnd.id, unit.id) in site.slots)
    )


def has_own_round(site: Site, theme_id: str, region_id: str) -> bool:
    """Whether the unit existed in some round with the theme (then it has a row in the
    theme's matrix)."""
    region = site.data.regions[region_id]
    return any(timeline.valid_in(region, rnd) for rnd in site.rounds_with_theme(theme_id))


def regions_in_round(site: Site, rnd: Round) -> tuple[str, ...]:
    """The ids of the regions that existed during `rnd`, in the order of regions.yaml."""
    return tuple(r.id for r in timeline.regions_in(site.data, rnd))
