"""Files that travel with documents: attachments named in front matter, images and
files linked from Markdown. Find the references, check the files, name them for
publishing. Pure: the bytes come from `sources.read_files`."""

from __future__ import annotations

import hashlib
import io
import posixpath
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from soteneg.content.attachment_pdf import Fault, inspect
from soteneg.content.config import AttachmentPolicy
from soteneg.content.file_types import markup_start, refused_because
from soteneg.content.loader import Document, content_path
from soteneg.content.sources import CONTENT_DIR, FileData
from soteneg.core import routes
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, decimal, joined, say, verbatim
from soteneg.markdown import print_size as print_size_
from soteneg.markdown.parse import slugify

if TYPE_CHECKING:
    from soteneg.content import svg

Kind = Literal["attachment", "image", "link"]
PUBLISHED = routes.ATTACHMENTS
IMAGE_TYPES = ("png", "jpg", "jpeg", "gif", "webp", "svg")

# The first bytes each format starts with; office formats are ZIP archives.
SIGNATURES: Mapping[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "xlsx": (b"PK\x03\x04",),
    "docx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "odp": (b"PK\x03\x04",),
}
FORMAT_NAMES: Mapping[str, str] = {
    "pdf": "PDF",
    "xlsx": "Excel",
    "docx": "Word",
    "pptx": "PowerPoint",
    "odt": "OpenDocument",
    "ods": "OpenDocument",
    "odp": "OpenDocument",
    "csv": "CSV",
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "webp": "WebP",
    "svg": "SVG",
}


@dataclass(frozen=True)
class FileRef:
    """A document's reference to a file."""

    doc: Document
    written: str  # as the editor wrote it
    path: str | None  # under content/, or None if it leaves content/
    position: tuple[int, int]
    kind: Kind
    prints: int = 1  # times print sets it (outline.Link.prints)


def extension(path: str) -> str:
    return posixpath.splitext(path)[1].lower().lstrip(".")


def references(doc: Document) -> list[FileRef]:
    """Attachments in front matter and relative links to non-Markdown files in the body."""
    refs: list[FileRef] = []
    meta = doc.meta
    raw = doc.front.value.get("attachments") if isinstance(doc.front.value, dict) else None
    if meta is not None:
        entries = [a.file for a in meta.attachments]
    elif isinstance(raw, list):
        entries = [e.get("file") for e in raw if isinstance(e, dict)]
    else:
        entries = []
    for i, written in enumerate(entries):
        # A path with ':' is refused by the model already (it names a URL or a drive).
        if isinstance(written, str) and written and ":" not in written:
            refs.append(
                FileRef(
                    doc,
                    written,
                    content_path(doc.id, written),
                    doc.front.position(("attachments", i, "file")),
                    "attachment",
                )
            )
    for link in doc.outline.links:
        parts = urlsplit(link.href)
        if parts.scheme or parts.netloc or link.href.startswith(("/", "#")) or not parts.path:
            continue
        written = unquote(parts.path)
        if written.endswith(".md"):
            continue
        refs.append(
            FileRef(
                doc,
                written,
                content_path(doc.id, written),
                (doc.body_line + link.line, link.column or 1),
                "image" if link.is_image else "link",
                link.prints,
            )
        )
    return refs


def _document_meant(ref: FileRef, documents: Collection[str]) -> Text | None:
    """A link to a document written as its address (`../2018-kevat/uusimaa`,
    `…/uusimaa/`) rather than its file: say how to write it."""
    if ref.kind != "link" or ref.path is None:
        return None
    stem = ref.path.rstrip("/")
    if stem not in documents:
        return None
    return say("@file-missing.document", link=ref.written.rstrip("/") + ".md")


def _looks_like(ext: str, data: bytes) -> bool:
    signatures = SIGNATURES.get(ext)
    if signatures is None:
        return True
    if ext == "webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return data.startswith(signatures)


