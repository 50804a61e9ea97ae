"""HTML to PDF with WeasyPrint, confined to the project, in parallel, reproducibly.

WeasyPrint fetches what a page references (images, fonts in @font-face) through a URL
fetcher. Ours serves only `file:` URLs that resolve inside the project root, after
following symlinks; http(s), data:, and files elsewhere are refused and reported.
"""

from __future__ import annotations

import hashlib
import io
import logging
import mimetypes
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname
from xml.etree import ElementTree

import weasyprint
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import DependencyError, PyPdfError
from weasyprint.urls import URLFetcher, URLFetcherResponse

from soteneg.core import lifeline
from soteneg.packets import fonts
from soteneg.packets.plan import PROJECT_URI


class RefusedFetch(ValueError):
    """A reference that would read from outside the project."""


class ProjectFetcher(URLFetcher):
    """Serves `file:` URLs inside `root`, nothing else. Refusals are kept in `refused`."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        if not url.startswith(PROJECT_URI):
            return self._refuse(url, "only files inside the project can be used")
        relative = url2pathname(unquote(urlsplit(url).path))[len("/soteneg-project/") :]
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return self._refuse(url, "the file is not inside the project")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})

    def _refuse(self, url: str, why: str) -> URLFetcherResponse:
        self.refused.append(url)
        raise RefusedFetch(f"{why}: {url}")


@dataclass(frozen=True)
class PrintJob:
    path: str  # output file, relative to the output folder
    html: str
    variant: str  # "pdf/ua-1" or "pdf/a-3a"
    # Attached PDFs: (id of the first page reserved for it, its bytes).
    appendices: tuple[tuple[str, bytes], ...] = ()
    # The clock for whatever WeasyPrint's libraries stamp on their own (see _clock).
    epoch: int = 0


@dataclass(frozen=True)
class Printed:
    path: str
    data: bytes
    refused: tuple[str, ...]
    pages: int
    errors: tuple[str, ...] = ()


def print_one(job: PrintJob, root: str) -> Printed:
    """Render one job. Runs in a worker process."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = ProjectFetcher(Path(root))
    base = PROJECT_URI
    with _clock(job.epoch):
        html = weasyprint.HTML(string=job.html, base_url=base, url_fetcher=fetcher)
        document = html.render()
        with _part_languages(html.etree_element):
            data = document.write_pdf(pdf_variant=job.variant, pdf_tags=True, pdf_identifier=True)
    assert data is not None
    errors: tuple[str, ...] = ()
    if job.appendices:
        try:
            data = draw_appendices(data, document, job.appendices)
        # PyPdfError: the limits pypdf keeps (LimitReachedError) on pages `check` did not
        # decode; DependencyError: a filter or cipher needing a package that is absent.
        except (PyPdfError, DependencyError, ValueError, KeyError, OSError) as err:
            errors = (f"an attached PDF cannot be read: {err}",)
    return Printed(job.path, data, tuple(fetcher.refused), len(document.pages), errors)


