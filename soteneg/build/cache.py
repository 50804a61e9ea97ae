"""The build cache: what the last build read and wrote, so the next one redoes only what
changed. It lives in the user's cache folder, one folder per output (output.cache_dir),
never in the project, is never published, and is safe to delete: a build without it is
a clean build.

The files are data only (msgpack read into declared types by cache_codec; nothing in them
can run code), never read or written through a symlink. `inputs.msgpack` is small (input
and output stamps, the last warnings) and answers "did anything change at all?" without
loading the rest; `build.msgpack` holds the unit fingerprints and a record of every
output file; `parsed/` holds what each document file became, in shards by content hash.
A file written by other code or for other build options, or one that does not decode
exactly, is ignored. While changed files are being moved into the output, a journal file
marks the output as half-updated; a build that finds it starts clean.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from soteneg.build import cache_codec
from soteneg.build.output import (
    OutputError,
    cache_dir,
    ensure_private_folder,
    output_lock,
    read_state,
    write_private,
)
from soteneg.build.records import BuildRecords, Inputs, Record
from soteneg.content.sources import (
    CONFIG_FILE,
    CONTENT_DIR,
    TEMPLATES_DIR,
    Stamp,
    stamp,
    stat_stamp,
)
from soteneg.packets.fonts import FONT_STAMP

if TYPE_CHECKING:  # kept light: a build with nothing to do loads nothing else
    from soteneg.content.loader import Parsed

INPUTS_FILE = "inputs.msgpack"
BUILD_FILE = "build.msgpack"
PARSED_DIR = "parsed"
SHARD_SUFFIX = ".msgpack"
JOURNAL_FILE = "updating"
EXTERNAL_LINKS = "external-links.txt"  # every external link and the page that has it


@dataclass
class BuildCache:
    key: str = ""  # code and options the cache was made for
    parsed: dict[str, Parsed] = field(default_factory=dict)  # see content.load_content
    units: dict[str, str] = field(default_factory=dict)  # unit key -> fingerprint
    outputs: dict[str, str | None] = field(default_factory=dict)  # unit key -> its output
    records: dict[str, Record] = field(default_factory=dict)  # output file -> record
    # Memo keys in each shard file as last written (not saved; see load_build).
    saved: dict[str, frozenset[str]] = field(default_factory=dict)


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
    """`stamps` are the project's; the fonts a build with PDFs used are stamped again
    from the paths it recorded, without asking fontconfig (see fonts.stamps)."""
    project = {k: v for k, v in inputs.stamps.items() if not k.startswith(FONT_STAMP)}
    if project != stamps:
        return False
    for name, recorded in inputs.stamps.items():
        if name.startswith(FONT_STAMP) and stamp(name[len(FONT_STAMP) :]) != recorded:
            return False
    if inputs.settles is not None and (now is None or now >= inputs.settles):
        return False
    return output_stamps(out, list(inputs.written)) == inputs.written


def code_key() -> str:
    """soteneg's own source: a cache made by other code is not trusted."""
    digest = hashlib.blake2b(str(cache_codec.FORMAT).encode(), digest_size=16)
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_inputs(out: Path, key: str) -> Inputs | None:
    folder = cache_dir(out)
    if os.path.lexists(folder / JOURNAL_FILE):
        return None
    data = read_state(folder / INPUTS_FILE)
    if data is None:
        return None
    try:
        return cache_codec.decode_inputs(data, key)
    except cache_codec.CacheDamaged:
        return None


def _shard(memo_key: str) -> str:
    # Memo keys are hex digests: their first two digits spread them evenly.
    return memo_key[:2]


def load_build(out: Path, key: str) -> BuildCache | None:
    """The build half. Its records are only trusted together with the inputs half and
    without a journal; its memo of parsed documents is always good. The memo is kept in
    256 shards by key, so that a build that parsed a few files writes a few shards."""
    from soteneg.build import cache_parsed  # loads the Markdown and content types

    folder = cache_dir(out)
    data = read_state(folder / BUILD_FILE)
    if data is None:
        return None
    try:
        stored = cache_codec.decode_build(data, key)
    except cache_codec.CacheDamaged:
        return None
    found = BuildCache(key, {}, stored.units, stored.outputs, stored.records)
    for name in _SHARD_NAMES:
        shard_data = read_state(folder / PARSED_DIR / f"{name}{SHARD_SUFFIX}")
        if shard_data is None:
            continue
        try:
            shard = cache_parsed.decode_shard(shard_data, key)
        except cache_codec.CacheDamaged:
            continue  # left by other code, or damaged: its documents are parsed again
        found.parsed.update(shard)
        found.saved[name] = frozenset(shard)
    return found


_SHARD_NAMES = [f"{n:02x}" for n in range(256)]


def save(out: Path, build: BuildCache, inputs: Inputs) -> None:
    """Write both halves; a build that cannot save its cache still succeeded."""
    from soteneg.build import cache_parsed

    folder = cache_dir(out)
    shards: dict[str, dict[str, Parsed]] = {}
    for memo_key, parsed in build.parsed.items():
        shards.setdefault(_shard(memo_key), {})[memo_key] = parsed
    try:
        ensure_private_folder(folder / PARSED_DIR)
        for name in set(shards) | set(build.saved):
            shard = shards.get(name, {})
            if frozenset(shard) == build.saved.get(name):
                continue
            path = folder / PARSED_DIR / f"{name}{SHARD_SUFFIX}"
            if shard:
                write_private(path, cache_parsed.encode_shard(build.key, shard))
            else:
                path.unlink(missing_ok=True)
            build.saved[name] = frozenset(shard)
        records = BuildRecords(build.units, build.outputs, build.records)
        write_private(folder / BUILD_FILE, cache_codec.encode_build(build.key, records))
        write_private(folder / INPUTS_FILE, cache_codec.encode_inputs(inputs.key, inputs))
    except (OSError, cache_codec.CacheDamaged):
        forget(out)


def forget(out: Path) -> None:
    folder = cache_dir(out)
    for name in (INPUTS_FILE, BUILD_FILE):
        with contextlib.suppress(OSError):
            (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / PARSED_DIR, ignore_errors=True)


def journal(out: Path) -> Path:
    return cache_dir(out) / JOURNAL_FILE


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
                    stamps[name] = stat_stamp(st)
    return stamps


def output_stamps(out: Path, files: list[str]) -> dict[str, Stamp]:
    folder = str(out)
    return {rel: s for rel in files if (s := stamp(os.path.join(folder, rel))) is not None}
