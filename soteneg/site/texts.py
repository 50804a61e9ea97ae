"""Whose texts on a theme a unit's comparison pages read, as data: the unit's negotiation
documents, one expert body's assessments of it (THL's, AVI's), or the recommended actions
its negotiation documents give. One value per kind, its Reading saying how its texts are
found, so that the pages, the build's plan and the link check ask the same question of
each (issue 27: assessments and recommendations get the same comparison as negotiation
documents)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from soteneg.core import routes
from soteneg.site import eras, i18n, labels
from soteneg.site import recommendations as recs
from soteneg.site.eras import Step
from soteneg.site.index import Group, Site


def _slot(site: Site, texts: Texts, round_id: str, region_id: str) -> Group | None:
    """The unit's negotiation document of the round (its recommendations are in it)."""
    return site.slot("negotiation", round_id, region_id)


def _assessment(site: Site, texts: Texts, round_id: str, region_id: str) -> Group | None:
    """The unit's assessment of the round by the texts' expert body."""
    return next(
        (
            g
            for g in site.assessments(round_id, region_id)
            if getattr(g.original.meta, "issuer", None) == texts.issuer
        ),
        None,
    )


def _has_section(site: Site, group: Group, theme_id: str) -> bool:
    """Whether a version of `group` shown in one of the site's languages has a section on
    the theme: a level-2 heading that carries it (as markdown.parse makes sections)."""
    return any(
        h.level == 2 and h.theme == theme_id
        for lang in site.languages
        for h in group.best(lang).outline.headings
    )


def _advised(site: Site, group: Group) -> frozenset[str]:
    """The themes a negotiation document gives a recommended action on or follows one up
    on (its original's: a translation gives the same, which check makes sure of); read
    once per document, as every theme of every unit asks."""

    def make() -> frozenset[str]:
        meta = group.original.meta
        found = {r.theme for r in getattr(meta, "recommendations", ())}
        if getattr(meta, "follow_up", ()):
            found.update(
                track.given.recommendation.theme
                for _, track in recs.follow_ups_in(site, group)
                if track is not None
            )
        return frozenset(found)

    return site.remember(("advised-themes", group.id), make)  # type: ignore[no-any-return]


def _advises(site: Site, group: Group, theme_id: str) -> bool:
    """Whether a negotiation document gives or follows up a recommendation on the theme."""
    return theme_id in _advised(site, group)


@dataclass(frozen=True)
class Reading:
    """How a comparison finds its texts: which document of a round is the unit's, whether
    it has text on a theme, and where the unit's page of them is below its theme page."""

    find: Callable[[Site, Texts, str, str], Group | None]
    has: Callable[[Site, Group, str], bool]
    folder: Callable[[Texts], str]  # "" for the theme page of the unit itself
    # What a page calls the texts where it names them ("THL:n arvio"); None: it does not.
    label: Callable[[Site, Texts, str], str | None]
    # The document type whose pages are these texts and link to their comparisons (none
    # for recommendations, which are part of a negotiation document), and whether its
    # texts are one expert body's (an assessment's issuer).
    document: str | None = None
    by_issuer: bool = False
    # Whether the unit's page exists with one text: a negotiation's does (the theme's
    # matrix links every unit's history); the others get a page where two compare.
    alone: bool = False
    # Whether the history is only the documented rounds (eras.documented_history, asked
    # for every unit and theme) rather than every round with the theme filtered.
    documented: bool = False


READINGS: dict[str, Reading] = {
    "negotiation": Reading(
        _slot,
        _has_section,
        lambda texts: "",
        lambda site, texts, lang: None,
        document="negotiation",
        alone=True,
        documented=True,
    ),
    "assessment": Reading(
        _assessment,
        _has_section,
        lambda texts: f"arvio/{texts.issuer}/",
        lambda site, texts, lang: labels.issuer_label(site, texts.issuer, lang),
        document="assessment",
        by_issuer=True,
    ),
    # A unit's recommended actions on a theme, round by round (front matter of its
    # negotiation documents), compared as the others are.
    "recommendation": Reading(
        _slot,
        _advises,
        lambda texts: routes.RECOMMENDATIONS,
        lambda site, texts, lang: i18n.text("recommendations", lang),
    ),
}


