"""The writing edge: put a finished site in place.

A clean build writes into a fresh folder beside the target, swapped in only when it is
complete; an incremental one moves its changed files in one by one (see docs/builds.md).
Either way a failed build leaves the previous site as it was.
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


def new_staging(out: Path) -> Path:
    """A fresh, empty folder beside `out` to build into."""
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    except OSError as err:
        raise OutputError(f"cannot create a folder beside {out}: {err.strerror}") from err
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is meant to be read
    return staging


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def removed_on_failure(staging: Path, out: Path) -> Iterator[None]:
    """Remove `staging` when the block fails; a failing write is an OutputError."""
    try:
        yield
    except OSError as err:
        discard(staging)
        raise OutputError(f"cannot write the site to {out}: {err.strerror}") from err
    except BaseException:
        discard(staging)
        raise


def replace_site(staging: Path, out: Path, finish: Callable[[Path], None] | None = None) -> None:
    """Let `finish` complete the staged site (the search index is built from the written
    pages), then swap it in for `out` at once. Any failure leaves `out` untouched and the
    staging folder removed; `finish` raises to fail."""
    out = out.absolute()
    with removed_on_failure(staging, out):
        if finish is not None:
            finish(staging)
        _swap(staging, out)


def update_site(
    staging: Path,
    out: Path,
    changed: list[str],
    removed: list[str],
    finish: Callable[[Path], None] | None = None,
) -> None:
    """Move the `changed` files from `staging` into `out`, one atomic rename each, and
    delete the `removed` ones; then `finish` on `out`. Nothing else in `out` is touched.
    The caller keeps a journal around this, since a kill half-way leaves a mix."""
    out = out.absolute()
    try:
        for rel in changed:
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, target)
        for rel in removed:
            (out / rel).unlink(missing_ok=True)
            _prune(out, (out / rel).parent)
        if finish is not None:
            finish(out)
    except OSError as err:
        raise OutputError(f"cannot update the site in {out}: {err.strerror}") from err
    finally:
        discard(staging)


def _prune(out: Path, folder: Path) -> None:
    """Remove folders left empty by removed pages, up to the output folder."""
    while folder != out and folder.is_relative_to(out):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


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
