"""Where each document is published, checked before anything is built. Pure.

A document's address (`routes.document`) must be a clean URL path, written like a
document id (`models.DOC_ID_PATTERN`: lowercase a–z, digits, `-`, `_`, `.`), and it must
be that document's alone: not another document's (`url-collision`), and not an address
the build writes for other reasons (`reserved-address`): the pages made from the data
files, 404.html, sitemap.xml, robots.txt, the news feeds, the PDFs and the folders the
build fills itself (`routes.BUILD_FOLDERS`, the other languages' trees). Otherwise the
build stops at an "Is a directory" that names no document, blames a template for the
broken link an address with `#` or `?` makes, or loses a page without a word (Pagefind
replaces /pagefind/ whole).

Every language mirrors the default one (each document has a page, or a placeholder, in
every language, and so has each generated page), so addresses are compared in the
default language's tree, where they are the language-neutral paths themselves. A version
in a language the interface does not speak (North, Inari, Skolt Sámi) is published one
level below its document there (`routes.version`: `<path>se/`, its PDF `<path>se.pdf`):
those addresses are taken too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from soteneg.content.loader import Content, Document
from soteneg.content.models import DOC_ID_PATTERN
from soteneg.content.sources import CONTENT_DIR
from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, joined, say, verbatim

# Characters a clean address may have: nothing to escape in a URL path, nothing that
# means something there (`#`, `?`, `%`, `;`) or in a shell, and one spelling only, so
# that case-insensitive file systems (macOS, Windows) and Unicode normalisation (a name
# from macOS is often NFD) cannot make two addresses one. ä, ö and å are written as a, o
# and a, as in heading anchors and `soteneg new`'s file names. The same characters as a
# `translation_of` id, so that a translation can always name its original.
_CLEAN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")
_ADDRESS = re.compile(DOC_ID_PATTERN)
RULE = say("@address.rule")


def slot(doc: Document) -> tuple[str, ...] | None:
    """The place a round document fills: two documents cannot fill one (duplicate-document)."""
    meta = doc.meta
    if meta is None or meta.withdrawn:
        # A withdrawn or replaced document keeps its address but gives up its place: its
        # replacement takes it.
        return None
    if meta.type == "negotiation":
        return (meta.type, getattr(meta, "round", ""), getattr(meta, "region", ""), meta.lang)
    if meta.type == "assessment":
        # Several expert bodies assess a unit in one round: each fills a slot of its own.
        issuer = getattr(meta, "issuer", None) or ""
        return (
            meta.type,
            getattr(meta, "round", ""),
            getattr(meta, "region", ""),
            issuer,
            meta.lang,
        )
    if meta.type == "summary":
        return (meta.type, getattr(meta, "round", ""), meta.lang)
    return None


@dataclass(frozen=True)
class _Original:
    """A document whose file gives an address: its own, or one for its translations too."""

    doc: Document
    path: str  # the address, language-neutral

    def at(self) -> tuple[int, int]:
        # Its type decides whether the file name is the address: point at it.
        return self.doc.front.position(("type",), prefer_key=True)


def _originals(documents: tuple[Document, ...]) -> list[_Original]:
    """The documents that give an address, as build_site groups them: originals, and
    translations that stand alone, at their own file's address, when their original is
    missing or may be left out of a build (a draft, an embargo)."""
    by_id = {d.id: d for d in documents}
    found = []
    for doc in documents:
        assert doc.meta is not None
        own = routes.document(doc.id, doc.meta)
        target = by_id.get(doc.meta.translation_of or "")
        if target is None:
            found.append(_Original(doc, own))
            continue
        assert target.meta is not None
        alone = target.meta.draft or target.meta.publish_at is not None
        if alone and own != routes.document(target.id, target.meta):
            found.append(_Original(doc, own))
    return found


def _group_path(doc: Document, by_id: Mapping[str, Document]) -> tuple[str, str] | None:
    """(group id, address) of the document a version belongs to: its original's, or its
    own where it translates none; None for a translation of an unknown document."""
    assert doc.meta is not None
    target = doc.meta.translation_of
    if target is not None and target not in by_id:
        return None
    group_id = target if target is not None else doc.id
    original = by_id[group_id].meta
    assert original is not None
    return group_id, routes.document(group_id, original)


def elsewhere(documents: tuple[Document, ...], default: str) -> list[tuple[Document, str]]:
    """The versions in languages the interface does not speak, each with its address
    below its document's (`routes.version`, as Site.url publishes it)."""
    by_id = {d.id: d for d in documents}
    found = []
    for doc in documents:
        assert doc.meta is not None
        if doc.meta.lang in LANGS:
            continue
        group = _group_path(doc, by_id)
        if group is not None:
            found.append((doc, routes.version(group[1], doc.meta.lang, default)))
    return found


