"""An edit's shard given to Pagefind before the edit's pages are made.

An edit re-indexes the one shard that holds its page (soteneg.build.search_shards), and
Pagefind's work is linear in the shard's pages: most of it is reading the ~250 pages of
each language that did not change. The build knows which pages it is about to make
again before it makes them; while it renders them (one core), the shard's pages as the
output holds them now are fed to Pagefind on the other. When the index is due, every
page of the shard is read again and only those whose URL or HTML differ from what was
fed are given again: Pagefind keeps one page per URL and puts a page given again in the
first one's place (`fossick_one`), so the index is the one a run of the pages as they
are now makes (tests/test_search_ahead.py compares the bytes).

Nothing is trusted: a shard is taken only when its pages, their order and their cut by
language are the ones the index would run, and every page is compared as given;
anything else (a page added or removed, a language changed, a run that failed) is
indexed as without this, and the runs not taken are ended.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from soteneg.site import pagefind_canonical, search
from soteneg.site.pagefind_service import SearchError, Service

# The shards begun ahead at most: an edit's page is in one; more is a larger change,
# whose runs would take the core that renders its pages.
SHARDS = 1


@dataclass
class _Run:
    pages: list[str]
    fed: list[tuple[str, str]]  # each page's (URL, HTML) as given, until it is sent
    digests: list[tuple[str, bytes]] = field(default_factory=list)  # then (URL, digest)
    service: Future[Service] = field(default_factory=Future)
    live: Service | None = None  # its process, from the moment it runs


class Ahead:
    """The Pagefind runs begun ahead, each a language of a shard, until taken or ended.
    The pages are read here, on the caller's thread, and each language's requests sent
    in one write: a thread reading and sending page by page beside the one that renders
    waits for the interpreter at every step (5 ms at worst, 0.9 s for a shard's
    languages, measured), so the runs began only as the pages were done."""

    def __init__(self, site_dir: Path, groups: dict[str, list[str]]) -> None:
        self.site_dir = site_dir
        self._runs: dict[str, list[_Run]] = {}
        self._closed = False
        reader = search.reading_page(set())
        for key, pages in groups.items():
            try:
                given = {rel: reader(site_dir, rel) for rel in pages}
            except SearchError:  # a page the index will say is wrong, if it still is
                continue
            # As search_languages.by_language cuts them, from the HTML as given.
            parts: dict[str | None, list[str]] = {}
            for rel in pages:
                parts.setdefault(search.lang_of(site_dir, rel, given[rel][1]), []).append(rel)
            if None in parts:
                parts = {None: pages}
            self._runs[key] = [_Run(part, [given[rel] for rel in part]) for part in parts.values()]
        runs = [run for shard in self._runs.values() for run in shard]
        self._pool = ThreadPoolExecutor(max_workers=max(1, len(runs)), thread_name_prefix="ahead")
        for run in runs:
            run.service = self._pool.submit(self._feed, run)

    def _feed(self, run: _Run) -> Service:
        service = run.live = Service(self.site_dir)
        try:
            if self._closed:  # ended while this one was starting
                raise OSError("ended")
            service.add_given(run.fed)
            # What was sent, kept as digests: the pages themselves were 10-20 MiB more
            # at the build's peak, which is while it renders.
            run.digests, run.fed = [(url, _digest(html)) for url, html in run.fed], []
        except BaseException:
            service.close()
            raise
        return service

    def fits(self, site_dir: Path) -> bool:
        """Whether the runs were fed from `site_dir` (the output updated in place)."""
        return os.path.abspath(site_dir) == os.path.abspath(self.site_dir)

    def index(self, key: str, pages: list[str]) -> tuple[dict[str, bytes], set[str]] | None:
        """The canonical bundle of shard `key`'s `pages` (one language's, in order) as
        they are now, and the pages of other shards it read; None when no run begun
        ahead was fed these pages (the caller indexes them as without it)."""
        run = next((r for r in self._runs.get(key, []) if r.pages == pages), None)
        if run is None:
            return None
        self._runs[key].remove(run)
        try:
            service = run.service.result()
        except Exception:  # a run that failed ahead: indexed again, which says why
            return None
        try:
            reads: set[str] = set()
            reader = search.reading_page(reads)
            now = {rel: reader(self.site_dir, rel) for rel in pages}
            fed = dict(zip(pages, run.digests, strict=True))
            again = [rel for rel in pages if (now[rel][0], _digest(now[rel][1])) != fed[rel]]
            service.add_given([now[rel] for rel in again])
            files = service.files()
        finally:
            service.close()
        pagefind_canonical.canonicalise(files)
        return files, reads

    def close(self) -> None:
        """End every run not taken (the build failed, or its pages were elsewhere)."""
        self._closed = True
        for run in (run for shard in self._runs.values() for run in shard):
            if run.live is not None:
                run.live.close()  # a run still being fed then stops at once
        self._pool.shutdown(wait=True)
        for run in (run for shard in self._runs.values() for run in shard):
            if run.service.done() and run.service.exception() is None:
                run.service.result().close()


def _digest(html: str) -> bytes:
    return hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).digest()
