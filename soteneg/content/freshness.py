"""Whether a translation is up to date with its original.

A translation records the version of the original it was made from
(`original_version:`, a short hash of the original's title, summary and body). When the
original's text changes, the hash no longer matches and the translation is outdated.
Dates, contacts and other fields do not count: a translation does not follow them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from soteneg.content.loader import Document
from soteneg.core.problems import Problem, problem

State = Literal["up-to-date", "outdated", "unknown", "missing"]


def version_of(original: Document) -> str:
    """The version a translation of `original` records: 12 hex digits."""
    assert original.meta is not None
    digest = hashlib.blake2b(digest_size=6)
    for part in (original.meta.title, original.meta.summary or "", original.body.strip()):
        text = "\n".join(line.rstrip() for line in part.split("\n"))
        digest.update(text.encode("utf-8") + b"\x00")
    return digest.hexdigest()


@dataclass(frozen=True)
class Translation:
    """One language of one original: its state, and the files involved."""

    original: Document
    lang: str
    state: State
    translation: Document | None = None  # None when missing

    @property
    def current(self) -> str:
        return version_of(self.original)


def state_of(translation: Document, original: Document) -> State:
    assert translation.meta is not None
    recorded = translation.meta.original_version
    if recorded is None:
        return "unknown"  # made before versions were recorded: cannot tell
    return "up-to-date" if recorded == version_of(original) else "outdated"


def translations(documents: Iterable[Document], languages: Iterable[str]) -> list[Translation]:
    """Every original and every other language of the site: the translation's state, or
    missing. In the order of the originals' ids, then the languages' order."""
    docs = [d for d in documents if d.meta is not None]
    by_id = {d.id: d for d in docs}
    found: dict[tuple[str, str], Document] = {}
    for doc in docs:
        assert doc.meta is not None
        target = doc.meta.translation_of
        if target is not None and target in by_id:
            found[(target, doc.meta.lang)] = doc
    langs = list(languages)
    result: list[Translation] = []
    for original in sorted((d for d in docs if d.meta.translation_of is None), key=_id):  # type: ignore[union-attr]
        assert original.meta is not None
        for lang in langs:
            if lang == original.meta.lang:
                continue
            doc = found.get((original.id, lang))
            if doc is None:
                result.append(Translation(original, lang, "missing"))
            else:
                result.append(Translation(original, lang, state_of(doc, original), doc))
    return result


def _id(doc: Document) -> str:
    return doc.id


def check_freshness(documents: Iterable[Document]) -> Iterator[Problem]:
    """A warning at each translation whose original changed since it was stamped. The
    translation is still published (with a notice on its page): an older translation
    is better than none, but its editor should know."""
    docs = [d for d in documents if d.meta is not None]
    by_id = {d.id: d for d in docs}
    for doc in docs:
        assert doc.meta is not None
        original = by_id.get(doc.meta.translation_of or "")
        if original is None or doc.meta.original_version is None:
            continue
        if state_of(doc, original) != "outdated":
            continue
        yield problem(
            doc.file,
            doc.front.position(("original_version",)),
            "translation-outdated",
            severity="warning",
            original=original.file,
            recorded=doc.meta.original_version,
            current=version_of(original),
            file=doc.file,
        )
