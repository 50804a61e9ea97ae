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

The policy itself is page_policy.py; the print queue print_queue.py.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import ipaddress
import json
import posixpath
import re
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer

from soteneg.editors.page_policy import headers, unmarked
from soteneg.editors.print_queue import PdfRequest, PrintQueue, Reply

LOOPBACK_NAME = "localhost"
HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
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
