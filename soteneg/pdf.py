"""HTML to PDF with WeasyPrint, confined to the project, in parallel, reproducibly.

WeasyPrint fetches what a page references (images, fonts in @font-face) through a URL
fetcher. Ours serves only `file:` URLs that resolve inside the project root, after
following symlinks; http(s), data:, and files elsewhere are refused and reported.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import subprocess
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

# PDF fonts: what fontconfig answers for the families the print stylesheet names.
FONT_FAMILIES = ("Noto Sans", "Noto Serif")


class RefusedFetch(ValueError):
    """A reference that would read from outside the project."""


class ProjectFetcher(URLFetcher):
    """Serves `file:` URLs inside `root`, nothing else. Refusals are kept in `refused`."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return self._refuse(url, "only files inside the project can be used")
        path = Path(url2pathname(unquote(parts.path))).resolve()
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


@dataclass(frozen=True)
class Printed:
    path: str
    data: bytes
    refused: tuple[str, ...]
    pages: int


def print_one(job: PrintJob, root: str) -> Printed:
    """Render one job. Runs in a worker process."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = ProjectFetcher(Path(root))
    base = Path(root).resolve().as_uri() + "/"
    document = weasyprint.HTML(string=job.html, base_url=base, url_fetcher=fetcher).render()
    data = document.write_pdf(pdf_variant=job.variant, pdf_tags=True, pdf_identifier=True)
    assert data is not None
    return Printed(job.path, data, tuple(fetcher.refused), len(document.pages))


def environment_key() -> str:
    """What besides the HTML decides a PDF's bytes: library versions and font files."""
    parts = [weasyprint.__version__]
    for family in FONT_FAMILIES:
        try:
            found = subprocess.run(
                ["fc-match", "--format=%{file}", family],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            found = ""
        stat = os.stat(found) if found and os.path.exists(found) else None
        parts.append(f"{family}={found}:{stat.st_size if stat else 0}")
    return "|".join(parts)


def job_key(job: PrintJob, environment: str) -> str:
    digest = hashlib.sha256()
    for part in (environment, job.variant, job.html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
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
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(print_one, job, str(root)) for job in pending]
            for future in as_completed(futures):
                printed = future.result()
                done[printed.path] = printed
                if progress:
                    progress(printed.path)
    return [done[job.path] for job in pending]
