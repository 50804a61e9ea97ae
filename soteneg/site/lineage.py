"""A unit's line of texts on a theme, and which two of them a reader may compare.

The line is the unit's own rounds with a section on the theme, continued backwards
through its one predecessor where it took over from one (Pirkanmaan hyvinvointialue's
line begins with Pirkanmaa's 2018 sections); a unit with several predecessors starts a
line of its own. It is the same chain the theme's page compares round by round
(pages.themes), known from the documents' outlines, so that the build's plan, the link
check and the pages agree on which comparisons exist without rendering a body. A
section in any of the site's languages counts: a page exists in every language or in
none.

Which pairs get a page of their own is bounded by a constant per line: the latest
against the first and against the RECENT rounds before the previous one (the adjacent
pairs are on the theme's page already). A line of n texts has at most RECENT + 1 pages
of pairs, not n(n-1)/2 nor n-2: the generated 4577-document tree of bench/ has lines of
73 rounds, where every round against the latest made 9365 pages per language (more than
the site's other pages together) and every pair 301,525. README.md (Pages and URLs) and
the editors' guides say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from soteneg.content import timeline
from soteneg.site.eras import Step
from soteneg.site.index import Site
from soteneg.site.texts import NEGOTIATIONS, Texts

# How many of the rounds just before the previous one a line's latest is compared with
# on a page of its own (besides the line's first).
RECENT = 4


@dataclass(frozen=True)
class Pair:
    """Two texts of a line, the earlier first, with where they are in it."""

    before: int
    after: int

    @property
    def adjacent(self) -> bool:
        return self.after == self.before + 1


def entry_id(step: Step) -> str:
    """The id of the step's round on the theme's page of the unit (pages.themes)."""
    return f"r-{step.round.id}" if step.own else f"r-{step.round.id}-{step.region}"


def line(
    site: Site, theme_id: str, region_id: str, texts: Texts = NEGOTIATIONS
) -> tuple[Step, ...]:
    """The texts of the unit's line on the theme, oldest first (see the module's doc);
    `texts`: whose (the negotiation documents, or one body's assessments)."""

    def make() -> tuple[Step, ...]:
        lines: dict[str, tuple[Step, ...]] = {}
        data = site.data
        for step in texts.history(site, theme_id, region_id):
            group = texts.group(site, step.round.id, step.region)
            if not texts.has(site, group, theme_id):
                continue
            so_far = lines.get(step.region)
            if so_far is None:
                before = timeline.predecessors(data, data.regions[step.region])
                only = before[0].id if len(before) == 1 else ""
                so_far = lines.get(only, ())
            lines[step.region] = (*so_far, step)
        return lines.get(region_id, ())

    key = f"{texts.key}/{theme_id}/{region_id}"
    return tuple(site.remember(("theme-line", key), make))


def pairs(steps: tuple[Step, ...]) -> tuple[Pair, ...]:
    """The pairs a reader can choose: each text with the next (on the theme's page) and
    the latest with the first and with the RECENT before the previous one (a page each).
    A round that comes twice in the line (a predecessor's and the unit's own, when the
    round spans the change) names no page of its own: its address would be ambiguous."""
    last = len(steps) - 1
    found = [Pair(n, n + 1) for n in range(last)]
    counts = [s.round.id for s in steps]
    earlier = {0, *range(max(0, last - 1 - RECENT), last - 1)} & set(range(last - 1))
    found += [Pair(n, last) for n in earlier if counts.count(steps[n].round.id) == 1]
    return tuple(sorted(set(found), key=lambda p: (p.before, p.after)))


def far_pairs(
    site: Site, theme_id: str, region_id: str, texts: Texts = NEGOTIATIONS
) -> tuple[tuple[Step, Step], ...]:
    """The pairs that have a page of their own: not adjacent ones. Asked by each of them."""

    def make() -> tuple[tuple[Step, Step], ...]:
        steps = line(site, theme_id, region_id, texts)
        return tuple((steps[p.before], steps[p.after]) for p in pairs(steps) if not p.adjacent)

    key = f"{texts.key}/{theme_id}/{region_id}"
    return tuple(site.remember(("theme-far-pairs", key), make))
