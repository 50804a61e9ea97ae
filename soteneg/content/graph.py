"""The dependency graph of the per-document checks, so that an edit re-checks only what
it can change (issue 29).

A per-document check (`crossref.document_checks`) reads one document, the data files,
site.yaml's languages, the set of every document's id (a broken link's suggestion) and
the anchors of the documents its relative links land on; nothing else. So each document
keeps, beside its problems, the key of its own bytes and its outgoing links (`Checked`),
and the graph keeps the digest of everything the documents share (`context`). The
reverse of the links says who read a document's anchors: when a document changes, it
and the documents linking to it are checked again, and every other document's problems
are the last check's. When the shared part changes (a data file, site.yaml, a document
added, removed or renamed, other parse options), every document is checked again.

The site-wide rules (unique slots, diary numbers, addresses, translations, lifecycle,
recommendations' chains, required languages) read every document, but only its front
matter: their problems are kept whole while no document's front matter (nor the shared
context) changed, as after an edit of a body, and made again over every document after
any other edit. The print budgets of the PDFs (packets.budgets) are kept the same way,
under the digest of every front matter and each document's figures in print, and each
document's links judged against the files a build writes (build.content_links) under the
digest of all else those read. Pure: it reads nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from soteneg.content.loader import Content, Document
from soteneg.content.project_files import ProjectFiles
from soteneg.content.sources import CONTENT_DIR, SourceFile
from soteneg.core.problems import Problem


@dataclass(frozen=True)
class Checked:
    """One document file's per-document check: the key of the bytes it was made from,
    the ids of the documents its relative links land on (written, found or not), and
    the problems found."""

    made_of: str
    links_to: tuple[str, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Judged:
    """One document file's links judged against the files a build writes
    (build.content_links): the key of its bytes, the problems, and whether it links to
    an id on a page made from the data files (whose ids only rendering tells: judged
    again at every check)."""

    made_of: str
    problems: tuple[Problem, ...]
    fragments: bool


@dataclass(frozen=True)
class Graph:
    """Every document file's `Checked`, by file, for one `context`; and the problems
    of the site-wide rules that read only front matter, for one `fronts`."""

    context: str
    documents: Mapping[str, Checked] = field(default_factory=dict)
    # The site-wide rules' problems, and the digest of what they read (`fronts_of`).
    fronts: str = ""
    site_wide: tuple[Problem, ...] = ()
    # The print budgets' problems of the PDFs and the build, and the digest of what
    # they read (packets.budgets.check_with): kept by the check, not read here.
    packets: str = ""
    over_budget: tuple[Problem, ...] = ()
    # Each document's links judged against the files a build writes, and the digest of
    # what they read besides the document (build.content_links.links_key).
    links: str = ""
    judged: Mapping[str, Judged] = field(default_factory=dict)

    def linking_to(self) -> dict[str, set[str]]:
        """The reverse index: a document id -> the files whose links land on it."""
        found: dict[str, set[str]] = {}
        for file, checked in self.documents.items():
            for target in checked.links_to:
                found.setdefault(target, set()).add(file)
        return found


def document_id(file: str) -> str:
    """A document file's id, as links and `every_document` name it."""
    return file.removeprefix(CONTENT_DIR + "/").removesuffix(".md")


def file_key(source: SourceFile) -> str:
    """All of a document file a per-document check can depend on: its bytes (or why it
    was not read); the digest of its bytes, which a file known unchanged by its stamp
    was not read again for."""
    digest = hashlib.blake2b(source.digest or b"", digest_size=16)
    digest.update(f"\0{source.path}\0{source.refused_code}".encode())
    return digest.hexdigest()


def context_of(files: ProjectFiles, html: bool, for_print: bool) -> str:
    """The digest of what every document's checks share: site.yaml, the data files, the
    set of document files, and the options the documents were parsed with."""
    digest = hashlib.blake2b(f"{html}\0{for_print}".encode(), digest_size=16)
    shared = ([files.config] if files.config is not None else []) + list(files.data_files)
    for source in shared:
        digest.update(f"\0{source.path}\0{source.refused_code}\0".encode())
        digest.update(hashlib.blake2b(source.data or b"", digest_size=16).digest())
    for source in sorted(files.documents, key=lambda s: s.path):
        digest.update(f"\0{source.path}".encode())
    digest.update(f"\0{files.too_many}".encode())
    return digest.hexdigest()


def still_true(last: Graph | None, context: str, keys: Mapping[str, str]) -> dict[str, Checked]:
    """The last check's results that hold for the files of `keys` (file -> `file_key`):
    none when the shared context changed; else those of every file neither changed nor
    linking to a changed one."""
    if last is None or last.context != context:
        return {}
    changed = {
        file
        for file, key in keys.items()
        if (kept := last.documents.get(file)) is None or kept.made_of != key
    }
    linking = last.linking_to()
    again = set(changed)
    for file in changed:
        again |= linking.get(document_id(file), set())
    return {
        file: last.documents[file] for file in keys if file not in again and file in last.documents
    }


# A document's part of fronts_of, from it and what else it reads (front_part).
FrontMaker = Callable[[Document, tuple[str, bool]], bytes]


def fronts_of(
    content: Content,
    keys: Mapping[str, str],
    context: str,
    kept: Callable[[Document, tuple[str, bool], FrontMaker], bytes] | None = None,
) -> str:
    """The digest of what the site-wide rules read: the shared context and each
    document file's front matter (its whole text when the body cannot be told apart;
    the key of a file that did not read). `kept(doc, reads, make)`: `make(doc, reads)`,
    or what it made before of the same document and reads (content.warm.Warm.front_part:
    the preview's saves, where this was 25 CPU ms at 5000 documents)."""
    digest = hashlib.blake2b(context.encode(), digest_size=16)
    valid = {doc.file: doc for doc in content.documents}
    readable = {**{doc.file: doc for doc in content.rejected}, **valid}
    texts = content.texts
    parts = []
    for file in sorted(keys):
        doc = readable.get(file)
        if doc is None:
            parts.append(_digest(f"\0{file}\0{keys[file]}\0".encode()))
            continue
        # All a part reads besides the document (its file and body): the file's text
        # and whether the document is valid.
        reads = (texts.get(file, ""), file in valid)
        parts.append(kept(doc, reads, front_part) if kept else front_part(doc, reads))
    # Each part a digest of one length: the front matter of 5000 documents hashed
    # whole on every save was a fifth of this.
    digest.update(b"".join(parts))
    return digest.hexdigest()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def front_part(doc: Document, reads: tuple[str, bool]) -> bytes:
    """A readable document's part of `fronts_of`: the digest of its file, whether it is
    valid and its front matter (`reads`: its file's text and that)."""
    text, is_valid = reads
    front = text[: len(text) - len(doc.body)] if text.endswith(doc.body) else text
    head = f"\0{doc.file}\0{is_valid}\0{len(front)}\0".encode()
    return _digest(head + front.encode("utf-8", "surrogatepass"))