def check_refs(
    refs: Iterable[FileRef],
    files: Mapping[str, FileData],
    policy: AttachmentPolicy,
    pdf_pages: dict[str, int] | None = None,
    documents: Collection[str] = frozenset(),
) -> list[Problem]:
    """Problems with the files `refs` name. `pdf_pages`, when given, receives the page
    count of every attached PDF a packet can draw, by path (for budgets.check);
    `documents`, the ids of the documents, for a link that names one without `.md`."""
    problems: list[Problem] = []
    limit = int(policy.max_mb * 1024 * 1024)
    pdf_faults: dict[tuple[str, bool], Fault | None] = {}  # each file is opened once
    svgs: dict[str, svg.Inspected] = {}  # each SVG is read once, however often it is named
    pages = pdf_pages if pdf_pages is not None else {}
    published: dict[str, str] = {}  # URL -> the file published there
    for ref in refs:
        file, at = ref.doc.file, ref.position
        if ref.path is None:
            problems.append(
                problem(
                    file,
                    at,
                    "file-outside-project",
                    file=ref.written,
                    folder=CONTENT_DIR,
                )
            )
            continue
        ext = extension(ref.path)
        why = refused_because(ext)
        if why is not None:  # whatever site.yaml says, and before asking for the file
            problems.append(
                problem(file, at, "file-type.never-published", file=ref.written, ext=ext, why=why)
            )
            continue
        found = files.get(ref.path)
        if found is None or found.refused == "missing":
            problems.append(
                problem(
                    file,
                    at,
                    "file-missing",
                    hint=_document_meant(ref, documents),
                    file=ref.written,
                    folder=posixpath.dirname(ref.doc.file),
                )
            )
            continue
        if found.refused == "outside-project":
            problems.append(
                problem(
                    file,
                    at,
                    "file-outside-project.link",
                    file=ref.written,
                    folder=CONTENT_DIR,
                )
            )
            continue
        allowed = (
            policy.allowed
            if ref.kind != "image"
            else [t for t in policy.allowed if t in IMAGE_TYPES]
        )
        if ext not in allowed:
            kind = say("@file-type-image") if ref.kind == "image" else say("@file-type-file")
            problems.append(
                problem(file, at, "file-type", ext=ext, kind=kind, allowed=joined(allowed))
            )
            continue
        if found.size > limit:
            problems.append(
                problem(
                    file,
                    at,
                    "file-too-large.attachment",
                    file=ref.written,
                    size=_mib(found.size),
                    limit=decimal(f"{policy.max_mb:g}"),
                )
            )
            continue
        data = found.data or b""
        clash = _clash(ref.path, data, files, published)
        if clash is not None:
            url, other = clash
            problems.append(
                problem(
                    file,
                    at,
                    "url-collision.attachment",
                    file=ref.written,
                    url=url,
                    other=f"{CONTENT_DIR}/{other}",
                )
            )
            continue
        if not _looks_like(ext, data):
            problems.append(
                problem(
                    file,
                    at,
                    "file-type.content",
                    file=ref.written,
                    format=FORMAT_NAMES.get(ext, ext),
                )
            )
            continue
        start = markup_start(data) if ext != "svg" else None
        if start is not None:
            problems.append(problem(file, at, "file-type.markup", file=ref.written, start=start))
            continue
        if ext == "svg":
            # Imported here: reading SVG loads defusedxml, xml.sax and urllib.request
            # (~25 ms), which a build whose documents name no SVG never needs.
            from soteneg.content import svg

            if ref.path not in svgs:
                svgs[ref.path] = svg.inspect(data)
            problems += svg.problems(file, at, ref.written, svgs[ref.path])
        elif ext == "pdf":
            drawn = ref.kind == "attachment"  # attachments are drawn into packets too
            if (ref.path, drawn) not in pdf_faults:
                pdf_faults[ref.path, drawn], count = inspect(data, drawn)
                if count:
                    pages[ref.path] = count
            fault = pdf_faults[ref.path, drawn]
            if fault:
                problems.append(_pdf_problem(file, at, ref.written, fault))
    return problems


