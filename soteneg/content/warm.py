"""What a check keeps of its site-wide passes for the next check in the same process
(the preview's saves): the data files as parsed, and each document's file references,
placeholder warnings, part of the links key and lines its chapter prints besides its body.
A save changes one document; these were parsed and listed again for every file on
every save (about 0.08 CPU s of a save's 0.95 at 5000 documents).

Each is kept under all its result depends on, and nothing is ever read from outside
this process: a data file under its path, model and whole text (`parse_data_file` is
pure in them); a document's references and placeholders under the document itself, by identity (a
Document is immutable, and the preview's cache in memory hands back the same object
for a file whose bytes are unchanged). A check without a Warm of its own (`soteneg
build`, `check`) makes a new one, so that the references of a document are listed
once, not once for the check and again for the published site. What a check no longer
asks for (a document deleted or renamed, a data file removed) is forgotten after it
(`keep_only`): a preview left running for a day of edits holds no more than one check's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from soteneg.content.attachments import FileRef, references
from soteneg.content.loader import DataParsed, Document, parse_data_file
from soteneg.content.models import Strict
from soteneg.content.placeholders import check_placeholders
from soteneg.content.sources import Walk
from soteneg.core.problems import Problem


class Warm:
    def __init__(self) -> None:
        # path -> ((model, text), what parse_data_file made of them)
        self._data: dict[str, tuple[tuple[type[Strict], str], DataParsed]] = {}
        # document file -> (the document, its references)
        self._refs: dict[str, tuple[Document, tuple[FileRef, ...]]] = {}
        # document file -> (the document, its placeholder warnings)
        self._placeholders: dict[str, tuple[Document, tuple[Problem, ...]]] = {}
        # document file -> (the document, the function, what it made of the document)
        self._parts: dict[str, tuple[Document, Callable[[Document], bytes], bytes]] = {}
        # document file -> (the document, the function, the lines it made of the document)
        self._lines: dict[str, tuple[Document, Callable[[Document], float], float]] = {}
        # document file -> (the document, what else its part read, its part)
        self._packet_parts: dict[str, tuple[Document, object, bytes]] = {}
        # document file -> (the document, what else its part read, its part)
        self._front_parts: dict[str, tuple[Document, tuple[str, bool], bytes]] = {}
        # What the last check's walk of content/ found: a save the watcher vouches for
        # (unchanged.Told) lists the same files, and is not walked again.
        self.walk: Walk | None = None

    def data_file(self, file: str, text: str, model: type[Strict]) -> DataParsed:
        """`parse_data_file(file, text, model)`, kept while the three are the same."""
        key = (model, text)
        kept = self._data.get(file)
        if kept is None or kept[0] != key:
            kept = self._data[file] = (key, parse_data_file(file, text, model))
        entries, doc, index, problems = kept[1]
        # New containers: the caller owns what it is given (the values are immutable).
        return dict(entries), doc, dict(index), list(problems)

    def references(self, doc: Document) -> list[FileRef]:
        """`attachments.references(doc)`, kept while `doc` is the same object."""
        return _kept_for(self._refs, doc, references)

    def placeholders(self, doc: Document) -> list[Problem]:
        """`check_placeholders([doc])`, kept while `doc` is the same object (every
        document's body split into lines on every save: 0.03 CPU s at 5000 documents)."""
        return _kept_for(self._placeholders, doc, lambda d: check_placeholders([d]))

    def key_part(self, doc: Document, make: Callable[[Document], bytes]) -> bytes:
        """`make(doc)`, a document's part of a site-wide key (`make` is a pure function
        of the document), kept while `doc` and `make` are the same objects."""
        return _made_by(self._parts, doc, make)

    def print_lines(self, doc: Document, make: Callable[[Document], float]) -> float:
        """`make(doc)`, what a document's chapter prints besides its body (`make` is a
        pure function of the document: packets.budgets.chapter_lines), kept while `doc`
        and `make` are the same objects. Made for every document on every save, it was
        3 % of a save at 5000 documents."""
        return _made_by(self._lines, doc, make)

    def packet_part(self, doc: Document, reads: object, make: Callable[[Document], bytes]) -> bytes:
        """`make(doc)`, a document's part of the print budgets' key
        (packets.budgets._packets_key), kept while `doc` is the same object and `reads`,
        all else `make` reads (its attached PDFs' pages, its images' lines, duplex),
        compares equal. Made for every document on every save, the key was 12 % of a save
        at 5000 documents."""
        return _made_with(self._packet_parts, doc, reads, lambda: make(doc))

    def front_part(
        self,
        doc: Document,
        reads: tuple[str, bool],
        make: Callable[[Document, tuple[str, bool]], bytes],
    ) -> bytes:
        """`make(doc, reads)`, a document's part of the digest of front matter
        (content.graph.fronts_of, `make` a pure function of the two), kept while `doc`
        is the same object and `reads` (its file's text, whether it is valid) compares
        equal. Made for every document on every save, it was 25 CPU ms of a save at
        5000 documents."""
        return _made_with(self._front_parts, doc, reads, lambda: make(doc, reads))

    def seed(
        self,
        doc: Document,
        refs: Iterable[FileRef] | None,
        placeholders: Iterable[Problem] | None,
        lines: tuple[Callable[[Document], float], float] | None,
        part: tuple[Callable[[Document], bytes], bytes] | None,
    ) -> None:
        """Keep for `doc` what a check derived from a document parsed from the same
        bytes under the same options (the build's cache, cache.derived): `lines` and
        `part` with the function that made them. Each is kept as if made now."""
        if refs is not None:
            self._refs[doc.file] = (doc, tuple(refs))
        if placeholders is not None:
            self._placeholders[doc.file] = (doc, tuple(placeholders))
        if lines is not None:
            self._lines[doc.file] = (doc, *lines)
        if part is not None:
            self._parts[doc.file] = (doc, *part)

    def made_for(
        self,
        doc: Document,
        lines_by: Callable[[Document], float],
        part_by: Callable[[Document], bytes],
    ) -> tuple[tuple[FileRef, ...] | None, tuple[Problem, ...] | None, float | None, bytes | None]:
        """What is kept for `doc` itself: its references, its placeholder warnings, the
        lines made by `lines_by` and the part made by `part_by`; None where nothing is."""
        refs = _kept(self._refs, doc)
        found = _kept(self._placeholders, doc)
        lines = _kept(self._lines, doc, lines_by)
        part = _kept(self._parts, doc, part_by)
        return (
            None if refs is None else refs[1],
            None if found is None else found[1],
            None if lines is None else lines[2],
            None if part is None else part[2],
        )

    def kept(self) -> frozenset[str]:
        """The document files and data files something is kept for."""
        found = frozenset(self._refs) | frozenset(self._placeholders) | frozenset(self._parts)
        found |= frozenset(self._packet_parts) | frozenset(self._front_parts)
        return found | frozenset(self._lines) | frozenset(self._data)

    def keep_only(self, documents: Iterable[str], data_files: Iterable[str]) -> None:
        """Forget what is kept for any other document file or data file: those of this
        check are all that the next can ask for again."""
        wanted = set(documents)
        self._refs = {file: kept for file, kept in self._refs.items() if file in wanted}
        self._placeholders = {f: kept for f, kept in self._placeholders.items() if f in wanted}
        self._parts = {file: kept for file, kept in self._parts.items() if file in wanted}
        self._lines = {file: kept for file, kept in self._lines.items() if file in wanted}
        parts = self._packet_parts
        self._packet_parts = {file: kept for file, kept in parts.items() if file in wanted}
        fronts = self._front_parts
        self._front_parts = {file: kept for file, kept in fronts.items() if file in wanted}
        present = set(data_files)
        self._data = {file: kept for file, kept in self._data.items() if file in present}


T = TypeVar("T")
K = TypeVar("K", bound=tuple[object, ...])
R = TypeVar("R")


def _kept(store: Mapping[str, K], doc: Document, *made_by: object) -> K | None:
    """What `store` keeps under the document's file, if it was made of `doc` and
    `made_by` themselves (its first items, by identity: a Document is immutable and the
    functions pure, so the same objects make the same value); else None."""
    kept = store.get(doc.file)
    if kept is None or any(a is not b for a, b in zip(kept, (doc, *made_by), strict=False)):
        return None
    return kept


def _kept_for(
    store: dict[str, tuple[Document, tuple[T, ...]]],
    doc: Document,
    make: Callable[[Document], Iterable[T]],
) -> list[T]:
    """`make(doc)`, kept in `store` under the document's file while `doc` is the same
    object there."""
    kept = _kept(store, doc)
    if kept is None:
        kept = store[doc.file] = (doc, tuple(make(doc)))
    return list(kept[1])


def _made_by(
    store: dict[str, tuple[Document, Callable[[Document], T], T]],
    doc: Document,
    make: Callable[[Document], T],
) -> T:
    """`make(doc)`, kept in `store` under the document's file while `doc` and `make` are
    the same objects there."""
    kept = _kept(store, doc, make)
    if kept is None:
        kept = store[doc.file] = (doc, make, make(doc))
    return kept[2]


def _made_with(
    store: dict[str, tuple[Document, R, bytes]],
    doc: Document,
    reads: R,
    make: Callable[[], bytes],
) -> bytes:
    """`make()`, kept in `store` under the document's file while `doc` is the same
    object there and `reads` (all else `make` reads) compares equal."""
    kept = _kept(store, doc)
    if kept is None or kept[1] != reads:
        kept = store[doc.file] = (doc, reads, make())
    return kept[2]
