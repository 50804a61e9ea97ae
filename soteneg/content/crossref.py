"""The one cross-reference pass: everything that needs more than one file to be checked.

Ids resolve (regions, rounds, themes, people, eras, parties, translations), theme
sections belong to their round, a document's region existed during its round and the
regions' succession holds together (`time_checks`), no two documents claim the same slot
or address (`addresses`), and relative links and their anchors lead somewhere. Pure: it
reads nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from soteneg.content.addresses import check_addresses
from soteneg.content.addresses import slot as document_slot
from soteneg.content.data_checks import check_data, missing
from soteneg.content.freshness import check_freshness
from soteneg.content.graph import Checked, FrontMaker, Graph, fronts_of, still_true
from soteneg.content.language_checks import check_required_languages
from soteneg.content.lifecycle import check_lifecycle
from soteneg.content.link_checks import check_link, links_to
from soteneg.content.loader import Content, DataSet, Document
from soteneg.content.recommendations import check_recommendations
from soteneg.content.sources import CONFIG_FILE
from soteneg.content.statutory_checks import check_diary_numbers, check_statutory
from soteneg.content.suggest import region_hint, theme_hint
from soteneg.content.time_checks import check_region_in_round
from soteneg.content.yamlpos import parse_yaml
from soteneg.core.names import LANGS
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.core.text import joined


def _field(doc: Document, name: str, shape: type = str) -> Any:
    """A front matter value, from the model when valid, else raw if it has the right shape."""
    if doc.meta is not None:
        return getattr(doc.meta, name, None)
    raw = doc.front.value.get(name) if isinstance(doc.front.value, dict) else None
    if shape is str and isinstance(raw, str):
        return raw
    if shape is list and isinstance(raw, list) and all(isinstance(x, str) for x in raw):
        return raw
    return None


def _check_references(doc: Document, data: DataSet) -> Iterator[Problem]:
    at = doc.front.position
    region = _field(doc, "region")
    round_id = _field(doc, "round")
    round_ = data.rounds.get(round_id) if isinstance(round_id, str) else None
    if isinstance(region, str) and missing(data, "regions.yaml", data.regions, region):
        yield problem(
            doc.file,
            at(("region",)),
            "unknown-region",
            hint=region_hint(region, data, round_),
            value=region,
        )
    if isinstance(round_id, str) and missing(data, "rounds.yaml", data.rounds, round_id):
        yield problem(
            doc.file,
            at(("round",)),
            "unknown-round",
            hint=did_you_mean(round_id, data.rounds),
            value=round_id,
        )
    if isinstance(region, str) and region in data.regions and round_ is not None:
        yield from check_region_in_round(
            doc.file, at(("region",)), data, data.regions[region], round_
        )
    for j, theme in enumerate(_field(doc, "themes", list) or ()):
        if missing(data, "themes.yaml", data.themes, theme):
            yield problem(
                doc.file,
                at(("themes", j)),
                "unknown-theme",
                hint=theme_hint(theme, data, round_),
                value=theme,
            )
        elif round_ is not None and theme not in round_.themes:
            yield _theme_outside_round(theme, round_.id, round_.themes, doc.file, at(("themes", j)))
    for j, person in enumerate(_field(doc, "contacts", list) or ()):
        if missing(data, "people.yaml", data.people, person):
            yield problem(
                doc.file,
                at(("contacts", j)),
                "unknown-person",
                hint=did_you_mean(person, data.people),
                value=person,
            )


def _theme_outside_round(
    theme: str, round_id: str, themes: Collection[str], file: str, position: tuple[int, int]
) -> Problem:
    return problem(
        file,
        position,
        "theme-not-in-round",
        theme=theme,
        round=round_id,
        themes=joined(themes),
    )


def _check_sections(doc: Document, data: DataSet) -> Iterator[Problem]:
    round_id = _field(doc, "round")
    round_ = data.rounds.get(round_id) if isinstance(round_id, str) else None
    seen: dict[str, int] = {}
    for heading in doc.outline.headings:
        line = doc.body_line + heading.line
        for message in heading.attr_errors:
            yield problem(doc.file, (line, 1), "heading-attribute", error=message)
        theme = heading.theme
        if theme is None:
            continue
        position = (line, heading.column)
        if heading.level != 2:
            yield problem(
                doc.file,
                position,
                "theme-section-level",
                theme=theme,
            )
        if missing(data, "themes.yaml", data.themes, theme):
            yield problem(
                doc.file,
                position,
                "unknown-theme",
                hint=theme_hint(theme, data, round_),
                value=theme,
            )
        elif round_ is not None and theme not in round_.themes:
            yield _theme_outside_round(theme, round_.id, round_.themes, doc.file, position)
        if theme in seen:
            yield problem(
                doc.file,
                position,
                "duplicate-section",
                theme=theme,
                line=seen[theme],
            )
        seen.setdefault(theme, line)


def _check_duplicates(documents: tuple[Document, ...]) -> Iterator[Problem]:
    first: dict[tuple[str, ...], Document] = {}
    for doc in documents:
        slot = document_slot(doc)
        if slot is None:
            continue
        if slot in first:
            yield problem(
                doc.file,
                doc.front.position(("type",)),
                "duplicate-document",
                type=slot[0],
                where=", ".join(slot[1:]),
                file=first[slot].file,
            )
        else:
            first[slot] = doc


def _check_translations(
    documents: tuple[Document, ...], all_ids: Collection[str]
) -> Iterator[Problem]:
    by_id = {d.id: d for d in documents}
    claimed: dict[tuple[str, str], Document] = {}
    for doc in documents:
        assert doc.meta is not None
        target_id = doc.meta.translation_of
        if target_id is None:
            continue
        at = doc.front.position(("translation_of",))
        target = by_id.get(target_id)
        if target is None:
            if target_id not in all_ids:
                yield problem(
                    doc.file,
                    at,
                    "unknown-translation",
                    hint=did_you_mean(target_id, all_ids),
                    target=target_id,
                )
            continue
        assert target.meta is not None
        if target.meta.lang == doc.meta.lang:
            yield problem(
                doc.file,
                at,
                "translation-same-lang",
                target=target_id,
                lang=doc.meta.lang,
            )
        if target.meta.translation_of is not None:
            yield problem(
                doc.file,
                at,
                "translation-chain",
                target=target_id,
                original=target.meta.translation_of,
            )
        if target.meta.type != doc.meta.type:
            yield problem(
                doc.file,
                at,
                "translation-type",
                target=target_id,
                theirs=target.meta.type,
                mine=doc.meta.type,
            )
        for key in ("round", "region"):
            mine, theirs = getattr(doc.meta, key, None), getattr(target.meta, key, None)
            if mine != theirs:
                yield problem(
                    doc.file,
                    doc.front.position((key,)),
                    "translation-mismatch",
                    field=key,
                    mine=f"{mine}",
                    theirs=f"{theirs}",
                )
        key = (target_id, doc.meta.lang)
        if key in claimed:
            yield problem(
                doc.file,
                at,
                "duplicate-translation",
                file=claimed[key].file,
                target=target_id,
                lang=doc.meta.lang,
            )
        else:
            claimed[key] = doc


def document_checks(
    doc: Document,
    content: Content,
    valid: bool,
    by_id: Mapping[str, Document],
    all_ids: Collection[str],
) -> Iterator[Problem]:
    """Every check of one document that reads only it, the data files, site.yaml, the
    set of document ids and the anchors of the documents it links to (content.graph
    keeps them apart from the site-wide rules for that)."""
    yield from _check_references(doc, content.data)
    yield from _check_sections(doc, content.data)
    if valid and content.config is not None:
        assert doc.meta is not None
        # The Sámi languages have no interface of their own: their documents are
        # published in the default language's tree, whatever `languages` lists.
        if doc.meta.lang in LANGS and doc.meta.lang not in content.config.languages:
            yield problem(
                doc.file,
                doc.front.position(("lang",)),
                "language-not-published",
                lang=doc.meta.lang,
            )
    if valid:
        yield from check_statutory(doc, content.data)
    for link in doc.outline.links:
        found = check_link(doc, link, by_id, all_ids)
        if found is not None:
            yield found


def cross_check(content: Content, all_ids: Collection[str]) -> list[Problem]:
    """`cross_check_with`, all made now."""
    return cross_check_with(content, all_ids)[0]


def cross_check_with(
    content: Content,
    all_ids: Collection[str],
    keys: Mapping[str, str] | None = None,
    context: str = "",
    last: Graph | None = None,
    front: Callable[[Document, tuple[str, bool], FrontMaker], bytes] | None = None,
) -> tuple[list[Problem], Graph]:
    """`all_ids`: every document found, valid or not, so a link to a broken file is not
    reported twice. Files other than documents are checked by `attachments`. `keys`
    (document file -> content.graph.file_key) and `context` (content.graph.context_of):
    the per-document checks of `last` that still hold are kept, not made again; the
    graph returned is this check's, for the next. `front`: each document's part of
    the digest of front matter kept across checks (content.graph.fronts_of)."""
    problems = list(check_data(content.data))
    readable = content.documents + content.rejected
    valid = {doc.file for doc in content.documents}
    by_id = {d.id: d for d in readable}
    keys = keys or {}
    kept = still_true(last, context, keys)
    checked: dict[str, Checked] = {}
    for doc in readable:
        found = kept.get(doc.file)
        if found is None:
            made = tuple(document_checks(doc, content, doc.file in valid, by_id, all_ids))
            found = Checked(keys.get(doc.file, ""), links_to(doc), made)
        checked[doc.file] = found
        problems.extend(found.problems)
    for file, key in keys.items():  # files that did not read: nothing checked, nothing read
        checked.setdefault(file, Checked(key, (), ()))
    if content.config is not None:
        problems.extend(_check_languages_used(content))
    problems.extend(check_freshness(content.documents))  # reads bodies: always
    fronts = fronts_of(content, keys, context, front) if keys else ""
    if last is not None and fronts and last.fronts == fronts:
        site_wide = last.site_wide
    else:
        site_wide = tuple(_site_wide(content, all_ids))
    problems.extend(site_wide)
    return problems, Graph(context, checked, fronts, site_wide)


def _site_wide(content: Content, all_ids: Collection[str]) -> Iterator[Problem]:
    """The rules over every document that read only front matter, the data files,
    site.yaml and the document ids (content.graph.fronts_of)."""
    yield from check_diary_numbers(content.documents)
    yield from check_recommendations(content.documents, content.data)
    yield from check_required_languages(content.documents, content.data)
    yield from check_lifecycle(content.documents)
    yield from _check_duplicates(content.documents)
    yield from check_addresses(content)
    yield from _check_translations(content.documents, all_ids)


def _check_languages_used(content: Content) -> Iterator[Problem]:
    """A language listed in site.yaml that no document is written in gets no pages at
    all (see site.build_site): say so, rather than leave a promise the site cannot keep."""
    assert content.config is not None
    if "languages" not in content.config.model_fields_set:
        return  # the default (fi, sv) promises nothing the site owner wrote
    used = {doc.meta.lang for doc in content.documents if doc.meta is not None}
    listed = content.config.languages
    unused = [lang for lang in listed if lang not in used and lang != content.config.default_lang]
    if not unused:
        return
    config_doc, _ = parse_yaml(content.texts.get(CONFIG_FILE, ""), CONFIG_FILE)
    for lang in unused:
        where = ("languages", listed.index(lang))
        yield problem(
            CONFIG_FILE,
            config_doc.position(where),
            "language-without-content",
            severity="warning",
            lang=lang,
        )
