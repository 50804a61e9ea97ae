"""The static search index, built by Pagefind from the finished pages: one bundle of
given pages (`bundle_of`); soteneg.build.search_shards cuts the site into shards, each
such a bundle, and decides which to make again.

Pagefind reads each page's `<html lang>` and writes one index per language, with
Finnish and Swedish stemming, into /pagefind/. Only the parts marked
`data-pagefind-body` are indexed (documents, and the names on region, round and theme
pages; not the 404 page), and `data-pagefind-filter` attributes give the round, region,
theme and type filters.

A document with no version in a language is still found in that language's search: its
placeholder there names the original's page (`data-soteneg-search="/path/"`), and that
page is given to Pagefind in the placeholder's place: under the placeholder's URL (Pagefind
keeps one page per URL, so the original's own would replace it in its own index) and
`<html lang>` (so that it goes into that language's index), with the placeholder's filters
and labels instead of its own: "Språk: finska", and the `url` meta that makes Pagefind's
UI link the result and its sub-results to the original.

Documents in North, Inari and Skolt Sámi (`<html lang="se">` and so on) go into a bundle
of their own inside the first, /pagefind/smi/, as one index without a stemmer (Pagefind
has none for these languages). They cannot be merged into the Finnish or Swedish index:
a page there is stemmed with that language's stemmer, and a merged index (`mergeIndex`)
is searched with the page's own stemmer, which turns a Sámi query into something the
unstemmed words do not match. A separate bundle is a separate instance of Pagefind's
script, with its own: the search pages run it beside their own and list its results
apart (templates/search.html). The Sámi pages are given to it without their filters
(they are in the interface's words, and filter nothing in the other search) and with
their language as the `lang` meta, which the search page names in its own language.

The bundle is byte-identical between builds of the same pages, which Pagefind alone does
not give (docs/search.md, "Reproducibility"):

- Pagefind numbers pages in the order it is given them, and its command line gives them
  in directory-listing order, which is the file system's (creation order on tmpfs and
  btrfs, a name hash on ext4). So the pages are fed to Pagefind's service one by one,
  sorted by path.
- Pagefind keeps filters and sort keys in hash maps seeded at random in every process, so
  the values in each filter file, and the filter and sort lists of the metadata file, come
  out in a different order each run, and with them the content-hash file names. No option
  or environment variable fixes the seed; those few files are rewritten here in sorted
  order, under the names Pagefind itself gives that content.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import struct
import subprocess
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from typing import IO, Any

import cbor2

from soteneg.core import routes
from soteneg.core.text import Text, say

BUNDLE = routes.SEARCH_INDEX.strip("/")
# The Sámi documents' bundle, inside the main one; one index for the three languages.
SAMI_BUNDLE = routes.SAMI_SEARCH_INDEX[len(routes.SEARCH_INDEX) :].strip("/")
SAMI_INDEX_LANG = "smi"  # ISO 639-2 for the Sámi languages: no stemmer in Pagefind
TIMEOUT = 600  # seconds for the whole run, as the command line had
SIGNATURE = b"pagefind_dcd"  # begins every decompressed .pf_* file
PageReader = Callable[[Path, str], tuple[str, str]]  # (site, file) -> (URL, HTML) to index


class SearchError(Exception):
    """Pagefind failed. `text` says so in every language; what Pagefind itself printed
    or answered is kept as it is, quoted."""

    def __init__(self, detail: str | Text) -> None:
        super().__init__(detail if isinstance(detail, str) else detail.en)
        self.text = detail if isinstance(detail, Text) else say("@search.pagefind", detail=detail)


class NothingToIndex(SearchError):
    """Pagefind indexed none of the pages it was given (it skips a page without text)."""


def bundle_of(site_dir: Path, pages: list[str], page: PageReader | None = None) -> dict[str, bytes]:
    """The canonical bundle of `pages` (paths in the site, indexed in that order), each
    given to Pagefind by `page` (default: as itself, or a placeholder's original in its
    place): file path within the bundle -> bytes."""
    files = _run_pagefind(site_dir, pages, page)
    _canonicalise(files)
    return files


def reading_page(reads: set[str]) -> PageReader:
    """`_page`, noting in `reads` the path of every original a placeholder names."""

    def page(site_dir: Path, rel: str) -> tuple[str, str]:
        return _page(site_dir, rel, reads)

    return page


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML file Pagefind's command line would index (its default glob, `**/*.html`),
    by path relative to the site, sorted: this order is the page numbering in the index."""
    skip = {BUNDLE, f".{BUNDLE}-new", f".{BUNDLE}-old"}
    return sorted(
        rel
        for path in site_dir.rglob("*.html")
        if path.is_file()
        and (rel := path.relative_to(site_dir).as_posix()).split("/")[0] not in skip
    )


