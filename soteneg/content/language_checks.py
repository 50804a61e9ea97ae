"""The languages a unit must publish in: a bilingual unit's documents exist in Finnish
and Swedish (Act 612/2021 § 5). A missing version is a warning, since translations often
follow the original by days; `soteneg status --translations` lists the same. Pure."""

from __future__ import annotations

from collections.abc import Iterator

from soteneg.content.loader import DataSet, Document
from soteneg.content.models import Region
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, joined, say

# A language as "in Finnish" and as "a Finnish version", for the message; the languages a
# unit must publish in are the site's interface languages.
IN_LANGUAGE = {
    "fi": say("@in-language.fi"),
    "sv": say("@in-language.sv"),
    "en": say("@in-language.en"),
}
VERSION = {"fi": say("@version.fi"), "sv": say("@version.sv"), "en": say("@version.en")}


def _listed(langs: list[str]) -> Text | str:
    named = [IN_LANGUAGE[lang] for lang in langs]
    if len(named) == 1:
        return named[0]
    return joined([joined(named[:-1]), named[-1]], say("@and"))  # type: ignore[return-value]


def missing_versions(
    documents: tuple[Document, ...], data: DataSet
) -> list[tuple[Document, Region, str]]:
    """(original document, its unit, language) for each language its unit must publish in that
    neither the original nor a translation of it is written in. Drafts are left out:
    they are not published."""
    versions: dict[str, set[str]] = {}
    for doc in documents:
        assert doc.meta is not None
        original = doc.meta.translation_of or doc.id
        versions.setdefault(original, set()).add(doc.meta.lang)
    found = []
    for doc in documents:
        meta = doc.meta
        assert meta is not None
        region = getattr(meta, "region", None)
        unit = data.regions.get(region) if isinstance(region, str) else None
        # A withdrawn document is owed no further language versions.
        if unit is None or meta.translation_of is not None or meta.draft or meta.withdrawn:
            continue
        found += [(doc, unit, lang) for lang in unit.languages if lang not in versions[doc.id]]
    return found


def check_required_languages(documents: tuple[Document, ...], data: DataSet) -> Iterator[Problem]:
    for doc, unit, lang in missing_versions(documents, data):
        yield problem(
            doc.file,
            doc.front.position(("region",)),
            "translation-missing",
            severity="warning",
            region=unit.id,
            languages=_listed(list(unit.languages)),
            version=VERSION[lang],
            lang=lang,
        )
