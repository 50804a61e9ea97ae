"""Static files from templates/static/, published under names that carry their hash, so
a browser can cache them for ever and still never shows an old stylesheet."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping

from soteneg.core import routes

# A file whose name the script that loads it fixes: Pagefind's UI imports
# `<bundlePath>pagefind.js`, and the search page gives it soteneg's module in place of
# Pagefind's (templates/static/search/pagefind.js). Its hash goes on its folder.
FIXED_NAMES = frozenset({"pagefind.js"})


def hashed_name(name: str, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:10]
    folder, base = posixpath.split(name)
    if base in FIXED_NAMES and folder:
        return f"{folder}.{digest}/{base}"
    stem, ext = posixpath.splitext(name)
    return f"{stem}.{digest}{ext}"


def publish(static: Mapping[str, bytes]) -> tuple[dict[str, str], dict[str, bytes]]:
    """(name -> site URL, output file -> bytes) for every static file."""
    urls: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for name in sorted(static):
        url = routes.STATIC + hashed_name(name, static[name])
        urls[name] = url
        files[routes.output_file(url)] = static[name]
    return urls, files