# What the templates write for the search (templates/base.html): the hidden block of
# filters and labels, bare on a page indexed as itself, naming the page to index on a
# placeholder; and the root element's language.
STAND_IN_MARK = 'data-soteneg-search="'
_STAND_IN = re.compile(r'<div hidden data-soteneg-search="([^"]+)">.*?</div>', re.S)
_OWN_BLOCK = "<div hidden data-soteneg-search>"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_BODY_MARK = "data-pagefind-body"


def _read_page(site_dir: Path, rel: str) -> str:
    try:
        # Invalid bytes replaced, as Pagefind's own reading of a file does.
        return (site_dir / rel).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise SearchError(f"{rel}: {err}") from err


def _page(site_dir: Path, rel: str, reads: set[str] | None = None) -> tuple[str, str]:
    """The URL and HTML Pagefind is given for the file `rel`: the file itself, or for a
    placeholder that names a page to index in its place, that page in the placeholder's
    language and at its URL, with the placeholder's filters and labels instead of its
    own."""
    html = _read_page(site_dir, rel)
    # A page with a body of its own is indexed as itself, whatever its text says (an
    # author's raw HTML cannot turn a document into a stand-in).
    if _BODY_MARK in html or (found := _STAND_IN.search(html)) is None:
        return _url(rel), html
    lang = _HTML_LANG.search(html)
    source_url = unescape(found.group(1))
    source = routes.output_file(source_url)
    if lang is None or not source_url.startswith("/") or ".." in Path(source).parts:
        raise SearchError(f"{rel}: cannot index {source_url!r} in its place")
    if reads is not None:
        reads.add(source)
    original = _read_page(site_dir, source)
    # The original's own block is the last one: the end of its <main>, after the text.
    own = original.rfind(_OWN_BLOCK)
    end = original.find("</div>", own)
    if _BODY_MARK not in original or own < 0 or end < 0 or not _HTML_LANG.search(original):
        raise SearchError(f"{rel}: {source} is not a document page to index in its place")
    block = found.group(0)
    html = original[:own] + block + original[end + len("</div>") :]
    html = _HTML_LANG.sub(lambda _: lang.group(0), html, count=1)
    return _url(rel), html


def lang_of(site_dir: Path, rel: str, html: str | None = None) -> str | None:
    """The language on a page's <html>, which our templates write at its top."""
    if html is None:
        try:
            with (site_dir / rel).open("rb") as file:
                html = file.read(1024).decode("utf-8", errors="replace")
        except OSError as err:
            raise SearchError(f"{rel}: {err}") from err
    found = _HTML_LANG.search(html)
    return found.group(0).split('"')[1] if found else None


def sami_page(site_dir: Path, rel: str) -> tuple[str, str]:
    """The URL and HTML the Sámi bundle is given for the page `rel`: under the one
    index's language, with its language as a label instead of its filters."""
    html = _read_page(site_dir, rel)
    lang = lang_of(site_dir, rel, html) or ""
    block = f'<div hidden data-soteneg-search><span data-pagefind-meta="lang">{lang}</span></div>'
    own = html.rfind(_OWN_BLOCK)
    end = html.find("</div>", own)
    if own >= 0 and end >= 0:
        html = html[:own] + block + html[end + len("</div>") :]
    html = _HTML_LANG.sub(f'<html lang="{SAMI_INDEX_LANG}"', html, count=1)
    return _url(rel), html


def _url(rel: str) -> str:
    """The URL Pagefind's command line gives a file (`build_url`): `index.html` dropped."""
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return f"/{rel}"


# --- Pagefind's service ---------------------------------------------------------------
# `pagefind --service` is the interface the official Python and Node wrappers drive: each
# request and response is base64 JSON ending in a comma, handled one at a time in the
# order sent. The Python wrapper (pagefind.index) waits 0.1 s before reading each
# response, a minute per 600 pages, so requests are written here as fast as Pagefind
# reads them and the responses read as they come. The bundle comes back in the last
# response (GetFiles), not written by the service (WriteFiles): the service exits the
# moment its input ends, and its file writes, handed to background threads and not
# flushed, can then be lost (files left empty).


