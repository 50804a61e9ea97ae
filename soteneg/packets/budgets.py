"""Budgets for printing: how many pages a packet, footnotes a document and rows a table
may have (`print_budget:` in site.yaml). Checked at `check`, where the content goes over,
so that a commit cannot make a build print for minutes and gigabytes: a 1000-page PDF
attached five times printed 15,040 pages in ten minutes, 10,000 footnotes in one
document took eleven.

Pure, and linear in the content: the counts come from each document's outline (made by
the parse, kept in the build cache with it) and the page counts of the attached PDFs
(`attachments.check_refs` opens each once); only a document over its footnote budget is
parsed again, to find the reference that goes over.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from soteneg.content.attachments import FileRef
from soteneg.content.config import PrintBudget
from soteneg.content.loader import Content, Document
from soteneg.core.problems import Problem, problem
from soteneg.core.text import counted, joined, say
from soteneg.markdown.outline import footnote_reference
from soteneg.packets.plan import plan_packets
from soteneg.site.index import BuildOptions, build_site

# About 46 lines of the print stylesheet's body text (10.5 pt, line height 1.45) fit on
# an A4 page inside its margins; headings, tables' padding and paragraph spacing take
# some of them, so count 40. With outline.PRINT_LINE_CHARS this errs towards more
# pages: a 2 MiB document of prose comes to about 780 (it prints some 600).
LINES_PER_PAGE = 40
# The cover, the table of contents and the contacts.
PACKET_PAGES = 3


def document_pages(doc: Document) -> int:
    """A document's own pages in print, estimated: its printed lines, and the page its
    chapter starts on (a chapter starts a page, on the right in duplex)."""
    return 1 + -(-doc.outline.print_lines // LINES_PER_PAGE)


def check(
    content: Content,
    refs: Iterable[FileRef],
    pdf_pages: Mapping[str, int],
) -> list[Problem]:
    """Every document, table and PDF over its budget, where it goes over. `refs`: the
    files the documents name; `pdf_pages`: pages of each attached PDF, by path."""
    config = content.config
    if config is None:
        return []
    budget = config.print_budget
    problems: list[Problem] = []
    for doc in content.documents + content.rejected:
        problems += _footnotes(doc, budget, config.allow_raw_html)
        problems += _tables(doc, budget)
    problems += _packets(content, refs, pdf_pages, budget)
    return problems


def _footnotes(doc: Document, budget: PrintBudget, allow_raw_html: bool) -> list[Problem]:
    limit = budget.max_footnotes_per_document
    count = doc.outline.footnotes
    if count <= limit:
        return []
    line, column = footnote_reference(doc.body, allow_raw_html, limit)
    return [
        problem(
            doc.file,
            (doc.body_line + line, column),
            "too-many-footnotes",
            count=count,
            limit=limit,
            reference=limit + 1,
        )
    ]


def _tables(doc: Document, budget: PrintBudget) -> list[Problem]:
    limit = budget.max_rows_per_table
    return [
        problem(
            doc.file,
            (doc.body_line + first + limit, 1),
            "table-too-long",
            rows=rows,
            limit=limit,
            row=limit + 1,
        )
        for first, rows in doc.outline.tables
        if rows > limit
    ]


@dataclass(frozen=True)
class _Over:
    """A PDF over the page budget, and where it goes over."""

    url: str
    pages: int  # the whole PDF's estimate
    file: str  # the document that takes it over
    position: tuple[int, int]  # of the attachment that does, or the document's start
    ref: FileRef | None  # that attachment; None: the document itself
    ref_pages: int = 0  # the attachment's pages


def _packets(
    content: Content,
    refs: Iterable[FileRef],
    pdf_pages: Mapping[str, int],
    budget: PrintBudget,
) -> list[Problem]:
    """Every PDF a build could print, planned as the build plans them (packets.py), with
    drafts and embargoed documents in: what passes here passes any build."""
    limit = budget.max_pages_per_packet
    attached: dict[str, list[tuple[FileRef, int]]] = {}
    for ref in refs:
        count = pdf_pages.get(ref.path or "", 0) if ref.kind == "attachment" else 0
        if count:  # every listing counts: a file attached five times prints five times
            attached.setdefault(ref.doc.id, []).append((ref, count))
    over: dict[tuple[str, tuple[int, int]], list[_Over]] = {}
    for packet in plan_packets(build_site(content, BuildOptions(drafts=True))):
        found = _over(packet.url, packet.documents, attached, limit)
        if found is not None:
            over.setdefault((found.file, found.position), []).append(found)
    return [_packet_problem(items, limit) for items in over.values()]


def _over(
    url: str,
    documents: Sequence[Document],
    attached: Mapping[str, list[tuple[FileRef, int]]],
    limit: int,
) -> _Over | None:
    """Where the PDF at `url` goes over `limit` pages, or None when it does not. Pages
    are counted in print order: each document, then the PDFs attached to it."""
    total = PACKET_PAGES
    crossing: tuple[str, tuple[int, int], FileRef | None, int] | None = None
    for doc in documents:
        total += document_pages(doc)
        if crossing is None and total > limit:
            crossing = (doc.file, (1, 1), None, 0)
        for ref, count in attached.get(doc.id, ()):
            total += count
            if crossing is None and total > limit:
                crossing = (doc.file, ref.position, ref, count)
    return None if crossing is None else _Over(url, total, *crossing)


def _packet_problem(items: list[_Over], limit: int) -> Problem:
    """One problem where one or more PDFs go over: the packet of a region, its round's
    packet and the document's own PDF all go over at the same attachment."""
    items = sorted(items, key=lambda o: o.url)
    ref = items[0].ref
    shown = [say("@packet-pdf", url=o.url, pages=counted("@pages", o.pages)) for o in items[:3]]
    if len(items) > 3:
        shown.append(counted("@packet-more", len(items) - 3))
    where = (
        say("@packet-over-here")
        if ref is None
        else say("@packet-over-at", file=ref.written, pages=counted("@pages", items[0].ref_pages))
    )
    file, position = items[0].file, items[0].position
    if len(items) == 1:
        return problem(file, position, "packet-too-long", pdfs=shown[0], limit=limit, where=where)
    pdfs = joined([joined(shown[:-1]), shown[-1]], say("@print-and"))
    return problem(
        file,
        position,
        "packet-too-long.many",
        pdfs=pdfs,
        limit=limit,
        where=where,
        hint=say("packet-too-long:hint"),
    )
