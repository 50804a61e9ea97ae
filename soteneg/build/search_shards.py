"""The search index in shards: one Pagefind index per round, and one for the rest.

Pagefind has no incremental mode: an index is made from all its pages at once. So the
site's pages are cut into shards, each indexed on its own into a bundle of its own, and
the search page merges them in the browser (Pagefind's `mergeIndex`). A build re-indexes
only the shards whose pages changed; every other shard's files stay as they are.

- A round's shard holds every page under /kierrokset/<round>/ in every language tree
  (/sv/kierrokset/<round>/…): its documents, the placeholders indexed in their place
  (a placeholder and its original are in the same round), the round's page and its
  recommendations. An edit to a document re-indexes its round, about 1/70 of the pages
  at 5000 documents. Its bundle, /pagefind/kierrokset/<round>/, holds only the index:
  the merged instances run on the first bundle's script and WebAssembly.
- The rest (regions, themes, pages, news) is the first bundle, /pagefind/ itself, with
  Pagefind's scripts: its URL stays the one the search pages load.
- The documents in Sámi stay one bundle of their own (/pagefind/smi/, see
  soteneg.site.search): a separate instance of the script, never merged.

/pagefind/shards.json names, for each language, the round shards that hold pages in it;
the search page merges those (a shard without the page's language would otherwise be
searched in its largest language). A shard is re-indexed when the fingerprint of its
inputs differs from the one kept in the output's state: the size, modification time and
inode of each of its pages and of every page it read from another shard, the Pagefind
version and this layout. Without that state (a clean build, a deleted cache) every shard
is indexed. Each bundle is canonicalised as soteneg.site.search does, so the same pages
give the same bytes however many builds made them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from soteneg.build.output import cache_dir, read_state, write_state
from soteneg.core import files as site_files
from soteneg.core.names import LANGS, SAMI_LANGS
from soteneg.site import search

BUNDLE = search.BUNDLE
REST = ""  # the shard of every page outside a round: the first bundle, /pagefind/
SAMI = search.SAMI_BUNDLE  # the Sámi documents' bundle, never merged
MANIFEST = "shards.json"  # in the first bundle: the round shards of each language
STATE_FILE = "search-shards.json"  # in the output's state: each shard's fingerprint
LAYOUT = 1  # raised when what a shard holds changes: every shard is then indexed anew
SHARDS = "osa"  # /pagefind/osa/<n>/: the other shards' bundles
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
    pages = search.site_pages(site_dir)
    if indexed is not None:  # Pagefind would skip the others, but read them all first
        pages = [rel for rel in pages if rel in indexed]
    sami = {rel for rel in pages if search.lang_of(site_dir, rel) in SAMI_LANGS}
    shard_of = shards or hashed(shard_count(len(pages) - len(sami)))
    groups: dict[str, list[str]] = {}
    for rel in pages:
        groups.setdefault(SAMI if rel in sami else shard_of(rel), []).append(rel)
    old = _read_fingerprints(state)
    bundle = site_dir / BUNDLE
    stamps = {rel: _stamp(site_dir / rel) for rel in pages}
    fresh: dict[str, dict[str, Any]] = {}
    todo: list[str] = []
    for key in sorted(groups):
        record = old.get(key) or {}
        reads = [rel for rel in record.get("reads", []) if rel not in groups[key]]
        fingerprint = _fingerprint(groups[key], reads, stamps, site_dir)
        here = bundle / key / "pagefind-entry.json"
        if record.get("fingerprint") == fingerprint and here.is_file():
            fresh[key] = record
        else:
            todo.append(key)
    if not bundle.is_dir():
        todo = sorted(groups)
    made = _index(site_dir, {key: groups[key] for key in todo}, jobs)
    for key, (_, reads) in made.items():
        fingerprint = _fingerprint(groups[key], reads, stamps, site_dir)
        fresh[key] = {"fingerprint": fingerprint, "reads": reads}
    manifest = _manifest({key: files for key, (files, _) in made.items()}, bundle, groups)
    if REST in made:  # the first bundle anew, the other shards' folders moved into it
        kept = [key for key in sorted(groups) if key not in made and key != REST]
        _write_all(site_dir, {key: files for key, (files, _) in made.items()}, kept, manifest)
    else:
        for key, (files, _) in made.items():
            _replace_shard(bundle, key, files)
        for key in sorted(set(old) - set(groups)):  # a round gone: its shard goes too
            if key != REST:
                shutil.rmtree(bundle / key, ignore_errors=True)
                _prune(bundle, (bundle / key).parent)
        path = bundle / MANIFEST
        if not path.is_file() or path.read_bytes() != manifest:
            site_files.write_file(path, manifest)
    if state is not None:
        data = json.dumps({"layout": LAYOUT, "shards": fresh}, sort_keys=True)
        write_state(state, STATE_FILE, data.encode("utf-8"))
    return sorted(made)


def _index(
    site_dir: Path, groups: dict[str, list[str]], jobs: int
) -> dict[str, tuple[dict[str, bytes], list[str]]]:
    """Each shard's bundle (file -> bytes) and the pages of other shards it read."""

    def one(key: str) -> tuple[dict[str, bytes], list[str]]:
        reads: set[str] = set()
        reader = search.sami_page if key == SAMI else search.reading_page(reads)
        files = search.bundle_of(site_dir, groups[key], reader)
        if key not in (REST, SAMI):
            files = {rel: data for rel, data in files.items() if _is_data(rel)}
        return files, sorted(reads - set(groups[key]))

    # Each shard is a Pagefind process of its own: two at a time keep two cores busy,
    # the largest first so that the last to finish is a small one.
    order = sorted(groups, key=lambda key: (-len(groups[key]), key))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = dict(zip(order, pool.map(one, order), strict=True))
    return {key: results[key] for key in sorted(results)}