def _run_pagefind(
    site_dir: Path, pages: list[str], page: PageReader | None = None
) -> dict[str, bytes]:
    """The bundle for `pages`, indexed in that order: file path within it -> bytes.
    `page` gives the URL and HTML of each (default: `_page`)."""
    from pagefind.service import get_executable  # imports asyncio: only when indexing

    executable = get_executable()
    if executable is None:
        raise SearchError(say("@search.no-binary"))
    with tempfile.TemporaryFile() as log:
        try:
            process = subprocess.Popen(
                [str(executable), "--service"],
                cwd=site_dir,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
            )
        except OSError as err:
            raise SearchError(f"pagefind could not run: {err}") from err
        timer = threading.Timer(TIMEOUT, process.kill)
        timer.start()
        try:
            return _converse(process, site_dir, pages, page or _page)
        except (SearchError, OSError) as err:  # OSError: a pipe to a service that died
            log.seek(0)
            output = log.read().decode("utf-8", "replace").strip()
            if not timer.is_alive():
                raise SearchError(say("@search.timeout", seconds=TIMEOUT)) from err
            raise SearchError(f"{err}\n{output}".strip()[-2000:]) from None
        finally:
            timer.cancel()
            if process.poll() is None:
                process.kill()
            process.wait()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    pipe.close()


def _converse(
    process: subprocess.Popen[bytes], site_dir: Path, pages: list[str], page: PageReader
) -> dict[str, bytes]:
    assert process.stdin is not None and process.stdout is not None
    stdin, responses = process.stdin, _responses(process.stdout.fileno())
    _send(stdin, 0, {"type": "NewIndex", "config": None})
    index_id = _expect(responses, 0, "NewIndex")["index_id"]
    failure: list[BaseException] = []
    done = len(pages) + 1  # the id of GetFiles, the last request

    def feed() -> None:
        # In a thread, so that responses are read while requests are written: Pagefind
        # answers as it goes, and the two pipes must not both fill up.
        try:
            for message_id, rel in enumerate(pages, start=1):
                url, html = page(site_dir, rel)
                request = {"type": "AddFile", "index_id": index_id, "file_path": None}
                _send(stdin, message_id, {**request, "url": url, "file_contents": html})
            _send(stdin, done, {"type": "GetFiles", "index_id": index_id})
        except BaseException as err:
            failure.append(err)
            process.kill()  # so that the reading below ends

    writer = threading.Thread(target=feed, name="pagefind-feed", daemon=True)
    writer.start()
    try:
        for message_id in range(1, done):
            _expect(responses, message_id, "IndexedFile")
        bundle = _expect(responses, done, "GetFiles")["files"]
    except BaseException:
        process.kill()  # the writer then stops at a broken pipe instead of sending the rest
        writer.join()
        # Pagefind's answer explains a failure better than the broken pipe it left,
        # except when it was the writer that failed first.
        if failure and not isinstance(failure[0], OSError):
            raise failure[0] from None
        raise
    writer.join()
    stdin.close()  # the service exits at the end of its input
    process.wait()
    files = {file["path"]: base64.b64decode(file["content"]) for file in bundle}
    for rel in files:  # written under the site below: nothing may point out of the bundle
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise SearchError(f"pagefind returned a file outside its bundle: {rel}")
    if "pagefind-entry.json" not in files:
        raise SearchError(f"pagefind returned no pagefind-entry.json: {sorted(files)[:20]}")
    return files


def _send(stdin: IO[bytes], message_id: int, payload: dict[str, Any]) -> None:
    # Text as UTF-8, not \\u escapes: a sixth less for Pagefind to decode in Finnish.
    message = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False).encode(
        "utf-8"
    )
    stdin.write(base64.b64encode(message) + b",")
    stdin.flush()


def _responses(stdout: int) -> Iterator[dict[str, Any]]:
    # The last response holds the whole bundle: gather its pieces, join once.
    pieces: list[bytes] = []
    while chunk := os.read(stdout, 1 << 20):
        *ends, rest = chunk.split(b",")
        for end in ends:
            message, pieces = b"".join([*pieces, end]), []
            yield json.loads(base64.b64decode(message))
        pieces.append(rest)


