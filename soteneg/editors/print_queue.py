"""PDFs printed off the preview server's thread: printing takes seconds, and the server
keeps answering meanwhile."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

# PDFs print one at a time; this many more may wait. More than that is a page asking for
# many at once, not an editor: they get 503 and try again later.
PRINTS_WAITING = 3


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
