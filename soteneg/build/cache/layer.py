"""The cache's one interface. Each step of a build that can be skipped (parsing a
document file, making a page, printing a PDF) has its results by name, each made for a
key: a digest of everything the result depends on. `get_or_make` answers each name from
the last build where the key is the same, and makes the rest in one call, so that the
step may spread them over processes; the step cannot tell which were kept.

Parsing is pure (the same bytes give the same document), so its results are kept as soon
as they are made, also by a build that then fails. A page or a PDF is a file in the
output, which only a build that publishes leaves there: those results become the last
build's only in `keep`, with the record of every output file and the stamps that tell
the next build whether anything changed at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from soteneg.build.cache.codec import CacheDamaged
from soteneg.build.cache.disk import Disk, Entries
from soteneg.build.cache.fresh import code_key, still_true
from soteneg.build.output import OutputError, output_lock
from soteneg.build.records import BuildRecords, Inputs, Record
from soteneg.content.sources import Stamp

if TYPE_CHECKING:
    # Only named: the graph module reads the content models (pydantic, the Markdown
    # parser), which a build with nothing to do must not load (tests/test_cli.py).
    from soteneg.build.cache.derived import Derived
    from soteneg.build.replan import Planned
    from soteneg.content.graph import Graph

T = TypeVar("T")

PARSED = "parsed"  # document file -> what it became (content.loader.Parsed)
PAGES = "pages"  # unit -> its output file, or None when the unit has no page
PDFS = "pdfs"  # PDF file -> the sha256 of its bytes
_PURE = frozenset({PARSED})


class Cache:
    """The results of the last build into one output, for one cache key: on disk
    (`on_disk`), or held by a long-running caller, the preview, in memory."""

    def __init__(self, key: str, disk: Disk | None = None) -> None:
        self.key = key
        self._disk = disk
        self._last: dict[str, Entries] = {}  # read from disk when first asked for
        self._next: dict[str, Entries] = {}  # this build's, kept by `keep`
        self._records: dict[str, Record] | None = None if disk else {}
        self._inputs: Inputs | None = None
        self._inputs_read = disk is None
        self._graph: Graph | None = None  # the last check's (content.graph)
        self._graph_read = disk is None
        # Each document's stamp and digest as last read (content.unchanged).
        self._known: dict[str, tuple[Stamp, bytes]] | None = None if disk else {}
        self._plan: Planned | None = None  # the last page plan (build.replan)
        # What the last check derived from each document (cache.derived); kept on disk
        # only: the preview keeps them in its Warm.
        self._derived: dict[str, Derived] | None = None if disk else {}
        self._plan_read = disk is None

    @classmethod
    def on_disk(cls, out: Path, key: str) -> Cache:
        return cls(key, Disk(out, key, code_key()))

    @property
    def folder(self) -> Path | None:
        """The folder of the cache files; None while it is held in memory only."""
        return self._disk.folder if self._disk is not None else None

    # -- the interface of the steps ------------------------------------------------------

    def get_or_make(
        self,
        step: str,
        wanted: Mapping[str, str],
        make: Callable[[list[str]], Mapping[str, T]],
        usable: Callable[[str, T], bool] | None = None,
    ) -> dict[str, T]:
        """The result of each name in `wanted` (name -> the key of what it depends on):
        the last build's when made for the same key (and `usable`, when the result
        stands for something outside the cache that may have gone), else made now. All
        those to make are passed to `make` at once, which answers each of them."""
        last = self._entries(step)
        found: dict[str, T] = {}
        todo: list[str] = []
        for name, key in wanted.items():
            entry = last.get(name)
            if entry is not None and entry[0] == key and (usable is None or usable(name, entry[1])):
                found[name] = entry[1]
            else:
                todo.append(name)
        if todo:
            made = make(todo)
            found.update((name, made[name]) for name in todo)
        kept = {name: (key, found[name]) for name, key in wanted.items()}
        if step in _PURE:  # exactly what was last asked for: files no longer read go
            self._last[step] = kept
        else:
            self._next.setdefault(step, {}).update(kept)
        return {name: found[name] for name in wanted}

    def made_for(self, step: str, name: str) -> str | None:
        """The key the last build's result of `name` was made for, if it has one."""
        entry = self._entries(step).get(name)
        return entry[0] if entry is not None else None

    def graph(self) -> Graph | None:
        """The dependency graph and per-document problems of the last check, if kept."""
        if not self._graph_read:
            assert self._disk is not None
            self._graph, self._graph_read = self._disk.graph(), True
        return self._graph

    def remember_graph(self, graph: Graph) -> None:
        """This check's graph. Like parsing, checking is pure (each record holds the
        keys of what it read), so it is the last check's at once; on disk it is saved
        with the build."""
        self._graph, self._graph_read = graph, True

    def derived(self) -> dict[str, Derived]:
        """What the last check derived from each document, by file, with the parse key
        of the document it was derived from."""
        if self._derived is None:
            assert self._disk is not None
            self._derived = self._disk.derived()
        return self._derived

    def remember_derived(self, derived: dict[str, Derived]) -> None:
        """This check's: saved with the build."""
        if self._disk is not None:
            self._derived = derived

    def known(self) -> dict[str, tuple[Stamp, bytes]]:
        """The documents the last check read, by the stamp they had then."""
        if self._known is None:
            assert self._disk is not None
            self._known = self._disk.known()
        return self._known

    def remember_known(self, known: dict[str, tuple[Stamp, bytes]]) -> None:
        """This check's: like the graph, saved with the build."""
        self._known = known

    def last_plan(self) -> Planned | None:
        """The last page plan, if kept."""
        if not self._plan_read:
            assert self._disk is not None
            self._plan, self._plan_read = self._disk.plan(), True
        return self._plan

    def remember_plan(self, planned: Planned | None) -> None:
        """This build's page plan. A plan is a pure function of what it read (its
        structure and texts keys), so it is the last plan at once, also when the build
        then fails; on disk it is saved with the build. On disk it is kept without its
        memoised answers, which are never saved (replan.Planned): the next plan is
        another process's, which reads the plan from the file, and they held the
        plan's memo of every helper's answer to the cache's save, where a clean build
        peaks (about 15 MiB at 5000 documents)."""
        if self._disk is not None and planned is not None and planned.answers.memos:
            from soteneg.build.replan import Answers  # loaded already: it made the plan

            planned = replace(planned, answers=Answers())
        self._plan, self._plan_read = planned, True

    # -- the build around the steps ------------------------------------------------------

    def begin(self) -> None:
        """A new build: nothing of it is kept yet."""
        self._next = {}

    def attach(self, out: Path) -> None:
        """Kept on disk beside `out` from now on (a build learns where its output is
        only from site.yaml when it was not told)."""
        if self._disk is None:
            self._disk = Disk(out, self.key, code_key())
            self.read_again()
            self._graph_read = self._graph is not None
            self._plan_read = self._plan is not None

    def read_again(self) -> None:
        """What was read of the last build may be stale (another build may have run
        since): read it again when next asked for. Held in memory, it is never stale."""
        if self._disk is not None:
            self._records, self._inputs_read = None, False
            self._last.pop(PAGES, None)
            self._last.pop(PDFS, None)

    @property
    def records(self) -> dict[str, Record]:
        """Every file of the output as the last build left it."""
        if self._records is None:
            self._load_build()
        assert self._records is not None
        return self._records

    @property
    def inputs(self) -> Inputs | None:
        """What the last build read and wrote; None when it is not known."""
        if not self._inputs_read:
            assert self._disk is not None
            self._inputs, self._inputs_read = self._disk.inputs(), True
        return self._inputs

    def last_build_holds(
        self,
        out: Path,
        stamps: dict[str, Stamp],
        now: dt.datetime | None,
        printed: dt.date | None = None,
    ) -> Inputs | None:
        """What the last build left, if it is all still true (see fresh.still_true). On
        disk it is read under the output's lock, so that a build running meanwhile is
        not half seen; an output that cannot be locked (read-only) is looked at as it is,
        since nothing will be written."""
        if self._disk is None:
            inputs = self.inputs
            holds = inputs is not None and still_true(inputs, out, stamps, now, printed)
            return inputs if holds else None
        try:
            with output_lock(out):
                return self._holds_on_disk(out, stamps, now, printed)
        except OutputError:
            return self._holds_on_disk(out, stamps, now, printed)

    def _holds_on_disk(
        self,
        out: Path,
        stamps: dict[str, Stamp],
        now: dt.datetime | None,
        printed: dt.date | None,
    ) -> Inputs | None:
        self.read_again()  # now under the lock
        inputs = self.inputs
        holds = inputs is not None and still_true(inputs, out, stamps, now, printed)
        return inputs if holds else None

    def save_parsed(self) -> None:
        """Save the parsed documents now, before the build publishes (`keep` then
        finds them saved): each is true under its own key whatever becomes of the
        build. A clean build at 5000 documents spent 0.55 CPU s encoding them at its
        end, with one core idle; the build calls this while its workers render. A
        shard not written now is written by `keep`."""
        if self._disk is not None and PARSED in self._last:
            with contextlib.suppress(OSError, CacheDamaged):
                self._disk.save_parsed(self._last[PARSED])

    def keep(self, records: dict[str, Record], inputs: Inputs) -> None:
        """This build published: its results become the last build's, and are saved."""
        for step in (PAGES, PDFS):  # a pure step's results are the last build's already
            self._last[step] = self._next.get(step, {})
        self._next = {}
        self._records, self._inputs, self._inputs_read = records, inputs, True
        if self._disk is not None:
            build = BuildRecords(self._last[PAGES], records)
            known = self._known or {}
            plan = self.last_plan()
            self._disk.save(
                build,
                self._last[PDFS],
                self._entries(PARSED),
                inputs,
                self.graph(),
                known,
                plan,
                self._derived,
            )

    def _entries(self, step: str) -> Entries:
        found = self._last.get(step)
        if found is None:
            if self._disk is None:
                found = {}
            elif step == PARSED:
                found = self._disk.parsed()
            elif step == PDFS:
                found = self._disk.pdfs()
            else:
                self._load_build()
                found = self._last.get(step, {})
            self._last[step] = found
        return found

    def _load_build(self) -> None:
        # Held in memory, the records are never unread: only a cache on disk gets here.
        assert self._disk is not None
        stored = self._disk.build()
        self._last.setdefault(PAGES, stored.pages)
        self._records = stored.records
