"""What a document is called on pages, in search filters and in packets: its type, and
for an assessment the expert body that issued it, from parties.yaml ("THL:n arvio",
"AVI:n arvio"), never from code. Pure."""

from __future__ import annotations

from soteneg.content.front_matter import DocumentMeta
from soteneg.site import i18n
from soteneg.site.index import Site


def issuer_label(site: Site, issuer: str | None, lang: str) -> str:
    """An assessment by `issuer` (a party's id): "THL:n arvio"; a generic "Arvio" for one
    that names no issuer."""
    party = site.data.parties.get(issuer or "")
    if party is None:
        return i18n.text("assessment", lang)
    if party.short is not None:
        return i18n.text("assessment_by", lang, issuer=party.short.get(lang))
    return i18n.text("assessment_by_name", lang, issuer=party.name.get(lang))


def type_label(site: Site, meta: DocumentMeta, lang: str) -> str:
    """What kind of document `meta` is, in `lang`."""
    if meta.type == "assessment":
        return issuer_label(site, getattr(meta, "issuer", None), lang)
    return i18n.type_label(meta.type, lang)


def before_title(label: str, title: str) -> str | None:
    """The label to show before a title ("THL:n arvio: <title>"), or None when the title
    already begins with it: "THL:n arvio: THL:n arvio: Lappi" says it twice."""
    return None if title.casefold().startswith(label.casefold()) else label
