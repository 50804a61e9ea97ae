"""The preview's HTTP side: who it answers, and what the browser may do with its answers.

The preview shows drafts, so it must answer only its editor's browser:

- **Host.** A page on any site can make its own name resolve to 127.0.0.1 (DNS
  rebinding) and then read the preview as if it were that site. The browser then sends
  that site's name in `Host`, so only the names the preview listens on are answered.
- **Origin.** WebSockets are not bound by the same-origin policy: the livereload socket
  is opened only from the preview's own pages.
- **Fetch metadata.** Other sites may link to the preview (a draft URL in a pull
  request), but not embed or fetch from it: that would let any page start PDF prints.
- **Content-Security-Policy.** What the preview serves runs only the site's own scripts.
  An SVG opened on its own is a document that could run scripts; it gets none.
- **PDFs** print on a thread of their own, one at a time with a short queue: printing
  takes seconds, and the server keeps answering meanwhile.

Run as `python -m soteneg.editors.serve_guard PAGE.html...` it prints the policy of built pages,
for hosts that can set headers (docs/publishing.md).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import ipaddress
import json
import posixpath
import queue
import re
import sys
import threading
import traceback
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer

LOOPBACK_NAME = "localhost"
HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
# PDFs print one at a time; this many more may wait. More than that is a page asking for
# many at once, not an editor: they get 503 and try again later.
PRINTS_WAITING = 3
RETRY_AFTER = "5"
_IP_HOST = re.compile(r"(\[[0-9a-f:.]+\]|[0-9.]+)(?::([0-9]{1,5}))?")
# What every answer but a hashed static file gets: a reload shows what was just built.
NO_STORE = "no-store"
# A static file whose name carries the hash of its bytes (site/assets.py) is the same at
# that address for ever: a reloaded page takes its stylesheet from the browser's cache
# instead of asking for it again while the preview prints its report.
FOREVER = "max-age=31536000, immutable"
STATIC = "/static/"  # where the site's static files are (core/routes.py)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    if host == LOOPBACK_NAME:
        return True
    ip = _ip(host)
    return ip is not None and ip.is_loopback


def url_host(host: str) -> str:
    """A host as written in a URL or a Host header: IPv6 literals in brackets."""
    ip = _ip(host)
    if ip is not None and ip.version == 6:
        return f"[{ip.compressed}]"
    return host.lower()


@dataclass(frozen=True)
class Audience:
    """The `Host` and `Origin` values the preview answers to."""

    port: int
    hosts: frozenset[str]  # lower case, "name:port" (also bare "name" on port 80)
    any_ip: bool = False  # listening on every address: any IP literal is the preview

    @classmethod
    def listening_on(cls, host: str, port: int) -> Audience:
        names = {url_host(host), LOOPBACK_NAME}
        if host == LOOPBACK_NAME:  # tornado listens on every address localhost has
            names |= {"127.0.0.1", "[::1]"}
        ip = _ip(host)
        hosts = {f"{name}:{port}" for name in names}
        if port == 80:  # browsers leave out the scheme's default port, only that one
            hosts |= names
        # A rebinding attack needs a name whose address the attacker controls. With
        # `--public --host 0.0.0.0` the preview is reached by the machine's addresses,
        # which are IP literals; any literal is safe to answer, a name is not.
        return cls(port, frozenset(hosts), any_ip=ip is not None and ip.is_unspecified)

    def host_ok(self, value: str | None) -> bool:
        if not value:
            return False
        value = value.strip().lower()
        if value in self.hosts:
            return True
        if not self.any_ip:
            return False
        literal = _IP_HOST.fullmatch(value)
        ip = _ip(literal.group(1)) if literal else None
        if literal is None or ip is None or (ip.version == 6) != value.startswith("["):
            return False
        return int(literal.group(2) or 80) == self.port

    def origin_ok(self, origin: str | None) -> bool:
        """Same origin as the preview itself (the page that opens the socket)."""
        if not origin or not origin.lower().startswith("http://"):
            return False
        return self.host_ok(origin[len("http://") :])


def embedded_elsewhere(headers: Mapping[str, str]) -> bool:
    """A request another site's page made, other than following a link to the preview
    (Fetch Metadata, sent by every current browser; absent from other clients)."""
    site = headers.get("Sec-Fetch-Site")
    if site is None or site in ("same-origin", "none"):
        return False
    # "same-site" too: another server on localhost is the same site, not the preview.
    return not (
        headers.get("Sec-Fetch-Mode") == "navigate" and headers.get("Sec-Fetch-Dest") == "document"
    )


# --- Content-Security-Policy ---------------------------------------------------------

# Every HTML page: its own files, nothing else. `img-src data:` is Pagefind's search icon
# (a CSS mask); data: images cannot run anything.
PAGE = (
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
# An SVG opened on its own is a document: no scripts (`sandbox` forbids them a second
# time), no fetches; its own inline styles and images only.
SVG = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; sandbox"
)
# A script file's policy binds it only when it runs as a worker: Pagefind's worker
# fetches its index and compiles its WebAssembly. As a document it is shown as text.
SCRIPT = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
    "frame-ancestors 'none'"
)
# Everything else, PDFs included (Chromium's viewer shows them under it), may fetch and
# run nothing when opened on its own, and may not be framed.
OTHER = "default-src 'none'; frame-ancestors 'none'"

_SCRIPT_TAG = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE_TAG = re.compile(rb"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_STYLE_ATTR = re.compile(rb"""<[a-z][^<>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ATTR = re.compile(rb"""\s(src|type)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
# Types that make a <script> run; others (application/ld+json) are data, not code.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}


def _sha256(data: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


def _attrs(raw: bytes) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(raw):
        value = next((g for g in match.groups()[1:] if g is not None), b"")
        found[match.group(1).decode().lower()] = html.unescape(value.decode("utf-8", "replace"))
    return found


def page_policy(page: bytes, content_mark: str | None = None) -> str:
    """The policy of one HTML page: the base above, plus the hashes of the inline scripts
    the templates put on it, and of its inline styles. Inline event handlers and
    `javascript:` links stay forbidden either way.

    Markdown never emits a <script>, but raw HTML (where site.yaml allows it) passes
    any through. The published site's header names only the templates' scripts
    (docs/publishing.md), so the preview must not run the content's either: with
    `content_mark`, what editors wrote stands between the marks (site.Site.content) and
    is left out before the scripts are looked for. Left out as text, up to the closing
    mark: a `<script>` that the content opens and never closes swallows what follows up
    to the next `</script>` in the browser, and that whole script is not hashed."""
    scripts: list[str] = []
    wasm = False
    templates_own = without_content(page, content_mark) if content_mark else page
    for match in _SCRIPT_TAG.finditer(templates_own):
        attrs = _attrs(match.group(1))
        if "src" in attrs:
            # Pagefind compiles its search engine from WebAssembly: only where it is loaded.
            wasm = wasm or "pagefind" in attrs["src"]
        elif attrs.get("type", "").strip().lower() in _SCRIPT_TYPES:
            scripts.append(_sha256(match.group(2)))
    styles = [_sha256(m.group(1)) for m in _STYLE_TAG.finditer(page)]
    # markdown-it aligns table columns with style="text-align:…" attributes.
    inline = sorted(
        {
            _sha256(
                html.unescape((m.group(1) or m.group(2) or b"").decode("utf-8", "replace")).encode()
            )
            for m in _STYLE_ATTR.finditer(page)
        }
    )
    script_src = ["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *dict.fromkeys(scripts)]
    style_src = [
        "'self'",
        *dict.fromkeys(styles),
        *(["'unsafe-hashes'", *inline] if inline else []),
    ]
    first, *rest = PAGE
    return "; ".join(
        (first, "script-src " + " ".join(script_src), "style-src " + " ".join(style_src), *rest)
    )


def _marks(mark: str) -> tuple[bytes, bytes]:
    return f"<!--{mark}-->".encode(), f"<!--/{mark}-->".encode()


def without_content(page: bytes, mark: str) -> bytes:
    """The page without what stands between the content's marks (an unclosed mark
    takes the rest of the page: whatever is not known to be the templates' is not)."""
    start, end = _marks(mark)
    kept, depth, at = [], 0, 0
    for found in re.finditer(re.escape(start) + b"|" + re.escape(end), page):
        if found.group() == start:
            if depth == 0:
                kept.append(page[at : found.start()])
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                at = found.end()
    if depth == 0:
        kept.append(page[at:])
    return b"".join(kept)


def unmarked(page: bytes, mark: str) -> bytes:
    """The page as the browser gets it: the marks (comments) taken out."""
    start, end = _marks(mark)
    return page.replace(start, b"").replace(end, b"")


def policy(media: str, body: bytes, content_mark: str | None = None) -> str:
    """The Content-Security-Policy for a response of this media type."""
    kind = media.split(";")[0].strip().lower()
    if kind == "text/html":
        return page_policy(body, content_mark)
    if kind == "image/svg+xml":
        return SVG
    if kind in ("application/javascript", "text/javascript"):
        return SCRIPT
    return OTHER


def headers(media: str, body: bytes, content_mark: str | None = None) -> list[tuple[str, str]]:
    """The security headers of every answer of the preview."""
    return [
        ("Content-Security-Policy", policy(media, body, content_mark)),
        ("X-Content-Type-Options", "nosniff"),
        # Drafts' addresses stay off the sites their links lead to.
        ("Referrer-Policy", "same-origin"),
        # Other sites' pages may not embed what the preview serves (an <img>, a <script>).
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]


# --- PDFs off the server's thread ---------------------------------------------------


@dataclass(frozen=True)
class Reply:
    status: int
    media: str
    body: bytes


@dataclass(frozen=True)
class PdfRequest:
    """A PDF not printed yet for this build: printing it takes seconds."""

    url: str
    build: int
    state: Any  # what the preview printed it from

    @property
    def key(self) -> Hashable:
        return (self.url, self.build)


class PrintQueue:
    """PDFs are printed one at a time on a thread of their own, so the server goes on
    answering while WeasyPrint works. A few more may wait; the rest are refused."""

    def __init__(self, waiting: int = PRINTS_WAITING) -> None:
        self.limit = 1 + waiting
        self.pending: dict[Hashable, Future[bytes | Reply]] = {}
        self.jobs: queue.SimpleQueue[
            tuple[Hashable, Callable[[], bytes | Reply], Future[bytes | Reply]]
        ] = queue.SimpleQueue()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def submit(
        self, key: Hashable, work: Callable[[], bytes | Reply]
    ) -> Future[bytes | Reply] | None:
        """The print of `key` (the one under way if it was asked for already), or None
        when the queue is full."""
        with self.lock:
            if key in self.pending:
                return self.pending[key]
            if len(self.pending) >= self.limit:
                return None
            future: Future[bytes | Reply] = Future()
            self.pending[key] = future
            if self.thread is None:
                # A daemon: a print under way must not hold up the exit (SIGTERM, Ctrl+C).
                self.thread = threading.Thread(target=self._run, name="soteneg-print", daemon=True)
                self.thread.start()
        self.jobs.put((key, work, future))
        return future

    def _run(self) -> None:
        while True:
            key, work, future = self.jobs.get()
            try:
                future.set_result(work())
            except BaseException as err:  # the waiting request reports it; the queue goes on
                future.set_exception(err)
            finally:
                with self.lock:
                    del self.pending[key]


class Source(Protocol):
    """What the server serves: the preview (serve.py)."""

    printer: PrintQueue
    content_mark: str | None  # see page_policy

    def find(self, path: str) -> Reply | PdfRequest: ...
    def missing(self) -> Reply: ...
    def print(self, request: PdfRequest) -> bytes | Reply: ...


# --- the server ----------------------------------------------------------------------


def cache_control(path: str, status: int, body: bytes) -> str:
    """`FOREVER` for a static file whose name carries the hash of the very bytes answered
    (so no other bytes can ever be answered at that address), else `NO_STORE`."""
    if status != 200 or not path.startswith(STATIC):
        return NO_STORE
    digest = hashlib.sha256(body).hexdigest()[:10]
    hashed = f".{digest}" in posixpath.basename(path)
    return FOREVER if hashed else NO_STORE


class _Guarded(web.RequestHandler):
    """Every answer: only to the preview's own Host, never to another site's page that
    embeds or fetches it, always with the security headers."""

    SUPPORTED_METHODS = ("GET",)  # nothing else, so no other verb can start a print

    def set_default_headers(self) -> None:
        # Also on errors: tornado resets to these before writing one.
        self._security_headers(TEXT, b"")

    def _security_headers(self, media: str, body: bytes, content_mark: str | None = None) -> None:
        for name, value in headers(media, body, content_mark):
            self.set_header(name, value)
        self.set_header("Cache-Control", NO_STORE)

    def prepare(self) -> None:
        self._admitted()

    def _admitted(self) -> bool:
        """Refuse (and finish) a request from elsewhere; True when it may go on."""
        audience: Audience = self.settings["audience"]
        if not audience.host_ok(self.request.headers.get("Host")):
            # 421: the client reached a server that does not serve this name.
            self._refuse(421, f"This preview answers only at {self.settings['url']}\n")
            return False
        if embedded_elsewhere(self.request.headers):
            self._refuse(403, "Other sites may link to the preview, not embed or fetch it.\n")
            return False
        return True

    def _refuse(self, status: int, text: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", TEXT)
        self.finish(text)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", TEXT)
        self.finish(f"{status_code} {self._reason}\n")


class _Silent:
    """A livereload watcher that never polls: the preview's own watcher tells the pages
    to reload (serve.py), through `LiveReloadHandler.reload_waiters`."""

    _tasks: ClassVar[dict[str, None]] = {"soteneg": None}
    filepath = None  # livereload logs the changed file; ours are many

    def watch(self, *args: Any, **kwargs: Any) -> None:
        pass

    def start(self, callback: Callable[[], None]) -> bool:
        return True  # "I will call back" (we do, through reload_waiters)

    def examine(self) -> tuple[None, None]:
        return None, None


class _LiveReloadSocket(_Guarded, LiveReloadHandler):
    """livereload's socket, opened only from the preview's own pages. livereload's
    handler accepts every Origin (its `check_origin` returns True), and tornado skips
    `check_origin` when Origin equals Host, which is what a DNS-rebound page sends; so
    the Origin is checked here, after the Host, on every upgrade."""

    def prepare(self) -> None:
        origin = self.request.headers.get("Origin")
        if self._admitted() and not self.settings["audience"].origin_ok(origin):
            self._refuse(403, "The live reload socket is only for the preview's own pages.\n")

    def check_origin(self, origin: str) -> bool:
        audience: Audience = self.settings["audience"]
        return audience.origin_ok(origin)

    def on_message(self, message: str | bytes) -> None:
        """livereload's handshake takes a JSON object with a `command`; anything else
        (not JSON, not UTF-8, nested past Python's stack, another kind of value, a
        command or url that is not a string) is ignored, where livereload's own handler
        raised and tornado printed a traceback."""
        try:
            found = json.loads(message)
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            return
        if not isinstance(found, dict) or not isinstance(found.get("command"), str):
            return
        if not isinstance(found.get("url", ""), str):
            return
        super().on_message(message)


class _LiveReloadScript(_Guarded, LiveReloadJSHandler):
    """livereload's browser script (not a worker: the strict default policy suits it)."""


class _Page(_Guarded):
    async def get(self) -> None:
        source: Source = self.settings["source"]
        found = source.find(unquote(self.request.path))
        reply = await self._print(source, found) if isinstance(found, PdfRequest) else found
        body, mark = reply.body, source.content_mark
        if reply.media == HTML:
            body = self._with_livereload(body)
        self.set_status(reply.status)
        self.set_header("Content-Type", reply.media)
        self._security_headers(reply.media, body, mark)
        self.set_header("Cache-Control", cache_control(self.request.path, reply.status, body))
        self.finish(unmarked(body, mark) if mark and reply.media == HTML else body)

    async def _print(self, source: Source, request: PdfRequest) -> Reply:
        future = source.printer.submit(request.key, lambda: source.print(request))
        if future is None:
            self.set_header("Retry-After", RETRY_AFTER)
            return Reply(503, TEXT, b"Other PDFs are being printed; try again in a moment.\n")
        try:
            data = await asyncio.wrap_future(future)
        except Exception:
            crash = "soteneg crashed while printing (a bug, not a content problem):\n\n"
            return Reply(500, TEXT, (crash + traceback.format_exc()).encode("utf-8"))
        if isinstance(data, Reply):  # the problems that kept it from printing whole
            return data
        return Reply(200, "application/pdf", data) if data else source.missing()

    def _with_livereload(self, body: bytes) -> bytes:
        """livereload's own snippet is an inline script, which the policy would have to
        allow; a plain <script src> does the same. It names the page's own host (checked
        above): livereload.js cannot read an IPv6 address from its own URL."""
        host = self.request.headers["Host"]
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        src = html.escape(f"/livereload.js?port={self.settings['port']}&host={name}")
        return body.replace(b"</head>", f'<script src="{src}" async></script></head>'.encode(), 1)


def listen(source: Source, host: str, port: int) -> HTTPServer:
    """Serve `source` on the running thread's IO loop, on `host` and `port` only."""
    # livereload keeps these on its handler class (its own Server sets them so too).
    LiveReloadHandler.watcher = _Silent()
    LiveReloadHandler.live_css = False
    app = web.Application(
        [
            (r"/livereload", _LiveReloadSocket),
            (r"/livereload\.js", _LiveReloadScript),
            (r".*", _Page),
        ],
        source=source,
        audience=Audience.listening_on(host, port),
        url=f"http://{url_host(host)}:{port}/",
        port=port,
    )
    return app.listen(port, address=host)


def main(argv: list[str]) -> int:
    """Print the policy of each built page given (for a host's header settings)."""
    for name in argv:
        print(f"{name}\n  Content-Security-Policy: {page_policy(Path(name).read_bytes())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
