"""Budgets for printing (`print_budget:` in site.yaml): how many pages a PDF and a whole
build may print, how many footnotes a document and how many rows and cells a table may
have. Checked at `check`, where the content goes over, so that a commit cannot make a
build print for minutes and gigabytes: a 1000-page PDF attached five times printed 15,040
pages in ten minutes, 10,000 footnotes in one document took eleven, and 50 news items
each attaching a 1,990-page PDF would have printed some 100,000 pages.

Pure, and linear in the content: the counts come from each document's outline (made by
the parse, kept in the build cache with it), the page counts of the attached PDFs
(`attachments.check_refs` opens each once) and the sizes of the images (read from their
headers, once a file); only a document over its footnote budget is parsed again, to find
the reference that goes over.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from soteneg.content import attachments
from soteneg.content.attachments import FileRef
from soteneg.content.config import PrintBudget
from soteneg.content.loader import Content, Document
from soteneg.content.sources import FileData
from soteneg.core.keyparts import key_bytes
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Sequence, Text, counted, joined, say
from soteneg.markdown import print_size
from soteneg.markdown.outline import footnote_reference
from soteneg.markdown.print_size import LINE_CHARS, LINES_PER_PAGE
from soteneg.packets.plan import Packet, plan_packets
from soteneg.site.index import BuildOptions, Site, build_site

# A person on the contacts page: name, title, organisation, phone, e-mail and a margin.
_CONTACT_LINES = 6


@dataclass(frozen=True)
class Packets:
    """The budgets' problems of the PDFs and the build (`_packets`), and the digest of
    what they were made from (`_packets_key`): kept by the check's cache graph."""

    made_of: str = ""
    problems: tuple[Problem, ...] = ()


def check(
    content: Content,
    refs: Iterable[FileRef],
    pdf_pages: Mapping[str, int],
    files: Mapping[str, FileData],
    everything: Site | None = None,
) -> list[Problem]:
    """Every document, table, PDF and build over its budget, where it goes over. `refs`:
    the files the documents name; `pdf_pages`: pages of each attached PDF, by path;
    `files`: the files read for `refs` (the images' sizes are read from them);
    `everything`: the site with drafts and embargoed documents in, when the caller has
    it already (made here otherwise)."""
    made = (lambda: everything) if everything is not None else None
    return check_with(content, refs, pdf_pages, files, made)[0]


def check_with(
    content: Content,
    refs: Iterable[FileRef],
    pdf_pages: Mapping[str, int],
    files: Mapping[str, FileData],
    everything: Callable[[], Site] | None = None,
    fronts: str = "",
    last: Packets | None = None,
    chapter: Callable[[Document], float] | None = None,
    part: Callable[[Document, object, Callable[[Document], bytes]], bytes] | None = None,
) -> tuple[list[Problem], Packets]:
    """`check`; and the PDFs' problems of `last` when what they read is the same
    (`fronts`: content.graph.fronts_of, the digest of every front matter and of what
    the documents share; none: made now). Planning every packet of a large site costs
    a fifth of a second, and a body edit seldom changes a chapter's pages.
    `everything` makes the site with every document published only if the packets are
    planned: a site of 5000 documents costs a sixth of a second. `chapter`:
    `chapter_lines`, or the same kept for each document by the caller (the preview keeps
    it per Document object across saves: 3 % of a save at 5000 documents). `part`:
    content.warm.Warm.packet_part, each document's part of the key kept across saves."""
    config = content.config
    if config is None:
        return [], Packets()
    budget = config.print_budget
    refs = list(refs)
    problems: list[Problem] = []
    for doc in content.documents + content.rejected:
        problems += _footnotes(doc, budget, config.allow_raw_html)
        problems += _tables(doc, budget)
    pages = _Estimate(refs, pdf_pages, files, config.packet_duplex, chapter or chapter_lines)
    made_of = _packets_key(fronts, content, pages, part) if fronts else ""
    if made_of and last is not None and last.made_of == made_of:
        return problems + list(last.problems), last
    whole = everything() if everything else build_site(content, BuildOptions(drafts=True))
    found = tuple(_packets(whole, pages, budget))
    return problems + list(found), Packets(made_of, found)


