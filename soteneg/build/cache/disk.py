"""Where the cache is kept between builds: files in the user's cache folder, one folder
per output (output.cache_dir), never in the project, never published, safe to delete (a
build without them is a clean build).

The files are data only (msgpack read into declared types by `codec`; nothing in them
can run code), never read or written through a symlink. A file written by other code or
for other build options, one that does not decode exactly, or one larger than
state_reads.STATE_LIMIT (not even read), is ignored.

- `inputs.msgpack` is small (input and output stamps, the last warnings) and answers
  "did anything change at all?" without loading the rest.
- `build/` holds the pages' results and a record of every output file, in 256 shards by
  the unit's and the file's name, so that an edit writes again only the shards whose
  records changed (the whole was 59.5 MB at 5000 documents). `build.msgpack` is their
  index: each shard carries a token (the digest of its entries) that the index must
  name, so that shards of two builds (one killed while saving) are never read as one.
  Any shard that is missing or does not read back makes the whole build half unknown,
  as if there were no cache (a page's record missing would leave its file behind), and
  a save removes whatever the index does not name.
- `parsed/` holds what each document file became, in 256 shards by the file's name, so
  that a build that parsed a few files writes a few shards.
- `checks.msgpack` holds each document's per-document problems and outgoing links
  (content.graph); `known.msgpack` the stamp and digest of each document read
  (cache.known); `derived.msgpack` what a check derives from each document alone, under
  the document's parse key (cache.derived).
- `pdfs.msgpack` holds each PDF's inputs' key and hash: it is kept for the code alone,
  not the options, since toggling `--no-search` or `--drafts` does not change a PDF that
  prints the same inputs, and its entries check themselves (a PDF is kept only while
  the output holds the very bytes printed).

While changed files are being moved into the output, a journal file marks the output as
half-updated; a build that finds it starts clean.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from soteneg.build.cache import codec, known
from soteneg.build.output import cache_dir, ensure_private_folder, remove_state, write_private
from soteneg.build.records import BuildRecords, Inputs, Record
from soteneg.build.state_reads import read_state, read_states
from soteneg.content.sources import Stamp

if TYPE_CHECKING:
    from soteneg.build.cache.derived import Derived
    from soteneg.build.replan import Planned
    from soteneg.content.graph import Graph

INPUTS_FILE = "inputs.msgpack"
BUILD_FILE = "build.msgpack"
PDFS_FILE = "pdfs.msgpack"
GRAPH_FILE = "checks.msgpack"
KNOWN_FILE = "known.msgpack"
PLAN_FILE = "plan.msgpack"  # the last page plan (cache.plan)
DERIVED_FILE = "derived.msgpack"  # what the last check derived from each document
_OLD_FILES = ("pdf.json",)  # written by earlier versions
PARSED_DIR = "parsed"
BUILD_DIR = "build"
SHARD_SUFFIX = ".msgpack"
JOURNAL_FILE = "updating"

T = TypeVar("T")
U = TypeVar("U")

Entries = dict[str, tuple[str, Any]]  # name -> (the key it was made for, the result)


def _signature(path: Path) -> tuple[int, int, int] | None:
    """A file's inode, size and time of change, None if missing: written again, it
    differs (write_private replaces the file)."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_ctime_ns)


def journal(out: Path) -> Path:
    return cache_dir(out) / JOURNAL_FILE