def _is_data(rel: str) -> bool:
    return rel.startswith(_DATA) or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))


def _manifest(
    made: dict[str, dict[str, bytes]], bundle: Path, groups: dict[str, list[str]]
) -> bytes:
    """/pagefind/shards.json: for each language, the round shards holding pages in it."""
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


def _write_all(
    site_dir: Path, made: dict[str, dict[str, bytes]], kept: list[str], manifest: bytes
) -> None:
    """Write the shards `made` into a new /pagefind/ beside the old one, move the `kept`
    shards' folders into it, and swap it in: no stale file of the first bundle stays
    behind (its files are not all content-named), and a failure to write leaves the old
    bundle."""
    fresh, old = site_dir / f".{BUNDLE}-new", site_dir / f".{BUNDLE}-old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    bundle = site_dir / BUNDLE
    try:
        for key, files in sorted(made.items()):
            _write(fresh / key, files)
        site_files.write_file(fresh / MANIFEST, manifest)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    for key in kept:  # renamed, not copied: their files keep their bytes and inodes
        site_files.make_folders((fresh / key).parent)
        (bundle / key).rename(fresh / key)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _replace_shard(bundle: Path, key: str, files: dict[str, bytes]) -> None:
    """Swap one shard's folder for its new files (the same way, inside the bundle)."""
    target = bundle / key
    fresh = target.parent / f".{target.name}-new"
    old = target.parent / f".{target.name}-old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        _write(fresh, files)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        path = folder / rel
        site_files.make_folders(path.parent)
        site_files.write_file(path, data)


def _prune(bundle: Path, folder: Path) -> None:
    """Remove `folder` and the empty ones above it, up to the bundle."""
    while folder != bundle and bundle in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _stamp(path: Path) -> list[int] | None:
    # Not the change time: moving a page into the output (os.replace) changes it.
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _fingerprint(
    pages: list[str], reads: list[str], stamps: dict[str, list[int] | None], site_dir: Path
) -> str:
    digest = hashlib.sha256(f"{LAYOUT} {search.pagefind_version()}\n".encode())
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