@contextmanager
def _clock(epoch: int) -> Iterator[None]:
    """fontTools stamps the time into every font it saves (variable fonts made static,
    colour fonts without their images) unless SOURCE_DATE_EPOCH says otherwise. The job
    gives a moment taken from its documents' dates, so two builds of the same content
    print the same bytes whatever the clock or the caller's environment says."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def _language_changes(root: ElementTree.Element) -> dict[ElementTree.Element, str]:
    """The elements whose `lang` differs from the one they inherit (the root's goes into
    the PDF's catalog), with their language; walked without recursion, for deep HTML."""
    changes: dict[ElementTree.Element, str] = {}
    stack = [(child, root.get("lang", "")) for child in root]
    while stack:
        element, inherited = stack.pop()
        own = element.get("lang") or inherited
        if own != inherited:
            changes[element] = own
        stack += [(child, own) for child in element]
    return changes


@contextmanager
def _part_languages(root: ElementTree.Element) -> Iterator[None]:
    """WeasyPrint (70) tags the structure tree but writes only the document's language,
    in the catalog. A part in another language (a Finnish original in a Swedish packet,
    `lang="fi"`) must say so in its structure elements' /Lang, or a screen reader reads
    Finnish with Swedish rules (PDF/UA-1 7.2). This wraps the function that builds the
    tree, for one write, and adds /Lang to the elements of those parts."""
    import pydyf  # WeasyPrint's own PDF writer, whose objects the tree is made of
    from weasyprint.pdf import tags

    changes = _language_changes(root)
    build = tags._build_box_tree
    if not changes:
        yield
        return

    def with_languages(box: Any, parent: Any, *args: Any) -> Iterator[Any]:
        lang = changes.get(getattr(box, "element", None))  # type: ignore[arg-type]
        for element in build(box, parent, *args):
            if lang:
                element["Lang"] = pydyf.String(lang)
            yield element

    tags._build_box_tree = with_languages
    try:
        yield
    finally:
        tags._build_box_tree = build


LABEL_PX = 10 / 25.4 * 96  # the "Liite: …" line on an attachment's first page
PT_PER_PX = 0.75


def draw_appendices(
    data: bytes, document: weasyprint.Document, appendices: tuple[tuple[str, bytes], ...]
) -> bytes:
    """Draw each attached PDF's pages, scaled to fit, into the pages reserved for them,
    so they carry the packet's running header, page numbers, table of contents entry and
    bookmark. The drawn pages are not tagged: their structure stays the attachment's."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep WeasyPrint's PDF version (1.7 for PDF/UA-1)
    first_page = {anchor: n for n, page in enumerate(document.pages) for anchor in page.anchors}
    for anchor, attached in appendices:
        start = first_page[anchor]
        # Through a writer: pypdf transforms only pages that belong to one.
        pages = PdfWriter(clone_from=PdfReader(io.BytesIO(attached))).pages
        for k, source in enumerate(pages):
            if start + k >= len(document.pages):
                break
            page = document.pages[start + k]
            box = page._page_box  # the content area the print stylesheet leaves
            x, y, width, height = box.content_box_x(), box.content_box_y(), box.width, box.height
            if k == 0:
                y, height = y + LABEL_PX, height - LABEL_PX
            if source.rotation:
                source.transfer_rotation_to_content()
            media = source.mediabox
            scale = min(
                width * PT_PER_PX / float(media.width), height * PT_PER_PX / float(media.height)
            )
            left = x * PT_PER_PX + (width * PT_PER_PX - float(media.width) * scale) / 2
            bottom = (page.height - y) * PT_PER_PX - float(media.height) * scale
            placement = (
                Transformation()
                .translate(-float(media.left), -float(media.bottom))
                .scale(scale, scale)
                .translate(left, bottom)
            )
            writer.pages[start + k].merge_transformed_page(source, placement)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def environment_key(families: Iterable[str]) -> str:
    """What besides the HTML decides a PDF's bytes: the library and the font files."""
    return f"{weasyprint.__version__}|{fonts.key(families)}"


def job_key(job: PrintJob, environment: str) -> str:
    digest = hashlib.sha256()
    for part in (environment, job.variant, job.html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    for anchor, attached in job.appendices:
        digest.update(anchor.encode("utf-8") + b"\0" + hashlib.sha256(attached).digest())
    return digest.hexdigest()


def print_all(
    jobs: Iterable[PrintJob],
    root: Path,
    workers: int,
    progress: Callable[[str], None] | None = None,
) -> list[Printed]:
    """Print every job, over `workers` processes; results in the jobs' order."""
    pending = list(jobs)
    done: dict[str, Printed] = {}
    if workers <= 1 or len(pending) <= 1:
        for job in pending:
            done[job.path] = print_one(job, str(root))
            if progress:
                progress(job.path)
    else:
        # Workers come from a fork server, not from a fork of this process: they must
        # not inherit its open files (the output lock) or outlive it holding them. Their
        # parent is the fork server, so each watches this process itself (lifeline):
        # killed with SIGKILL, the build takes its printers with it, and the fork
        # server, which lives while a worker does, ends after them.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["soteneg.packets.pdf"])
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=lifeline.hold,
            initargs=(lifeline.this_process(),),
        ) as pool:
            futures = [pool.submit(print_one, job, str(root)) for job in pending]
            for future in as_completed(futures):
                printed = future.result()
                done[printed.path] = printed
                if progress:
                    progress(printed.path)
    return [done[job.path] for job in pending]
