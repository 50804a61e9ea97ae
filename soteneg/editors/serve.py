"""The editors' preview: build, serve on loopback, watch, rebuild, reload the browser.

The browser side is livereload's (its script and websocket). Change detection is not:
livereload polls every 0.8 s and ignores changes that come within seconds of the last
reload, which is too slow for an editor who saves and looks. Here `watchfiles`
(inotify) reports a save at once, the preview rebuilds, and then tells livereload's
open pages to reload.

The preview shows drafts: it answers only its own address (serve_guard.py), sends a
Content-Security-Policy with everything (page_policy.py), prints PDFs off the server's
thread (print_queue.py), and removes its folder however it is stopped. The watcher and
its quiet moments are in watching.py, the page of a failed build in problem_page.py.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import datetime as dt
import gc
import logging
import mimetypes
import os
import posixpath
import secrets
import shutil
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Collection
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, cast

from soteneg import pipeline
from soteneg.build import search_shards
from soteneg.build.cache import input_stamps
from soteneg.build.output import state_dir
from soteneg.build.printing import print_on_request
from soteneg.editors import saves
from soteneg.editors.print_queue import PdfRequest, PrintQueue, Reply
from soteneg.editors.problem_page import State, problem_page
from soteneg.editors.serve_guard import HTML, url_host
from soteneg.editors.serve_guard import is_loopback as is_loopback  # the command line's check
from soteneg.editors.watching import fingerprint, watch_saves
from soteneg.site import pagefind_service
from soteneg.site.index import BuildOptions

if TYPE_CHECKING:
    from tornado.httpserver import HTTPServer
    from tornado.platform.asyncio import BaseAsyncIOLoop

COLLECT_EVERY = 10  # builds in a row without a quiet moment before one collects anyway
RELOAD_WAIT_S = 5.0  # the longest a report waits for the IO loop to send the reload
TEMP_PREFIX = "soteneg-preview-"  # the folder of the preview's site (drafts included)


class Preview:
    def __init__(
        self,
        root: Path,
        out: Path,
        now: dt.datetime | None,
        report: Callable[[State], None] | None = None,
        collect_when_idle: bool = False,
        own_folder: bool = False,
    ) -> None:
        """`own_folder`: `out` was made for this preview alone (`run`), so nothing else
        writes it and a save's build does not look for its files changed by others."""
        self.root = root
        self.out = out
        self.now = now  # None: the clock at each rebuild
        # Marks what editors wrote in the pages (page_policy.py); a secret, so
        # that no content can write the mark that would end its own part early.
        self.content_mark: str | None = f"soteneg-content-{secrets.token_hex(16)}"
        self.report = report
        self.state = State()
        self.lock = threading.Lock()
        self.printed: dict[str, bytes | Reply] = {}
        self.printer = PrintQueue()
        # The build cache stays in memory: a save redoes only what it changed.
        self.memory = pipeline.Memory(sole_writer=own_folder)
        # The server's: the collector stays off from a build until the saves pause.
        self.collect_when_idle = collect_when_idle
        self.uncollected = 0  # builds since then

    def rebuild(
        self,
        jobs: int = 1,
        shown: Callable[[], None] | None = None,
        changes: Collection[tuple[object, str]] | None = None,
    ) -> State:
        """Build what changed (drafts included, no PDFs, the search index after: see
        `index_search`); never raises. `jobs` above 1 forks workers: only before the
        server's threads start. `shown` is called once the new pages (or the problems)
        are what the server answers, before the terminal is told: the report of a large
        tree's warnings took 0.3-0.75 s in a terminal, which the browser need not wait.
        `changes`: what the watcher saw since the last build (editors/saves.py); None:
        the project is walked for what changed."""
        started = time.perf_counter()
        memory = self.memory
        memory.told = None
        if changes is not None:
            memory.told = saves.told(self.root, changes, memory.stamps, memory.warm.walk)
        if self.collect_when_idle:
            # Off until the saves pause (`collect`): turned on at the build's end, the
            # collector traversed what the build had made (0.04-0.16 s at 5000
            # documents) before the pages reloaded, and a full pass over the cache
            # (0.4-0.5 s) could start inside the next save's build. A long burst of
            # saves collects now and then all the same.
            if self.uncollected >= COLLECT_EVERY:
                self.collect()
            gc.disable()
            self.uncollected += 1
        # The last known language stays if this build cannot tell (site.yaml unreadable).
        state = State(builds=self.state.builds + 1, lang=self.state.lang)
        try:
            result = pipeline.build(
                self.root,
                self.out,
                BuildOptions(
                    drafts=True,
                    now=self.now or now_clock(),
                    base_path="/",
                    content_mark=self.content_mark,
                ),
                pdf_options=None,
                with_search=False,
                link_pdfs=True,
                jobs=jobs,
                memory=self.memory,
            )
            state.result = result
            state.problems = result.problems
            state.failed = result.failed
            state.texts = dict(result.check.content.texts)
            state.lang = result.default_lang or state.lang
        except Exception:
            state.failed = True
            state.crash = traceback.format_exc()
            memory.stamps, memory.warm.walk = None, None  # the next build walks
        state.seconds = time.perf_counter() - started
        with self.lock:
            self.state = state
            self.printed = {}
        if shown:
            shown()
        if self.report:
            self.report(state)
        return state

    def changed_behind(self, shown: Callable[[], None] | None = None) -> bool:
        """Stamp the whole project as a build would, and build again the whole way if it
        differs from what the last build believed: after builds told what changed by the
        watcher, whose events can be lost (editors/saves.py). Whether it built."""
        if self.memory.stamps is not None and input_stamps(self.root) == self.memory.stamps:
            return False
        self.rebuild(shown=shown)
        return True

    def collect(self) -> None:
        """Collect what the builds since the last collection left in cycles, and turn
        the collector on again until the next build."""
        gc.collect()
        gc.enable()
        self.uncollected = 0

    def index_search(self, jobs: int = 1) -> None:
        """Re-index for search the shards whose pages the last build changed
        (build/search_shards.py), once the saves have paused (`Idle`): a save shows at
        once, and its words are found a moment later. The first call indexes every shard.
        Called on the thread that builds, so nothing else writes the folder meanwhile;
        the pages are served all along (a shard's entry file is renamed in last)."""
        cache = self.memory.cache
        if self.state.failed or cache is None:
            return
        indexed = {rel for rel, record in cache.records.items() if record.indexed}
        with contextlib.suppress(pagefind_service.SearchError):  # `soteneg build` reports it
            search_shards.index_site(self.out, self.out, jobs=jobs, indexed=indexed)

    def find(self, path: str) -> Reply | PdfRequest:
        """The answer for a URL path; a PDF still to print is left to the caller."""
        with self.lock:
            state = self.state
        lang = _lang_of(path)
        if state.failed and not path.startswith("/static/"):
            return Reply(500, HTML, problem_page(state, lang).encode("utf-8"))
        rel = posixpath.normpath(path).lstrip("/")
        if rel.startswith("..") or "\x00" in rel:
            return self.missing()
        if path.endswith("/") or rel in ("", "."):
            rel = posixpath.join(rel, "index.html") if rel not in ("", ".") else "index.html"
        media = mimetypes.guess_type(rel)[0] or "application/octet-stream"
        if media.startswith("text/") or media == "application/javascript":
            media += "; charset=utf-8"
        try:
            target = (self.out / rel).resolve()
            if not target.is_relative_to(self.out.resolve()):
                return self.missing()
            if target.is_file():
                return Reply(200, media, target.read_bytes())
        except (OSError, RuntimeError):  # a name too long for the file system, a loop
            return self.missing()
        if rel.endswith(".pdf") and state.result and state.result.site:
            with self.lock:
                printed = self.printed.get(path) if self.state is state else None
            if printed is None:
                return PdfRequest(path, state.builds, state)
            if isinstance(printed, Reply):
                return printed
            return Reply(200, "application/pdf", printed) if printed else self.missing()
        return self.missing()

    def missing(self) -> Reply:
        page = self.out / "404.html"
        return Reply(404, HTML, page.read_bytes() if page.is_file() else b"<h1>404</h1>")

    def print(self, request: PdfRequest) -> bytes | Reply:
        """A PDF is printed when it is asked for, once per build, not on every save.
        Runs on the print queue's thread; b"" when the site has no such PDF, the page of
        problems when it could not be printed whole (an attached PDF that cannot be
        drawn: the PDF without it would show blank pages)."""
        url, state = request.url, request.state
        with self.lock:
            if url in self.printed and self.state is state:
                return self.printed[url]
        assert state.result is not None and state.result.site is not None
        templates = state.result.check.templates
        found = print_on_request(state.result.site, templates, self.root, url)
        answer: bytes | Reply
        if isinstance(found, list):
            failed = State(problems=found, texts=state.texts, lang=state.lang)
            answer = Reply(500, HTML, problem_page(failed, _lang_of(url)).encode("utf-8"))
        else:
            answer = found or b""
        with self.lock:
            if self.state is state:  # a rebuild meanwhile makes this print stale
                self.printed[url] = answer
        return answer