def _packets_key(
    fronts: str,
    content: Content,
    pages: _Estimate,
    kept: Callable[[Document, object, Callable[[Document], bytes]], bytes] | None = None,
) -> str:
    """What `_packets` reads besides front matter, site.yaml (its budgets and
    packet_order) and the data files (all in `fronts`): each document's chapter in
    pages, its tables where they stand, and the PDFs it attaches with their pages.
    `kept(doc, reads, make)`: `make(doc)` or what it made before of the same document
    and `reads` (Warm.packet_part)."""
    digest = hashlib.blake2b(fronts.encode(), digest_size=16)
    parts = []
    make = functools.partial(_document_part, pages)
    duplex, images, attached_to = pages.duplex, pages.images, pages.attached
    for doc in content.documents:
        listed = attached_to.get(doc.id)
        # All a part reads besides the document (whose chapter `pages.chapter` makes,
        # a pure function of it): leave one out and a kept part goes stale.
        reads = (duplex, images.get(doc.id, 0.0), _attached(listed) if listed else ())
        parts.append(kept(doc, reads, make) if kept else make(doc))
    # Each part is one msgpack value, which says its own length: joined, no two lists of
    # parts give the same bytes.
    digest.update(b"".join(parts))
    return digest.hexdigest()


def _document_part(pages: _Estimate, doc: Document) -> bytes:
    tables = [(doc.body_line + at, rows, columns) for at, rows, columns in doc.outline.tables]
    attached = _attached(pages.attached.get(doc.id, ()))
    # key_bytes: a file name or a written path cannot run into the next field.
    return key_bytes((doc.file, pages.document(doc), tables, attached))


def _attached(listed: list[tuple[FileRef, int]]) -> tuple[tuple[object, str, int], ...]:
    return tuple((r.position, r.written, n) for r, n in listed)


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
    """Tables over the row budget, at the row over it, and over the cell budget, at the
    row that takes the cells over it (the header row is row 0, the first body row two
    lines below it)."""
    problems: list[Problem] = []
    rows_limit, cells_limit = budget.max_rows_per_table, budget.max_cells_per_table
    for header, rows, columns in doc.outline.tables:
        if rows > rows_limit:
            at = (doc.body_line + header + 2 + rows_limit, 1)
            problems.append(
                problem(
                    doc.file,
                    at,
                    "table-too-long",
                    rows=rows,
                    limit=rows_limit,
                    row=rows_limit + 1,
                )
            )
        cells = (rows + 1) * columns
        if cells > cells_limit:
            row = cells_limit // columns  # rows 0 to row - 1 are within the budget
            at = (doc.body_line + header + (row + 1 if row else 0), 1)
            problems.append(
                problem(
                    doc.file,
                    at,
                    "table-too-large",
                    cells=cells,
                    rows=rows + 1,
                    columns=columns,
                    limit=cells_limit,
                )
            )
    return problems