class Disk:
    """The cache files of one output, for one cache key."""

    def __init__(self, out: Path, key: str, code: str) -> None:
        self.out, self.key, self.code = out, key, code  # code: the PDFs' key
        self.folder = cache_dir(out)
        # The entries in each shard file as last read or written: unchanged ones are
        # not written again.
        self.saved: dict[str, frozenset[tuple[str, str]]] = {}
        # Likewise the build half's shards, as last read or written.
        self.built: dict[str, codec.BuildShard] = {}
        # The inputs file's bytes as last decoded, and what they decoded to: a build
        # reads it before its lock and again under it, nearly always unchanged, and
        # decoding every file's stamps twice cost a tenth of a second at 5000 documents.
        self._decoded: tuple[bytes, Inputs] | None = None
        # The plan as last read or written, with its file's signature then: a build that
        # planned nothing new (Replan.planned hands back the plan it was given) does not
        # write its 1.5 MB again at 5000 documents, unless another build replaced it.
        self._plan_kept: tuple[Planned, tuple[int, int, int] | None] | None = None

    def inputs(self) -> Inputs | None:
        """The cheap half; None when missing, damaged, or an update was interrupted."""
        if os.path.lexists(self.folder / JOURNAL_FILE):
            return None
        data = read_state(self.folder / INPUTS_FILE)
        if data is None:
            return None
        if self._decoded is not None and self._decoded[0] == data:
            return self._decoded[1]  # the same bytes decode to the same inputs
        try:
            inputs = codec.decode_inputs(data, self.key)
        except codec.CacheDamaged:
            return None
        self._decoded = (data, inputs)
        return inputs

    def build(self) -> BuildRecords:
        """The build half, or an empty one. Its records are trusted only together with
        the inputs half and without a journal (see Run._resume)."""
        self.built = {}
        data = read_state(self.folder / BUILD_FILE)
        if data is None:
            return BuildRecords()
        shards: dict[str, codec.BuildShard] = {}
        try:
            index = codec.decode_index(data, self.key)
            if not index.keys() <= _SHARD_SET:
                raise codec.CacheDamaged("a shard of no such name")
            files = read_states(self.folder / BUILD_DIR, [f"{n}{SHARD_SUFFIX}" for n in index])
            for name, token in index.items():
                raw = files[f"{name}{SHARD_SUFFIX}"]
                if raw is None:
                    raise codec.CacheDamaged(f"shard {name} is missing")
                shards[name] = codec.decode_shard(raw, self.key, token)
                if not _inside_output(shards[name]):
                    raise codec.CacheDamaged(f"shard {name} names a file outside the output")
        except codec.CacheDamaged:
            return BuildRecords()
        found = BuildRecords()
        for shard in shards.values():
            found.pages.update(shard.pages)
            found.records.update(shard.records)
        self.built = shards
        return found

    def pdfs(self) -> Entries:
        return dict(self._state(PDFS_FILE, codec.decode_pdfs, {}, self.code))

    def graph(self) -> Graph | None:
        """The last check's dependency graph; None when missing or damaged."""
        from soteneg.build.cache import graph

        return self._state(GRAPH_FILE, graph.decode_graph, None)

    def known(self) -> dict[str, tuple[Stamp, bytes]]:
        """The documents' stamps and digests as the last build read them; none when
        missing or damaged (then every document is read)."""
        return self._state(KNOWN_FILE, known.decode_known, {})

    def derived(self) -> dict[str, Derived]:
        """What the last check derived from each document; none when missing or damaged."""
        from soteneg.build.cache import derived

        return self._state(DERIVED_FILE, derived.decode_derived, {})

    def plan(self) -> Planned | None:
        """The last page plan; None when missing or damaged."""
        from soteneg.build.cache import plan

        # Before the read: a file replaced in between then differs from what is kept.
        signature = _signature(self.folder / PLAN_FILE)
        found = self._state(PLAN_FILE, plan.decode_plan, None)
        if found is not None:
            self._plan_kept = (found, signature)
        return found

    def _state(
        self, name: str, decode: Callable[[bytes, str], T], default: U, key: str | None = None
    ) -> T | U:
        """A state file decoded under this cache's key (or `key`), else `default`: a file
        missing, unreadable or not decoding exactly is as good as none."""
        data = read_state(self.folder / name)
        if data is None:
            return default
        try:
            return decode(data, self.key if key is None else key)
        except codec.CacheDamaged:
            return default

    def _save_plan(self, planned: Planned) -> None:
        from soteneg.build.cache import plan

        path = self.folder / PLAN_FILE
        kept = self._plan_kept
        if kept is not None and kept[0] is planned and kept[1] == _signature(path):
            return
        write_private(path, plan.encode_plan(self.key, planned))
        self._plan_kept = (planned, _signature(path))

    def parsed(self) -> Entries:
        """Every parsed document of the shards that read back; a damaged shard's
        documents are parsed again."""
        from soteneg.build.cache import parsed  # loads the Markdown and content types

        found: Entries = {}
        files = read_states(self.folder / PARSED_DIR, _SHARD_FILES)
        for name in _SHARD_NAMES:
            # Each shard's bytes go once decoded: all 256 at once were 64 MB at 5000
            # documents, beside what they decoded to.
            data = files.pop(f"{name}{SHARD_SUFFIX}")
            if data is None:
                continue
            try:
                shard = parsed.decode_shard(data, self.key)
            except codec.CacheDamaged:
                continue
            found.update(shard)
            self.saved[name] = _contents(shard)
        return found

    def save(
        self,
        build: BuildRecords,
        pdfs: Entries,
        parsed_entries: Entries,
        inputs: Inputs,
        checks: Graph | None = None,
        stamps: dict[str, tuple[Stamp, bytes]] | None = None,
        planned: Planned | None = None,
        derived: dict[str, Derived] | None = None,
    ) -> None:
        """Write what a build left; a build that cannot save its cache still succeeded
        (the next one starts clean)."""
        from soteneg.build.cache import derived as derived_file
        from soteneg.build.cache import graph

        try:
            self.save_parsed(parsed_entries)
            if checks is not None:
                write_private(self.folder / GRAPH_FILE, graph.encode_graph(self.key, checks))
            else:
                (self.folder / GRAPH_FILE).unlink(missing_ok=True)
            if derived:
                data = derived_file.encode_derived(self.key, derived)
                write_private(self.folder / DERIVED_FILE, data)
            else:
                (self.folder / DERIVED_FILE).unlink(missing_ok=True)
            if planned is not None:
                self._save_plan(planned)
            else:
                (self.folder / PLAN_FILE).unlink(missing_ok=True)
            self._save_build(build)
            write_private(self.folder / KNOWN_FILE, known.encode_known(self.key, stamps or {}))
            write_private(self.folder / PDFS_FILE, codec.encode_pdfs(self.code, pdfs))
            for name in _OLD_FILES:
                (self.folder / name).unlink(missing_ok=True)
            write_private(self.folder / INPUTS_FILE, codec.encode_inputs(self.key, inputs))
            _remove_temporaries(self.folder)
            _remove_temporaries(self.folder / PARSED_DIR)
        except (OSError, codec.CacheDamaged):
            self.forget()

    def save_parsed(self, parsed_entries: Entries) -> None:
        """The shards of parsed documents that differ from those last read or written.
        Each entry is its document's text parsed, under the key of that text and its
        options: true whatever the build makes of it, so it may be saved before the
        build has published (`Cache.save_parsed`)."""
        from soteneg.build.cache import parsed

        shards: dict[str, Entries] = {}
        for name, entry in parsed_entries.items():
            shards.setdefault(_shard(name), {})[name] = entry
        self._shard_folder(PARSED_DIR)
        for name in set(shards) | set(self.saved):
            shard = shards.get(name, {})
            if _contents(shard) == self.saved.get(name):
                continue
            path = self.folder / PARSED_DIR / f"{name}{SHARD_SUFFIX}"
            if shard:
                write_private(path, parsed.encode_shard(self.key, shard))
            else:
                path.unlink(missing_ok=True)
            self.saved[name] = _contents(shard)

    def forget(self) -> None:
        # pdfs.msgpack stays: its entries hold only while the output has their bytes.
        for name in (INPUTS_FILE, BUILD_FILE, GRAPH_FILE, KNOWN_FILE, PLAN_FILE, DERIVED_FILE):
            with contextlib.suppress(OSError):
                (self.folder / name).unlink(missing_ok=True)
        shutil.rmtree(self.folder / PARSED_DIR, ignore_errors=True)
        shutil.rmtree(self.folder / BUILD_DIR, ignore_errors=True)
        self.saved, self.built = {}, {}

    def _shard_folder(self, name: str) -> None:
        """A folder of shards, made again where a file or a link stands at its name (a
        tool, a hand, a restore): a name in our own cache folder, removed, never
        followed, where the cache folder itself as a link is refused (output)."""
        folder = self.folder / name
        if folder.is_symlink() or (os.path.lexists(folder) and not folder.is_dir()):
            remove_state(folder)
        ensure_private_folder(folder)

    def _save_build(self, build: BuildRecords) -> None:
        """The shards whose pages or records differ from those last read or written,
        then the index. A shard equal to the last one read is not compared with the
        file: if another build rewrote it meanwhile, its token is not the one the index
        names, and the next build starts clean, which is slower but never wrong."""
        pages: dict[str, dict[str, tuple[str, str | None]]] = {}
        for unit, page in build.pages.items():
            pages.setdefault(_shard(unit), {})[unit] = page
        records: dict[str, dict[str, Record]] = {}
        for rel, record in build.records.items():
            records.setdefault(_shard(rel), {})[rel] = record
        self._shard_folder(BUILD_DIR)
        kept: dict[str, codec.BuildShard] = {}
        for name in sorted(pages.keys() | records.keys()):
            entries = (pages.get(name, {}), records.get(name, {}))
            last = self.built.get(name)
            # Unchanged records are the very objects read: mostly compared by identity.
            if last is not None and (last.pages, last.records) == entries:
                shard = last
            else:
                shard, data = codec.encode_shard(self.key, *entries)
                write_private(self.folder / BUILD_DIR / f"{name}{SHARD_SUFFIX}", data)
            kept[name] = shard
        index = {name: shard.token for name, shard in kept.items()}
        write_private(self.folder / BUILD_FILE, codec.encode_index(self.key, index))
        self.built = kept
        _remove_strays(self.folder / BUILD_DIR, {f"{name}{SHARD_SUFFIX}" for name in kept})