def _expect(responses: Iterator[dict[str, Any]], message_id: int, kind: str) -> dict[str, Any]:
    response = next(responses, None)
    if response is None:
        raise SearchError("pagefind stopped before it had answered")
    payload: dict[str, Any] = response["payload"]
    if payload.get("type") == "Error":
        raise SearchError(payload.get("message") or "pagefind failed")
    if response.get("message_id") != message_id or payload.get("type") != kind:
        raise SearchError(f"pagefind answered {response!r:.200} to request {message_id}")
    return payload


# --- Canonical order for what Pagefind writes from hash maps --------------------------
# A filter file is CBOR [name, [[value, [page, ...]], ...]]; the metadata file is
# [version, pages, index chunks, [[filter, file hash], ...], [[sort key, pages], ...], ...];
# pagefind-entry.json maps each language to its metadata hash. File names are Pagefind's:
# "<lang>_" and the start of the SHA-1 of the uncompressed CBOR, each byte in unpadded hex.


def _canonicalise(files: dict[str, bytes]) -> None:
    """Rewrite, in `files`, what Pagefind wrote in hash-map order."""
    entry = json.loads(files["pagefind-entry.json"])
    languages: dict[str, dict[str, Any]] = entry["languages"]
    if not sum(language["page_count"] for language in languages.values()):
        # What the command line says, and fails with; the service leaves it to its user.
        raise NothingToIndex(
            "Pagefind was not able to build an index: the site has no HTML page to index"
        )
    for lang in sorted(languages):
        meta_file = f"pagefind.{languages[lang]['hash']}.pf_meta"
        meta = _read(files, meta_file)
        filters = {name: _read(files, f"filter/{digest}.pf_filter") for name, digest in meta[3]}
        for _, digest in meta[3]:  # all first: a new name may be an old one's
            del files[f"filter/{digest}.pf_filter"]
        meta[3] = []
        for name in sorted(filters):
            filter_name, values = filters[name]
            data = _cbor([filter_name, sorted(values, key=lambda value: value[0])])
            digest = _short(lang, data, {digest for _, digest in meta[3]})
            files[f"filter/{digest}.pf_filter"] = _gzip(data)
            meta[3].append([name, digest])
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])
        data = _cbor(meta)
        del files[meta_file]
        meta_hash = f"{lang}_{_pagefind_hash(data)[: len(lang) + 8]}"
        files[f"pagefind.{meta_hash}.pf_meta"] = _gzip(data)
        languages[lang]["hash"] = meta_hash
    entry["languages"] = {lang: languages[lang] for lang in sorted(languages)}
    # serde_json's compact form, as Pagefind writes it.
    files["pagefind-entry.json"] = json.dumps(
        entry, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _pagefind_hash(data: bytes) -> str:
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _short(lang: str, data: bytes, taken: set[str]) -> str:
    """Pagefind's file name for `data`: seven hex digits, more if a sibling has them."""
    full = f"{lang}_{_pagefind_hash(data)}"
    name = full[: len(lang) + 8]
    while name in taken and len(name) < len(full):
        name = full[: len(name) + 1]
    return name


def _read(files: dict[str, bytes], name: str) -> Any:
    """A Pagefind file's CBOR, checked to encode back to the same bytes, so that what is
    rewritten keeps everything this reader does not know about."""
    if name not in files:
        raise SearchError(f"pagefind's bundle has no {name}")
    try:
        raw = gzip.decompress(files[name])
    except (OSError, EOFError) as err:
        raise SearchError(f"{name}: {err}") from err
    if not raw.startswith(SIGNATURE):
        raise SearchError(f"{name}: not a Pagefind index file")
    data = raw[len(SIGNATURE) :]
    try:
        value = cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError) as err:
        raise SearchError(f"{name}: {err}") from err
    if _cbor(value) != data:
        raise SearchError(f"{name}: a Pagefind format this soteneg does not know")
    return value


def _gzip(data: bytes) -> bytes:
    """Gzip as Pagefind writes it: best compression, and a header with no time and no
    operating system (zlib's own header would name the one Python was built for)."""
    body = SIGNATURE + data
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)
    return header + deflate.compress(body) + deflate.flush() + trailer


def _cbor(value: Any) -> bytes:
    # cbor2 writes lengths in their shortest form, as Pagefind's minicbor does; _read
    # checks that round trip on every file before anything is rewritten.
    return cbor2.dumps(value)
