"""The Markdown bodies of a site's documents, finished for this site: links resolved
to their pages, images given their sizes. A body is parsed and prerendered once when its
file is read (content.loader, cached); here only its blanks are filled in."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from urllib.parse import unquote, urlsplit

from soteneg.build.unit_keys import fingerprint
from soteneg.content.loader import Document
from soteneg.content.versions import Earlier
from soteneg.core import routes
from soteneg.markdown import html as markdown_html
from soteneg.site import i18n
from soteneg.site.index import Site
from soteneg.site.pages.document import link_resolver


def earlier_resolver(site: Site, old: Document) -> Callable[[str], str]:
    """The links of an earlier version: as the current version's lead, except that one to
    a document or file no longer published leads to the current version's page, where
    the reader finds what is in force (history cannot be corrected, and a build must
    not fail on it)."""
    resolve = link_resolver(site, old)
    base = routes.base_path(site.config.base_url)
    current = routes.href(site.url(site.published[old.id]), base)

    def lead(href: str) -> str:
        path = unquote(urlsplit(href).path)
        if path and routes.is_relative_reference(href) and site.link_target(old, path) is None:
            return current
        return resolve(href)

    return lead


def image_sizes(site: Site) -> dict[str, tuple[int, int]]:
    """Width and height of each published image, by the href a page uses for it."""
    base = routes.base_path(site.config.base_url)
    return {routes.href(f.url, base): f.size for f in site.files.values() if f.size}


def render_keys(
    site: Site, texts: Mapping[str, str]
) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """(document id -> key of what its links lead to, document id -> key of its file
    and rendered body). A body renders the same while its text, its page's URL, where
    its links lead and the sizes of its images stay the same. Each made when first
    asked for: the preview plans again only the units an edit touched (build.replan),
    which ask for a few."""
    base = routes.base_path(site.config.base_url)
    sizes = image_sizes(site)
    allow = str(site.config.allow_raw_html)
    targets: dict[str, str] = {}
    keys: dict[str, str] = {}

    def target_key(doc_id: str) -> str:
        found = targets.get(doc_id)
        if found is None:
            doc = site.published[doc_id]
            resolve = link_resolver(site, doc)
            leads = [resolve(link.href) for link in doc.outline.links]
            found = targets[doc_id] = fingerprint(
                allow,
                routes.href(site.url(doc), base),
                *leads,
                *(repr(sizes.get(t)) for t in leads),
            )
        return found

    def render_key(doc_id: str) -> str:
        found = keys.get(doc_id)
        if found is None:
            doc = site.published[doc_id]
            found = keys[doc_id] = fingerprint(texts[doc.file], target_key(doc_id))
        return found

    return target_key, render_key


def front_keys(texts: Mapping[str, str]) -> Callable[[Document], str]:
    """A document -> a key of the text before its body: the front matter, which alone its
    metadata is validated from (content.loader), so the key changes whenever the metadata
    may. Cheaper than dumping the metadata (3329 placeholders at 5000 documents), and
    unmoved by an edit of the body. A body that is not the text's tail: the whole text."""

    def key(doc: Document) -> str:
        text = texts[doc.file]
        front = text[: len(text) - len(doc.body)] if text.endswith(doc.body) else text
        return fingerprint("front", front)

    return key


def table_label(doc: Document) -> str:
    """The name of the boxes a body's tables scroll in, in the body's language: the
    body sits in an element of that language wherever it is shown. A Sámi body gets
    none, as the site has no words in its language (better nameless than Finnish words
    read as Sámi)."""
    lang = doc.meta.lang if doc.meta else ""
    return i18n.text("table_scroll", lang) if lang in ("fi", "sv", "en") else ""


class Bodies(Mapping[str, markdown_html.Rendered]):
    """Every published document's body for this site, finished when first asked for:
    filling in a prerendered body's blanks costs little, and most builds need few."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.base = routes.base_path(site.config.base_url)
        self.sizes = image_sizes(site)
        self.done: dict[str, markdown_html.Rendered] = {}

    def __getitem__(self, doc_id: str) -> markdown_html.Rendered:
        found = self.done.get(doc_id)
        if found is None:
            found = self.done[doc_id] = self._render(self.site.published[doc_id])
        return found

    def earlier(self, doc_id: str, version: Earlier) -> markdown_html.Rendered:
        """The body of an earlier version of a published document, at its own page."""
        site = self.site
        page = routes.href(
            routes.earlier_version(site.url(site.published[doc_id]), version.key), self.base
        )
        return self._render(version.document, earlier_resolver(site, version.document), page)

    def _render(
        self,
        doc: Document,
        resolve: Callable[[str], str] | None = None,
        page: str | None = None,
    ) -> markdown_html.Rendered:
        resolve = resolve or link_resolver(self.site, doc)
        page = page or routes.href(self.site.url(doc), self.base)
        label = table_label(doc)
        if doc.prerendered is not None and doc.prerendered.readable():
            return markdown_html.finish(doc.prerendered, resolve, page, self.sizes.get, label)
        allow = self.site.config.allow_raw_html
        return markdown_html.render(doc.body, resolve, page, allow, self.sizes.get, label)

    def __iter__(self) -> Iterator[str]:
        return iter(self.site.published)

    def __len__(self) -> int:
        return len(self.site.published)