def _remove_strays(folder: Path, named: set[str]) -> None:
    """Remove from a folder of shards whatever its index does not name: shards no build
    needs any more, those of an earlier format, those of a build killed before it wrote
    its index. Never read, they would stay for ever. A link is removed, never followed,
    and a folder is removed without following the links inside it (remove_state); the
    folder itself is a real one (_shard_folder). A stray that cannot be removed is
    harmless: it stays until the next save."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        strays = [entry.name for entry in entries if entry.name not in named]
        for name in strays:
            with contextlib.suppress(OSError):
                remove_state(folder / name)


def _remove_temporaries(folder: Path) -> None:
    """Remove what write_private left half made in a folder of the cache (`.X.tmp`,
    renamed over X once written): a build killed between the two, or a state file no
    build writes any more, left its temporary for ever. Swept at the top and in
    `parsed/`; `build/` keeps only the shards its index names (_remove_strays). The
    saving build holds the output's lock, so no other one is writing them meanwhile."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        found = [e.name for e in entries if e.name.startswith(".") and e.name.endswith(".tmp")]
    for name in found:
        with contextlib.suppress(OSError):
            remove_state(folder / name)


def _inside_output(shard: codec.BuildShard) -> bool:
    """Whether every file the shard names is a plain path inside the output: a record
    names a file the next build deletes when no page makes it any more, so `../x` or an
    absolute path would delete a file elsewhere."""
    names = [*shard.records, *(output for _, output in shard.pages.values() if output)]
    return _plain_paths(names)