def _clash(
    path: str, data: bytes, files: Mapping[str, FileData], published: dict[str, str]
) -> tuple[str, str] | None:
    """(URL, the other file) when another file with other bytes would be published at
    the URL of `path`; else None, and `path` is recorded as published there."""
    url = published_url(path, data)
    other = published.setdefault(url, path)
    if other == path or files[other].data == data:
        return None  # the same file, or the same bytes: one file at one address
    return url, other


def _pdf_problem(file: str, at: tuple[int, int], written: str, fault: Fault) -> Problem:
    code, reason, number = fault
    if code == "attachment-encrypted":
        return problem(file, at, "attachment-encrypted", file=written, reason=reason)
    if code == "attachment-active":
        return problem(file, at, "attachment-active", file=written, reason=reason, number=number)
    return problem(file, at, "attachment-unreadable", file=written, reason=reason)


def _mib(size: int) -> Text:
    if size >= 104858:
        return decimal(f"{size / 1048576:.1f}") + verbatim(" MiB")
    return decimal(f"{size / 1024:.1f}") + verbatim(" KiB")


# Hex digits of SHA-256 in an attachment's URL: 128 bits. With 40 (10 digits) a
# brute-forced pair of files shared one URL, and one silently replaced the other.
DIGEST_HEX = 32


def digest(data: bytes) -> str:
    """The hash in an attachment's URL (a function of its own, so a test can make two
    files collide)."""
    return hashlib.sha256(data).hexdigest()[:DIGEST_HEX]


def published_url(path: str, data: bytes) -> str:
    """Content-hashed, so a changed file gets a new URL and an old one can be cached."""
    stem, ext = posixpath.splitext(posixpath.basename(path))
    return f"{PUBLISHED}{slugify(stem)}.{digest(data)}{ext.lower()}"


def image_size(data: bytes, ext: str) -> tuple[int, int] | None:
    """Width and height in CSS pixels, so a page does not jump while images load; None
    when the file does not say (or says something absurd)."""
    if ext == "svg":
        from soteneg.content import svg_dimensions

        return svg_dimensions.size(data)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        return None


def print_size(data: bytes, ext: str) -> tuple[float, float] | None:
    """The size an image prints at before print.css scales it down to the column, in CSS
    pixels: its pixels (WeasyPrint draws one to a CSS pixel whatever resolution the file
    names), or an SVG's (svg_dimensions.print_size); None when the file does not say."""
    if ext == "svg":
        from soteneg.content import svg_dimensions

        return svg_dimensions.print_size(data, print_size_.COLUMN_PX)
    return image_size(data, ext)


def human_size(size: int, lang: str) -> str:
    """ "1,2 Mt" in Finnish, "1,2 MB" in Swedish, "1.2 MB" in English."""
    units = {"fi": ("t", "kt", "Mt"), "sv": ("B", "kB", "MB"), "en": ("B", "kB", "MB")}[lang]
    if size < 1000:
        number, unit = str(size), units[0]
    elif size < 1_000_000:
        number, unit = f"{size / 1000:.0f}", units[1]
    else:
        number, unit = f"{size / 1_000_000:.1f}", units[2]
    if lang != "en":
        number = number.replace(".", ",")
    return f"{number} {unit}"


@dataclass(frozen=True)
class PublishedFile:
    path: str  # under content/
    url: str  # site URL, content-hashed
    data: bytes
    size: tuple[int, int] | None  # an image's width and height

    @property
    def ext(self) -> str:
        return extension(self.path)


def publish(refs: Iterable[FileRef], files: Mapping[str, FileData]) -> dict[str, PublishedFile]:
    """Every file a published document refers to, once; nothing nobody refers to."""
    published: dict[str, PublishedFile] = {}
    for ref in refs:
        found = files.get(ref.path or "")
        if ref.path is None or ref.path in published or found is None or found.data is None:
            continue
        ext = extension(ref.path)
        size = image_size(found.data, ext) if ext in IMAGE_TYPES else None
        published[ref.path] = PublishedFile(
            ref.path, published_url(ref.path, found.data), found.data, size
        )
    return dict(sorted(published.items()))