def check_addresses(content: Content) -> Iterator[Problem]:
    originals = _originals(content.documents)
    clean = []
    for original in originals:
        found = _unsafe(original)
        if found is not None:
            yield found
        else:
            clean.append(original)
    default = content.config.default_lang if content.config is not None else LANGS[0]
    yield from _check_collisions(content.documents, default)
    if content.config is not None:
        yield from _check_reserved(content, clean, originals)


# --- clean addresses -------------------------------------------------------------------


def _shown(char: str) -> Text:
    if char == " ":
        return say("@address.space")
    if char.isspace() or not char.isprintable():
        return verbatim(f"U+{ord(char):04X}")
    return verbatim(f"'{char}'")


def _why_unclean(segment: str) -> Text:
    unclean = [c for c in dict.fromkeys(segment) if c not in _CLEAN_CHARS]
    upper = [c for c in unclean if c.isascii() and c.isupper()]
    bad = [_shown(c) for c in unclean if c not in upper]
    if upper:
        letters = ", ".join(f"'{c}'" for c in upper[:3]) + (", …" if len(upper) > 3 else "")
        bad.insert(0, say("@address.uppercase", letters=letters))
    if not bad:
        return say("@address.begins-with", segment=segment, first=segment[0])
    if len(bad) > 5:
        return say("@address.has-more", segment=segment, chars=joined(bad[:5]), more=len(bad) - 5)
    return say("@address.has", segment=segment, chars=joined(bad))


