"""The static search index, built by Pagefind from the finished pages.

Pagefind reads each page's `<html lang>` and writes one index per language, with
Finnish and Swedish stemming, into /pagefind/. Only the parts marked
`data-pagefind-body` are indexed (real content, not placeholders or the 404 page), and
`data-pagefind-filter` attributes give the round, region, theme and type filters.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"


class SearchError(Exception):
    """Pagefind failed; the message is its output."""


def index_site(site_dir: Path) -> None:
    """Index a written site; runs the Pagefind binary shipped on PyPI. The bundle is
    written beside the old one and swapped in, so no stale index files stay behind and
    a failed run leaves the old bundle."""
    fresh, old = site_dir / f".{BUNDLE}-new", site_dir / f".{BUNDLE}-old"
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-path",
        str(fresh),
        "--quiet",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SearchError(f"pagefind could not run: {err}") from err
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchError((result.stderr or result.stdout).strip()[-2000:])
    bundle = site_dir / BUNDLE
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
