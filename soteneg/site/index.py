"""The Site: published documents indexed by round, region, theme and language. Pure.

Everything a template needs sorted or grouped is sorted and grouped here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from markupsafe import Markup

from soteneg.content.config import SiteConfig
from soteneg.content.loader import Content, DataSet, Document, content_path
from soteneg.content.models import Round
from soteneg.content.versions import Earlier
from soteneg.core import routes
from soteneg.core.options import BuildOptions
from soteneg.core.text import Text, say


@dataclass(frozen=True)
class Group:
    """A document and its translations: one path, one version per language."""

    id: str  # the original's id
    path: str  # language-neutral URL path
    versions: Mapping[str, Document]
    original_lang: str

    @property
    def original(self) -> Document:
        return self.versions[self.original_lang]

    def version(self, lang: str) -> Document | None:
        return self.versions.get(lang)

    def best(self, lang: str) -> Document:
        """The version in `lang`, else the original."""
        return self.versions.get(lang) or self.original


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    data: DataSet
    languages: tuple[str, ...]  # default first, then those that have content
    groups: Mapping[str, Group]  # by original id, sorted by id
    group_of: Mapping[str, str]  # document id -> group id
    rounds: tuple[Round, ...]  # oldest first
    # (type, round, region) -> group id; for assessments the first in the order of the
    # round's experts (all of them: `assessments`).
    slots: Mapping[tuple[str, str, str], str]
    news: tuple[str, ...]  # group ids, newest first
    pages: tuple[str, ...]  # group ids of plain pages, by title
    # Files published with the documents (attachments, images), by path under content/.
    files: Mapping[str, Any] = field(default_factory=dict)
    # Documents this build leaves out, by id: why, for the problem a link to one gets.
    unpublished: Mapping[str, Text] = field(default_factory=dict)
    content_mark: str | None = None  # BuildOptions.content_mark
    assessed: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # A round's withdrawn and superseded documents (group ids, by id): they keep their
    # pages but no slot, so lists, comparisons and packets leave them out.
    withdrawn: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The day each published document was last updated, by id: its last commit where
    # git tells (content.history), else its last correction, else its date.
    updated: Mapping[str, dt.date] = field(default_factory=dict)
    # The earlier versions of each published document kept with `versions: keep`, by
    # id, newest first (content.versions).
    earlier: Mapping[str, tuple[Earlier, ...]] = field(default_factory=dict)

    @property
    def default_lang(self) -> str:
        return self.config.default_lang

    @cached_property
    def published(self) -> Mapping[str, Document]:
        """Every published document version by id."""
        return {d.id: d for g in self.groups.values() for d in g.versions.values()}

    def content(self, html: str) -> Markup:
        """HTML an editor wrote (a document's body, a section of it) as a page shows it:
        in the preview between its marks (BuildOptions.content_mark)."""
        mark = self.content_mark
        return Markup(f"<!--{mark}-->{html}<!--/{mark}-->" if mark else html)

    def link_target(self, doc: Document, path: str) -> Document | Any | None:
        """What a relative link in `doc` leads to: a published document (for `.md`), a
        published file, or None (unpublished, missing, or outside content/)."""
        target = content_path(doc.id, path)
        if target is None:
            return None
        if target.endswith(".md"):
            return self.published.get(target[:-3])
        return self.files.get(target)

    @cached_property
    def _memo(self) -> dict[tuple[str, str], Any]:
        """Answers asked for thousands of times per build (URLs, region orders)."""
        return {}

    def remember(self, key: tuple[str, str], make: Callable[[], Any]) -> Any:
        """The answer to `key`, made once per Site."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @property
    def answers(self) -> Mapping[tuple[str, str], Any]:
        """Every answer made so far: the patched Site of the next save takes those the
        save cannot change (index_kept, index_answers)."""
        return self._memo

    def take_answers(self, answers: Mapping[tuple[str, str], Any]) -> None:
        """Answers a Site equal in all they read made (index_kept): not made again."""
        self._memo.update(answers)

    def answered_once(
        self, key: tuple[str, str], answer: Callable[[str], str]
    ) -> Callable[[str], str]:
        """`answer`, asked each question once per Site (links asked for by a page's
        fingerprint, its body and the link check alike)."""
        answers: dict[str, str] = self.remember(key, dict)

        def once(question: str) -> str:
            found = answers.get(question)
            if found is None:
                found = answers[question] = answer(question)
            return found

        return once

    def url(self, doc: Document) -> str:
        key = ("url", doc.id)
        found = self._memo.get(key)
        if found is None:
            group = self.groups[self.group_of[doc.id]]
            assert doc.meta is not None
            found = self._memo[key] = routes.version(group.path, doc.meta.lang, self.default_lang)
        return str(found)

    def group(self, doc: Document) -> Group:
        return self.groups[self.group_of[doc.id]]

    def slot(self, kind: str, round_id: str, region_id: str = "") -> Group | None:
        group_id = self.slots.get((kind, round_id, region_id))
        return self.groups[group_id] if group_id else None

    def assessments(self, round_id: str, region_id: str) -> tuple[Group, ...]:
        """A unit's assessments in a round, one per expert body, in the order of the
        round's experts (an assessment naming no issuer first)."""
        return tuple(self.groups[g] for g in self.assessed.get((round_id, region_id), ()))

    @property
    def current_round(self) -> Round | None:
        return self.rounds[-1] if self.rounds else None

    def rounds_with_theme(self, theme_id: str) -> tuple[Round, ...]:
        return tuple(r for r in self.rounds if theme_id in r.themes)

    def regions_sorted(self, lang: str) -> list[str]:
        key = ("regions", lang)
        if key not in self._memo:
            self._memo[key] = sorted(
                self.data.regions, key=lambda r: collate(self.data.regions[r].name.get(lang))
            )
        return list(self._memo[key])


_FINNISH_ORDER = {"å": "z{", "ä": "z|", "ö": "z}"}


def collate(text: str) -> str:
    # Finnish and Swedish sort å, ä and ö after z, not as a and o.
    return "".join(_FINNISH_ORDER.get(c, c) for c in text.lower())


def is_published(doc: Document, options: BuildOptions) -> bool:
    meta = doc.meta
    assert meta is not None
    if meta.draft and not options.drafts:
        return False
    return not (meta.publish_at and options.now and meta.publish_at > options.now)


def build_site(content: Content, options: BuildOptions) -> Site:
    """Index the published documents. Assumes `check` found no errors."""
    config = content.config
    assert config is not None
    if options.base_path is not None:
        parts = urlsplit(config.base_url)
        config = config.model_copy(
            update={"base_url": urlunsplit((parts.scheme, parts.netloc, options.base_path, "", ""))}
        )
    published = [d for d in content.documents if is_published(d, options)]
    by_id = {d.id: d for d in published}
    unpublished = {
        d.id: _why_unpublished(d) for d in content.documents if d.id not in by_id and d.meta
    }

    group_of: dict[str, str] = {}
    members: dict[str, dict[str, Document]] = {}
    for doc in sorted(published, key=lambda d: d.id):
        assert doc.meta is not None
        target = doc.meta.translation_of
        # A translation whose original is not published (a draft, say) stands alone, and
        # so does one that names another translation (check reports translation-chain;
        # `build_site` also runs on content with errors, for the print budgets).
        joins = target in by_id and by_id[target].meta.translation_of is None  # type: ignore[union-attr]
        group_id = target if joins and target is not None else doc.id
        group_of[doc.id] = group_id
        members.setdefault(group_id, {})[doc.meta.lang] = doc

    groups: dict[str, Group] = {}
    for group_id in sorted(members):
        original = by_id[group_id]
        assert original.meta is not None
        groups[group_id] = Group(
            id=group_id,
            path=routes.document(group_id, original.meta),
            versions=dict(sorted(members[group_id].items())),
            original_lang=original.meta.lang,
        )

    used_langs = {d.meta.lang for d in published if d.meta}
    languages = tuple(
        lang for lang in config.languages if lang == config.default_lang or lang in used_langs
    )
    if config.default_lang not in languages:
        languages = (config.default_lang, *languages)

    slots: dict[tuple[str, str, str], str] = {}
    assessed: dict[tuple[str, str], list[str]] = {}
    withdrawn: dict[str, list[str]] = {}
    for group in groups.values():
        meta = group.original.meta
        assert meta is not None
        if meta.withdrawn:
            withdrawn.setdefault(getattr(meta, "round", "") or "", []).append(group.id)
            continue
        if meta.type in ("negotiation", "summary"):
            key = (meta.type, getattr(meta, "round", ""), getattr(meta, "region", "") or "")
            slots[key] = group.id
        elif meta.type == "assessment":
            assessed.setdefault((getattr(meta, "round", ""), meta.region), []).append(group.id)

    def expert_order(round_id: str) -> Callable[[str], tuple[int, str]]:
        round_ = content.data.rounds.get(round_id)
        experts = list(round_.experts) if round_ else []

        def order(group_id: str) -> tuple[int, str]:
            issuer = getattr(groups[group_id].original.meta, "issuer", None)
            if issuer is None:
                return (-1, "")
            return (experts.index(issuer) if issuer in experts else len(experts), issuer)

        return order

    assessed_in_order = {
        key: tuple(sorted(ids, key=expert_order(key[0]))) for key, ids in assessed.items()
    }
    for (round_id, region_id), ids in assessed_in_order.items():
        slots[("assessment", round_id, region_id)] = ids[0]

    def newest_first(group_id: str) -> tuple[dt.date, str]:
        meta = groups[group_id].original.meta
        assert meta is not None
        return (meta.date, group_id)

    def listed_as(kind: str) -> list[str]:
        # A withdrawn or replaced item keeps its page but leaves the lists and the feed.
        return [
            g.id
            for g in groups.values()
            if g.original.meta and g.original.meta.type == kind and not g.original.meta.withdrawn
        ]

    news = sorted(
        listed_as("news"),
        key=newest_first,
        reverse=True,
    )
    pages = sorted(listed_as("page"))
    rounds = tuple(sorted(content.data.rounds.values(), key=lambda r: (r.start, r.id)))
    return Site(
        config=config,
        data=content.data,
        languages=languages,
        groups=groups,
        group_of=group_of,
        rounds=rounds,
        slots=slots,
        assessed=assessed_in_order,
        withdrawn={k: tuple(v) for k, v in sorted(withdrawn.items())},
        updated={d.id: last_updated(d, content.committed) for d in published},
        earlier={d.id: content.earlier[d.id] for d in published if d.id in content.earlier},
        news=tuple(news),
        pages=tuple(pages),
        unpublished=unpublished,
        content_mark=options.content_mark,
    )


def last_updated(doc: Document, committed: Mapping[str, dt.date]) -> dt.date:
    """The day `doc` last changed, as the repository tells: its last commit, or the last
    of its `changes:`, or its `date`, whichever is latest. Never the clock."""
    meta = doc.meta
    assert meta is not None
    days = [meta.date, *(c.date for c in meta.changes)]
    if doc.file in committed:
        days.append(committed[doc.file])
    return max(days)


def _why_unpublished(doc: Document) -> Text:
    meta = doc.meta
    assert meta is not None
    if meta.draft:
        return say("@links-to-draft", file=doc.file)
    return say("@links-to-embargoed", file=doc.file, moment=str(meta.publish_at))