def _cleaned(segment: str) -> str:
    """The segment in the characters of a clean address: ä -> a, '#' -> '-'."""
    decomposed = unicodedata.normalize("NFKD", segment.lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    replaced = "".join(c if c in _CLEAN_CHARS else "-" for c in kept)
    return re.sub(r"-{2,}", "-", replaced).lstrip("._-").rstrip("-") or "sivu"


def _renamed(doc: Document) -> str | None:
    """The file name that would give a clean address: every folder of a page's path, a
    news item's file name only (routes.document)."""
    assert doc.meta is not None
    if doc.meta.type not in ("page", "news"):
        return None  # addresses made of data ids, which are slugs already
    base = routes.strip_lang_suffix(doc.id)
    parts = base.split("/")
    first = 0 if doc.meta.type == "page" else len(parts) - 1
    parts[first:] = [_cleaned(p) for p in parts[first:]]
    return f"{CONTENT_DIR}/{'/'.join(parts)}{doc.id[len(base) :]}.md"


def _unsafe(original: _Original) -> Problem | None:
    path = original.path
    if _ADDRESS.fullmatch(path.strip("/")):
        return None
    segment = next(s for s in path.strip("/").split("/") if not _ADDRESS.fullmatch(s))
    renamed = _renamed(original.doc)
    return problem(
        original.doc.file,
        original.at(),
        "unsafe-address",
        hint=say("@address.rename", renamed=renamed, rule=RULE) if renamed else RULE,
        path=path,
        why=_why_unclean(segment),
    )


# --- one address, one document ---------------------------------------------------------


def _check_collisions(documents: tuple[Document, ...], default: str) -> Iterator[Problem]:
    """Two documents that are not versions of one another but get one address: in
    practice a translation that does not say what it translates (`uutinen.sv.md` beside
    `uutinen.md`), or a page named like a Sámi version's address (`arvio/thl/se.md`).
    The build would write both to one file; say so here, at the file."""
    by_id = {d.id: d for d in documents}
    first: dict[str, tuple[str, Document]] = {}
    # A Sámi version's page is its own: it takes its address before any other document.
    for doc, path in elsewhere(documents, default):
        assert doc.meta is not None
        first.setdefault(path, (f"{doc.id}\0{doc.meta.lang}", doc))
    for doc in documents:
        assert doc.meta is not None
        found = _group_path(doc, by_id)
        if found is None:
            continue  # unknown-translation says what is wrong
        group_id, path = found
        other_group, other = first.setdefault(path, (group_id, doc))
        if other_group == group_id or slot(other) == slot(doc) is not None:
            continue  # versions of one document, or a duplicate-document already reported
        assert other.meta is not None
        suggestion = say("@url-collision.rename")
        if other.meta.lang != doc.meta.lang and other.meta.translation_of is None:
            suggestion = say(
                "@url-collision.translation", other=other.file, id=other.id, rename=suggestion
            )
        yield problem(
            doc.file,
            doc.front.position(
                ("translation_of",) if doc.meta.translation_of else ("type",), prefer_key=True
            ),
            "url-collision.documents",
            hint=suggestion,
            other=other.file,
            path=path,
        )


# --- addresses the build keeps for itself ----------------------------------------------


@dataclass(frozen=True)
class Reserved:
    """The addresses the build keeps for itself, in the default language's tree."""

    pages: Mapping[str, routes.Said]  # path of a page made from the data -> what it is
    folders: Mapping[str, Text]  # folder the build fills -> what it holds
    # A page's folder the build makes pages inside, named by the data (two rounds
    # compared): looked up by each folder on a path's way, not searched for.
    below: Mapping[str, routes.Said]
    # file -> (what it is, the document whose page it is); said only for a problem
    files: Mapping[str, tuple[routes.Said, str]]

    def why(self, path: str) -> tuple[str, Text] | None:
        """(problem code, why) when no document may be published at `path`: it is a
        page the build makes from the data, lies in a folder the build fills, or needs a
        folder where the build writes a file (another document's page or PDF included:
        /a/index.html/ beside /a/, /a.pdf/ beside /a/). Two documents at one address
        are `_check_collisions`'."""
        if path in self.pages:
            return "reserved-address", say("@reserved.is", what=self.pages[path]())
        for folder, what in self.folders.items():
            if path == folder:
                return "reserved-address", say("@reserved.is-folder", what=what)
            if path.startswith(folder):
                return "reserved-address", say("@reserved.in-folder", folder=folder, what=what)
        parts = path.strip("/").split("/")
        for n in range(1, len(parts)):
            folder = "/" + "/".join(parts[:n]) + "/"
            if folder in self.below:
                what = self.below[folder]()
                return "reserved-address", say("@reserved.in-folder", folder=folder, what=what)
        # Each folder on the way to the page's index.html, the page's own included:
        # where the build writes a file, it cannot make a folder.
        for n in range(1, len(parts) + 1):
            folder = "/" + "/".join(parts[:n])
            if folder in self.files:
                what, owner = self.files[folder]
                code = "url-collision" if owner else "reserved-address"
                return code, say("@reserved.needs-folder", folder=folder, what=what())
        return None


def reserved(content: Content, originals: list[_Original] | None = None) -> Reserved:
    """What the build of `content` writes besides documents' pages, from the same route
    functions the build uses. Needs site.yaml (`content.config`)."""
    assert content.config is not None
    default = content.config.default_lang
    data = content.data
    pages = routes.generated_pages(data.rounds, data.regions, data.themes)
    folders = {**routes.BUILD_FOLDERS, **routes.language_folders(default)}
    files: dict[str, tuple[routes.Said, str]] = {
        path: (lambda w=what: w, "") for path, what in routes.generated_files(default).items()
    }
    files.update({"/" + routes.output_file(path): (what, "") for path, what in pages.items()})
    documents = [
        (other.doc, other.path)
        for other in (originals if originals is not None else _originals(content.documents))
    ]
    for doc, path in [*documents, *elsewhere(content.documents, default)]:
        file = doc.file
        files[routes.document_pdf(path)] = (lambda f=file: say("@reserved.pdf-of", file=f), "")
        page = "/" + routes.output_file(path)
        files.setdefault(page, (lambda f=file: say("@reserved.page-of", file=f), file))
    below = routes.generated_below(data.regions, data.themes)
    return Reserved(pages, folders, below, files)


def _check_reserved(
    content: Content, clean: list[_Original], originals: list[_Original]
) -> Iterator[Problem]:
    taken = reserved(content, originals)
    assert content.config is not None
    dirty = {o.doc.id for o in originals} - {o.doc.id for o in clean}
    # A Sámi version's address is below its document's: checked where that one is clean.
    versions = [
        _Original(doc, path)
        for doc, path in elsewhere(content.documents, content.config.default_lang)
        if (doc.meta is not None and (doc.meta.translation_of or doc.id) not in dirty)
    ]
    for original in [*clean, *versions]:
        found = taken.why(original.path)
        if found is None:
            continue
        code, why = found
        meta = original.doc.meta
        assert meta is not None
        how = None
        if meta.type == "page":
            how = say("@reserved.page-hint", dir=CONTENT_DIR)
        elif meta.type == "news":
            how = say("@reserved.news-hint", news=routes.NEWS)
        file, at = original.doc.file, original.at()
        if code == "url-collision":
            yield problem(file, at, "url-collision.reserved", hint=how, path=original.path, why=why)
        else:
            yield problem(file, at, "reserved-address", hint=how, path=original.path, why=why)
