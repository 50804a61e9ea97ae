"""The template check's problems, and the templates' keys, kept by the templates' texts.

`site.render.check_templates` compiles every template and walks its syntax tree: at
5000 documents it was a tenth of one edit's build (0.5-0.6 s), done again on every
build though the templates seldom change. Its problems depend on nothing but the
templates' texts, the sandbox (soteneg's code) and Jinja, and so do the keys the plan
gives each template (`render.template_keys`, every template parsed): both are kept in
one small file beside the build cache, under a key of all three, so that any edit of
any template, a new one or one removed, checks them all again. A file that does not decode exactly,
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
from soteneg.build.output import OutputError, ensure_private_folder, write_private
from soteneg.build.state_reads import read_state
from soteneg.core.problems import Problem
from soteneg.site.render import check_templates, template_keys
from soteneg.site.sandbox import SiteSandbox

TEMPLATES_FILE = "templates.msgpack"
FORMAT = 2


class _Checked(msgspec.Struct, frozen=True):
    format: int
    key: str
    problems: list[Problem]
    keys: dict[str, str]  # template -> the key of it and all it uses (render.template_keys)


_DECODER = msgspec.msgpack.Decoder(_Checked)
_IN_PROCESS: dict[str, _Checked] = {}  # the last key and its answers


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
    return list(_known(env, texts, folder).problems)


def keys_of_templates(
    env: SiteSandbox, texts: Mapping[str, str], folder: Path | None
) -> dict[str, str]:
    """`render.template_keys(env)`, kept alike: it parses every template (0.13 s of an
    edit at 5000 documents), and depends on their texts alone."""
    return dict(_known(env, texts, folder).keys)


def _known(env: SiteSandbox, texts: Mapping[str, str], folder: Path | None) -> _Checked:
    key = templates_key(texts)
    known = _IN_PROCESS.get(key)
    if known is None and folder is not None:
        known = _read(folder / TEMPLATES_FILE, key)
    if known is None:
        known = _Checked(FORMAT, key, check_templates(env), template_keys(env))
        if folder is not None:
            _write(folder, known)
    _IN_PROCESS.clear()
    _IN_PROCESS[key] = known
    return known


def _read(path: Path, key: str) -> _Checked | None:
    data = read_state(path)
    if data is None:
        return None
    try:
        found = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return found if found.format == FORMAT and found.key == key else None


def _write(folder: Path, checked: _Checked) -> None:
    # A cache that cannot be written costs the next build a check, nothing more.
    try:
        ensure_private_folder(folder)
        write_private(
            folder / TEMPLATES_FILE, msgspec.msgpack.encode(checked, order="deterministic")
        )
    except (OSError, OutputError):
        pass
