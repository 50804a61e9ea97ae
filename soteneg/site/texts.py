"""Whose texts on a theme a unit's comparison pages read, as data: the unit's negotiation
documents, or one expert body's assessments of it (THL's, AVI's). One value per kind,
so that the pages, the build's plan and the link check ask the same question of each
(issue 27: assessments get the same comparison as negotiation documents)."""

from __future__ import annotations

from dataclasses import dataclass

from soteneg.core import routes
from soteneg.site import eras, labels
from soteneg.site.eras import Step
from soteneg.site.index import Group, Site


@dataclass(frozen=True)
class Texts:
    kind: str  # the document type read: negotiation or assessment
    issuer: str = ""  # an assessment's expert body (a party's id)
    # Whether the unit's page exists with one text: a negotiation's does (the theme's
    # matrix links every unit's history); assessments get a page where two compare.
    alone: bool = False

    def label(self, site: Site, lang: str) -> str | None:
        """What the texts are, where a page names them: "THL:n arvio"."""
        return labels.issuer_label(site, self.issuer, lang) if self.issuer else None

    @property
    def key(self) -> str:
        """A name for the build's unit keys and memos: "negotiation", "assessment-thl"."""
        return f"{self.kind}-{self.issuer}" if self.issuer else self.kind

    def group(self, site: Site, round_id: str, region_id: str) -> Group | None:
        """The unit's text of this kind in the round, if there is one."""
        if self.kind != "assessment":
            return site.slot(self.kind, round_id, region_id)
        return next(
            (
                g
                for g in site.assessments(round_id, region_id)
                if getattr(g.original.meta, "issuer", None) == self.issuer
            ),
            None,
        )

    def history(self, site: Site, theme_id: str, region_id: str) -> tuple[Step, ...]:
        """The steps of the unit's history on the theme that have a text of this kind."""
        if self.kind == "negotiation":
            return eras.documented_history(site, theme_id, region_id)
        return tuple(
            s
            for s in eras.theme_history(site, theme_id, region_id)
            if self.group(site, s.round.id, s.region) is not None
        )

    def page(self, theme_id: str, region_id: str) -> str:
        """The unit's page of the theme for this kind: every round compared."""
        if self.issuer:
            return routes.theme_assessments(theme_id, region_id, self.issuer)
        return routes.theme_region(theme_id, region_id)

    def pair(self, theme_id: str, region_id: str, before: str, after: str) -> str:
        """Two rounds compared, below the page."""
        return routes.pair_below(self.page(theme_id, region_id), before, after)


NEGOTIATIONS = Texts("negotiation", alone=True)


def of(meta: object) -> Texts | None:
    """The texts a document is one of: a negotiation document the unit's, an assessment
    its body's; None for any other."""
    kind = getattr(meta, "type", None)
    if kind == NEGOTIATIONS.kind:
        return NEGOTIATIONS
    issuer = getattr(meta, "issuer", None)
    return Texts("assessment", issuer) if kind == "assessment" and issuer else None


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
