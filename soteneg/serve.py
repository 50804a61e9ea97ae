"""The editors' preview: build, serve on loopback, watch, rebuild, reload the browser.

The browser side is livereload's (its script and websocket). Change detection is not:
livereload polls every 0.8 s and ignores changes that come within seconds of the last
reload, which is too slow for an editor who saves and looks. Here `watchfiles`
(inotify) reports a save at once, the preview rebuilds, and then tells livereload's
open pages to reload.
"""

from __future__ import annotations

import contextlib
import gc
import html
import ipaddress
import logging
import mimetypes
import os
import posixpath
import shutil
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote

from soteneg import pipeline
from soteneg.printing import print_on_request
from soteneg.problems import Problem
from soteneg.site import BuildOptions
from soteneg.sources import CONFIG_FILE, CONTENT_DIR, TEMPLATES_DIR

WATCHED = (CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE)

TEXTS = {
    "title": {
        "fi": "Sisällössä on virheitä",
        "sv": "Innehållet har fel",
        "en": "The content has problems",
    },
    "intro": {
        "fi": "Sivustoa ei voitu rakentaa. Korjaa alla olevat kohdat ja tallenna: sivu "
        "päivittyy itsestään.",
        "sv": "Webbplatsen kunde inte byggas. Rätta punkterna nedan och spara: sidan "
        "uppdateras av sig själv.",
        "en": "The site could not be built. Fix the points below and save: the page "
        "reloads by itself.",
    },
    "line": {"fi": "rivi", "sv": "rad", "en": "line"},
    "crash": {
        "fi": "soteneg kaatui (ohjelmavirhe, ei sisältövirhe):",
        "sv": "soteneg kraschade (ett programfel, inte ett innehållsfel):",
        "en": "soteneg crashed (a bug, not a content problem):",
    },
}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class State:
    """What the preview shows: the last good site, or the problems of the last build."""

    problems: list[Problem] = field(default_factory=list)
    failed: bool = False
    crash: str | None = None
    result: pipeline.BuildResult | None = None
    texts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    builds: int = 0