@dataclass(frozen=True)
class Texts:
    kind: str  # what is read: a key of READINGS
    issuer: str = ""  # an assessment's expert body (a party's id)

    @property
    def reading(self) -> Reading:
        return READINGS[self.kind]

    @property
    def alone(self) -> bool:
        return self.reading.alone

    def label(self, site: Site, lang: str) -> str | None:
        """What the texts are, where a page names them: "THL:n arvio"."""
        return self.reading.label(site, self, lang)

    @property
    def key(self) -> str:
        """A name for the build's unit keys and memos: "negotiation", "assessment-thl"."""
        return f"{self.kind}-{self.issuer}" if self.issuer else self.kind

    def group(self, site: Site, round_id: str, region_id: str) -> Group | None:
        """The unit's text of this kind in the round, if there is one."""
        return self.reading.find(site, self, round_id, region_id)

    def has(self, site: Site, group: Group | None, theme_id: str) -> bool:
        """Whether `group` has text of this kind on the theme."""
        return group is not None and self.reading.has(site, group, theme_id)

    def history(self, site: Site, theme_id: str, region_id: str) -> tuple[Step, ...]:
        """The steps of the unit's history on the theme that have a text of this kind."""
        if self.reading.documented:
            return eras.documented_history(site, theme_id, region_id)
        return tuple(
            s
            for s in eras.theme_history(site, theme_id, region_id)
            if self.group(site, s.round.id, s.region) is not None
        )

    def page(self, theme_id: str, region_id: str) -> str:
        """The unit's page of the theme for this kind: every round compared."""
        return routes.theme_region(theme_id, region_id) + self.reading.folder(self)

    def pair(self, theme_id: str, region_id: str, before: str, after: str) -> str:
        """Two rounds compared, below the page."""
        return routes.pair_below(self.page(theme_id, region_id), before, after)


NEGOTIATIONS = Texts("negotiation")
RECOMMENDATIONS = Texts("recommendation")


def of(meta: object) -> Texts | None:
    """The texts a document is one of: a negotiation document the unit's, an assessment
    its body's; None for any other (one that names no body included)."""
    kind = getattr(meta, "type", None)
    issuer = getattr(meta, "issuer", None) or ""
    for name, reading in READINGS.items():
        if reading.document == kind and reading.by_issuer == bool(issuer):
            return Texts(name, issuer)
    return None


def assessed(site: Site) -> tuple[tuple[Texts, str, str], ...]:
    """(texts, theme, unit) of every unit's assessments by one body with a section on a
    theme, in a stable order: the candidates for a comparison page of assessments."""

    def make() -> tuple[tuple[Texts, str, str], ...]:
        found: set[tuple[str, str, str]] = set()
        for group in site.groups.values():
            meta = group.original.meta
            issuer = getattr(meta, "issuer", None)
            if meta is None or meta.type != "assessment" or not issuer:
                continue
            region = getattr(meta, "region", "")
            if region not in site.data.regions:
                continue
            for doc in group.versions.values():
                for h in doc.outline.headings:
                    if h.level == 2 and h.theme in site.data.themes:
                        found.add((issuer, h.theme, region))
        return tuple((Texts("assessment", i), t, r) for i, t, r in sorted(found))

    return tuple(site.remember(("assessed-themes", ""), make))


def recommended(site: Site) -> tuple[tuple[str, str], ...]:
    """(theme, unit) of every unit whose negotiation document gives or follows up a
    recommended action on a theme, in a stable order: the candidates for a comparison page
    of recommendations (its line needs two such rounds, site.lineage)."""

    def make() -> tuple[tuple[str, str], ...]:
        found: set[tuple[str, str]] = set()
        for group in site.groups.values():
            meta = group.original.meta
            region = getattr(meta, "region", "")
            # Recommendations are given in the document the negotiation's texts are.
            given_in = NEGOTIATIONS.reading.document
            if meta is None or meta.type != given_in or region not in site.data.regions:
                continue
            found.update(
                (theme_id, region)
                for theme_id in _advised(site, group)
                if theme_id in site.data.themes
            )
        return tuple(sorted(found))

    return tuple(site.remember(("recommended-themes", ""), make))
