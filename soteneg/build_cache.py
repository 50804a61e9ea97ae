"""The build cache: what the last build read and wrote, so the next one redoes only what
changed. It lives beside the output folder (`.<out>.cache/`), is never published, and is
safe to delete: a build without it is a clean build.

`inputs.pickle` is small (input and output stamps, the last warnings) and answers "did
anything change at all?" without loading the rest; `build.pickle` holds the unit
fingerprints and a record of every output file; `parsed/` holds what each document file
became, in shards by content hash. A cache written by other code or for other build
options is ignored. While changed files are being moved into the output, a journal file
marks the output as half-updated; a build that finds it starts clean.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from soteneg.output import OutputError, cache_dir, output_lock
from soteneg.sources import CONFIG_FILE, CONTENT_DIR, TEMPLATES_DIR

if TYPE_CHECKING:  # kept light: a build with nothing to do loads nothing else
    from soteneg.content import Parsed
    from soteneg.feeds import SitemapEntry
    from soteneg.linkcheck import PageLinks
    from soteneg.problems import Problem

FORMAT = 1
INPUTS_FILE = "inputs.pickle"
BUILD_FILE = "build.pickle"
PARSED_DIR = "parsed"
JOURNAL_FILE = "updating"
EXTERNAL_LINKS = "external-links.txt"  # every external link and the page that has it

Stamp = tuple[int, int]  # (size, mtime_ns)


class Record(NamedTuple):
    """One file of the output as the last build wrote it (a tuple: thousands of them
    load from the cache fastest so)."""

    sha: str
    unit: str = ""  # the unit that made it; "" for copied files (assets, attachments)
    links: PageLinks | None = None  # HTML pages only
    sitemap: SitemapEntry | None = None  # its sitemap entry, when it has one
    sources: tuple[str, ...] = ()
    template: str = ""
    indexed: bool = False  # holds text for the search index


@dataclass
class BuildCache:
    key: str = ""  # code and options the cache was made for
    parsed: dict[str, Parsed] = field(default_factory=dict)  # see content.load_content
    units: dict[str, str] = field(default_factory=dict)  # unit key -> fingerprint
    outputs: dict[str, str | None] = field(default_factory=dict)  # unit key -> its output
    records: dict[str, Record] = field(default_factory=dict)  # output file -> record
    # Memo keys in each shard file as last written (not saved; see load_build).
    saved: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass
class Inputs:
    """The cheap half of the cache: enough to see that nothing changed."""

    key: str = ""
    stamps: dict[str, Stamp] = field(default_factory=dict)  # input file -> stamp
    written: dict[str, Stamp] = field(default_factory=dict)  # output file -> stamp
    # The first publish_at after the build's moment: from then on the site is different.
    settles: dt.datetime | None = None
    warnings: list[Problem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # of files with warnings
    files: int = 0
    external_links: int = 0


def cache_key(
    drafts: bool, base_path: str | None, pdf: bool, search: bool, link_pdfs: bool, shard: str
) -> str:
    """The code and the options a cache is good for (the moment `now` is not one of them:
    documents whose embargo ends change the fingerprints)."""
    options = repr((drafts, base_path, pdf, search, link_pdfs, shard))
    return hashlib.blake2b(f"{code_key()}\0{options}".encode(), digest_size=16).hexdigest()


def configured_output(root: Path) -> Path | None:
    """The output folder site.yaml names, read without validating the rest (a build
    that finds nothing changed needs no more); None if that cannot be told."""
    import yaml

    try:
        config = yaml.safe_load((root / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return None
    output = config.get("output", "_site") if isinstance(config, dict) else None
    return root / output if isinstance(output, str) and output else None


def unchanged(
    out: Path, key: str, stamps: dict[str, Stamp], now: dt.datetime | None
) -> Inputs | None:
    """What the previous build into `out` left, if it is still all true: no input
    changed, no embargo ended, the output is as it was written; else None. Taken under
    the output's lock, so a build running meanwhile is not half seen; an output that
    cannot be locked (read-only) is looked at as it is, since nothing will be written."""
    try:
        with output_lock(out):
            return _unchanged(out, key, stamps, now)
    except OutputError:
        return _unchanged(out, key, stamps, now)


def _unchanged(
    out: Path, key: str, stamps: dict[str, Stamp], now: dt.datetime | None
) -> Inputs | None:
    inputs = load_inputs(out, key)
    return inputs if inputs is not None and still_true(inputs, out, stamps, now) else None


def still_true(
    inputs: Inputs, out: Path, stamps: dict[str, Stamp], now: dt.datetime | None
) -> bool:
    if inputs.stamps != stamps:
        return False
    if inputs.settles is not None and (now is None or now >= inputs.settles):
        return False
    return output_stamps(out, list(inputs.written)) == inputs.written


def code_key() -> str:
    """soteneg's own source: a cache made by other code is not trusted."""
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    package = Path(__file__).parent
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load(path: Path, kind: type) -> Any:
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def load_inputs(out: Path, key: str) -> Inputs | None:
    folder = cache_dir(out)
    if (folder / JOURNAL_FILE).exists():
        return None
    found = _load(folder / INPUTS_FILE, Inputs)
    return found if found is not None and found.key == key else None


