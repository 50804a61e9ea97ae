"""A document's relative links: where they land (`links_to`, the edges of content.graph)
and whether they land (`check_link`): the document and the anchor exist, the scheme is
safe, an image has its text. Pure: it reads nothing."""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from soteneg.content.loader import Document, content_path
from soteneg.content.sources import CONTENT_DIR
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.markdown.outline import Link

SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def _relative(paths: Iterable[str], here: str) -> list[str]:
    """Paths under content/ as a link from folder `here` would write them."""
    return [posixpath.relpath(p, here or ".") for p in paths]


def check_link(
    doc: Document,
    link: Link,
    documents: Mapping[str, Document],
    all_ids: Collection[str],
) -> Problem | None:
    position = (doc.body_line + link.line, link.column or 1)
    if link.is_image and not link.alt:
        return problem(
            doc.file,
            position,
            "image-alt-missing",
            href=link.href,
        )
    parts = urlsplit(link.href)
    if link.is_image and (parts.scheme or parts.netloc):
        return problem(
            doc.file,
            position,
            "remote-image",
            href=link.href,
        )
    if parts.scheme:
        if parts.scheme.lower() in SAFE_SCHEMES:
            return None
        return problem(
            doc.file,
            position,
            "unsafe-link",
            scheme=parts.scheme,
        )
    if parts.netloc or link.href.startswith("/"):
        return None  # a site-absolute URL: checked against the built site, not the sources
    anchor = unquote(parts.fragment)
    target_path = unquote(parts.path)
    if not target_path:
        if anchor and anchor not in doc.outline.anchors:
            return problem(
                doc.file,
                position,
                "broken-anchor",
                hint=did_you_mean(anchor, doc.outline.anchors),
                anchor=anchor,
            )
        return None
    if not target_path.endswith(".md"):
        return None  # a file, not a document: `attachments` checks those
    here = posixpath.dirname(doc.id)
    resolved = content_path(doc.id, target_path)
    if resolved is None:
        return problem(
            doc.file,
            position,
            "link-outside-content",
            href=link.href,
            dir=CONTENT_DIR,
        )
    target_id = resolved.removesuffix(".md")
    if target_id not in all_ids:
        return problem(
            doc.file,
            position,
            "broken-link",
            hint=did_you_mean(target_path, _relative((i + ".md" for i in all_ids), here)),
            path=target_path,
        )
    target = documents.get(target_id)
    if anchor and target is not None and anchor not in target.outline.anchors:
        return problem(
            doc.file,
            position,
            "broken-anchor.in-target",
            hint=did_you_mean(anchor, target.outline.anchors),
            path=target_path,
            anchor=anchor,
        )
    return None


def links_to(doc: Document) -> tuple[str, ...]:
    """The ids of the documents `doc`'s relative links to .md files land on."""
    found: list[str] = []
    for link in doc.outline.links:
        parts = urlsplit(link.href)
        path = unquote(parts.path)
        if parts.scheme or parts.netloc or link.href.startswith("/") or not path.endswith(".md"):
            continue
        resolved = content_path(doc.id, path)
        if resolved is not None:
            found.append(resolved.removesuffix(".md"))
    return tuple(dict.fromkeys(found))
