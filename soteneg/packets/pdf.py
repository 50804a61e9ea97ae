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

import weasyprint
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, PyPdfError
from weasyprint.urls import URLFetcher, URLFetcherResponse

from soteneg.content.sources import (
    CONTENT_DIR,
    TEMPLATES_DIR,
    NotAFile,
    TooLarge,
    read_regular,
)
from soteneg.core import lifeline
from soteneg.packets import fonts, stylesheets, tagging
from soteneg.packets.plan import PROJECT_URI

# The largest file a print may read: an image as large as `attachments.max_mb` admits.
FETCH_LIMIT = 500 * 1024 * 1024


class RefusedFetch(ValueError):
    """A reference that would read from outside the project."""


class ProjectFetcher(URLFetcher):
    """Serves `file:` URLs of files inside content/ and templates/, nothing else: not
    site.yaml, not .git/config, not .env, which are inside the project too, and which
    a print template's `<link rel="attachment">` would embed in a PDF. Refusals are kept
    in `refused`."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = root.resolve()
        self.folders = tuple((self.root / top).resolve() for top in (CONTENT_DIR, TEMPLATES_DIR))
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        if not url.startswith(PROJECT_URI):
            return self._refuse(url, "only files inside the project can be used")
        relative = url2pathname(unquote(urlsplit(url).path))[len("/soteneg-project/") :]
        path = (self.root / relative).resolve()
        inside = any(path.is_relative_to(folder) for folder in self.folders)
        if not inside or not path.is_file():
            return self._refuse(url, "the file is not inside content/ or templates/")
        try:
            data = read_regular(path, FETCH_LIMIT)
        except (NotAFile, TooLarge, OSError):
            return self._refuse(url, "the file cannot be read")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": media_type})

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
    # Attached PDFs that could not be drawn: (the id of the first page reserved for it,
    # pypdf's words). `data` is then the PDF without them, never to be published.
    unreadable: tuple[tuple[str, str], ...] = ()


class AppendixError(Exception):
    """An attached PDF could not be drawn: which one (the id of its first page)."""

    def __init__(self, anchor: str, detail: str) -> None:
        super().__init__(f"{anchor}: {detail}")
        self.anchor, self.detail = anchor, detail


def print_one(job: PrintJob, root: str) -> Printed:
    """Render one job. Runs in a worker process."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = ProjectFetcher(Path(root))
    base = PROJECT_URI
    with _clock(job.epoch):
        html = weasyprint.HTML(string=job.html, base_url=base, url_fetcher=fetcher)
        sheets = stylesheets.shared(html)
        with tagging.own_links_only():
            document = html.render(stylesheets=sheets)
        with tagging.tagged(html.etree_element, document), tagging.pages_listed_once():
            # No pdf_identifier: the variant decides. PDF/A requires a trailer /ID and
            # WeasyPrint's PDF/A variants ask for one; PDF/UA-1 does not, and pydyf
            # makes the /ID by serializing and compressing every object a second
            # time (tagged raw WeasyPrint: 11 % over untagged with it, 9 % without).
            data = document.write_pdf(pdf_variant=job.variant, pdf_tags=True)
    assert data is not None
    unreadable: tuple[tuple[str, str], ...] = ()
    if job.appendices:
        try:
            labels = {a: tagging.heading(html.etree_element, a) for a, _ in job.appendices}
            data = draw_appendices(data, document, job.appendices, labels)
        except AppendixError as err:
            unreadable = ((err.anchor, err.detail),)
    return Printed(job.path, data, tuple(fetcher.refused), len(document.pages), unreadable)


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


LABEL_PX = 10 / 25.4 * 96  # the "Liite: …" line on an attachment's first page
PT_PER_PX = 0.75
Matrix = tuple[float, float, float, float, float, float]


