"""The structure tree of a printed PDF, as PDF/UA-1 wants it, where WeasyPrint 70 stops.

WeasyPrint tags what it draws (`pdf_tags=True`). Five things it does not do, which a
screen reader or a validator notices, are done here by narrow hooks into its drawing and
its tagging, each for one render or one write (the hooks are undone after it). They
replace functions of WeasyPrint's modules, so they rely on one print at a time in a
process, which holds: the build prints in worker processes, the preview on one thread.

- Running headers and page numbers (the page's margin boxes) are drawn with marked
  content that the structure tree never reaches; here they are pagination Artifacts.
- Every box inside a link makes a link annotation of its own: a contents entry, whose
  `::after` holds the leader and page number, made three overlapping ones. Here only the
  link's own boxes (one per line it spans) make annotations, and a Link element without
  an annotation is a Span.
- A link annotation's /Contents is its target as written (`d1`, a URL); here it says in
  words, in the packet's language, where the link leads: "Sivu 3: Palvelujen saatavuus".
- A footnote is a Span in the page's footnote area; here it is a Note with an ID, after
  the Reference (the footnote call) that it belongs to, which is where it is read.
- Table header cells carry no /Scope; here /Column, or /Row for `<th scope="row">`.

And parts in another language than the document's get their /Lang (PDF/UA-1 7.2).
The pages of attached PDFs, drawn after WeasyPrint wrote the packet (pdf.py), are each a
Figure of the tree (`appendix_figure`). tests/test_pdf_tags.py checks every rule on every
bundled PDF: if a WeasyPrint upgrade moves what these hooks wrap, it fails there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote
from xml.etree import ElementTree

import pydyf  # WeasyPrint's own PDF writer, whose objects the tree is made of
from weasyprint import anchors, draw
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf import tags

from soteneg.site import i18n

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@contextmanager
def own_links_only() -> Iterator[None]:
    """While a document is laid out: a box makes a link annotation only for a link of
    its own (`<a href>`), not for the link of the box it is inside. The link's own boxes
    cover their children, so nothing is lost but the overlapping copies. (A block inside
    an `<a>`, which Markdown does not make, would no longer be clickable itself.)"""
    gather = anchors.gather_anchors

    def gather_own(box: Any, *args: Any, **kwargs: Any) -> None:
        # The last positional parameter, or keyword, is the parent's link: dropped.
        if len(args) >= 7:
            args = args[:6]
        kwargs.pop("parent_link", None)
        gather(box, *args, **kwargs)

    anchors.gather_anchors = gather_own
    try:
        yield
    finally:
        anchors.gather_anchors = gather


@contextmanager
def pages_listed_once() -> Iterator[None]:
    """While a PDF is written: pydyf lists every page's reference again each time a
    page's reference is asked for, and the structure tree asks for one per marked
    content (17,000 times for the 18 regions' packets), which is quadratic in the pages.
    Here the list is made again only when a page was added since."""
    listing = pydyf.PDF.page_references

    def listed(pdf: Any) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get("_soteneg_pages")
        if kept is None or kept[0] != count:
            kept = pdf.__dict__["_soteneg_pages"] = (count, listing.fget(pdf))
        return kept[1]

    pydyf.PDF.page_references = property(listed)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        pydyf.PDF.page_references = listing  # type: ignore[method-assign]


@contextmanager
def tagged(root: ElementTree.Element, document: Any) -> Iterator[None]:
    """While `document` (laid out from the HTML `root`) is written as a tagged PDF."""
    tree = _Tree(root, document)
    draw_context = draw.draw_stacking_context
    build = tags._build_box_tree

    def draw_margins_as_artifacts(stream: Any, context: Any) -> None:
        if not isinstance(context.box, boxes.MarginBox) or stream._tags is None:
            draw_context(stream, context)
            return
        # Header or footer; a box on the page's side is pagination all the same.
        where = context.box.at_keyword.split("-")[0].lstrip("@")
        properties = {"Type": "/Pagination"}
        if where in ("top", "bottom"):
            properties["Subtype"] = "/Header" if where == "top" else "/Footer"
        marking, stream._tags = stream._tags, None  # no MCIDs inside the artifact
        stream.begin_marked_content("Artifact", pydyf.Dictionary(properties))
        try:
            draw_context(stream, context)
        finally:
            stream.end_marked_content()
            stream._tags = marking

    def build_tagged(box: Any, parent: Any, pdf: Any, *args: Any) -> Iterator[Any]:
        if isinstance(box, boxes.MarginBox):
            return  # drawn as artifacts above: nothing of it is in the tree
        for element in build(box, parent, pdf, *args):
            if tree.adjust(box, parent, element):
                yield element

    draw.draw_stacking_context = draw_margins_as_artifacts
    tags._build_box_tree = build_tagged
    try:
        yield
    finally:
        draw.draw_stacking_context = draw_context
        tags._build_box_tree = build


class _Tree:
    """What one write needs to know to adjust the elements WeasyPrint makes."""

    def __init__(self, root: ElementTree.Element, document: Any) -> None:
        self.root = root
        self.lang = root.get("lang", "")
        self.languages = _language_changes(root)
        self.pages: dict[str, int] = {}  # anchor -> its page's number (from 1)
        for number, page in enumerate(document.pages, start=1):
            for name in page.anchors:
                self.pages.setdefault(name, number)
        self._ids: dict[str, ElementTree.Element] | None = None
        # A footnote's HTML element -> (the element its call is in, the reference after
        # which the note goes: its call's, or that of the note's part before).
        self.calls: dict[ElementTree.Element, tuple[Any, bytes]] = {}
        self.notes = 0
        self.made: dict[int, Any] = {}  # id of a box -> its element, for footnotes

    def adjust(self, box: Any, parent: Any, element: Any) -> bool:
        """Adjust `element`, made for `box` under `parent`; whether it stays where
        WeasyPrint put it (a footnote moves to its call)."""
        if isinstance(box, AbsolutePlaceholder):
            box = box._box
        html = getattr(box, "element", None)
        lang = self.languages.get(html)  # type: ignore[arg-type]
        if lang:
            element["Lang"] = pydyf.String(lang)
        kind = element["S"]
        tag = getattr(box, "element_tag", None) or ""
        if kind == "/Link":
            annotation = getattr(box, "link_annotation", None)
            if annotation is None:
                element["S"] = "/Span"  # inside a link: the link's element has its words
            elif box.link:
                annotation["Contents"] = pydyf.String(self.words(box.link))
        elif kind == "/TH":
            # WeasyPrint takes a header for a row's only when it says so: the same here.
            scope = "/Row" if html is not None and html.get("scope") == "row" else "/Column"
            element["A"]["Scope"] = scope
        elif getattr(box, "footnote", None) is not None and kind != "/LI":
            element["S"] = "/Reference"  # the footnote call
            self.calls[box.footnote.element] = (parent, element.reference)
        elif tag.endswith("::footnote-marker"):
            element["S"] = "/Lbl"
        elif isinstance(box, boxes.FootnoteAreaBox):
            return self._footnotes(box, element)
        if html in self.calls:
            self.made[id(box)] = element  # maybe a footnote: see _footnotes
        return True

    def _footnotes(self, area: Any, element: Any) -> bool:
        """The footnotes in a page's footnote area (its children) become Notes after
        their calls; whether anything is left in the area."""
        for child in area.children:
            note = self.made.get(id(child))
            if note is None or note.reference not in element["K"]:
                continue
            if not self._note(note, child.element):
                element["K"].remove(note.reference)  # moved to its call
        return bool(element["K"])

    def _note(self, element: Any, html: Any) -> bool:
        """`element` as a Note, after its call; whether it stays where it was."""
        self.notes += 1
        element["S"] = "/Note"
        element["ID"] = pydyf.String(f"soteneg-note-{self.notes}")  # PDF/UA-1 7.9
        if html not in self.calls:
            return True  # its call was not drawn: it stays in the footnote area
        paragraph, after = self.calls[html]
        kids = paragraph["K"]
        at = kids.index(after) if after in kids else len(kids) - 1
        kids.insert(at + 1, element.reference)
        element["P"] = paragraph.reference
        # A note split over two pages: its second part goes after its first.
        self.calls[html] = (paragraph, element.reference)
        return False

    def words(self, link: Any) -> str:
        """Where `link` leads, in words of the document's language."""
        _, (kind, target) = link
        if kind == "internal":
            page = self.pages.get(target)
            title = self.title(target)
            if page is None:
                return title or target
            if title:
                return i18n.text("link_to_page", self.lang, page=page, title=title)
            return f"{i18n.text('page', self.lang)} {page}"
        if target.startswith("mailto:"):
            address = unquote(target[len("mailto:") :].split("?")[0])
            return i18n.text("link_to_email", self.lang, address=address)
        return i18n.text("link_to_web", self.lang, url=target)

    def title(self, anchor: str) -> str:
        if self._ids is None:
            self._ids = {e.get("id", ""): e for e in self.root.iter() if e.get("id")}
        return _heading(self._ids.get(anchor))


def heading(root: ElementTree.Element, anchor: str) -> str:
    """The heading of the element with id `anchor` in `root`."""
    return _heading(next((e for e in root.iter() if e.get("id") == anchor), None))


def _heading(target: ElementTree.Element | None) -> str:
    """The text of `target`'s heading: its own, if it is one, or its first one."""
    if target is None:
        return ""
    found = target if target.tag in HEADINGS else None
    if found is None:
        found = next((e for e in target.iter() if e.tag in HEADINGS), None)
    return " ".join("".join(found.itertext()).split()) if found is not None else ""


def appendix_figure(writer: Any, page_number: int, first_page: int, alt: str) -> int:
    """A Figure in `writer`'s structure tree for an attached PDF's page, drawn on page
    `page_number` (from 0) after WeasyPrint wrote the PDF; its MCID on that page. It goes
    into the attachment's section, the Sect with its label (an H2) that begins on
    `first_page`, after what is there: the label, then the attachment's pages in order."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    tree = writer.root_object["/StructTreeRoot"].get_object()
    page = writer.pages[page_number]
    nums = tree["/ParentTree"].get_object()["/Nums"]
    key = int(page["/StructParents"])
    marked = next(nums[i + 1].get_object() for i in range(0, len(nums), 2) if nums[i] == key)
    section = _section(tree, writer.pages[first_page].indirect_reference)
    figure = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Figure"),
            NameObject("/P"): section.indirect_reference,
            NameObject("/Pg"): page.indirect_reference,
            NameObject("/K"): NumberObject(len(marked)),
            NameObject("/Alt"): TextStringObject(alt),
        }
    )
    reference = writer._add_object(figure)
    marked.append(reference)
    kids = section.get("/K")
    if not isinstance(kids, ArrayObject):
        kids = ArrayObject([] if kids is None else [kids])
        section[NameObject("/K")] = kids
    kids.append(reference)
    return len(marked) - 1


def _section(tree: Any, page: Any) -> Any:
    """The Sect that begins on `page` and holds an H2, or else the Document element."""
    document = tree["/K"][0].get_object()
    stack = [document]
    while stack:
        element = stack.pop()
        kids = element.get("/K", [])
        kids = [k.get_object() for k in (kids if isinstance(kids, list) else [kids])]
        kids = [k for k in kids if hasattr(k, "get") and "/S" in k]
        begins = element["/S"] == "/Sect" and element.get("/Pg") == page
        if begins and any(k["/S"] == "/H2" for k in kids):
            return element
        stack += reversed(kids)
    return document


def _language_changes(root: ElementTree.Element) -> dict[ElementTree.Element, str]:
    """The elements whose `lang` differs from the one they inherit (the root's goes into
    the PDF's catalog), with their language; walked without recursion, for deep HTML.
    A part in another language (a Finnish original in a Swedish packet) must say so in
    its structure elements' /Lang, or a screen reader reads it with the wrong rules."""
    changes: dict[ElementTree.Element, str] = {}
    stack = [(child, root.get("lang", "")) for child in root]
    while stack:
        element, inherited = stack.pop()
        own = element.get("lang") or inherited
        if own != inherited:
            changes[element] = own
        stack += [(child, own) for child in element]
    return changes
