"""Pagefind's service (`pagefind --service`), driven to index given pages into one
bundle held in memory, and what it is when Pagefind fails (SearchError).

Pagefind numbers pages in the order it is given them, and its command line gives them
in directory-listing order, which is the file system's (creation order on tmpfs and
btrfs, a name hash on ext4). So the pages are fed to the service one by one, in the
order the caller gives (sorted by path).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from soteneg.core.text import Text, say

TIMEOUT = 600  # seconds for the whole run, as the command line had
PageReader = Callable[[Path, str], tuple[str, str]]  # (site, file) -> (URL, HTML) to index


class SearchError(Exception):
    """Pagefind failed. `text` says so in every language; what Pagefind itself printed
    or answered is kept as it is, quoted."""

    def __init__(self, detail: str | Text) -> None:
        super().__init__(detail if isinstance(detail, str) else detail.en)
        self.text = detail if isinstance(detail, Text) else say("@search.pagefind", detail=detail)


class NothingToIndex(SearchError):
    """Pagefind indexed none of the pages it was given (it skips a page without text)."""


# --- Pagefind's service ---------------------------------------------------------------
# `pagefind --service` is the interface the official Python and Node wrappers drive: each
# request and response is base64 JSON ending in a comma, handled one at a time in the
# order sent. The Python wrapper (pagefind.index) waits 0.1 s before reading each
# response, a minute per 600 pages, so requests are written here as fast as Pagefind
# reads them and the responses read as they come. The bundle comes back in the last
# response (GetFiles), not written by the service (WriteFiles): the service exits the
# moment its input ends, and its file writes, handed to background threads and not
# flushed, can then be lost (files left empty).


def run_pagefind(site_dir: Path, pages: list[str], page: PageReader) -> dict[str, bytes]:
    """The bundle for `pages`, indexed in that order: file path within it -> bytes.
    `page` gives the URL and HTML of each."""
    executable = pagefind_binary()
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
            return _converse(process, site_dir, pages, page)
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


def pagefind_binary() -> Path | None:
    """Pagefind's program, found where the Python wrapper's `get_executable` finds it
    (pagefind.service): the one PAGEFIND_BINARY_PATH names, else the one the wheel
    installed, else one on the PATH. Not by importing that module: it imports asyncio,
    20-30 ms of every build with search, before the first Pagefind process can start."""
    configured = os.getenv("PAGEFIND_BINARY_PATH")
    if configured is not None:
        return Path(configured)
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError:
        try:
            from pagefind_bin import get_executable  # type: ignore[import-not-found]
        except ImportError:
            found = shutil.which("pagefind_extended") or shutil.which("pagefind")
            return None if found is None else Path(found)
    try:
        return Path(get_executable())
    except OSError:
        # The wheel is installed but its program is not there (a half-removed install):
        # the wrapper raises FileNotFoundError; here it is the message of no program.
        return None


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