class _Estimate:
    """Pages of the parts of a PDF: a document's chapter (its text and images), the
    attached PDFs drawn in after it, a packet's cover, contents and contacts."""

    def __init__(
        self,
        refs: list[FileRef],
        pdf_pages: Mapping[str, int],
        files: Mapping[str, FileData],
        duplex: bool,
        chapter: Callable[[Document], float],
    ) -> None:
        self.duplex = duplex
        self.chapter = chapter
        self.attached: dict[str, list[tuple[FileRef, int]]] = {}
        self.images: dict[str, float] = {}  # document id -> lines its images print
        sizes: dict[str, float] = {}  # image path -> lines it prints once
        for ref in refs:
            path = ref.path or ""
            if ref.kind == "attachment" and pdf_pages.get(path):
                # Every listing counts: a file attached five times prints five times.
                self.attached.setdefault(ref.doc.id, []).append((ref, pdf_pages[path]))
            elif ref.kind == "image":
                if path not in sizes:
                    sizes[path] = print_size.image_lines(_image_size(path, files.get(path)))
                lines = sizes[path] * ref.prints
                self.images[ref.doc.id] = self.images.get(ref.doc.id, 0.0) + lines
        self._pages: dict[str, int] = {}

    def document(self, doc: Document) -> int:
        """A document's chapter in print: it starts a page (a right-hand one in duplex,
        which may leave a blank page before it)."""
        found = self._pages.get(doc.id)
        if found is None:
            lines = self.chapter(doc) + doc.outline.print_lines + self.images.get(doc.id, 0.0)
            found = math.ceil(lines / LINES_PER_PAGE) + (1 if self.duplex else 0)
            self._pages[doc.id] = found
        return found

    def chrome(self, packet: Packet) -> int:
        """The cover, the table of contents (a line or more for each document and each
        attached PDF) and the contacts."""
        pages = 1 if packet.cover_round is not None else 0
        if packet.toc:
            entries = 3.0  # the heading
            for doc in packet.documents:
                if doc.meta is None:
                    continue
                entries += _entry_lines(doc.meta.title)
                for item in doc.meta.attachments:  # the PDFs, as appendices
                    if attachments.extension(item.file) == "pdf":
                        entries += _entry_lines(item.title)
            pages += math.ceil(entries / LINES_PER_PAGE)
        people = {p for d in packet.documents if d.meta for p in d.meta.contacts}
        return pages + math.ceil(len(people) * _CONTACT_LINES / LINES_PER_PAGE)


def _image_size(path: str, found: FileData | None) -> tuple[float, float] | None:
    """The size an image prints at; None (a page) when its file was not read."""
    if found is None or found.data is None:
        return None
    return attachments.print_size(found.data, attachments.extension(path))


def _entry_lines(title: str) -> float:
    """A line of the table of contents: the title with its leader and page number, and
    1.5 mm above and below."""
    return print_size.width(title) // (LINE_CHARS - 10) + 1.5