def _shard(memo_key: str) -> str:
    # Memo keys are hex digests: their first two digits spread them evenly.
    return memo_key[:2]


def load_build(out: Path, key: str) -> BuildCache | None:
    """The build half. Its records are only trusted together with the inputs half and
    without a journal; its memo of parsed documents is always good. The memo is kept in
    256 shards by key, so that a build that parsed a few files writes a few shards."""
    folder = cache_dir(out)
    found = _load(folder / BUILD_FILE, BuildCache)
    if found is None or found.key != key:
        return None
    for path in sorted((folder / PARSED_DIR).glob("*.pickle")):
        # Each shard names the code that parsed it: one left by other code is ignored.
        shard = _load(path, tuple)
        if shard is None or len(shard) != 2 or shard[0] != key or not isinstance(shard[1], dict):
            continue
        found.parsed.update(shard[1])
        found.saved[path.stem] = frozenset(shard[1])
    return found


def _dump(path: Path, value: object) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(path)


def save(out: Path, build: BuildCache, inputs: Inputs) -> None:
    """Write both halves; a build that cannot save its cache still succeeded."""
    folder = cache_dir(out)
    shards: dict[str, dict[str, Parsed]] = {}
    for memo_key, parsed in build.parsed.items():
        shards.setdefault(_shard(memo_key), {})[memo_key] = parsed
    try:
        (folder / PARSED_DIR).mkdir(parents=True, exist_ok=True)
        for name in set(shards) | set(build.saved):
            shard = shards.get(name, {})
            if frozenset(shard) == build.saved.get(name):
                continue
            path = folder / PARSED_DIR / f"{name}.pickle"
            if shard:
                _dump(path, (build.key, shard))
            else:
                path.unlink(missing_ok=True)
            build.saved[name] = frozenset(shard)
        _dump(folder / BUILD_FILE, replace(build, parsed={}, saved={}))
        _dump(folder / INPUTS_FILE, inputs)
    except OSError:
        forget(out)


def forget(out: Path) -> None:
    for name in (INPUTS_FILE, BUILD_FILE):
        (cache_dir(out) / name).unlink(missing_ok=True)
    shutil.rmtree(cache_dir(out) / PARSED_DIR, ignore_errors=True)


def journal(out: Path) -> Path:
    return cache_dir(out) / JOURNAL_FILE


def stamp(path: str | Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def input_stamps(root: Path) -> dict[str, Stamp]:
    """Every file a build may read: site.yaml, content/ and templates/, hidden ones too
    (a stamp more costs nothing; a missed input would be a stale site)."""
    stamps: dict[str, Stamp] = {}
    found = stamp(root / CONFIG_FILE)
    if found:
        stamps[CONFIG_FILE] = found
    for top in (CONTENT_DIR, TEMPLATES_DIR):
        folders = [(os.path.join(root, top), top)]
        while folders:
            folder, rel = folders.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                name = f"{rel}/{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, name))
                else:
                    try:
                        st = entry.stat()
                    except OSError:
                        continue
                    stamps[name] = (st.st_size, st.st_mtime_ns)
    return stamps


def output_stamps(out: Path, files: list[str]) -> dict[str, Stamp]:
    folder = str(out)
    return {rel: s for rel in files if (s := stamp(os.path.join(folder, rel))) is not None}
