"""Whether the last build still holds: the stamps of what it read and wrote, the code
and options it was made with, the moment its site next changes by itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from functools import cache
from pathlib import Path

from soteneg.build.cache import codec
from soteneg.build.records import Inputs
from soteneg.build.settings import Settings
from soteneg.content.history import checked_out
from soteneg.content.sources import (
    CONFIG_FILE,
    CONTENT_DIR,
    TEMPLATES_DIR,
    Stamp,
    read_config,
    stamp,
    stat_stamp,
)
from soteneg.packets.fonts import FONT_STAMP

GIT_STAMP = "git:HEAD"  # not a path: no file is named so under the project


def cache_key(settings: Settings) -> str:
    """The code and the options a cache is good for."""
    options = repr(settings.output_options())
    return hashlib.blake2b(f"{code_key()}\0{options}".encode(), digest_size=16).hexdigest()


@cache
def code_key() -> str:
    """soteneg's own source: a cache made by other code is not trusted. Read once per
    process: the code that runs is the code that was there when it started."""
    digest = hashlib.blake2b(str(codec.FORMAT).encode(), digest_size=16)
    package = Path(__file__).parent.parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def configured_output(root: Path) -> Path | None:
    """The output folder site.yaml names, read without validating the rest (a build
    that finds nothing changed needs no more); None if that cannot be told. Read as
    the build reads it (content.sources.read_config): a regular file inside the project
    of at most MAX_DATA_BYTES, whatever stands at its name in a commit (a link to
    /dev/zero, gigabytes)."""
    import yaml

    found = read_config(root)
    if found is None or found.data is None:
        return None
    try:
        config = yaml.safe_load(found.data.decode("utf-8"))
    except (ValueError, yaml.YAMLError):
        return None
    output = config.get("output", "_site") if isinstance(config, dict) else None
    return root / output if isinstance(output, str) and output else None


def still_true(
    inputs: Inputs,
    out: Path,
    stamps: dict[str, Stamp],
    now: dt.datetime | None,
    printed: dt.date | None = None,
) -> bool:
    """No input changed (`stamps` are the project's; the fonts a build with PDFs used
    are stamped again from the paths it recorded, without asking fontconfig: see
    fonts.stamps), no embargo ended (nor began again, for an earlier `now`), the
    packets' covers carry the same print date, the output is as it was written."""
    if inputs.printed != printed:
        return False
    project = {k: v for k, v in inputs.stamps.items() if not k.startswith(FONT_STAMP)}
    if project != stamps:
        return False
    for name, recorded in inputs.stamps.items():
        if name.startswith(FONT_STAMP) and stamp(name[len(FONT_STAMP) :]) != recorded:
            return False
    if inputs.settles is not None and (now is None or now >= inputs.settles):
        return False
    if inputs.lifted is not None and now is not None and now < inputs.lifted:
        return False
    return output_stamps(out, list(inputs.written)) == inputs.written


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
    # The commit checked out: pages show the day each file was last committed
    # (content.history), which a commit changes without touching a file here.
    head = checked_out(root)
    if head:
        stamps[GIT_STAMP] = tuple(int(head[i : i + 8], 16) for i in range(0, 32, 8))  # type: ignore[assignment]
    return stamps


def output_stamps(out: Path, files: list[str]) -> dict[str, Stamp]:
    folder = str(out)
    return {rel: s for rel in files if (s := stamp(os.path.join(folder, rel))) is not None}
