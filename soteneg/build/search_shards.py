"""The search index in shards: one Pagefind index per shard of the site's pages.

Pagefind has no incremental mode: an index is made from all its pages at once. So the
site's pages are cut into shards, each indexed on its own into a bundle of its own, and
the search page merges them in the browser (Pagefind's `mergeIndex`). A build re-indexes
only the shards whose pages changed; every other shard's files stay as they are.

- A page's shard is a hash of its path without its language folder (`hashed`), so a
  page, its translations and a placeholder indexed in its original's place share one.
  Shards hold mixed content, not a round each: a round's documents share its words, and
  a shard of one round ranked its own documents down for them. Their number is a power
  of two with at least PAGES_PER_SHARD indexed pages in each (the bundled site is one
  shard, 5000 documents are 16).
- Shard 0 is the first bundle, /pagefind/ itself, with Pagefind's scripts: its URL stays
  the one the search pages load. The others, /pagefind/osa/<n>/, hold only the index:
  the merged instances run on the first bundle's script and WebAssembly.
- The documents in Sámi stay one bundle of their own (/pagefind/smi/, see
  soteneg.site.search): a separate instance of the script, never merged.
- Each language of a shard is indexed by a Pagefind process of its own, and their
  bundles joined (soteneg.build.search_languages): Pagefind makes each language's index
  from that language's pages alone, so the bytes are those of one process, and an
  edit's one shard is indexed on two cores.

/pagefind/shards.json names, for each language, the shards that hold pages in it;
the search page merges those (a shard without the page's language would otherwise be
searched in its largest language). A shard is re-indexed when the fingerprint of its
inputs differs from the one kept in the output's state: the size, modification time and
inode of each of its pages and of every page it read from another shard, the Pagefind
version and this layout. Without that state (a clean build, a deleted cache) every shard
is indexed. Each bundle is canonicalised as soteneg.site.search does, so the same pages
give the same bytes however many builds made them. soteneg.build.search_folders writes
them: a clean build's new bundle swapped in whole, an edit's shards only where their
files changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Collection
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from soteneg.build import search_folders, search_languages
from soteneg.build.output import cache_dir, write_state
from soteneg.build.search_folders import BUNDLE, MANIFEST, REST, SAMI, SHARDS
from soteneg.build.search_languages import ENTRY
from soteneg.build.state_reads import read_state
from soteneg.core.names import LANGS, SAMI_LANGS
from soteneg.site import search

STATE_FILE = "search-shards.json"  # in the output's state: each shard's fingerprint
LAYOUT = 1  # raised when what a shard holds changes: every shard is then indexed anew
PAGES_PER_SHARD = 256
# What a merged shard needs: its entry, metadata and index; the script is the first's.
_DATA = ("pagefind-entry.json", "fragment/", "index/", "filter/")


def shard_count(pages: int) -> int:
    """How many shards a site of `pages` pages is cut into: a power of two (so that a
    site that grows splits each shard in two, and most pages stay where they were), with
    about PAGES_PER_SHARD pages or more in each; one for a site of fewer."""
    count = 1
    while pages // (count * 2) >= PAGES_PER_SHARD:
        count *= 2
    return count


def hashed(count: int) -> Callable[[str], str]:
    """The shard of a page among `count`: a hash of its path without its language
    folder, so that a page and its versions in the other languages (a placeholder and
    the original indexed in its place) are in one shard. Shard 0 is the first bundle."""

    def shard_of(rel: str) -> str:
        parts = rel.split("/")
        if parts[0] in LANGS:
            parts = parts[1:]
        digest = hashlib.sha256("/".join(parts).encode("utf-8")).digest()
        number = int.from_bytes(digest[:8], "big") % count
        return REST if number == 0 else f"{SHARDS}/{number}"

    return shard_of


def one_shard(_rel: str) -> str:
    """Every page in the first bundle: the whole site as one index (what the search was
    before shards; tests compare the two)."""
    return REST


def indexer(out: Path, jobs: int, indexed: Collection[str]) -> Callable[[Path], None]:
    """What the build runs on the written site (the staging folder, or `out` itself when
    it updates `out` in place) to index it, keeping the fingerprints in `out`'s state.
    `indexed`: the pages that hold text for the search (the build's records say which);
    a page without (a comparison, a list) changes no shard."""

    def finish(site_dir: Path) -> None:
        index_site(site_dir, out, jobs=jobs, indexed=indexed)

    return finish


def index_site(
    site_dir: Path,
    state: Path | None = None,
    shards: Callable[[str], str] | None = None,
    jobs: int = 2,
    indexed: Collection[str] | None = None,
) -> list[str]:
    """Index the written site at `site_dir` into /pagefind/, shard by shard; `state` is
    the output whose state keeps the fingerprints (None: index every shard, keep none).
    Returns the shards indexed, in order."""
    # The build says which pages hold text for the search (Pagefind would skip the
    # others, but read them all first); without it, every page in the folder.
    pages = sorted(indexed) if indexed is not None else search.site_pages(site_dir)
    sami = {rel for rel in pages if _in_sami(site_dir, rel)}
    shard_of = shards or hashed(shard_count(len(pages) - len(sami)))
    groups: dict[str, list[str]] = {}
    for rel in pages:
        groups.setdefault(SAMI if rel in sami else shard_of(rel), []).append(rel)
    old = _read_fingerprints(state)
    bundle = site_dir / BUNDLE
    # os.path, not pathlib: 8000 paths joined and parsed cost 0.1-0.2 s of an edit.
    root = os.fspath(site_dir)
    stamps = {rel: _stamp(os.path.join(root, rel)) for rel in pages}
    # Read once: importlib.metadata looks the package up anew every time (2 ms each,
    # twice a shard).
    version = search.pagefind_version()
    fresh: dict[str, dict[str, Any]] = {}
    todo: list[str] = []
    for key in sorted(groups):
        record = old.get(key) or {}
        reads = [rel for rel in record.get("reads", []) if rel not in groups[key]]
        fingerprint = _fingerprint(groups[key], reads, stamps, site_dir, version)
        here = bundle / key / "pagefind-entry.json"
        if record.get("fingerprint") == fingerprint and here.is_file():
            fresh[key] = record
        else:
            todo.append(key)
    clean = not bundle.is_dir()
    if clean:
        todo = sorted(groups)
    fresh_dir = site_dir / f".{BUNDLE}-new"
    if clean:
        search_folders.clear(site_dir)
    try:
        made = _index(
            site_dir, {key: groups[key] for key in todo}, jobs, fresh_dir if clean else None
        )
    except BaseException:
        shutil.rmtree(fresh_dir, ignore_errors=True)
        raise
    for key, (_, reads) in made.items():
        fingerprint = _fingerprint(groups[key], reads, stamps, site_dir, version)
        fresh[key] = {"fingerprint": fingerprint, "reads": reads}
    manifest = _manifest({key: files for key, (files, _) in made.items()}, bundle, groups)
    if clean:
        search_folders.swap_in(site_dir, manifest)
    else:
        for key, (files, _) in made.items():
            search_folders.update(bundle, key, files)
        for folder in sorted((bundle / SHARDS).glob("*")):  # a shard gone (fewer pages)
            if f"{SHARDS}/{folder.name}" not in groups:
                shutil.rmtree(folder, ignore_errors=True)
        if SAMI not in groups:
            shutil.rmtree(bundle / SAMI, ignore_errors=True)
        search_folders.replace(bundle / MANIFEST, manifest)
    if state is not None:
        data = json.dumps({"layout": LAYOUT, "shards": fresh}, sort_keys=True)
        write_state(state, STATE_FILE, data.encode("utf-8"))
    return sorted(made)


def _index(
    site_dir: Path, groups: dict[str, list[str]], jobs: int, into: Path | None = None
) -> dict[str, tuple[dict[str, bytes], list[str]]]:
    """Each shard's bundle (file -> bytes) and the pages of other shards it read. With
    `into` (a clean build's new bundle), each shard's files are written there as soon as
    its Pagefind runs end, on a thread of their own, while the next shards are indexed;
    only its entry is handed back (the manifest reads it)."""

    def run(key: str, pages: list[str]) -> tuple[dict[str, bytes], set[str]]:
        reads: set[str] = set()
        reader = search.sami_page if key == SAMI else search.reading_page(reads)
        return search.bundle_of(site_dir, pages, reader), reads

    def finish(key: str, parts: list[tuple[dict[str, bytes], set[str]]]) -> None:
        files = (
            search_languages.merged([files for files, _ in parts])
            if len(parts) > 1
            else parts[0][0]
        )
        reads = set().union(*(reads for _, reads in parts))
        if files is None:  # the runs' indexes are not of distinct languages
            files, reads = run(key, groups[key])  # so the shard in one run
        if key not in (REST, SAMI):
            files = {rel: data for rel, data in files.items() if _is_data(rel)}
        if into is not None:
            # Writing a clean build's 9000 files after the last shard took 2-4 s with a
            # core idle; on the writer's thread it overlaps the next shards' Pagefind
            # runs, and this thread waits for the next at once.
            writes.append(writer.submit(search_folders.write, into / key, files))
            files = {ENTRY: files[ENTRY]}
        results[key] = (files, sorted(reads - set(groups[key])))

    # Each language of a shard is a Pagefind process of its own (search_languages): two at
    # a time keep two cores busy, the largest shard first so that the last to finish is
    # a small one, its languages one after the other so that it is written while the
    # next shard is indexed. An edit's one shard is so indexed on both cores, not one.
    order = sorted(groups, key=lambda key: (-len(groups[key]), key))
    writes: list[Future[None]] = []
    results: dict[str, tuple[dict[str, bytes], list[str]]] = {}
    with ThreadPoolExecutor(max_workers=1) as writer:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            runs: list[tuple[str, Future[tuple[dict[str, bytes], set[str]]]]] = []
            try:
                # Each shard's runs begin as soon as its pages' languages are read, not
                # after all 8000 pages' are.
                for key in order:
                    for part in search_languages.by_language(site_dir, groups[key], key == SAMI):
                        runs.append((key, pool.submit(run, key, part)))
                for key in order:
                    mine = [future for k, future in runs if k == key]
                    finish(
                        key,
                        [search_languages.part(f) if len(mine) > 1 else f.result() for f in mine],
                    )
            except BaseException:
                for _, future in runs:
                    future.cancel()  # the runs not begun; those running end as they will
                raise
        for write in writes:
            write.result()  # a failed write fails the index
    return {key: results[key] for key in sorted(results)}


def _is_data(rel: str) -> bool:
    return rel.startswith(_DATA) or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))


def _manifest(
    made: dict[str, dict[str, bytes]], bundle: Path, groups: dict[str, list[str]]
) -> bytes:
    """/pagefind/shards.json: for each language, the other shards holding pages in it."""
    langs: dict[str, list[str]] = {}
    for key in sorted(groups):
        if key in (REST, SAMI):
            continue
        if key in made:
            entry = made[key]["pagefind-entry.json"]
        else:
            entry = (bundle / key / "pagefind-entry.json").read_bytes()
        for lang in json.loads(entry)["languages"]:
            langs.setdefault(lang, []).append(f"{key}/")
    return json.dumps(langs, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _in_sami(site_dir: Path, rel: str) -> bool:
    """A document's version in Sámi is published in a folder named by its language
    below the document (routes.version); only such pages are opened to read their
    language, not all 9000 at 5000 documents."""
    parts = rel.split("/")
    if len(parts) < 2 or parts[-2] not in SAMI_LANGS:
        return False
    return search.lang_of(site_dir, rel) in SAMI_LANGS


def _stamp(path: str | Path) -> list[int] | None:
    # Not the change time: moving a page into the output (os.replace) changes it.
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _fingerprint(
    pages: list[str],
    reads: list[str],
    stamps: dict[str, list[int] | None],
    site_dir: Path,
    version: str,
) -> str:
    digest = hashlib.sha256(f"{LAYOUT} {version}\n".encode())
    for rel in pages:
        digest.update(f"{rel} {stamps.get(rel)}\n".encode())
    for rel in reads:
        stamp = stamps[rel] if rel in stamps else _stamp(site_dir / rel)
        digest.update(f"< {rel} {stamp}\n".encode())
    return digest.hexdigest()


def _read_fingerprints(state: Path | None) -> dict[str, dict[str, Any]]:
    if state is None:
        return {}
    data = read_state(cache_dir(state) / STATE_FILE)
    try:
        kept = json.loads(data) if data else {}
    except ValueError:
        return {}
    if not isinstance(kept, dict) or kept.get("layout") != LAYOUT:
        return {}
    shards = kept.get("shards")
    return shards if isinstance(shards, dict) else {}