def chapter_lines(doc: Document) -> float:
    """What a chapter prints besides its body: its kind and date, its title (18 pt), a
    notice, its summary (11.5 pt) and the list of its other files. A pure function of
    the document's front matter."""
    meta = doc.meta
    if meta is None:
        return 0.0
    lines = 6 + print_size.heading_lines(1, meta.title) + print_size.width(meta.title) / LINE_CHARS
    if meta.summary:
        lines += 1.5 * print_size.width(meta.summary) / LINE_CHARS + 2
    if meta.attachments:
        lines += 3 + sum(print_size.width(a.title) // LINE_CHARS + 1 for a in meta.attachments)
    return lines


@dataclass(frozen=True)
class _Step:
    """A part of a PDF in print order, and the pages (or the table cells) it adds."""

    count: int
    file: str  # the document it belongs to
    position: tuple[int, int]  # of the attachment, or the document's start
    ref: FileRef | None = None  # the attachment; None: the document itself


def _steps(packet: Packet, pages: _Estimate) -> Iterator[_Step]:
    """A PDF's parts in print order: cover and contents, then each document followed by
    the PDFs attached to it. The cover is laid at the first document's door."""
    first = packet.documents[0].file if packet.documents else ""
    yield _Step(pages.chrome(packet), first, (1, 1))
    for doc in packet.documents:
        yield _Step(pages.document(doc), doc.file, (1, 1))
        for ref, count in pages.attached.get(doc.id, ()):
            yield _Step(count, doc.file, ref.position, ref)


@dataclass(frozen=True)
class _Over:
    """A PDF over a budget, and where it goes over."""

    url: str
    total: int  # the whole PDF's pages or cells
    step: _Step  # what takes it over


_Found = dict[tuple[str, tuple[int, int]], list[_Over]]


def _tables_of(packet: Packet) -> Iterator[_Step]:
    """The tables of a PDF in print order, each with its cells."""
    for doc in packet.documents:
        for header, rows, columns in doc.outline.tables:
            yield _Step((rows + 1) * columns, doc.file, (doc.body_line + header, 1))


def _crossing(steps: Iterable[_Step], limit: int) -> tuple[int, _Step | None]:
    """The total of `steps`, and the first step that takes it over `limit`."""
    total, crossing = 0, None
    for step in steps:
        total += step.count
        if crossing is None and total > limit:
            crossing = step
    return total, crossing


def _packets(everything: Site, pages: _Estimate, budget: PrintBudget) -> list[Problem]:
    """Every PDF a build could print, planned as the build plans them (packets.py), with
    drafts and embargoed documents in: what passes here passes any build. Each PDF is
    held to the budgets per PDF (pages, table cells), and all of them together to the
    budget of pages per build."""
    long: _Found = {}
    large: _Found = {}
    build_total, build_over = 0, None
    for packet in plan_packets(everything):
        steps = list(_steps(packet, pages))
        total, crossing = _crossing(steps, budget.max_pages_per_packet)
        if crossing is not None:
            long.setdefault((crossing.file, crossing.position), []).append(
                _Over(packet.url, total, crossing)
            )
        if build_over is None and build_total + total > budget.max_pages_per_build:
            step = _crossing(steps, budget.max_pages_per_build - build_total)[1]
            assert step is not None
            build_over = _Over(packet.url, 0, step)
        build_total += total
        cells, crossing = _crossing(_tables_of(packet), budget.max_cells_per_packet)
        if crossing is not None:
            large.setdefault((crossing.file, crossing.position), []).append(
                _Over(packet.url, cells, crossing)
            )
    problems = [_packet_problem(items, budget.max_pages_per_packet) for items in long.values()]
    problems += [_cells_problem(items, budget.max_cells_per_packet) for items in large.values()]
    if build_over is not None:
        problems.append(_build_problem(build_over, build_total, budget.max_pages_per_build))
    return problems


def _where(step: _Step) -> Text:
    if step.ref is None:
        return say("@packet-over-here")
    return say("@packet-over-at", file=step.ref.written, pages=counted("@pages", step.count))


def _pdfs(items: list[_Over], cells: bool = False) -> Text | Sequence:
    """'/pdf/a.pdf (about 2,100 pages), /pdf/b.pdf (…) and 2 more'."""
    shown = [
        say("@packet-cells", url=o.url, cells=counted("@cells", o.total))
        if cells
        else say("@packet-pdf", url=o.url, pages=counted("@pages", o.total))
        for o in items[:3]
    ]
    if len(items) > 3:
        shown.append(counted("@packet-more", len(items) - 3))
    if len(shown) == 1:
        return shown[0]
    return joined([joined(shown[:-1]), shown[-1]], say("@print-and"))


def _packet_problem(items: list[_Over], limit: int) -> Problem:
    """One problem where one or more PDFs go over: the packet of a region, its round's
    packet and the document's own PDF all go over at the same attachment."""
    items = sorted(items, key=lambda o: o.url)
    step = items[0].step
    pdfs, where, most = _pdfs(items), _where(step), limit
    if len(items) == 1:
        return problem(
            step.file, step.position, "packet-too-long", pdfs=pdfs, limit=most, where=where
        )
    return problem(
        step.file,
        step.position,
        "packet-too-long.many",
        pdfs=pdfs,
        limit=most,
        where=where,
        hint=say("packet-too-long:hint"),
    )


def _cells_problem(items: list[_Over], limit: int) -> Problem:
    """One problem at the table that takes one or more PDFs over their cells."""
    items = sorted(items, key=lambda o: o.url)
    step = items[0].step
    pdfs, cells, most = _pdfs(items, cells=True), step.count, limit
    if len(items) == 1:
        return problem(
            step.file, step.position, "packet-too-many-cells", pdfs=pdfs, limit=most, cells=cells
        )
    return problem(
        step.file,
        step.position,
        "packet-too-many-cells.many",
        pdfs=pdfs,
        limit=most,
        cells=cells,
        hint=say("packet-too-many-cells:hint"),
    )


def _build_problem(over: _Over, total: int, limit: int) -> Problem:
    """The build over its budget, at the part of a PDF that takes the total over it."""
    step = over.step
    return problem(
        step.file,
        step.position,
        "build-too-long",
        pages=total,
        limit=limit,
        where=_where(step),
        url=over.url,
    )