def _lang_of(path: str) -> str:
    """The language of the page at `path`, for the words the preview says there."""
    return "sv" if path.startswith("/sv/") else "en" if path.startswith("/en/") else "fi"


def now_clock() -> dt.datetime:
    return dt.datetime.now(tz=dt.UTC)


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class _Stopped(BaseException):
    """SIGTERM or SIGHUP while the site is built: stop as Ctrl+C does. Not an Exception,
    so that no `except Exception` on the way (the build's) swallows it."""


def _raise_on_signals() -> dict[int, Any]:
    """Until the IO loop runs. Returns the handlers there were before."""
    owner = os.getpid()

    def stop(signum: int, _frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a forked build worker: die as the signal says
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise _Stopped

    return {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}


def _stop_loop_on_signals(loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
    """While the IO loop runs, a signal stops it. Raising from a handler would not do:
    the exception lands in whatever task is running, and asyncio only logs it. asyncio's
    own handlers also wake the loop when another thread took the signal. Returns the
    function that removes them again."""
    signals = (*STOP_SIGNALS, signal.SIGINT)
    for sig in signals:
        loop.add_signal_handler(sig, loop.stop)

    def remove() -> None:
        for sig in signals:
            loop.remove_signal_handler(sig)

    return remove


def run(
    root: Path,
    host: str,
    port: int,
    now: dt.datetime | None,
    report: Callable[[State], None],
    ready: Callable[[str], None],
) -> None:
    """Serve until interrupted (Ctrl+C, SIGTERM, SIGHUP). The preview's site, drafts
    included, lives in a temporary folder that goes when the preview does."""
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    from soteneg.editors.serve_guard import listen

    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # a 404 is not news
    workdir: Path | None = None
    server: HTTPServer | None = None
    watcher: threading.Thread | None = None
    stop = threading.Event()

    def remove() -> None:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
            # The build's lock and link report for the folder, kept in the user's cache.
            shutil.rmtree(state_dir(workdir / "site"), ignore_errors=True)

    atexit.register(remove)  # a backstop should the interpreter exit some other way
    unhandle: Callable[[], None] | None = None
    previous = _raise_on_signals()  # before the folder exists, so it never outlives us
    try:
        workdir = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
        preview = Preview(
            root, workdir / "site", now, report, collect_when_idle=True, own_folder=True
        )
        built_from = fingerprint(root)
        preview.rebuild(jobs=os.cpu_count() or 1)
        preview.index_search(jobs=os.cpu_count() or 1)
        loop = IOLoop.current()
        server = listen(preview, host, port)

        def reload_pages() -> None:
            # Livereload's handlers live on the IO loop: the reload is handed to it, and
            # the terminal's report waits until it is sent (a busy machine had printed
            # the report first). Bounded, so a stuck loop cannot hold the builds.
            sent = threading.Event()

            def send() -> None:
                try:
                    LiveReloadHandler.reload_waiters("*")
                finally:
                    sent.set()

            loop.add_callback(send)
            sent.wait(timeout=RELOAD_WAIT_S)

        armed = threading.Event()
        watcher = threading.Thread(
            target=watch_saves, args=(root, preview, reload_pages, stop, armed), daemon=True
        )
        watcher.start()
        armed.wait(timeout=30)
        if fingerprint(root) != built_from:  # saved while the watcher was starting
            preview.rebuild()
            preview.index_search()
        ready(f"http://{url_host(host)}:{port}/")
        unhandle = _stop_loop_on_signals(cast("BaseAsyncIOLoop", loop).asyncio_loop)
        loop.start()
    except _Stopped:
        pass
    finally:
        if unhandle is not None:
            unhandle()
        for sig in previous:  # a second signal must not cut the clean-up short
            signal.signal(sig, signal.SIG_IGN)
        stop.set()
        if server is not None:
            server.stop()
        if watcher is not None:
            watcher.join(timeout=10)  # a rebuild under way would write into the folder
        remove()
        atexit.unregister(remove)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
