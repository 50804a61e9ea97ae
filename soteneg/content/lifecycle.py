"""A document's life after publication, checked across documents: a withdrawal says
why, a replacement names a published document in force, corrections come after the
document's date, and the confidential original of a public version is not published
itself. Pure: it reads nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from soteneg.content.history import TIMEOUT, Edit, History
from soteneg.content.loader import Document
from soteneg.content.sources import CONTENT_DIR
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.core.text import number


def check_lifecycle(documents: tuple[Document, ...]) -> Iterator[Problem]:
    by_id = {d.id: d for d in documents if d.meta is not None}
    for doc in documents:
        meta = doc.meta
        if meta is None:
            continue
        at = doc.front.position
        if meta.status == "withdrawn" and meta.reason is None and meta.superseded_by is None:
            yield problem(doc.file, at(("status",)), "withdrawn-without-reason")
        if meta.reason is not None and not meta.withdrawn:
            yield problem(doc.file, at(("reason",)), "reason-without-withdrawal")
        if meta.superseded_by is not None:
            yield from _superseding(doc, meta.superseded_by, by_id)
        if meta.changes and meta.changes[0].date < meta.date:
            yield problem(
                doc.file,
                at(("changes", 0, "date")),
                "change-before-date",
                change=meta.changes[0].date.isoformat(),
                date=meta.date.isoformat(),
            )
        original = meta.public_version_of
        if original is not None:
            target = by_id.get(original.document)
            if target is not None and target.meta is not None and not target.meta.draft:
                yield problem(
                    doc.file,
                    at(("public_version_of", "document")),
                    "confidential-published",
                    target=original.document,
                )


def _superseding(doc: Document, target_id: str, by_id: dict[str, Document]) -> Iterator[Problem]:
    assert doc.meta is not None
    where = doc.front.position(("superseded_by",))
    target = by_id.get(target_id)
    if target is None or target.meta is None or target.meta.draft or target is doc:
        hint = did_you_mean(target_id, [i for i in by_id if i != doc.id])
        yield problem(doc.file, where, "unknown-superseding", hint=hint, target=target_id)
    elif target.meta.withdrawn:
        yield problem(doc.file, where, "superseded-by-withdrawn", target=target_id)


def check_edits(documents: tuple[Document, ...], edits: Mapping[str, Edit]) -> Iterator[Problem]:
    """A published document whose last commit changed what a reader sees (its title,
    summary or text) without adding a `changes:` entry: the reader is owed a note. Only
    where git can tell (content.history); a draft is not published yet."""
    for doc in documents:
        meta = doc.meta
        edit = edits.get(doc.file)
        if meta is None or meta.draft or edit is None or not edit.text_changed or edit.noted:
            continue
        yield problem(
            doc.file,
            doc.front.position(("changes",)),
            "changed-without-note",
            severity="warning",
            commit=edit.commit,
            date=edit.day.isoformat(),
        )


def late_history(history: History) -> Iterator[Problem]:
    """git did not answer in time: the pages show their own dates, and no earlier
    versions, where the same commit read on an idle machine shows the days of the last
    commits. Said, so that a build's output never changes with the machine's load
    unannounced."""
    if history.late:
        yield problem(
            CONTENT_DIR, None, "git-timeout", severity="warning", seconds=number(int(TIMEOUT))
        )