def draw_appendices(
    data: bytes,
    document: weasyprint.Document,
    appendices: tuple[tuple[str, bytes], ...],
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """Draw each attached PDF's pages, scaled to fit, into the pages reserved for them,
    so they carry the packet's running header, page numbers, table of contents entry and
    bookmark. The attachment's own tags are not carried over: each of its pages is one
    Figure of the packet's structure tree, in the attachment's section, with its label
    (`labels`, by the id of its first page) and its page as alternative text.

    Each page is drawn as a form XObject: its contents (as they are, still compressed,
    when they are one stream) and its resources, nothing else. Its annotations (links,
    form fields), actions and the attachment's catalog (document JavaScript, embedded
    files) never reach the packet, whatever `check` let through; and pypdf never parses
    the contents, which took seconds a page on a large one."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep WeasyPrint's PDF version (1.7 for PDF/UA-1)
    first_page = {anchor: n for n, page in enumerate(document.pages) for anchor in page.anchors}
    for anchor, attached in appendices:
        start = first_page[anchor]
        try:
            label = (labels or {}).get(anchor) or anchor
            _draw_appendix(writer, document, start, attached, label)
        # What `check` did not foresee in the file: PyPdfError, the limits pypdf keeps
        # (LimitReachedError); DependencyError, a filter needing a package that is absent.
        except (PyPdfError, DependencyError, ValueError, KeyError, OSError) as err:
            raise AppendixError(anchor, f"{type(err).__name__}: {err}") from err
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _draw_appendix(
    writer: PdfWriter, document: weasyprint.Document, start: int, attached: bytes, label: str
) -> None:
    """Draw the pages of `attached` on the pages of `writer` from `start` on."""
    pages = PdfReader(io.BytesIO(attached)).pages
    count = min(len(pages), len(document.pages) - start)
    for k, source in enumerate(pages):
        if k >= count:
            break
        page = document.pages[start + k]
        box = page._page_box  # the content area the print stylesheet leaves
        x, y, width, height = box.content_box_x(), box.content_box_y(), box.width, box.height
        if k == 0:
            y, height = y + LABEL_PX, height - LABEL_PX
        area = (
            x * PT_PER_PX,
            (page.height - y) * PT_PER_PX,
            width * PT_PER_PX,
            height * PT_PER_PX,
        )
        form, matrix = _form(source, writer, area)
        mcid = tagging.appendix_figure(writer, start + k, start, f"{label} ({k + 1}/{count})")
        _draw(writer.pages[start + k], writer, form, matrix, mcid)


def _form(
    source: Any, writer: PdfWriter, area: tuple[float, float, float, float]
) -> tuple[Any, Matrix]:
    """The attached page `source` as a form XObject of `writer`, and the matrix that
    draws it, turned by its /Rotate and scaled to fit, at the top of `area` (left, top,
    width and height in points)."""
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

    crop = source.cropbox  # the visible part; pypdf gives the MediaBox when there is none
    left, bottom, right, top = (float(v) for v in (crop.left, crop.bottom, crop.right, crop.top))
    stream = _contents(source, writer)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (left, bottom, right, top)),
            NameObject("/Resources"): _copied(source, "/Resources", writer, DictionaryObject()),
        }
    )
    if "/Group" in source:  # how its transparency blends
        stream[NameObject("/Group")] = _copied(source, "/Group", writer, DictionaryObject())
    w, h = right - left, top - bottom
    turn = source.rotation % 360  # a multiple of 90: check saw to that
    shown_w, shown_h = (h, w) if turn in (90, 270) else (w, h)
    area_left, area_top, area_w, area_h = area
    scale = min(area_w / shown_w, area_h / shown_h)
    # /Rotate turns the page clockwise; each maps the box, moved to 0,0, onto 0,0-shown.
    turned: Matrix = {
        0: (1, 0, 0, 1, 0, 0),
        90: (0, -1, 1, 0, 0, w),
        180: (-1, 0, 0, -1, w, h),
        270: (0, 1, -1, 0, h, 0),
    }[turn]
    place_left = area_left + (area_w - shown_w * scale) / 2
    place_bottom = area_top - shown_h * scale
    matrix = _then(
        _then((1, 0, 0, 1, -left, -bottom), turned),
        (scale, 0, 0, scale, place_left, place_bottom),
    )
    return writer._add_object(stream), matrix


def _contents(source: Any, writer: PdfWriter) -> Any:
    """A new stream with the page's contents: one stream's bytes and filters as they
    are, several decoded and joined (as a reader joins them) and compressed again."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, EncodedStreamObject, NameObject

    found = source.get("/Contents")
    found = found.get_object() if found is not None else ArrayObject()
    streams = [s.get_object() for s in found] if isinstance(found, ArrayObject) else [found]
    if len(streams) == 1:
        one = streams[0]
        stream = EncodedStreamObject() if "/Filter" in one else DecodedStreamObject()
        stream._data = one._data
        for key in ("/Filter", "/DecodeParms"):
            if key in one:
                stream[NameObject(key)] = _copied(one, key, writer, None)
        return stream
    joined = DecodedStreamObject()
    joined.set_data(b"\n".join(s.get_data() for s in streams))
    return joined.flate_encode() if streams else joined


def _copied(source: Any, key: str, writer: PdfWriter, default: Any) -> Any:
    """`source[key]` copied into `writer` (with what it refers to), or `default`."""
    return source[key].get_object().clone(writer) if key in source else default


def _draw(page: Any, writer: PdfWriter, form: Any, matrix: Matrix, mcid: int) -> None:
    """Draw `form` on `page` after what is there, whose graphics state is kept apart, as
    the marked content `mcid` of a Figure."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    resources = page["/Resources"].get_object() if "/Resources" in page else DictionaryObject()
    resources = DictionaryObject(resources)  # pages may share one: this page's own
    xobjects = DictionaryObject(
        resources["/XObject"].get_object() if "/XObject" in resources else {}
    )
    name = next(
        f"/Appendix{n}" for n in range(len(xobjects) + 1) if f"/Appendix{n}" not in xobjects
    )
    xobjects[NameObject(name)] = form
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    numbers = " ".join(_number(v) for v in matrix)
    parts = []
    drawn = f"/Figure <</MCID {mcid}>> BDC q {numbers} cm {name} Do Q EMC"
    for data in (b"q\n", f"\nQ\n{drawn}\n".encode("ascii")):
        stream = DecodedStreamObject()
        stream.set_data(data)
        parts.append(writer._add_object(stream))
    contents = page["/Contents"].get_object() if "/Contents" in page else ArrayObject()
    existing = list(contents) if isinstance(contents, ArrayObject) else [page.raw_get("/Contents")]
    page[NameObject("/Contents")] = ArrayObject([parts[0], *existing, parts[1]])


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that applies `first`, then `second`."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _number(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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
