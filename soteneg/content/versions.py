"""Earlier versions of the documents kept with `versions: keep`: which committed texts a
reader may still read, each under an address that never changes, parsed like any
document. Pure: git was read once at the input end (content.history).

A version is a run of consecutive commits that left the same text (title, summary and
body) for a reader; commits that changed only the rest of the front matter (a `changes:`
entry, `versions: keep` itself) stay in their version. A version is named by the day and
hash of the commit that first published its text, which later commits never change: its
address is `<the document's address>versiot/<YYYY-MM-DD>-<10 hex digits>/`. The current
version is the file on disk; a draft version was never published and is left out, and so
is the oldest text a bounded log saw when the log stopped before the file's first commit,
or before a version too large to read (its first commit, and so its name, are unknown).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from soteneg.content.front_matter import Change
from soteneg.content.history import Committed, Kept
from soteneg.content.loader import Document, decode, parse_document, split_front_matter
from soteneg.content.sources import SourceFile
from soteneg.content.yamlpos import parse_yaml
from soteneg.core.problems import Problem, problem

HASH_DIGITS = 10  # of the commit, in a version's name: fixed, unlike git's own abbreviation


@dataclass(frozen=True)
class Earlier:
    """One earlier version of a document."""

    key: str  # "2025-01-15-0123456789": the last part of its address
    day: dt.date  # the day of the commit that first published its text
    until: dt.date | None  # the day of the commit that replaced it; None: not committed yet
    commit: str  # the full hash of that first commit
    document: Document  # the version as it was, with the current document's id and file
    ended_by: tuple[Change, ...]  # the `changes:` entries the version after it added


# What a reader sees of a version: whether it was a draft, its title, summary and body.
Seen = tuple[object, ...]


def _seen(text: str | None, path: str) -> Seen | None:
    if text is None:
        return None
    split = split_front_matter(text, path)
    if not isinstance(split, tuple):
        return None
    front, body, _ = split
    doc, problems = parse_yaml(front, path)
    value = doc.value if not problems else None
    if not isinstance(value, dict):
        return None
    return _reader_sees(value, body)


def _reader_sees(front: dict[str, object], body: str) -> Seen:
    # `draft: false` written out is no draft, as is a version without the field.
    return (front.get("draft") is True, front.get("title"), front.get("summary"), body.strip())


def _text(version: Committed, path: str) -> str | None:
    if version.data is None:
        return None
    text, _ = decode(SourceFile(path, version.data))
    return text


@dataclass
class _Run:
    newest: Committed  # its last state, the one shown
    oldest: Committed  # the commit that first published its text
    seen: Seen | None


def _runs(current: Document, kept: Kept) -> list[_Run]:
    """The committed texts older than the current one, newest first."""
    path = current.file
    value = current.front.value if isinstance(current.front.value, dict) else {}
    ahead: Seen | None = _reader_sees(value, current.body)
    runs: list[_Run] = []
    first: list[Committed] = []  # the commits of the current text
    whole = kept.whole
    for version in kept.versions:
        if version.data is None:
            # Not read (too large, beyond the bounds): where the text before it began is
            # unknown, so the history read ends here, as at the end of a bounded log.
            whole = False
            break
        seen = _seen(_text(version, path), path)
        if seen == ahead and seen is not None:
            if runs:
                runs[-1].oldest = version
            else:
                first.append(version)
        else:
            runs.append(_Run(version, version, seen))
        ahead = seen
    if runs and not whole:
        runs.pop()  # its first commit lies beyond what was read
    # The current text's first commit ends the version before it.
    runs.insert(0, _Run(first[-1], first[-1], None) if first else _Run(_NONE, _NONE, None))
    return runs


_NONE = Committed("", dt.date.min, None)  # the current text, not committed yet


def earlier_versions(
    documents: tuple[Document, ...], kept: Mapping[str, Kept], allow_raw_html: bool, html: bool
) -> tuple[dict[str, tuple[Earlier, ...]], list[Problem]]:
    """Document id -> its earlier versions, newest first; and a warning for each version
    that cannot be read or validated (it is left out). `html`: render their bodies, as
    a build needs."""
    found: dict[str, tuple[Earlier, ...]] = {}
    problems: list[Problem] = []
    for doc in documents:
        meta = doc.meta
        history = kept.get(doc.file)
        if meta is None or meta.versions != "keep" or history is None:
            continue
        runs = _runs(doc, history)
        versions: list[Earlier] = []
        newer_changes = list(meta.changes)
        for newer, run in itertools.pairwise(runs):
            first = run.oldest
            if run.seen is not None and run.seen[0] is True:
                newer_changes = []
                continue  # a draft: never published
            old = _parse(doc, run.newest, allow_raw_html, html)
            if old is None or old.meta is None:
                where = doc.front.position(("versions",))
                day, commit = first.day.isoformat(), first.commit[:HASH_DIGITS]
                problems.append(
                    problem(
                        doc.file,
                        where,
                        "earlier-version-unreadable",
                        severity="warning",
                        date=day,
                        commit=commit,
                    )
                )
                newer_changes = []
                continue
            before = len(old.meta.changes)
            versions.append(
                Earlier(
                    key=f"{first.day.isoformat()}-{first.commit[:HASH_DIGITS]}",
                    day=first.day,
                    until=newer.oldest.day if newer.oldest.commit else None,
                    commit=first.commit,
                    document=old,
                    ended_by=tuple(newer_changes[before:]),
                )
            )
            newer_changes = list(old.meta.changes)
        if versions:
            found[doc.id] = tuple(versions)
    return found, problems


def _parse(
    current: Document, version: Committed, allow_raw_html: bool, html: bool
) -> Document | None:
    """The version as a document, through the same Markdown as the current one; None
    when it is not text, its front matter does not parse, or it does not validate."""
    text = _text(version, current.file)
    if text is None:
        return None
    source = SourceFile(current.file, version.data)
    old, problems = parse_document(source, text, allow_raw_html, html)
    if old is None or any(p.is_error for p in problems):
        return None
    return old