class Preview:
    def __init__(
        self, root: Path, out: Path, now: Any, report: Callable[[State], None] | None = None
    ) -> None:
        self.root = root
        self.out = out
        self.now = now
        self.report = report
        self.state = State()
        self.lock = threading.Lock()
        self.printed: dict[str, bytes] = {}
        # The build cache stays in memory: a save redoes only what it changed.
        self.memory = pipeline.Memory()

    def rebuild(self, jobs: int = 1) -> State:
        """Build what changed (drafts included, no PDFs or search index); never raises.
        `jobs` above 1 forks workers: only before the server's threads start."""
        started = time.perf_counter()
        state = State(builds=self.state.builds + 1)
        try:
            result = pipeline.build(
                self.root,
                self.out,
                BuildOptions(drafts=True, now=self.now, base_path="/"),
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
        except Exception:
            state.failed = True
            state.crash = traceback.format_exc()
        state.seconds = time.perf_counter() - started
        with self.lock:
            self.state = state
            self.printed = {}
        if self.report:
            self.report(state)
        return state

    # --- WSGI --------------------------------------------------------------------------

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        path = unquote(environ.get("PATH_INFO") or "/")
        with self.lock:
            state = self.state
        lang = "sv" if path.startswith("/sv/") else "en" if path.startswith("/en/") else "fi"
        if state.failed and not path.startswith("/static/"):
            body = problem_page(state, lang).encode("utf-8")
            start_response(
                "500 Internal Server Error",
                [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
            )
            return [body]
        found = self._file(path, state)
        if found is None:
            missing = self.out / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"<h1>404</h1>"
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")])
            return [body]
        data, media = found
        start_response("200 OK", [("Content-Type", media), ("Cache-Control", "no-store")])
        return [data]

    def _file(self, path: str, state: State) -> tuple[bytes, str] | None:
        rel = posixpath.normpath(path).lstrip("/")
        if rel.startswith("..") or "\x00" in rel:
            return None
        if path.endswith("/") or rel in ("", "."):
            rel = posixpath.join(rel, "index.html") if rel not in ("", ".") else "index.html"
        target = (self.out / rel).resolve()
        if not target.is_relative_to(self.out.resolve()):
            return None
        media = mimetypes.guess_type(rel)[0] or "application/octet-stream"
        if media.startswith("text/") or media == "application/javascript":
            media += "; charset=utf-8"
        if target.is_file():
            return target.read_bytes(), media
        if rel.endswith(".pdf") and state.result and state.result.site:
            data = self._print(path, state)
            return (data, "application/pdf") if data else None
        return None

    def _print(self, url: str, state: State) -> bytes:
        """A PDF is printed when it is asked for, once per build, not on every save."""
        with self.lock:
            if url in self.printed:
                return self.printed[url]
        assert state.result is not None and state.result.site is not None
        data = print_on_request(state.result.site, self.root, url) or b""
        with self.lock:
            if self.state is state:  # a rebuild meanwhile makes this print stale
                self.printed[url] = data
        return data


def problem_page(state: State, lang: str) -> str:
    """Every problem over the page: file, line, message and the source excerpt."""
    items = []
    for p in state.problems:
        if not p.is_error:
            continue
        lines = state.texts.get(p.file, "").split("\n")
        excerpt = ""
        if 0 < p.line <= len(lines):
            first = max(1, p.line - 2)
            shown = []
            for n in range(first, min(len(lines), p.line + 2) + 1):
                mark = ' class="here"' if n == p.line else ""
                shown.append(f"<span{mark}><b>{n:>4}</b> {html.escape(lines[n - 1][:300])}</span>")
            excerpt = "<pre>" + "\n".join(shown) + "</pre>"
        where = html.escape(p.file) + (f", {TEXTS['line'][lang]} {p.line}" if p.line else "")
        suggestion = f"<p class=hint>{html.escape(p.suggestion)}</p>" if p.suggestion else ""
        items.append(
            f"<li><p class=where>{where} <code>{html.escape(p.code)}</code></p>"
            f"<p>{html.escape(p.message)}</p>{suggestion}{excerpt}</li>"
        )
    crash = ""
    if state.crash:
        crash = f"<p>{TEXTS['crash'][lang]}</p><pre>{html.escape(state.crash)}</pre>"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TEXTS["title"][lang]}</title>
<style>
body {{ font: 17px/1.5 system-ui, sans-serif; margin: 0; background: #fff4ce; color: #1a1a1a; }}
main {{ max-width: 60rem; margin: 0 auto; padding: 1.5rem; }}
h1 {{ color: #8a1c1c; }} li {{ background: #fff; border-left: 6px solid #b00020;
  margin: 1rem 0; padding: .5rem 1rem; list-style: none; }}
ul {{ padding: 0; }} .where {{ font-weight: 700; }} .hint {{ color: #4a4a4a; }}
pre {{ background: #f6f7f9; padding: .5rem; overflow-x: auto; }}
pre span {{ display: block; }} pre .here {{ background: #fbdada; }}
</style></head>
<body><main>
<h1>{TEXTS["title"][lang]}</h1>
<p>{TEXTS["intro"][lang]}</p>
<ul>{"".join(items)}</ul>{crash}
</main></body></html>
"""


class _Silent:
    """A livereload watcher that never polls: changes come from `watch` below."""

    _tasks: ClassVar[dict[str, None]] = {"soteneg": None}
    filepath = None  # livereload logs the changed file; ours are many

    def watch(self, *args: Any, **kwargs: Any) -> None:
        pass

    def start(self, callback: Callable[[], None]) -> bool:
        return True  # "I will call back" (we do, through reload_waiters)

    def examine(self) -> tuple[None, None]:
        return None, None


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Sizes and modification times of every watched file: what a rebuild depends on."""
    found = []
    for name in WATCHED:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in paths:
            with contextlib.suppress(OSError):
                stat = path.stat()
                found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def _watch(
    root: Path,
    preview: Preview,
    on_change: Callable[[], None],
    stop: threading.Event,
    armed: threading.Event,
) -> None:
    from watchfiles import watch

    paths = [str(root / name) for name in WATCHED if (root / name).exists()]
    output = str(preview.out.resolve())
    garbage = False
    # rust_timeout with yield_on_timeout: the first (empty) yield proves that the
    # watches are in place, so the preview can say it is ready without missing a save.
    for changes in watch(
        *paths,
        stop_event=stop,
        debounce=50,
        step=20,
        rust_timeout=200,
        yield_on_timeout=True,
        watch_filter=lambda _c, p: not p.startswith(output),
    ):
        armed.set()
        if changes:
            preview.rebuild()
            on_change()
            garbage = True
        elif garbage:
            # Builds pause the garbage collector; collect once the reload is served,
            # at the first quiet moment (no change for `rust_timeout`).
            gc.collect()
            garbage = False


def run(
    root: Path,
    host: str,
    port: int,
    now: Any,
    report: Callable[[State], None],
    ready: Callable[[str], None],
) -> None:
    """Serve until interrupted. The preview's site lives in a temporary folder."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # a 404 is not news
    workdir = Path(tempfile.mkdtemp(prefix="soteneg-preview-"))
    preview = Preview(root, workdir / "site", now, report)
    built_from = fingerprint(root)
    preview.rebuild(jobs=os.cpu_count() or 1)
    server = Server(app=preview, watcher=_Silent())
    stop = threading.Event()
    try:
        server.application(port, host, liveport=None, debug=False, live_css=False)
        loop = IOLoop.current()
        # Livereload's handlers live on the IO loop; reloads are scheduled onto it.
        LiveReloadHandler.watcher = server.watcher
        LiveReloadHandler.live_css = False

        def reload_pages() -> None:
            loop.add_callback(LiveReloadHandler.reload_waiters, "*")

        armed = threading.Event()
        watcher = threading.Thread(
            target=_watch, args=(root, preview, reload_pages, stop, armed), daemon=True
        )
        watcher.start()
        armed.wait(timeout=30)
        if fingerprint(root) != built_from:  # saved while the watcher was starting
            preview.rebuild()
        ready(f"http://{host}:{port}/")
        loop.start()
    finally:
        stop.set()
        shutil.rmtree(workdir, ignore_errors=True)
