"""/pagefind/ on disk: where each shard's bundle lies (soteneg.build.search_shards cuts
the site into shards and indexes them), and bringing a folder to a shard's new files:
a clean build's whole new bundle swapped in for the old one, an edit's shards rewritten
in place, only the files that changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from soteneg.build.search_languages import ENTRY
from soteneg.core import files as site_files
from soteneg.site import search

BUNDLE = search.BUNDLE
REST = ""  # shard 0: the first bundle, /pagefind/
SAMI = search.SAMI_BUNDLE  # the Sámi documents' bundle, never merged
SHARDS = "osa"  # /pagefind/osa/<n>/: the other shards' bundles
MANIFEST = "shards.json"  # in the first bundle: the shards of each language


def clear(site_dir: Path) -> None:
    """Remove what an interrupted clean index left beside the site."""
    for leftover in (site_dir / f".{BUNDLE}-new", site_dir / f".{BUNDLE}-old"):
        shutil.rmtree(leftover, ignore_errors=True)


def swap_in(site_dir: Path, manifest: bytes) -> None:
    """Swap the new /pagefind/, every shard written beside the site, in for the old
    one: a failure leaves no half-written bundle."""
    fresh, old = site_dir / f".{BUNDLE}-new", site_dir / f".{BUNDLE}-old"
    try:
        site_files.make_folders(fresh)
        site_files.write_file(fresh / MANIFEST, manifest)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    bundle = site_dir / BUNDLE
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


# Files Pagefind names by a hash of their content: one there by that name and size
# already holds these bytes. An edit changes a few fragments and the word index
# chunks, and leaves most of a shard's 500 files as they were.
_BY_CONTENT = ("fragment/", "index/", "filter/")


def update(bundle: Path, key: str, files: dict[str, bytes]) -> None:
    """Bring one shard's folder to `files`: write what is new or changed, the entry
    (which names the metadata, and so the rest) last, then remove what is no longer in
    it. Writing only the difference is most of an edit's saving: unlinking and writing
    a whole shard's files cost more than indexing it on a busy disk."""
    folder = bundle / key
    own = own_files(bundle, key)
    for rel, data in sorted(files.items()):
        if rel == ENTRY:
            continue
        path = folder / rel
        if rel in own and _same(path, rel, data):
            continue
        site_files.make_folders(path.parent)
        replace(path, data)
    replace(folder / ENTRY, files[ENTRY])
    for rel in sorted(set(own) - set(files)):
        (folder / rel).unlink(missing_ok=True)


def own_files(bundle: Path, key: str) -> set[str]:
    """The files of shard `key`: for the first bundle, not those of the shards inside.
    Those are not walked at all: the first bundle's own are about 550 of the 8600 files
    under /pagefind/ at 5000 documents, and walking the rest was a third of a second of
    every edit that re-indexed it."""
    folder = os.fspath(bundle / key)
    found: set[str] = set()
    for top, folders, names in os.walk(folder):
        rel_top = os.path.relpath(top, folder)
        if rel_top == ".":
            if key == REST:
                folders[:] = [f for f in folders if f not in (SHARDS, SAMI) and f[0] != "."]
                names = [n for n in names if n not in (SHARDS, SAMI, MANIFEST) and n[0] != "."]
            prefix = ""
        else:
            prefix = rel_top.replace(os.sep, "/") + "/"
        found.update(prefix + name for name in names if os.path.isfile(os.path.join(top, name)))
    return found


def _same(path: Path, rel: str, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        by_content = rel.startswith(_BY_CONTENT) or (
            rel.startswith("pagefind.") and rel.endswith(".pf_meta")
        )
        return by_content or path.read_bytes() == data
    except OSError:
        return False


def replace(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all (a new file renamed over it), unless it already
    holds `data`."""
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    temporary = path.with_name(f".{path.name}.new")
    site_files.write_file(temporary, data)
    os.replace(temporary, path)


def write(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        path = folder / rel
        site_files.make_folders(path.parent)
        site_files.write_file(path, data)
