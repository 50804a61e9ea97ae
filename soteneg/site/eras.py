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
from soteneg.content.models import Era, Kind, Membership, Names, Region, Round, Succession
from soteneg.core import formats
from soteneg.site import i18n
from soteneg.site.index import Site


@dataclass(frozen=True)
class EraGroup:
    era: Era | None  # None: regions the data gives no (known) era
    regions: tuple[str, ...]  # region ids, by name in the page's language
    # Units without an era are grouped by their kind (the whole country), if they have one.
    kind: Kind | None = None


def grouped(site: Site, region_ids: Iterable[str], lang: str) -> list[EraGroup]:
    """`region_ids` by era, the newest era first, each by name; empty groups left out.
    Units of no era come after, by kind in the order of kinds.yaml, then the rest."""
    wanted = set(region_ids)
    groups = []
    for era, regions in timeline.eras_newest_first(site.data):
        ids = sorted_by_name(site, (r.id for r in regions if r.id in wanted), lang)
        if not ids:
            continue
        if era is not None:
            groups.append(EraGroup(era, tuple(ids)))
            continue
        by_kind: dict[str | None, list[str]] = {}
        for region_id in ids:
            kind = kind_of(site, site.data.regions[region_id])
            by_kind.setdefault(kind.id if kind else None, []).append(region_id)
        for kind_id in [*site.data.kinds, None]:
            if kind_id in by_kind:
                kind = site.data.kinds.get(kind_id or "")
                groups.append(EraGroup(None, tuple(by_kind[kind_id]), kind))
    return groups


def heading(group: EraGroup, groups: list[EraGroup], lang: str) -> str | None:
    """The heading of a group on a list: its era's name, or for units of no era their
    kind's words ("Koko maa"); "other regions" for those without either among groups
    that have one; none for a site that has neither eras nor kinds."""
    if group.era is not None:
        return group.era.name.get(lang)
    if group.kind is not None:
        return capital(group.kind.many.get(lang))
    return i18n.text("other_regions", lang) if len(groups) > 1 else None


def kind_of(site: Site, region: Region) -> Kind | None:
    """The unit's kind (kinds.yaml), if the data gives it one."""
    return site.data.kinds.get(region.kind or "")


def section_of(site: Site, region: Region) -> str:
    """Where a round's page lists the unit: "units", "areas" or "country" (its kind's
    `section`); a unit of no kind is listed with the units."""
    kind = kind_of(site, region)
    return kind.section if kind is not None else "units"


def is_negotiated(site: Site, region: Region) -> bool:
    """Whether the ministries negotiate with the unit (its kind says; the whole country
    has documents about it, but no negotiation)."""
    kind = kind_of(site, region)
    return kind.negotiated if kind is not None else True


def _words(site: Site, region: Region) -> tuple[Names, Names | None] | None:
    """What one unit is called, and many of its kind, where the data says."""
    if region.unit is not None:
        return region.unit, None
    kind = kind_of(site, region)
    if kind is not None:
        return kind.one, kind.many
    era = timeline.era_of(site.data, region)
    if era is not None and era.unit is not None:
        return era.unit, era.units
    return None


def section_heading(site: Site, region_ids: Iterable[str], lang: str) -> str | None:
    """A heading for a list of units in the words the data gives them, the most common
    first, in the plural where there are several of a kind: "Hyvinvointialueet, kaupunki
    ja yhtymä". None where the data gives some unit no words."""
    counts: dict[str, int] = {}
    plural: dict[str, str] = {}
    for region_id in region_ids:
        words = _words(site, site.data.regions[region_id])
        if words is None:
            return None
        one, many = words
        counts[one.get(lang)] = counts.get(one.get(lang), 0) + 1
        plural.setdefault(one.get(lang), many.get(lang) if many is not None else one.get(lang))
    # sorted() is stable: equally common words keep the order they first appeared in.
    ordered = sorted(counts, key=lambda w: -counts[w])
    phrases = [plural[w] if counts[w] > 1 else w for w in ordered]
    return capital(i18n.listing(phrases, lang)) if phrases else None


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
            for word in (
                timeline.unit_word(site.data, r)
                for r in _regions_of_round(site, rnd)
                # The whole country is no party: its word is not the round's.
                if timeline.negotiated(site.data, r)
            )
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


# --- parts that moved, areas and their members -----------------------------------------


def parts_received(site: Site, region_id: str) -> tuple[tuple[Region, Succession], ...]:
    """The units a part of which moved to `region_id` (municipalities, with the day), in
    the order of regions.yaml: history for its page, not predecessors whose documents it
    continues."""

    def make() -> dict[str, list[tuple[Region, Succession]]]:
        found: dict[str, list[tuple[Region, Succession]]] = {}
        for region in site.data.regions.values():
            for moved in region.parts_moved:
                found.setdefault(moved.unit, []).append((region, moved))
        return found

    received: dict[str, list[tuple[Region, Succession]]]
    received = site.remember(("parts-received", ""), make)
    return tuple(received.get(region_id, ()))


def areas_of(site: Site, region_id: str) -> tuple[tuple[Region, Membership], ...]:
    """The units `region_id` is a member of (collaboration areas), in the order of
    regions.yaml, each with the membership's period."""

    def make() -> dict[str, list[tuple[Region, Membership]]]:
        found: dict[str, list[tuple[Region, Membership]]] = {}
        for region in site.data.regions.values():
            for member in region.members:
                found.setdefault(member.unit, []).append((region, member))
        return found

    areas: dict[str, list[tuple[Region, Membership]]] = site.remember(("areas-of", ""), make)
    return tuple(areas.get(region_id, ()))


def part_text(moved: Succession, lang: str) -> str:
    """What moved and when: "osa: Iitti 1.1.2021"."""
    assert moved.part is not None and moved.date is not None
    return i18n.text(
        "part_moved", lang, part=moved.part.get(lang), date=i18n.format_date(moved.date, lang)
    )


def sorted_by_name(site: Site, region_ids: Iterable[str], lang: str) -> list[str]:
    """`region_ids` in the order of their names in `lang` (site.regions_sorted's), at a
    cost of how many they are, not of how many units the site has."""
    order: dict[str, int] = site.remember(
        ("name-order", lang), lambda: {r: i for i, r in enumerate(site.regions_sorted(lang))}
    )
    return sorted(set(region_ids), key=order.__getitem__)