def _plain_paths(names: list[str]) -> bool:
    """Whether no name has a part that is empty (an absolute path starts with one), "."
    or "..". Asked of all names at once, joined by "/": each part of each name then
    stands between two slashes, so a part is empty exactly where two slashes meet, and
    "." or ".." exactly where "/./" or "/../" is found. Splitting every name was 0.013
    CPU s of each build at 5000 documents (10 278 records and 10 371 pages)."""
    if not names:
        return True  # joined, no name would read as one empty part
    joined = "/" + "/".join(names) + "/"
    return "//" not in joined and "/./" not in joined and "/../" not in joined


def _shard(name: str) -> str:
    # A file keeps its shard when its bytes change: only that shard is written again.
    # CRC-32, not a cryptographic digest: a save names the shard of every unit, output
    # file and document (25 000 at 5000 documents), and blake2b's were 0.02 CPU s of
    # it. Nothing rests on where an entry is: every shard is read, and an entry found in
    # another shard than its own (an earlier version's) is saved to its own.
    return _SHARD_NAMES[zlib.crc32(name.encode()) & 0xFF]


def _contents(entries: Entries) -> frozenset[tuple[str, str]]:
    return frozenset((name, made_of) for name, (made_of, _) in entries.items())


_SHARD_NAMES = [f"{n:02x}" for n in range(256)]
_SHARD_SET = frozenset(_SHARD_NAMES)
_SHARD_FILES = [f"{name}{SHARD_SUFFIX}" for name in _SHARD_NAMES]
