"""The writing edge: put a finished site in place at once.

The new site is written into a fresh folder beside the target and swapped in only when
it is complete, so a failed or interrupted build leaves the previous site as it was.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be written; the previous site is untouched."""


def write_site(
    out: Path, files: Mapping[str, bytes], finish: Callable[[Path], None] | None = None
) -> None:
    """Write `files` into a fresh folder, let `finish` complete it (the search index is
    built from the written pages), then swap it in. Any failure leaves `out` untouched;
    `finish` raises to fail."""
    out = out.absolute()
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    except OSError as err:
        raise OutputError(f"cannot create a folder beside {out}: {err.strerror}") from err
    try:
        for rel in sorted(files):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is meant to be read
        if finish is not None:
            finish(staging)
        _swap(staging, out)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the site to {out}: {err.strerror}") from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def lock_file(out: Path) -> Path:
    """Beside every output folder soteneg has built: it also marks the folder as ours."""
    out = out.absolute()
    return out.parent / f".{out.name}.lock"


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the output folder for one build: a second build on the same output waits
    here instead of interleaving its swap with ours. On entry, undo what an interrupted
    build left behind (it may have been killed at any point)."""
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_file(out), "a+b")  # noqa: SIM115
    except OSError as err:
        raise OutputError(f"cannot lock {out}: {err.strerror}") from err
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            _recover(out)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _recover(out: Path) -> None:
    """A build killed between its two renames leaves no site, only the retired one: put
    it back. Staging folders of killed builds are removed."""
    retired = sorted(out.parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not out.exists() and retired:
        retired.pop().rename(out)
    for leftover in [*retired, *out.parent.glob(f".{out.name}.new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    if not out.is_dir() or out.is_symlink():
        raise OutputError(f"{out} exists and is not a folder; not replacing it")
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except OSError:
        retired.rename(out)  # put the previous site back
        raise
    shutil.rmtree(retired, ignore_errors=True)


def cache_dir(out: Path) -> Path:
    """The build cache lives beside the output folder (never published); safe to delete."""
    out = out.absolute()
    return out.parent / f".{out.name}.cache"


def load_manifest(out: Path, name: str) -> dict[str, dict[str, str]]:
    """A cache manifest, or empty when missing or unreadable (a damaged cache is rebuilt)."""
    try:
        data = json.loads((cache_dir(out) / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def save_manifest(out: Path, name: str, manifest: Mapping[str, Mapping[str, str]]) -> None:
    folder = cache_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name}.tmp"
    temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(folder / name)


def previous_output(out: Path, rel: str, sha256: str) -> bytes | None:
    """A file of the previous build, if it is still there with the recorded content."""
    try:
        data = (out / rel).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def save_report(out: Path, name: str, text: str) -> Path:
    folder = cache_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name
