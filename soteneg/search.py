"""The static search index, built by Pagefind from the finished pages.

Pagefind reads each page's `<html lang>` and writes one index per language, with
Finnish and Swedish stemming, into /pagefind/. Only the parts marked
`data-pagefind-body` are indexed (real content, not placeholders or the 404 page), and
`data-pagefind-filter` attributes give the round, region, theme and type filters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"


class SearchError(Exception):
    """Pagefind failed; the message is its output."""


def index_site(site_dir: Path) -> None:
    """Index a written site in place; runs the Pagefind binary shipped on PyPI."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--quiet",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SearchError(f"pagefind could not run: {err}") from err
    if result.returncode != 0:
        raise SearchError((result.stderr or result.stdout).strip()[-2000:])
