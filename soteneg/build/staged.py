"""The files of one build as they are staged beside the output: each with its record
(what made it, its links, its sitemap entry), written only when its bytes changed, and
claimed by one unit only. And what the staged files say about the rest of the build:
which pages' links to check, where a broken link was
written."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from soteneg.build.output import OutputError
from soteneg.build.records import Record
from soteneg.build.render_pool import write_file
from soteneg.build.state_reads import STATE_LIMIT
from soteneg.content.loader import Document, content_path
from soteneg.content.sources import (
    CONTENT_DIR,
    TEMPLATES_DIR,
    NotAFile,
    TooLarge,
    read_regular_stat,
)
from soteneg.core import routes
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, say
from soteneg.markdown.outline import Link
from soteneg.site import linkcheck
from soteneg.site.index import Site
from soteneg.site.page_records import PageLinks
from soteneg.site.pages.document import link_resolver

REQUIRED_ASSETS = ("style.css",)
SITEMAP_UNIT = "sitemap"
COPIED = ""  # the unit of files copied as they are (assets, attachments)
PDF_UNIT = "pdf"


class Staged:
    """Files of this build: their records, and those written to the staging folder."""

    def __init__(self, staging: Path, previous: Mapping[str, Record], damaged: frozenset[str]):
        self.staging = staging
        self.previous = previous
        self.damaged = damaged
        self.records: dict[str, Record] = {}
        self.owner: dict[str, str] = {}  # output file -> unit
        self.written: list[str] = []
        self.collisions: list[Problem] = []

    def claim(self, rel: str, unit: str, sources: tuple[str, ...]) -> bool:
        first = self.owner.setdefault(rel, unit)
        if first != unit:
            file = (sources or (CONTENT_DIR,))[0]
            url = "/" + rel.removesuffix("index.html")
            self.collisions.append(problem(file, None, "url-collision", url=url))
            return False
        return True

    def changed(self, rel: str, sha: str) -> bool:
        old = self.previous.get(rel)
        return old is None or old.sha != sha or rel in self.damaged

    def add(self, rel: str, data: bytes, record: Record) -> None:
        if self.claim(rel, record.unit, record.sources):
            self.records[rel] = record
            if self.changed(rel, record.sha):
                write_file(self.staging, rel, data)
                self.written.append(rel)


def to_link_check(
    staged: Staged, previous: Mapping[str, Record], removed: list[str]
) -> set[str] | None:
    """The pages whose links must be checked: those written, unless a link of any page
    may have lost its target (a file removed, a page that lost an id): then all."""
    if removed or not previous:
        return None
    for rel in staged.written:
        old = previous[rel].links if rel in previous else None
        new = staged.records[rel].links
        if old is not None and new is not None and old.ids != new.ids:
            return None
    return set(staged.written)


def scan_again(out: Path, base_url: str) -> Callable[[str], PageLinks]:
    """The links of a page kept in the output, scanned from its file: for a record of
    the last build whose links do not read back (a damaged cache). The file is as the
    last build wrote it (Run._resume compared its stamp); one gone since then stops the
    build, whose next run makes the page again."""

    def scan(rel: str) -> PageLinks:
        try:
            data, _ = read_regular_stat(out / rel, STATE_LIMIT, follow=False)
        except (OSError, NotAFile, TooLarge):
            raise OutputError(say("@output.page-gone", path=rel)) from None
        return linkcheck.scan_page(rel, data, base_url)

    return scan


def locator(site: Site, records: Mapping[str, Record]) -> linkcheck.Locate:
    """Where a link of the built site came from: the document line whose Markdown wrote
    it (the page's own document, else any document whose section the page shows), else
    the template that did; and why it is broken when its target is a document this build
    leaves out (a draft, an embargo)."""
    documents = {d.file: d for d in site.published.values()}
    written_by: dict[str, list[tuple[Document, Link]]] | None = None

    def writers(url: str, record: Record) -> list[tuple[Document, Link]]:
        nonlocal written_by
        own = documents.get(record.sources[0]) if record.sources else None
        if own is not None:
            resolve = link_resolver(site, own)
            found = [(own, w) for w in own.outline.links if resolve(w.href) == url]
            if found:
                return found
        if written_by is None:  # asked only when a link is broken: made once, then
            written_by = {}
            for doc in site.published.values():
                resolve = link_resolver(site, doc)
                for w in doc.outline.links:
                    written_by.setdefault(resolve(w.href), []).append((doc, w))
        return written_by.get(url, [])

    def locate(
        link: linkcheck.Link,
    ) -> tuple[str, tuple[int, int] | None, Text | None, str]:
        record = records.get(link.page)
        if record is None:
            return link.page, None, None, link.page
        for doc, written in writers(link.url, record)[:1]:
            target = content_path(doc.id, unquote(urlsplit(written.href).path)) or ""
            why = site.unpublished.get(target.removesuffix(".md"))
            own = routes.output_file(site.url(doc))
            return doc.file, (doc.body_line + written.line, written.column or 1), why, own
        return f"{TEMPLATES_DIR}/{record.template}", None, None, link.page

    return locate


def external_links_report(report: linkcheck.LinkReport) -> str:
    lines = [f"{link.url}\t{link.page}" for link in report.external]
    return "\n".join(lines) + ("\n" if lines else "")
