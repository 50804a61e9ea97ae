"""The writing edge: put a finished site in place.

A clean build writes into a fresh folder beside the target, swapped in only when it is
complete; an incremental one moves its changed files in one by one (see docs/builds.md).
Either way a failed build leaves the previous site as it was. Beside the site, the
build's state (cache, lock, reports) lives in the user's cache folder and is written
here, privately; reading it back, distrusted, is state_reads'.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from soteneg.content.sources import (
    CONTENT_DIR,
    TEMPLATES_DIR,
)
from soteneg.core.files import FOLDER_MODE, make_folders
from soteneg.core.text import Text, say


class OutputError(Exception):
    """The output folder cannot be written; the previous site is untouched. `text`
    says why in every language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def _reason(err: OSError) -> str:
    # The operating system's own words ("Permission denied"): English in every language.
    return str(err.strerror or err)


def new_staging(out: Path) -> Path:
    """A fresh, empty folder beside `out` to build into."""
    out = out.absolute()
    try:
        make_folders(out.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    except OSError as err:
        raise OutputError(say("@output.no-staging", out=str(out), reason=_reason(err))) from err
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
        raise OutputError(say("@output.cannot-write", out=str(out), reason=_reason(err))) from err
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
            _real_folders(out, target.parent)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)  # a page's file replaced by a folder: ours to repair
            os.replace(staging / rel, target)
        for rel in removed:
            _real_folders(out, (out / rel).parent)
            (out / rel).unlink(missing_ok=True)
            _prune(out, (out / rel).parent)
        if finish is not None:
            finish(out)
    except OSError as err:
        raise OutputError(say("@output.cannot-update", out=str(out), reason=_reason(err))) from err
    finally:
        discard(staging)


def _real_folders(out: Path, folder: Path) -> None:
    """Make every folder from `out` down to `folder` a real folder. A symlink among them
    (planted in the output, or left by hand) would send our writes elsewhere: it is
    removed, never followed. os.replace and unlink do not follow a link at the last
    name, so the file itself needs no check."""
    if out.is_symlink():
        raise OutputError(say("@output.symlink", out=str(out)))
    current = out
    for part in folder.relative_to(out).parts:
        current = current / part
        if current.is_symlink() or (os.path.lexists(current) and not current.is_dir()):
            current.unlink()
        if not os.path.lexists(current):
            current.mkdir(FOLDER_MODE)


