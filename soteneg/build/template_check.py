"""The template check's problems, kept by the templates' texts.

`site.render.check_templates` compiles every template and walks its syntax tree: at
5000 documents it was a tenth of one edit's build (0.5-0.6 s), done again on every
build though the templates seldom change. Its problems depend on nothing but the
templates' texts, the sandbox (soteneg's code) and Jinja: they are kept in one small
file beside the build cache, under a key of all three, so that any edit of any template,
a new one or one removed, checks them all again. A file that does not decode exactly,
or was made for another key, is ignored. Held in memory (the preview), the last answer
is kept in the process instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import jinja2
import msgspec

from soteneg.build.cache.fresh import code_key
from soteneg.build.output import OutputError, ensure_private_folder, read_state, write_private
from soteneg.core.problems import Problem
from soteneg.site.render import check_templates
from soteneg.site.sandbox import SiteSandbox

TEMPLATES_FILE = "templates.msgpack"
FORMAT = 1


class _Checked(msgspec.Struct, frozen=True):
    format: int
    key: str
    problems: list[Problem]


_DECODER = msgspec.msgpack.Decoder(_Checked)
_IN_PROCESS: dict[str, list[Problem]] = {}  # the last key and its problems


def templates_key(texts: Mapping[str, str]) -> str:
    """Every template's name and text, the code of the sandbox and Jinja's version."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{code_key()}\0{jinja2.__version__}\0".encode())
    for name in sorted(texts):
        digest.update(f"{name}\0{len(texts[name])}\0{texts[name]}\0".encode())
    return digest.hexdigest()


def checked_templates(
    env: SiteSandbox, texts: Mapping[str, str], folder: Path | None
) -> list[Problem]:
    """`check_templates(env)` for `texts` (the templates `env` renders), answered from
    the last check of the same texts when there is one (in `folder`, the build cache's,
    or in this process); else checked now and kept."""
    key = templates_key(texts)
    known = _IN_PROCESS.get(key)
    if known is None and folder is not None:
        known = _read(folder / TEMPLATES_FILE, key)
    if known is None:
        known = check_templates(env)
        if folder is not None:
            _write(folder, _Checked(FORMAT, key, known))
    _IN_PROCESS.clear()
    _IN_PROCESS[key] = known
    return list(known)


def _read(path: Path, key: str) -> list[Problem] | None:
    data = read_state(path)
    if data is None:
        return None
    try:
        found = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return found.problems if found.format == FORMAT and found.key == key else None


def _write(folder: Path, checked: _Checked) -> None:
    # A cache that cannot be written costs the next build a check, nothing more.
    try:
        ensure_private_folder(folder)
        write_private(folder / TEMPLATES_FILE, msgspec.msgpack.encode(checked))
    except (OSError, OutputError):
        pass