def _prune(out: Path, folder: Path) -> None:
    """Remove folders left empty by removed pages, up to the output folder."""
    while folder != out and folder.is_relative_to(out):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def configured_state_root() -> Path:
    """The state folder as the environment names it (`$XDG_CACHE_HOME/soteneg`, else
    `~/.cache/soteneg`), links and `..` as written: what messages name."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    folder = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return folder / "soteneg"


def state_root() -> Path:
    """Where soteneg keeps what it knows about the outputs it built (cache, lock,
    journal): the user's cache folder, never the project. A checkout is untrusted input:
    a cache committed into it could claim anything, and a lock or journal committed as a
    symlink would make the build write where it points.

    The path is resolved, a name at a time as the kernel does (`lnk/..` is the folder
    above where `lnk` leads, not the one above `lnk`): state_trust checks these very
    folders, and the build uses no other path to them."""
    return Path(os.path.realpath(configured_state_root()))


def state_dir(out: Path) -> Path:
    """The state of one output folder: named for its absolute path, so two projects (or
    two --out folders) never share one."""
    out = out.absolute()
    digest = hashlib.blake2b(os.fsencode(out), digest_size=10).hexdigest()
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in out.name)[:40]
    return state_root() / f"{name}-{digest}"


def cache_dir(out: Path) -> Path:
    """The build cache of `out` (and its reports); safe to delete."""
    return state_dir(out) / "cache"


def lock_file(out: Path) -> Path:
    """Held while a build writes `out`; its presence also marks `out` as built by us."""
    return state_dir(out) / "lock"


def ensure_private_folder(folder: Path) -> None:
    """Create `folder` (under state_root) and the folders above it up to state_root,
    refusing any of them that is a symlink or not a folder: state is never read or
    written through a link. (What holds state_root, such as ~/.cache, is the user's:
    what of it is missing is made for the user alone, whatever the umask, or the next
    build would refuse a ~/.cache that a umask of 000 left open to everyone.)"""
    root = state_root()
    chain = [root, *(p for p in reversed(folder.parents) if p.is_relative_to(root) and p != root)]
    missing_above = [p for p in reversed(root.parents) if not os.path.lexists(p)]
    for path in [*missing_above, *chain, folder] if folder != root else [*missing_above, *chain]:
        if path.is_symlink() or (os.path.lexists(path) and not path.is_dir()):
            raise OutputError(say("@output.not-a-folder", path=str(path)))
        if not os.path.lexists(path):
            try:
                path.mkdir(mode=0o700)
            except FileExistsError:
                if path.is_symlink() or not path.is_dir():
                    raise OutputError(say("@output.not-a-folder", path=str(path))) from None


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the output folder for one build: a second build on the same output waits
    here instead of interleaving its swap with ours. On entry, undo what an interrupted
    build left behind (it may have been killed at any point)."""
    out = out.absolute()
    if out.is_symlink():
        raise OutputError(say("@output.symlink", out=str(out)))
    try:
        make_folders(out.parent)
        ensure_private_folder(state_dir(out))
        if os.path.isdir(lock_file(out)) and not os.path.islink(lock_file(out)):
            remove_state(lock_file(out))
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW
        handle = os.fdopen(os.open(lock_file(out), flags, 0o600), "a+b")
    except OSError as err:
        raise OutputError(say("@output.cannot-lock", out=str(out), reason=_reason(err))) from err
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

    def ours(path: Path) -> bool:  # a link by one of our names is not ours: drop it
        if path.is_symlink():
            path.unlink(missing_ok=True)
            return False
        return path.is_dir()

    retired = sorted(
        (p for p in out.parent.glob(f".{out.name}.old-*") if ours(p)),
        key=lambda p: p.stat().st_mtime,
    )
    if not os.path.lexists(out) and retired:
        retired.pop().rename(out)
    for leftover in [*retired, *out.parent.glob(f".{out.name}.new-*")]:
        if ours(leftover):
            shutil.rmtree(leftover, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    if not out.is_dir() or out.is_symlink():
        raise OutputError(say("@output.not-replacing", out=str(out)))
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except OSError:
        retired.rename(out)  # put the previous site back
        raise
    shutil.rmtree(retired, ignore_errors=True)


def save_report(out: Path, name: str, text: str) -> Path:
    return write_state(out, name, text.encode("utf-8"))


def write_state(out: Path, name: str, data: bytes) -> Path:
    """Write a file of `out`'s state (see write_private)."""
    folder = cache_dir(out)
    ensure_private_folder(folder)
    write_private(folder / name, data)
    return folder / name


def remove_state(path: Path) -> None:
    """Remove a state file whatever stands at its name: a folder there (made by hand or
    by another tool) would otherwise block every later build. A link is removed, never
    followed; rmtree does not follow links inside the folder either."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def write_private(path: Path, data: bytes) -> None:
    """Write beside, then rename over: never through a symlink planted at either name."""
    temporary = path.with_name(f".{path.name}.tmp")
    remove_state(temporary)
    if os.path.isdir(path) and not os.path.islink(path):
        remove_state(path)  # os.replace cannot put a file over a folder
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    with os.fdopen(os.open(temporary, flags, 0o600), "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def unsafe_output(root: Path, out: Path) -> Text | None:
    """Why `out` must not be replaced wholesale, or None. The output folder is deleted and
    rewritten on every build: it must never be the project or hold its sources."""
    root, out = root.resolve(), out.resolve()
    for keep in (root, root / CONTENT_DIR, root / TEMPLATES_DIR):
        if out == keep or keep.is_relative_to(out) or (out.is_relative_to(keep) and keep != root):
            return say("@output.holds-project", out=str(out))
    if out.is_relative_to(root) and any(
        part.startswith(".") for part in out.relative_to(root).parts
    ):
        return say("@output.hidden", out=str(out))
    if out.is_dir() and any(out.iterdir()) and not lock_file(out).exists():
        return say("@output.foreign", out=str(out))
    return None
